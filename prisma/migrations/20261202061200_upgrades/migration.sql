-- An upgrade line names the line it replaces (whose price it credited).
ALTER TABLE "OrderItem" ADD COLUMN "supersedesItemId" UUID;
CREATE INDEX "OrderItem_supersedesItemId_idx" ON "OrderItem"("supersedesItemId");
ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_supersedesItemId_fkey" FOREIGN KEY ("supersedesItemId") REFERENCES "OrderItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
