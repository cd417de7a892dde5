-- A receipt is queued without a body and rendered by the outbox worker when it is sent, so its
-- order link is fresh. That is now a column of its own instead of "kind = 'receipt' AND html = ''".
ALTER TABLE "OutboxEmail" ADD COLUMN "renderAtSend" BOOLEAN NOT NULL DEFAULT false;
UPDATE "OutboxEmail" SET "renderAtSend" = true WHERE kind = 'receipt' AND html = '' AND status <> 'SENT';

-- The paid completion now takes the PaymentIntent lock in its own statement before the one that
-- moves the order (app/models/order/completion.server.ts), so it needs no function of its own.
DROP FUNCTION "stripe_lock_payment_intent"(text, text);
