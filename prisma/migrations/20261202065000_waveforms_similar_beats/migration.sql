-- Waveform peaks of the preview (or MP3): about 200 levels 0–255, computed once from the audio.
ALTER TABLE "Beat" ADD COLUMN "waveformPeaks" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[];

-- Similar beats look first among the same producer's published beats of the same genre, mood and
-- a compatible key; the producer btree alone made that a BitmapAnd of three broad bitmaps
-- (12,000 × 22,000 × 1,200 rows at 100,000 beats). This index reads just those rows.
CREATE INDEX "Beat_similar_idx" ON "Beat" ("producerId", "status", "genre", "mood", "musicalKey", "bpm");
