-- Bulk deals, coupon codes and the holds that count a code's uses.
CREATE TYPE "DealKind" AS ENUM ('BUY_GET', 'BUNDLE');

CREATE TABLE "Deal" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "producerId" UUID NOT NULL,
    "kind" "DealKind" NOT NULL,
    "tier" TEXT,
    "buyQuantity" INTEGER,
    "freeQuantity" INTEGER,
    "bundleQuantity" INTEGER,
    "bundlePriceCents" INTEGER,
    "includeExclusive" BOOLEAN NOT NULL DEFAULT false,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Deal_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Deal_shape_check" CHECK (
      ("kind" = 'BUY_GET' AND "buyQuantity" >= 1 AND "freeQuantity" >= 1)
      OR ("kind" = 'BUNDLE' AND "tier" IS NOT NULL AND "bundleQuantity" >= 2 AND "bundlePriceCents" >= 0)
    )
);
CREATE INDEX "Deal_producerId_startsAt_idx" ON "Deal"("producerId", "startsAt");
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Coupon" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "producerId" UUID,
    "percentOff" INTEGER,
    "amountOffCents" INTEGER,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3),
    "maxUses" INTEGER,
    "oncePerEmail" BOOLEAN NOT NULL DEFAULT false,
    "minLines" INTEGER,
    "minSubtotalCents" INTEGER,
    "tiers" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "beatIds" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "stacksWithDeals" BOOLEAN NOT NULL DEFAULT false,
    "includeExclusive" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Coupon_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Coupon_amount_check" CHECK (
      ("percentOff" BETWEEN 1 AND 100 AND "amountOffCents" IS NULL)
      OR ("percentOff" IS NULL AND "amountOffCents" >= 1)
    )
);
CREATE UNIQUE INDEX "Coupon_code_key" ON "Coupon"("code");
CREATE INDEX "Coupon_producerId_idx" ON "Coupon"("producerId");
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "CouponHold" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "couponId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "email" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CouponHold_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CouponHold_orderId_key" ON "CouponHold"("orderId");
CREATE INDEX "CouponHold_couponId_idx" ON "CouponHold"("couponId");
ALTER TABLE "CouponHold" ADD CONSTRAINT "CouponHold_couponId_fkey" FOREIGN KEY ("couponId") REFERENCES "Coupon"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CouponHold" ADD CONSTRAINT "CouponHold_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "MultiItemOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;
