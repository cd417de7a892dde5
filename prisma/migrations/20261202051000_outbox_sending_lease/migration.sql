-- Mail is never lost and never doubled (docs/decisions/0008-mail-sending-lease.md).
-- SENDING: a worker holds the row; "nextAttemptAt" is then its lease, renewed by a heartbeat while
-- it sends, and "claimToken" fences every later write to the holder. "resends" makes a deliberate
-- resend a new Message-ID (a retry keeps the old one, so receivers can drop a duplicate).
ALTER TYPE "OutboxStatus" ADD VALUE 'SENDING' BEFORE 'SENT';
ALTER TABLE "OutboxEmail" ADD COLUMN "claimToken" UUID;
ALTER TABLE "OutboxEmail" ADD COLUMN "resends" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "OutboxEmail" ADD COLUMN "deadAt" TIMESTAMPTZ(3);
