-- A resident who sends the same melding twice within minutes (a retry without an Idempotency-Key, a second tap)
-- gets the first one back. The fingerprint is a hash of who sent it (the client's address or the Open311 app) and
-- what they sent; neither is readable from it.
ALTER TABLE meldingen ADD COLUMN submission_fingerprint text;
CREATE INDEX meldingen_submission_fingerprint_idx ON meldingen (organisation_id, submission_fingerprint, created_at)
  WHERE submission_fingerprint IS NOT NULL;

-- A second tracking link to the same melding, for the resident whose resubmission was recognised: their first
-- answer may never have arrived. Only the hash of the token is kept, as for the first link.
CREATE TABLE melding_tracking_tokens (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  token_hash text NOT NULL,
  melding_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, token_hash),
  FOREIGN KEY (organisation_id, melding_id) REFERENCES meldingen (organisation_id, id) ON DELETE CASCADE
);

-- A photo uploaded by the public form belongs to the form session that uploaded it (a hash of the session's secret):
-- a melding can only claim photos of its own session, never a staff member's upload or another resident's.
ALTER TABLE attachments ADD COLUMN upload_session_hash text;

CREATE OR REPLACE VIEW published_attachments AS
  SELECT organisation_id, id, message_id, filename, content_type, size_bytes, sha256, content, created_at, upload_session_hash
  FROM attachments;
