-- Free downloads of a beat's tagged preview in exchange for a confirmed email.
ALTER TABLE "Beat" ADD COLUMN "freeDownload" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "FreeDownload" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "beatId" UUID NOT NULL,
    "producerId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "consent" BOOLEAN NOT NULL DEFAULT false,
    "tokenHash" TEXT NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMPTZ(3),
    "unsubscribedAt" TIMESTAMPTZ(3),
    "licenseText" TEXT,
    "licenseSha256" TEXT,
    CONSTRAINT "FreeDownload_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "FreeDownload_tokenHash_key" ON "FreeDownload"("tokenHash");
CREATE INDEX "FreeDownload_producerId_requestedAt_idx" ON "FreeDownload"("producerId", "requestedAt");
CREATE INDEX "FreeDownload_beatId_idx" ON "FreeDownload"("beatId");
ALTER TABLE "FreeDownload" ADD CONSTRAINT "FreeDownload_beatId_fkey" FOREIGN KEY ("beatId") REFERENCES "Beat"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FreeDownload" ADD CONSTRAINT "FreeDownload_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
