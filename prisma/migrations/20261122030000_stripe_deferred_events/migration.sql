-- Refund/dispute events can arrive before the checkout completion they refer to. They are kept
-- (payload + PaymentIntent) and applied when the completion lands.
ALTER TABLE "StripeEvent" ADD COLUMN "paymentIntentId" TEXT;
ALTER TABLE "StripeEvent" ADD COLUMN "deferredPayload" JSONB;
CREATE INDEX "StripeEvent_paymentIntentId_idx" ON "StripeEvent"("paymentIntentId");

-- The built-in test checkout's stand-in session state (buyer details, paid flag), so the success
-- page can fulfil from it the way it retrieves a real session from Stripe.
ALTER TABLE "MultiItemOrder" ADD COLUMN "testCheckout" JSONB;
