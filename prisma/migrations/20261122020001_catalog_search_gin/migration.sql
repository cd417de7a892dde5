-- A text search plus filters (e.g. "night" in Trap, Dark) was a BitmapAnd of the trigram index
-- (every beat containing the word) with one btree, then a heap recheck of thousands of rows.
-- One multi-column GIN over the filter columns and the trigrams lets Postgres intersect them
-- all inside the index (btree_gin gives GIN the equality operators for text).
CREATE EXTENSION IF NOT EXISTS "btree_gin";
CREATE INDEX "Beat_facets_search_gin_idx" ON "Beat" USING GIN ("genre", "mood", "musicalKey", "searchText" gin_trgm_ops);
