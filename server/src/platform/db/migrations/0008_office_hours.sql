-- Reageren: office hours and response norms per channel account, due moments on conversations, overdue alerts.

-- One settings document per account, replaced as a whole by PUT. The week and the exceptions are JSON
-- ({"maandag": [{"from": "09:00", "to": "17:00"}], …} and [{"date": "2026-12-24", "hours": […]}]):
-- they are only ever read and written together with the rest of the row.
CREATE TABLE office_hours (
  organisation_id uuid NOT NULL,
  account_id uuid NOT NULL,
  time_zone text NOT NULL,
  always_open boolean NOT NULL DEFAULT false,
  week jsonb NOT NULL,
  -- Closed on the days of the Algemene termijnenwet (meldingen/termijn.ts); an exception can open one.
  holidays_closed boolean NOT NULL DEFAULT true,
  exceptions jsonb NOT NULL DEFAULT '[]'::jsonb,
  first_response_minutes integer CHECK (first_response_minutes > 0),
  first_response_counting text NOT NULL DEFAULT 'openingstijden' CHECK (first_response_counting IN ('openingstijden', 'altijd')),
  resolution_minutes integer CHECK (resolution_minutes > 0),
  resolution_counting text NOT NULL DEFAULT 'openingstijden' CHECK (resolution_counting IN ('openingstijden', 'altijd')),
  acknowledgement_enabled boolean NOT NULL DEFAULT false,
  acknowledgement_text text NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by uuid,
  PRIMARY KEY (organisation_id, account_id),
  FOREIGN KEY (organisation_id, account_id) REFERENCES channel_accounts (organisation_id, id) ON DELETE CASCADE
);

-- When the waiting resident's answer is due (set each time the conversation starts waiting) and when the
-- conversation should be resolved (set when it starts or reopens after closing). Both stay after answering
-- or closing, so figures can say whether the norm was met.
ALTER TABLE conversations ADD COLUMN first_response_due_at timestamptz;
ALTER TABLE conversations ADD COLUMN resolution_due_at timestamptz;
CREATE INDEX conversations_first_response_due_idx ON conversations (first_response_due_at) WHERE waiting_since IS NOT NULL AND state IN ('open', 'gesnoozed');
CREATE INDEX conversations_resolution_due_idx ON conversations (resolution_due_at) WHERE state IN ('open', 'gesnoozed');

-- One alert per conversation, norm and due moment: claimed in the alert job's transaction, so a rerun or
-- a second worker sends nothing twice, and a new due moment (a new question) alerts again.
CREATE TABLE conversation_alerts (
  organisation_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  norm text NOT NULL CHECK (norm IN ('eerste-reactie', 'afhandeling')),
  due_at timestamptz NOT NULL,
  alerted_at timestamptz NOT NULL,
  recipients jsonb NOT NULL DEFAULT '[]'::jsonb,
  PRIMARY KEY (organisation_id, conversation_id, norm, due_at),
  FOREIGN KEY (organisation_id, conversation_id) REFERENCES conversations (organisation_id, id) ON DELETE CASCADE
);

ALTER TABLE conversation_events DROP CONSTRAINT conversation_events_kind_check;
ALTER TABLE conversation_events ADD CONSTRAINT conversation_events_kind_check
  CHECK (kind IN ('toestand', 'toegewezen', 'notitie', 'labels', 'prioriteit', 'antwoord', 'te-laat', 'ontvangstbevestiging'));
