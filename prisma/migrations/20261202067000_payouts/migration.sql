-- Payouts: Stripe Connect state per producer, collaborator splits per beat, and the transfer
-- ledger (one row per paid line and payee; UNIQUE so a transfer is planned once).
ALTER TABLE "Producer" ADD COLUMN "stripeAccountId" TEXT;
ALTER TABLE "Producer" ADD COLUMN "stripeDetailsSubmitted" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Producer" ADD COLUMN "stripePayoutsEnabled" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Producer" ADD COLUMN "stripeStandIn" BOOLEAN NOT NULL DEFAULT false;
CREATE UNIQUE INDEX "Producer_stripeAccountId_key" ON "Producer"("stripeAccountId");

CREATE TYPE "PayoutStatus" AS ENUM ('PENDING', 'PAID', 'REVERSED', 'FAILED', 'HELD');

CREATE TABLE "BeatSplit" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "beatId" UUID NOT NULL,
    "payeeProducerId" UUID,
    "payeeEmail" TEXT NOT NULL,
    "percent" INTEGER NOT NULL CHECK ("percent" BETWEEN 1 AND 100),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BeatSplit_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "BeatSplit_beatId_payeeEmail_key" ON "BeatSplit"("beatId", "payeeEmail");
CREATE INDEX "BeatSplit_payeeProducerId_idx" ON "BeatSplit"("payeeProducerId");
ALTER TABLE "BeatSplit" ADD CONSTRAINT "BeatSplit_beatId_fkey" FOREIGN KEY ("beatId") REFERENCES "Beat"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BeatSplit" ADD CONSTRAINT "BeatSplit_payeeProducerId_fkey" FOREIGN KEY ("payeeProducerId") REFERENCES "Producer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "PayoutTransfer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "orderId" UUID NOT NULL,
    "orderItemId" UUID NOT NULL,
    "payeeKey" TEXT NOT NULL,
    "payeeProducerId" UUID,
    "payeeEmail" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "percent" INTEGER NOT NULL,
    "lineFeeCents" INTEGER NOT NULL,
    "lineShareCents" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL CHECK ("amountCents" >= 0),
    "currency" TEXT NOT NULL,
    "status" "PayoutStatus" NOT NULL DEFAULT 'PENDING',
    "stripeTransferId" TEXT,
    "stripeReversalIds" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "reversedCents" INTEGER NOT NULL DEFAULT 0,
    "reverseRequestedAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "refusals" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "transferredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PayoutTransfer_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "PayoutTransfer_orderItemId_payeeKey_key" ON "PayoutTransfer"("orderItemId", "payeeKey");
CREATE INDEX "PayoutTransfer_orderId_idx" ON "PayoutTransfer"("orderId");
CREATE INDEX "PayoutTransfer_payeeProducerId_createdAt_idx" ON "PayoutTransfer"("payeeProducerId", "createdAt");
CREATE INDEX "PayoutTransfer_payeeEmail_idx" ON "PayoutTransfer"("payeeEmail");
ALTER TABLE "PayoutTransfer" ADD CONSTRAINT "PayoutTransfer_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PayoutTransfer" ADD CONSTRAINT "PayoutTransfer_payeeProducerId_fkey" FOREIGN KEY ("payeeProducerId") REFERENCES "Producer"("id") ON DELETE SET NULL ON UPDATE CASCADE;
