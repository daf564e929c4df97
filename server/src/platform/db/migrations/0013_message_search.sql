-- Dutch full-text search over messages (stemming: "lantaarnpalen" finds "lantaarnpaal"), for the inbox
-- now and for listening later. A generated column, so every way a message enters is indexed alike.
ALTER TABLE messages ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('dutch', coalesce(subject, '') || ' ' || text)) STORED;
CREATE INDEX messages_search_idx ON messages USING gin (search);
