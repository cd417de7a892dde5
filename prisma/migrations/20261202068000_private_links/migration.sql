-- Private links: a producer's expiring sales page for chosen beats, with its own prices and cap.
CREATE TABLE "PrivateLink" (
    "id" TEXT NOT NULL,
    "producerId" UUID NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "tierPrices" JSONB NOT NULL DEFAULT '{}',
    "purchaseCap" INTEGER,
    "opens" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PrivateLink_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "PrivateLink_producerId_createdAt_idx" ON "PrivateLink"("producerId", "createdAt" DESC);
ALTER TABLE "PrivateLink" ADD CONSTRAINT "PrivateLink_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "PrivateLinkBeat" (
    "linkId" TEXT NOT NULL,
    "beatId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "PrivateLinkBeat_pkey" PRIMARY KEY ("linkId", "beatId")
);
CREATE INDEX "PrivateLinkBeat_beatId_idx" ON "PrivateLinkBeat"("beatId");
ALTER TABLE "PrivateLinkBeat" ADD CONSTRAINT "PrivateLinkBeat_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "PrivateLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PrivateLinkBeat" ADD CONSTRAINT "PrivateLinkBeat_beatId_fkey" FOREIGN KEY ("beatId") REFERENCES "Beat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "OrderItem" ADD COLUMN "privateLinkId" TEXT;
CREATE INDEX "OrderItem_privateLinkId_idx" ON "OrderItem"("privateLinkId");
ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_privateLinkId_fkey" FOREIGN KEY ("privateLinkId") REFERENCES "PrivateLink"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
