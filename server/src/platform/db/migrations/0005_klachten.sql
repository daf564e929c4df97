-- Klachten (Awb hoofdstuk 9): the register, its timeline and the reminders sent before the decision deadline.

-- Numbers a complainant can read out on the phone: K2026-00012, counted per organisation and year.
CREATE TABLE klacht_counters (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  year integer NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (organisation_id, year)
);

CREATE TABLE klachten (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  number text NOT NULL,
  municipality_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'ontvangen' CHECK (status IN ('ontvangen', 'in-behandeling', 'hoorzitting-gepland', 'afgehandeld',
    'informeel-opgelost', 'niet-in-behandeling', 'ingetrokken')),
  complainant_name text NOT NULL,
  complainant_email text,
  complainant_phone text,
  complainant_address text,
  subject text NOT NULL,
  -- Who is complained about: a colleague (Awb 9:7: never the handler) and/or a person or department in words.
  complained_user_id uuid,
  complained_about text,
  theme text NOT NULL CHECK (theme IN ('bejegening', 'communicatie', 'dienstverlening', 'termijnen', 'beleid', 'overig')),
  channel text NOT NULL CHECK (channel IN ('e-mail', 'telefoon', 'brief', 'formulier', 'balie', 'kanaal')),
  message_id uuid,
  melding_id uuid,
  -- The start of the day of receipt in the municipality's zone; the term counts from here, not from entry.
  received_at timestamptz NOT NULL,
  registered_at timestamptz NOT NULL,
  -- Awb 9:11: six weeks after receipt, moved to the next working day (Algemene termijnenwet); `deadline`
  -- is the one in force, after an extension.
  original_deadline timestamptz NOT NULL,
  deadline timestamptz NOT NULL,
  extension_weeks integer CHECK (extension_weeks BETWEEN 1 AND 4),
  extension_reason text,
  extended_at timestamptz,
  handler_user_id uuid,
  hearing_at timestamptz,
  hearing_place text,
  hearing_waived boolean NOT NULL DEFAULT false,
  outcome text CHECK (outcome IN ('gegrond', 'deels-gegrond', 'ongegrond')),
  conclusion text,
  acknowledged_at timestamptz,
  closed_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, number),
  FOREIGN KEY (organisation_id, municipality_id) REFERENCES municipalities (organisation_id, id),
  FOREIGN KEY (organisation_id, complained_user_id) REFERENCES users (organisation_id, id),
  FOREIGN KEY (organisation_id, handler_user_id) REFERENCES users (organisation_id, id),
  FOREIGN KEY (organisation_id, message_id) REFERENCES messages (organisation_id, id),
  FOREIGN KEY (organisation_id, melding_id) REFERENCES meldingen (organisation_id, id),
  CHECK (handler_user_id IS NULL OR complained_user_id IS NULL OR handler_user_id <> complained_user_id),
  CHECK ((outcome IS NULL) = (status <> 'afgehandeld'))
);
CREATE INDEX klachten_received_idx ON klachten (organisation_id, received_at DESC);
CREATE INDEX klachten_open_deadline_idx ON klachten (deadline) WHERE closed_at IS NULL;

CREATE TABLE klacht_events (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Events of the same moment keep the order they happened in.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  klacht_id uuid NOT NULL,
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('geregistreerd', 'ontvangstbevestiging', 'status', 'behandelaar', 'hoorzitting', 'verdaagd', 'besluit',
    'notitie', 'herinnering')),
  from_status text,
  to_status text,
  text text,
  actor_user_id uuid,
  actor_name text,
  sent_to_complainant boolean NOT NULL DEFAULT false,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, klacht_id) REFERENCES klachten (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX klacht_events_klacht_idx ON klacht_events (organisation_id, klacht_id, at);

-- One row per reminder sent: the key makes a rerun or a second worker send nothing twice. The deadline
-- is part of the key, so an extension brings new reminders before the new deadline.
CREATE TABLE klacht_reminders (
  organisation_id uuid NOT NULL,
  klacht_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('7-dagen', '2-dagen', 'te-laat')),
  deadline timestamptz NOT NULL,
  sent_at timestamptz NOT NULL,
  recipients jsonb NOT NULL DEFAULT '[]'::jsonb,
  PRIMARY KEY (organisation_id, klacht_id, kind, deadline),
  FOREIGN KEY (organisation_id, klacht_id) REFERENCES klachten (organisation_id, id) ON DELETE CASCADE
);
