-- Reageren: a conversation handed off to another account of the organisation (@Gemeente → @Afval) or to an
-- outside partner (woningcorporatie, politie, omgevingsdienst, waterschap) who answers through a secret link.

-- The timeline learns one more kind. Rebuilt from the constraint as it stands, so a kind another migration
-- added before this one is kept.
DO $$
DECLARE definition text;
BEGIN
  SELECT pg_get_constraintdef(oid) INTO definition FROM pg_constraint
    WHERE conname = 'conversation_events_kind_check' AND conrelid = 'conversation_events'::regclass;
  IF position('''overdracht''' IN definition) = 0 THEN
    EXECUTE 'ALTER TABLE conversation_events DROP CONSTRAINT conversation_events_kind_check';
    EXECUTE 'ALTER TABLE conversation_events ADD CONSTRAINT conversation_events_kind_check '
      || replace(definition, 'ARRAY[', 'ARRAY[''overdracht''::text, ');
  END IF;
END $$;

-- The account whose team handles the conversation now. Null: the account it came in on. Replies keep leaving
-- through the account the resident wrote to (a direct message or e-mail cannot move), so account_id stays.
ALTER TABLE conversations ADD COLUMN handling_account_id uuid;
ALTER TABLE conversations ADD FOREIGN KEY (organisation_id, handling_account_id) REFERENCES channel_accounts (organisation_id, id);
CREATE INDEX conversations_handling_account_idx ON conversations (organisation_id, handling_account_id, state) WHERE handling_account_id IS NOT NULL;
-- When the open partner hand-off is due (its answer), for the "te laat" view; null when none is open.
ALTER TABLE conversations ADD COLUMN handoff_due_at timestamptz;

-- Partners outside the organisation that take over questions; managed under Beheer.
CREATE TABLE handoff_partners (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  email text NOT NULL,
  -- Null: the partner works for every municipality of the organisation.
  municipality_id uuid,
  -- Working days (Atw) in which the partner should answer before the hand-off shows as late.
  answer_days integer NOT NULL DEFAULT 5 CHECK (answer_days BETWEEN 1 AND 60),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, name),
  FOREIGN KEY (organisation_id, municipality_id) REFERENCES municipalities (organisation_id, id)
);

-- Every hand-off of a conversation. For a partner the name and address are kept as they were when it was
-- sent (the partner may be changed or removed later), with the link's token hash and the partner's answer.
CREATE TABLE conversation_handoffs (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  conversation_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('account', 'partner')),
  status text NOT NULL CHECK (status IN ('overgedragen', 'verstuurd', 'geopend', 'in-behandeling', 'afgehandeld', 'teruggegeven')),
  from_account_id uuid NOT NULL,
  to_account_id uuid,
  to_team_id uuid,
  partner_id uuid,
  partner_name text,
  partner_email text,
  question text,
  context text,
  token_hash text,
  expires_at timestamptz,
  due_at timestamptz,
  created_at timestamptz NOT NULL,
  created_by_user_id uuid,
  created_by_name text NOT NULL,
  opened_at timestamptz,
  status_changed_at timestamptz NOT NULL,
  answer text,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, token_hash),
  CHECK ((kind = 'account') = (to_account_id IS NOT NULL)),
  CHECK ((kind = 'partner') = (token_hash IS NOT NULL AND partner_email IS NOT NULL)),
  FOREIGN KEY (organisation_id, conversation_id) REFERENCES conversations (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, from_account_id) REFERENCES channel_accounts (organisation_id, id),
  FOREIGN KEY (organisation_id, to_account_id) REFERENCES channel_accounts (organisation_id, id),
  FOREIGN KEY (organisation_id, to_team_id) REFERENCES teams (organisation_id, id) ON DELETE SET NULL (to_team_id),
  FOREIGN KEY (organisation_id, partner_id) REFERENCES handoff_partners (organisation_id, id) ON DELETE SET NULL (partner_id),
  FOREIGN KEY (organisation_id, created_by_user_id) REFERENCES users (organisation_id, id)
);
CREATE INDEX conversation_handoffs_conversation_idx ON conversation_handoffs (organisation_id, conversation_id, created_at);
-- At most one partner hand-off waits for an answer per conversation.
CREATE UNIQUE INDEX conversation_handoffs_one_open_idx ON conversation_handoffs (organisation_id, conversation_id)
  WHERE kind = 'partner' AND status IN ('verstuurd', 'geopend', 'in-behandeling');
