-- Reageren: misbruik (agressieregister, blocked authors) and klanttevredenheid webcare.

ALTER TABLE conversation_events DROP CONSTRAINT conversation_events_kind_check;
ALTER TABLE conversation_events ADD CONSTRAINT conversation_events_kind_check
  CHECK (kind IN ('toestand', 'toegewezen', 'notitie', 'labels', 'prioriteit', 'antwoord', 'te-laat', 'ontvangstbevestiging',
    'misbruik', 'geblokkeerd', 'gedeblokkeerd', 'tevredenheid'));

-- The agressieregister: a copy of the message as it was (the message itself may be deleted later, by the
-- platform or the author), who wrote it, where, and what was done. The employer's duty of care
-- (BW 7:658, Arbowet) asks for the yearly count, so entries stay when the conversation goes.
CREATE TABLE aggression_register (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  conversation_id uuid,
  -- No foreign key: the register outlives the message.
  message_id uuid NOT NULL,
  account_id uuid NOT NULL,
  account_handle text NOT NULL,
  municipality_id uuid NOT NULL,
  channel text NOT NULL,
  posted_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  message_text text NOT NULL,
  public_url text,
  author_id text NOT NULL,
  author_handle text NOT NULL,
  author_name text,
  actions text[] NOT NULL DEFAULT '{}' CHECK (actions <@ ARRAY['waarschuwing', 'blokkeren', 'aangifte']::text[]),
  note text,
  recorded_by_user_id uuid,
  recorded_by_name text NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, message_id),
  FOREIGN KEY (organisation_id, conversation_id) REFERENCES conversations (organisation_id, id) ON DELETE SET NULL (conversation_id),
  FOREIGN KEY (organisation_id, account_id) REFERENCES channel_accounts (organisation_id, id),
  FOREIGN KEY (organisation_id, municipality_id) REFERENCES municipalities (organisation_id, id),
  FOREIGN KEY (organisation_id, recorded_by_user_id) REFERENCES users (organisation_id, id)
);
CREATE INDEX aggression_register_period_idx ON aggression_register (organisation_id, posted_at);
CREATE INDEX aggression_register_conversation_idx ON aggression_register (organisation_id, conversation_id) WHERE conversation_id IS NOT NULL;

-- Authors blocked on one account: their messages are still stored (nothing is lost) but their
-- conversation is closed at once, without acknowledgement or routing. Unblocking deletes the row; the
-- conversation's events and the audit log keep the story.
CREATE TABLE author_blocks (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL,
  author_id text NOT NULL,
  author_handle text NOT NULL,
  reason text NOT NULL,
  -- Null: until someone lifts it.
  blocked_until timestamptz,
  register_id uuid,
  created_at timestamptz NOT NULL,
  created_by_user_id uuid,
  created_by_name text NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, account_id, author_id),
  FOREIGN KEY (organisation_id, account_id) REFERENCES channel_accounts (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, register_id) REFERENCES aggression_register (organisation_id, id) ON DELETE SET NULL (register_id),
  FOREIGN KEY (organisation_id, created_by_user_id) REFERENCES users (organisation_id, id)
);

-- Klanttevredenheid webcare, per account on by default.
ALTER TABLE channel_accounts ADD COLUMN satisfaction_survey boolean NOT NULL DEFAULT true;

-- One question per conversation and close moment; only the link token's hash is kept. Who answered
-- last, who closed and the team are kept as they were at closing, so later reassignment does not move
-- the score to someone else.
CREATE TABLE conversation_surveys (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  conversation_id uuid NOT NULL,
  account_id uuid NOT NULL,
  municipality_id uuid NOT NULL,
  closed_at timestamptz NOT NULL,
  closed_by_user_id uuid,
  answered_by_user_id uuid,
  team_id uuid,
  token_hash text NOT NULL,
  outbox_id uuid NOT NULL,
  sent_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  answered_at timestamptz,
  score smallint CHECK (score BETWEEN 1 AND 5),
  comment text,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, token_hash),
  UNIQUE (organisation_id, conversation_id, closed_at),
  FOREIGN KEY (organisation_id, conversation_id) REFERENCES conversations (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, account_id) REFERENCES channel_accounts (organisation_id, id),
  FOREIGN KEY (organisation_id, municipality_id) REFERENCES municipalities (organisation_id, id),
  FOREIGN KEY (organisation_id, outbox_id) REFERENCES outbox (organisation_id, id),
  FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id) ON DELETE SET NULL (team_id),
  FOREIGN KEY (organisation_id, closed_by_user_id) REFERENCES users (organisation_id, id),
  FOREIGN KEY (organisation_id, answered_by_user_id) REFERENCES users (organisation_id, id)
);
CREATE INDEX conversation_surveys_period_idx ON conversation_surveys (organisation_id, sent_at);
