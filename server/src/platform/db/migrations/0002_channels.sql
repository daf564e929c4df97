-- Channels: the accounts a municipality speaks through, everything they received and sent, and the outbox.

CREATE TABLE channel_accounts (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('bluesky', 'mastodon', 'x', 'facebook', 'instagram', 'linkedin', 'whatsapp',
    'email', 'rss', 'webformulier', 'telefoon', 'gesimuleerd')),
  handle text NOT NULL CHECK (length(handle) BETWEEN 1 AND 320),
  display_name text NOT NULL DEFAULT '',
  service_url text,
  -- Settings without secrets (IMAP host, page id, feed options).
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Passwords and tokens as one JSON object sealed with AES-256-GCM (platform/auth/secret-box.ts).
  secrets_sealed text,
  status text NOT NULL DEFAULT 'nieuw' CHECK (status IN ('nieuw', 'verbonden', 'aandacht-nodig', 'gepauzeerd')),
  paused boolean NOT NULL DEFAULT false,
  last_success_at timestamptz,
  last_error_at timestamptz,
  last_error text,
  -- Set from a platform's 429 and rate-limit headers: nothing is polled or sent before this moment.
  rate_limited_until timestamptz,
  -- Who is told when the account needs attention (expired token); null: the organisation's beheerders.
  owner_user_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, channel, handle),
  FOREIGN KEY (organisation_id, municipality_id) REFERENCES municipalities (organisation_id, id),
  FOREIGN KEY (organisation_id, owner_user_id) REFERENCES users (organisation_id, id)
);

-- Where each inbound stream of an account stopped, so a restart resumes there. Written in the same
-- transaction as the messages it covers.
CREATE TABLE channel_cursors (
  organisation_id uuid NOT NULL,
  account_id uuid NOT NULL,
  stream text NOT NULL,
  cursor jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, account_id, stream),
  FOREIGN KEY (organisation_id, account_id) REFERENCES channel_accounts (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE messages (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL,
  municipality_id uuid NOT NULL,
  channel text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('in', 'uit')),
  platform_id text NOT NULL,
  author_id text NOT NULL,
  author_handle text NOT NULL,
  author_name text,
  author_followers integer,
  text text NOT NULL,
  subject text,
  media jsonb NOT NULL DEFAULT '[]'::jsonb,
  links jsonb NOT NULL DEFAULT '[]'::jsonb,
  mentions jsonb NOT NULL DEFAULT '[]'::jsonb,
  hashtags jsonb NOT NULL DEFAULT '[]'::jsonb,
  reply_to_platform_id text,
  thread_root_platform_id text,
  geo_lat double precision,
  geo_lon double precision,
  language text,
  public_url text,
  visibility text NOT NULL DEFAULT 'openbaar' CHECK (visibility IN ('openbaar', 'prive')),
  posted_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  -- The platform's own payload, so nothing it said is lost to normalisation.
  raw jsonb NOT NULL DEFAULT '{}'::jsonb,
  simulated boolean NOT NULL DEFAULT false,
  PRIMARY KEY (organisation_id, id),
  -- Stored once, however often a poll, a webhook retry or a second worker delivers it.
  UNIQUE (organisation_id, account_id, platform_id),
  FOREIGN KEY (organisation_id, account_id) REFERENCES channel_accounts (organisation_id, id),
  FOREIGN KEY (organisation_id, municipality_id) REFERENCES municipalities (organisation_id, id)
);
CREATE INDEX messages_received_idx ON messages (organisation_id, received_at DESC, id DESC);
CREATE INDEX messages_thread_idx ON messages (organisation_id, account_id, thread_root_platform_id);

-- Files that came with a message (e-mail attachments, uploaded photos); kept in the database so a
-- backup of the database is a backup of everything.
CREATE TABLE attachments (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  message_id uuid,
  filename text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes >= 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, message_id) REFERENCES messages (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX attachments_message_idx ON attachments (organisation_id, message_id);

-- Everything Plein sends goes through here: one row per intent, sent by a job, the platform's id recorded.
CREATE TABLE outbox (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('post', 'reply', 'direct', 'delete')),
  idempotency_key text NOT NULL,
  text text NOT NULL DEFAULT '',
  reply_to_message_id uuid,
  -- For delete: the platform id of what to remove.
  target_platform_id text,
  media jsonb NOT NULL DEFAULT '[]'::jsonb,
  status text NOT NULL DEFAULT 'wachtend' CHECK (status IN ('wachtend', 'verzonden', 'mislukt')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  platform_id text,
  public_url text,
  sent_message_id uuid,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, idempotency_key),
  FOREIGN KEY (organisation_id, account_id) REFERENCES channel_accounts (organisation_id, id),
  FOREIGN KEY (organisation_id, reply_to_message_id) REFERENCES messages (organisation_id, id)
);
CREATE INDEX outbox_account_idx ON outbox (organisation_id, account_id, created_at DESC);

-- One-time challenges for the public contact form: the proof of work must be done on a challenge Plein
-- issued, at least a few seconds before submitting (people type; bots post at once), and only once.
CREATE TABLE form_challenges (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  difficulty integer NOT NULL,
  issued_at timestamptz NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, municipality_id) REFERENCES municipalities (organisation_id, id)
);

-- Which process holds the live stream of an account (Mastodon's streaming API). One holder at a time
-- across processes; a holder that dies stops renewing and another takes over after the lease.
CREATE TABLE channel_stream_leases (
  organisation_id uuid NOT NULL,
  account_id uuid NOT NULL,
  holder text NOT NULL,
  lease_until timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, account_id),
  FOREIGN KEY (organisation_id, account_id) REFERENCES channel_accounts (organisation_id, id) ON DELETE CASCADE
);
