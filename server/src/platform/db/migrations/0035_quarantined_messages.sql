-- A message a channel delivered that PostgreSQL would not store (a date outside its range, a value too large for an
-- index): set aside with what the connector made of it and the error, so the rest of its batch is stored and the
-- channel keeps flowing. Shown in Beheer → Kanalen, where it can be tried again or removed. The payload is JSON text,
-- not jsonb: jsonb refuses some of what makes a message unstorable (an escaped NUL).
CREATE TABLE quarantined_messages (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL,
  account_id uuid NOT NULL,
  stream text,
  platform_id text NOT NULL,
  payload text NOT NULL,
  error text NOT NULL,
  attempts integer NOT NULL DEFAULT 1,
  first_seen_at timestamptz NOT NULL,
  last_tried_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, account_id) REFERENCES channel_accounts (organisation_id, id) ON DELETE CASCADE
);

-- The same message delivered again (a webhook retried, a poll repeated) is one entry, tried once more. The hash keeps
-- the key short whatever length the platform id has (one reason a message is set aside is an id too long to index).
CREATE UNIQUE INDEX quarantined_messages_platform_idx ON quarantined_messages (organisation_id, account_id, md5(platform_id));
