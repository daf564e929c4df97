-- Explore lists originals (duplicate_of IS NULL) newest first. In a crisis most items are copies (the
-- crisis bench: 43 originals in 200,000 posts), and walking the full time index to find 51 originals
-- made a search take 380 ms at 200,000 items; this index holds the originals only.
CREATE INDEX listening_items_originals_idx ON listening_items (organisation_id, posted_at DESC, message_id DESC) WHERE duplicate_of IS NULL;
