-- Catalog filters and sorts (issue 2). The trigram GIN index on "searchText" serves the text
-- search; these btree indexes let the planner combine it with a filter (BitmapAnd) or walk a
-- sort order for unfiltered pages. Each leads with status because only PUBLISHED beats are shown.
CREATE INDEX "Beat_status_genre_idx" ON "Beat"("status", "genre");
CREATE INDEX "Beat_status_mood_idx" ON "Beat"("status", "mood");
CREATE INDEX "Beat_status_musicalKey_idx" ON "Beat"("status", "musicalKey");
CREATE INDEX "Beat_status_bpm_idx" ON "Beat"("status", "bpm");
CREATE INDEX "Beat_status_minPriceCents_idx" ON "Beat"("status", "minPriceCents");
