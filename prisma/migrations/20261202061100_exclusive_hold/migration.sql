-- Exclusive rights, sold once (docs/decisions/0010-exclusive-hold.md).
ALTER TABLE "Beat" ADD COLUMN "exclusiveSoldAt" TIMESTAMPTZ(3);
ALTER TABLE "Beat" ADD COLUMN "exclusiveItemId" UUID;
CREATE UNIQUE INDEX "Beat_exclusiveItemId_key" ON "Beat"("exclusiveItemId");

CREATE TABLE "ExclusiveHold" (
    "beatId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExclusiveHold_pkey" PRIMARY KEY ("beatId")
);
CREATE INDEX "ExclusiveHold_orderId_idx" ON "ExclusiveHold"("orderId");
ALTER TABLE "ExclusiveHold" ADD CONSTRAINT "ExclusiveHold_beatId_fkey" FOREIGN KEY ("beatId") REFERENCES "Beat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing beats and producers get the tier switched off, at its default price and terms.
INSERT INTO "BeatTier" ("beatId", tier, "priceCents", enabled)
SELECT id, 'EXCLUSIVE', 150000, false FROM "Beat"
ON CONFLICT DO NOTHING;
INSERT INTO "ProducerLicenseTerms" ("producerId", tier, "distributionCopies", streams, "musicVideos", "radioBroadcasting")
SELECT id, 'EXCLUSIVE', NULL, NULL, NULL, true FROM "Producer"
ON CONFLICT DO NOTHING;
