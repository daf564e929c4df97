-- How each part of an account last fared (a polled stream such as X's mentions or direct messages, the live
-- connection, sending): one part's success must not hide another part's error. The account's own last_error is
-- the most recent error of a part that has not succeeded since.
CREATE TABLE channel_stream_health (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  account_id uuid NOT NULL,
  stream text NOT NULL,
  last_success_at timestamptz,
  last_error text,
  last_error_at timestamptz,
  PRIMARY KEY (organisation_id, account_id, stream),
  FOREIGN KEY (organisation_id, account_id) REFERENCES channel_accounts (organisation_id, id) ON DELETE CASCADE
);
