-- New items are folded into an original by its simhash bands (findDuplicateCandidates), never into a copy: the
-- band index need hold the originals only. In a crisis most items are copies (the crisis bench folds 30,000
-- posts into some 40 originals), and each copy no longer adds its eight bands to a GIN index on ingest.
DROP INDEX listening_items_bands_idx;
CREATE INDEX listening_items_bands_idx ON listening_items USING gin (simhash_bands) WHERE duplicate_of IS NULL;
