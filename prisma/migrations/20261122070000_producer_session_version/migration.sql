-- A producer's sessions carry the version they were issued under; a password reset bumps it, so
-- every session opened before the reset (a stolen cookie included) stops working.
ALTER TABLE "Producer" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
