-- A public POST that came with an Idempotency-Key, and the answer it got, so that a retry gets that answer instead of
-- filing a second melding. Written in the transaction of what the request did: a crash before the commit leaves
-- neither, and the retry does the work once. The answer is sealed with a key derived from the Idempotency-Key, which
-- only the client knows, so a melding's tracking link in it is not readable here; the key itself is stored as a hash.
-- Kept for a day (platform.opruimen).
CREATE TABLE idempotent_requests (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  endpoint text NOT NULL,
  key_hash text NOT NULL,
  request_hash text NOT NULL,
  answer_sealed text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, endpoint, key_hash)
);

CREATE INDEX idempotent_requests_created_idx ON idempotent_requests (created_at);
