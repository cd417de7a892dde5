-- Rate-limit budgets shared by every app instance and kept across restarts. The shape is the one
-- rate-limiter-flexible's Postgres store creates itself (it inserts positionally: key, points,
-- expire in ms since the epoch); the app runs it with `tableCreated: true`, so it never issues DDL.
CREATE TABLE "RateLimit" (
  "key" VARCHAR(255) PRIMARY KEY,
  "points" INTEGER NOT NULL DEFAULT 0,
  "expire" BIGINT
);

-- "Email a link to this address" asked on a public form (order link, password reset). The form only
-- inserts a row here; the mail worker looks the address up and queues the mail or drops the row,
-- so the answer takes the same work whether or not the address is known.
CREATE TABLE "MailRequest" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  "kind" TEXT NOT NULL,
  "email" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "MailRequest_createdAt_idx" ON "MailRequest" ("createdAt");
