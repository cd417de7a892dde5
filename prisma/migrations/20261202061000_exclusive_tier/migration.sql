-- The Exclusive tier. Alone in its migration: a new enum value cannot be used in the transaction
-- that adds it, and the next migration writes rows with it.
ALTER TYPE "LicenseTier" ADD VALUE 'EXCLUSIVE';
