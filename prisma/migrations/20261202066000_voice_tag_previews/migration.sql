-- Previews the store renders itself with the producer's voice tag (docs/decisions/0015-preview-rendering.md).
CREATE TYPE "PreviewRenderStatus" AS ENUM ('QUEUED', 'RENDERING', 'READY', 'FAILED');

ALTER TABLE "BeatFile" ADD COLUMN "storeRendered" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "VoiceTag" (
    "producerId" UUID NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "originalName" TEXT NOT NULL DEFAULT '',
    "intervalSeconds" INTEGER NOT NULL DEFAULT 30,
    "levelDb" INTEGER NOT NULL DEFAULT -6,
    "rangeStartSeconds" INTEGER NOT NULL DEFAULT 0,
    "rangeLengthSeconds" INTEGER NOT NULL DEFAULT 60,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VoiceTag_pkey" PRIMARY KEY ("producerId")
);

CREATE TABLE "PreviewRender" (
    "beatId" UUID NOT NULL,
    "status" "PreviewRenderStatus" NOT NULL,
    "renderKey" TEXT NOT NULL,
    "replaceUploaded" BOOLEAN NOT NULL DEFAULT false,
    "message" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PreviewRender_pkey" PRIMARY KEY ("beatId")
);

ALTER TABLE "VoiceTag" ADD CONSTRAINT "VoiceTag_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PreviewRender" ADD CONSTRAINT "PreviewRender_beatId_fkey" FOREIGN KEY ("beatId") REFERENCES "Beat"("id") ON DELETE CASCADE ON UPDATE CASCADE;
