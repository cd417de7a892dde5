-- Extensions
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "BeatStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');
CREATE TYPE "FileKind" AS ENUM ('PREVIEW', 'MP3', 'WAV', 'STEMS', 'COVER');
CREATE TYPE "LicenseTier" AS ENUM ('BASIC', 'TRACKOUT', 'UNLIMITED');
CREATE TYPE "OrderStatus" AS ENUM ('PENDING', 'PAID', 'REFUNDED', 'DISPUTED', 'EXPIRED', 'FAILED');
CREATE TYPE "OrderItemStatus" AS ENUM ('ACTIVE', 'REFUNDED');
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'DEAD');

-- CreateTable
CREATE TABLE "Producer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "passwordHash" TEXT,
    "displayName" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "bio" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Producer_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ProducerLicenseTerms" (
    "producerId" UUID NOT NULL,
    "tier" "LicenseTier" NOT NULL,
    "distributionCopies" INTEGER,
    "streams" INTEGER,
    "musicVideos" INTEGER,
    "radioBroadcasting" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProducerLicenseTerms_pkey" PRIMARY KEY ("producerId","tier")
);

CREATE TABLE "PasswordResetToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "producerId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetToken_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Beat" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "producerId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "bpm" INTEGER NOT NULL,
    "musicalKey" TEXT NOT NULL,
    "genre" TEXT NOT NULL,
    "mood" TEXT NOT NULL,
    "tags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "description" TEXT NOT NULL DEFAULT '',
    "status" "BeatStatus" NOT NULL DEFAULT 'DRAFT',
    "searchText" TEXT NOT NULL DEFAULT '',
    "minPriceCents" INTEGER,
    "plays" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Beat_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "BeatFile" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "beatId" UUID NOT NULL,
    "kind" "FileKind" NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "durationMs" INTEGER,
    "originalName" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BeatFile_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "BeatTier" (
    "beatId" UUID NOT NULL,
    "tier" "LicenseTier" NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "BeatTier_pkey" PRIMARY KEY ("beatId","tier")
);

CREATE TABLE "MultiItemOrder" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "number" SERIAL NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'PENDING',
    "currency" TEXT NOT NULL DEFAULT 'usd',
    "totalCents" INTEGER NOT NULL,
    "email" TEXT,
    "buyerName" TEXT,
    "stripeCheckoutSessionId" TEXT,
    "stripePaymentIntentId" TEXT,
    "checkoutExpiresAt" TIMESTAMPTZ(3),
    "paidAt" TIMESTAMPTZ(3),
    "refundedAt" TIMESTAMPTZ(3),
    "disputedAt" TIMESTAMPTZ(3),
    "flaggedReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MultiItemOrder_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "OrderItem" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "orderId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "beatId" UUID NOT NULL,
    "producerId" UUID NOT NULL,
    "tier" "LicenseTier" NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "beatTitle" TEXT NOT NULL,
    "producerName" TEXT NOT NULL,
    "termsSnapshot" JSONB NOT NULL,
    "status" "OrderItemStatus" NOT NULL DEFAULT 'ACTIVE',
    "refundedAt" TIMESTAMPTZ(3),
    "downloadsResetAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderItem_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "DownloadLog" (
    "id" BIGSERIAL NOT NULL,
    "orderItemId" UUID NOT NULL,
    "fileKind" "FileKind" NOT NULL,
    "allowed" BOOLEAN NOT NULL,
    "reason" TEXT,
    "ip" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DownloadLog_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "OutboxEmail" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Producer_email_key" ON "Producer"("email");
CREATE UNIQUE INDEX "Producer_slug_key" ON "Producer"("slug");
CREATE UNIQUE INDEX "PasswordResetToken_tokenHash_key" ON "PasswordResetToken"("tokenHash");
CREATE INDEX "PasswordResetToken_producerId_idx" ON "PasswordResetToken"("producerId");
CREATE UNIQUE INDEX "Beat_slug_key" ON "Beat"("slug");
CREATE INDEX "Beat_producerId_idx" ON "Beat"("producerId");
CREATE INDEX "Beat_status_publishedAt_idx" ON "Beat"("status", "publishedAt" DESC);
CREATE UNIQUE INDEX "BeatFile_beatId_kind_key" ON "BeatFile"("beatId", "kind");
CREATE UNIQUE INDEX "MultiItemOrder_number_key" ON "MultiItemOrder"("number");
CREATE UNIQUE INDEX "MultiItemOrder_stripeCheckoutSessionId_key" ON "MultiItemOrder"("stripeCheckoutSessionId");
CREATE UNIQUE INDEX "MultiItemOrder_stripePaymentIntentId_key" ON "MultiItemOrder"("stripePaymentIntentId");
CREATE INDEX "MultiItemOrder_email_createdAt_idx" ON "MultiItemOrder"("email", "createdAt" DESC);
CREATE INDEX "MultiItemOrder_status_createdAt_idx" ON "MultiItemOrder"("status", "createdAt");
CREATE UNIQUE INDEX "OrderItem_orderId_position_key" ON "OrderItem"("orderId", "position");
CREATE INDEX "OrderItem_beatId_idx" ON "OrderItem"("beatId");
CREATE INDEX "OrderItem_producerId_createdAt_idx" ON "OrderItem"("producerId", "createdAt");
CREATE INDEX "DownloadLog_orderItemId_fileKind_createdAt_idx" ON "DownloadLog"("orderItemId", "fileKind", "createdAt");
CREATE UNIQUE INDEX "OutboxEmail_dedupeKey_key" ON "OutboxEmail"("dedupeKey");
CREATE INDEX "OutboxEmail_status_nextAttemptAt_idx" ON "OutboxEmail"("status", "nextAttemptAt");

-- Search: substring and fuzzy matching over title, tags and producer name.
CREATE INDEX "Beat_searchText_trgm_idx" ON "Beat" USING GIN ("searchText" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "ProducerLicenseTerms" ADD CONSTRAINT "ProducerLicenseTerms_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Beat" ADD CONSTRAINT "Beat_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BeatFile" ADD CONSTRAINT "BeatFile_beatId_fkey" FOREIGN KEY ("beatId") REFERENCES "Beat"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BeatTier" ADD CONSTRAINT "BeatTier_beatId_fkey" FOREIGN KEY ("beatId") REFERENCES "Beat"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "MultiItemOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_beatId_fkey" FOREIGN KEY ("beatId") REFERENCES "Beat"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DownloadLog" ADD CONSTRAINT "DownloadLog_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
