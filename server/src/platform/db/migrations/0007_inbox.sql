-- Reageren: messages become conversations, one per person and thread, handled in one webcare inbox.

-- The poll stream a message came in on: messages from a search stream are listened to, not answered.
ALTER TABLE messages ADD COLUMN stream text;
ALTER TABLE messages ADD COLUMN conversation_id uuid;

CREATE TABLE conversations (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL,
  municipality_id uuid NOT NULL,
  channel text NOT NULL,
  -- One conversation per person and thread: "<thread root>|<author>" for posts and e-mail, "dm|<author>" for
  -- private messages on platforms without threads.
  thread_key text NOT NULL,
  author_id text NOT NULL,
  author_handle text NOT NULL,
  author_name text,
  subject text,
  visibility text NOT NULL CHECK (visibility IN ('openbaar', 'prive')),
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'wachtend', 'gesnoozed', 'gesloten')),
  priority text NOT NULL DEFAULT 'normaal' CHECK (priority IN ('laag', 'normaal', 'hoog', 'urgent')),
  labels text[] NOT NULL DEFAULT '{}',
  assigned_team_id uuid,
  assigned_user_id uuid,
  snoozed_until timestamptz,
  started_at timestamptz NOT NULL,
  last_message_at timestamptz NOT NULL,
  last_inbound_at timestamptz,
  -- The oldest message of the resident that has no answer yet; null when we answered last.
  waiting_since timestamptz,
  first_response_at timestamptz,
  closed_at timestamptz,
  message_count integer NOT NULL DEFAULT 0,
  preview text NOT NULL DEFAULT '',
  simulated boolean NOT NULL DEFAULT false,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, account_id, thread_key),
  FOREIGN KEY (organisation_id, account_id) REFERENCES channel_accounts (organisation_id, id),
  FOREIGN KEY (organisation_id, municipality_id) REFERENCES municipalities (organisation_id, id),
  FOREIGN KEY (organisation_id, assigned_team_id) REFERENCES teams (organisation_id, id) ON DELETE SET NULL (assigned_team_id),
  FOREIGN KEY (organisation_id, assigned_user_id) REFERENCES users (organisation_id, id)
);
CREATE INDEX conversations_inbox_idx ON conversations (organisation_id, state, last_message_at DESC, id DESC);
CREATE INDEX conversations_municipality_idx ON conversations (organisation_id, municipality_id, state, last_message_at DESC);
CREATE INDEX conversations_assignee_idx ON conversations (organisation_id, assigned_user_id, state) WHERE assigned_user_id IS NOT NULL;
CREATE INDEX conversations_author_idx ON conversations (organisation_id, channel, author_id);

ALTER TABLE messages ADD FOREIGN KEY (organisation_id, conversation_id) REFERENCES conversations (organisation_id, id);
CREATE INDEX messages_conversation_idx ON messages (organisation_id, conversation_id, posted_at) WHERE conversation_id IS NOT NULL;

-- The conversation's story apart from its messages: state, assignment, labels, priority, internal notes.
CREATE TABLE conversation_events (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  conversation_id uuid NOT NULL,
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('toestand', 'toegewezen', 'notitie', 'labels', 'prioriteit', 'antwoord')),
  text text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Colleagues named with @ in a note.
  mentions uuid[] NOT NULL DEFAULT '{}',
  actor_user_id uuid,
  actor_name text,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, conversation_id) REFERENCES conversations (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX conversation_events_conversation_idx ON conversation_events (organisation_id, conversation_id, at);

-- Read or unread per agent: when each one last looked.
CREATE TABLE conversation_reads (
  organisation_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  user_id uuid NOT NULL,
  read_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, conversation_id, user_id),
  FOREIGN KEY (organisation_id, conversation_id) REFERENCES conversations (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
);
