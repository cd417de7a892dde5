-- An order line records its list price and what took it down to the paid amount (priceCents), so
-- receipts, sales and refunds can show gross, discounts and net per line.
ALTER TABLE "OrderItem" ADD COLUMN "listPriceCents" INTEGER;
UPDATE "OrderItem" SET "listPriceCents" = "priceCents";
ALTER TABLE "OrderItem" ALTER COLUMN "listPriceCents" SET NOT NULL;
ALTER TABLE "OrderItem" ADD COLUMN "adjustments" JSONB NOT NULL DEFAULT '[]';
