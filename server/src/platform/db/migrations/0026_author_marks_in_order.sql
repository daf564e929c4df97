-- Two listening workers that store items of the same authors at the same time marked those authors as waiting for
-- the network classification in whatever order DISTINCT produced, and deadlocked (seen in bench/ingest with two
-- workers). In the order of the key, the second waits for the first instead.
CREATE OR REPLACE FUNCTION author_network_mark_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO author_network_pending (organisation_id, author_handle)
  SELECT DISTINCT organisation_id, lower(ltrim(author_handle, '@')) FROM new_items WHERE ltrim(author_handle, '@') <> ''
  ORDER BY 1, 2
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
