-- The webhook's one-statement completion (app/lib/orders/fast-completion.server.ts) takes the
-- PaymentIntent advisory lock and must then look for refund/dispute events deferred for it by a
-- transaction that held the lock meanwhile. A single statement reads one snapshot, taken before
-- it waited for the lock; a VOLATILE PL/pgSQL function takes a fresh snapshot for each query it
-- runs, so this one sees everything committed before the lock was granted. Not in schema.prisma
-- (Prisma has no functions); the caller passes the lock key so it is spelled in one place.
CREATE FUNCTION "stripe_lock_payment_intent"(lock_key text, payment_intent_id text) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(lock_key, 0));
  RETURN EXISTS (
    SELECT 1 FROM "StripeEvent"
    WHERE "paymentIntentId" = payment_intent_id AND "deferredPayload" IS NOT NULL
  );
END
$$;
