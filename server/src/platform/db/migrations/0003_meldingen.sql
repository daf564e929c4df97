-- Meldingen openbare ruimte: categories with their afhandeltermijn, the meldingen, their timeline, photos.

-- A municipality's boundary as GeoJSON (Polygon or MultiPolygon, WGS84), to refuse places outside it.
ALTER TABLE municipalities ADD COLUMN boundary jsonb;

CREATE TABLE melding_categories (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  parent_id uuid,
  code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  public_name text NOT NULL CHECK (length(public_name) BETWEEN 1 AND 120),
  icon text,
  departments jsonb NOT NULL DEFAULT '[]'::jsonb,
  termijn_days integer NOT NULL DEFAULT 10 CHECK (termijn_days BETWEEN 0 AND 365),
  termijn_kind text NOT NULL DEFAULT 'werkdagen' CHECK (termijn_kind IN ('werkdagen', 'kalenderdagen')),
  service_promise text NOT NULL DEFAULT '',
  extra_questions jsonb NOT NULL DEFAULT '[]'::jsonb,
  position integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, code),
  FOREIGN KEY (organisation_id, parent_id) REFERENCES melding_categories (organisation_id, id)
);

-- Numbers residents can read out on the phone: 2026-00123, counted per organisation and year.
CREATE TABLE melding_counters (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  year integer NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (organisation_id, year)
);

CREATE TABLE meldingen (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  number text NOT NULL,
  municipality_id uuid NOT NULL,
  category_id uuid NOT NULL,
  description text NOT NULL,
  lat double precision NOT NULL,
  lon double precision NOT NULL,
  address text,
  status text NOT NULL DEFAULT 'gemeld' CHECK (status IN ('gemeld', 'in-behandeling', 'ingepland', 'wacht-op-informatie',
    'doorgezet-naar-extern', 'afgehandeld', 'geannuleerd', 'heropend')),
  source text NOT NULL CHECK (source IN ('formulier', 'open311', 'kanaal', 'medewerker', 'import')),
  -- Where it came from, for idempotency: an import row id, an Open311 token, a message id.
  external_id text,
  reporter_email text,
  reporter_phone text,
  reporter_consent boolean NOT NULL DEFAULT false,
  -- The secret in the reporter's status link; only its hash is kept.
  tracking_token_hash text NOT NULL,
  answers jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- The promise as it was when the melding was filed: a later change of the category does not rewrite it.
  service_promise text NOT NULL,
  termijn_days integer NOT NULL,
  termijn_kind text NOT NULL,
  deadline timestamptz NOT NULL,
  assigned_team_id uuid,
  assigned_user_id uuid,
  created_at timestamptz NOT NULL,
  first_reaction_at timestamptz,
  handled_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, number),
  UNIQUE (organisation_id, tracking_token_hash),
  UNIQUE (organisation_id, source, external_id),
  FOREIGN KEY (organisation_id, municipality_id) REFERENCES municipalities (organisation_id, id),
  FOREIGN KEY (organisation_id, category_id) REFERENCES melding_categories (organisation_id, id),
  FOREIGN KEY (organisation_id, assigned_team_id) REFERENCES teams (organisation_id, id) ON DELETE SET NULL (assigned_team_id),
  FOREIGN KEY (organisation_id, assigned_user_id) REFERENCES users (organisation_id, id)
);
CREATE INDEX meldingen_created_idx ON meldingen (organisation_id, created_at DESC);
CREATE INDEX meldingen_open_idx ON meldingen (organisation_id, category_id, status);

CREATE TABLE melding_events (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Events of the same moment keep the order they happened in.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  melding_id uuid NOT NULL,
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('gemeld', 'status', 'notitie', 'toegewezen', 'categorie', 'kto', 'heropenverzoek')),
  from_status text,
  to_status text,
  text text,
  actor_user_id uuid,
  actor_name text,
  -- Whether this event was sent to the reporter (status changes that matter to them).
  sent_to_reporter boolean NOT NULL DEFAULT false,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, melding_id) REFERENCES meldingen (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX melding_events_melding_idx ON melding_events (organisation_id, melding_id, at);

CREATE TABLE melding_photos (
  organisation_id uuid NOT NULL,
  melding_id uuid NOT NULL,
  attachment_id uuid NOT NULL,
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, melding_id, attachment_id),
  FOREIGN KEY (organisation_id, melding_id) REFERENCES meldingen (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, attachment_id) REFERENCES attachments (organisation_id, id)
);

-- Klanttevredenheid (KTO): after afgehandeld the reporter gets a link, valid 14 days, to say whether they
-- are satisfied. Only the token's hash is kept.
CREATE TABLE melding_kto (
  organisation_id uuid NOT NULL,
  melding_id uuid NOT NULL,
  token_hash text NOT NULL,
  sent_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  answered_at timestamptz,
  satisfied boolean,
  reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
  comment text,
  PRIMARY KEY (organisation_id, token_hash),
  FOREIGN KEY (organisation_id, melding_id) REFERENCES meldingen (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX melding_kto_melding_idx ON melding_kto (organisation_id, melding_id);
