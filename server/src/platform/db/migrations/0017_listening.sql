-- Luisteren: what the listening pipeline adds to a message, the monitors it is matched against, the
-- analysts' corrections and the model learned from them, and the alerts of a monitor.

-- A monitor is a saved query (contracts/monitor-query.ts) for the whole organisation or one municipality.
-- The parsed query is kept next to the text so ingest never parses; `version` changes with the query and
-- starts a new backfill, so matches always belong to the query as it is now.
CREATE TABLE monitors (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  query text NOT NULL,
  query_ast jsonb NOT NULL,
  municipality_id uuid,
  version integer NOT NULL DEFAULT 1,
  alerts_enabled boolean NOT NULL DEFAULT true,
  alert_emails jsonb NOT NULL DEFAULT '[]'::jsonb,
  backfill_state text NOT NULL DEFAULT 'wachtend' CHECK (backfill_state IN ('wachtend', 'bezig', 'klaar')),
  backfill_done integer NOT NULL DEFAULT 0,
  backfill_total integer NOT NULL DEFAULT 0,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, name),
  FOREIGN KEY (organisation_id, municipality_id) REFERENCES municipalities (organisation_id, id)
);

-- One row per inbound message the pipeline has seen. A near or exact duplicate (a repost, a copy-paste)
-- points at the first of its kind, which counts it: lists show one item with "and 120 times more".
CREATE TABLE listening_items (
  organisation_id uuid NOT NULL,
  message_id uuid NOT NULL,
  municipality_id uuid NOT NULL,
  channel text NOT NULL,
  author_handle text NOT NULL,
  posted_at timestamptz NOT NULL,
  language text,
  -- What the machine said (lexicon or the organisation's model) and what counts now (a person may override).
  tenor_auto text NOT NULL CHECK (tenor_auto IN ('steun', 'kritiek', 'neutraal', 'gemengd')),
  tenor_auto_source text NOT NULL CHECK (tenor_auto_source IN ('lexicon', 'model')),
  tenor_confidence real NOT NULL DEFAULT 0,
  tenor text NOT NULL CHECK (tenor IN ('steun', 'kritiek', 'neutraal', 'gemengd')),
  topic text,
  reviewed_by uuid,
  reviewed_at timestamptz,
  exact_key text NOT NULL,
  simhash text NOT NULL, -- 64 bits as 16 hex digits (bigint differs between the pg and PGlite drivers)
  simhash_bands text[] NOT NULL,
  duplicate_of uuid,
  duplicate_count integer NOT NULL DEFAULT 0,
  reach integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, message_id),
  FOREIGN KEY (organisation_id, message_id) REFERENCES messages (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX listening_items_posted_idx ON listening_items (organisation_id, posted_at DESC, message_id DESC);
CREATE INDEX listening_items_exact_idx ON listening_items (organisation_id, exact_key, posted_at DESC);
CREATE INDEX listening_items_bands_idx ON listening_items USING gin (simhash_bands);
CREATE INDEX listening_items_reviewed_idx ON listening_items (organisation_id, reviewed_at) WHERE reviewed_at IS NOT NULL;

CREATE TABLE monitor_matches (
  organisation_id uuid NOT NULL,
  monitor_id uuid NOT NULL,
  message_id uuid NOT NULL,
  posted_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, monitor_id, message_id),
  FOREIGN KEY (organisation_id, monitor_id) REFERENCES monitors (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, message_id) REFERENCES messages (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX monitor_matches_time_idx ON monitor_matches (organisation_id, monitor_id, posted_at DESC);

-- Every correction, kept as history: the agreement rate per period is computed from the items, the
-- model is trained on the latest label per item.
CREATE TABLE tenor_corrections (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  message_id uuid NOT NULL,
  tenor_before text NOT NULL,
  tenor_after text NOT NULL,
  topic text,
  corrected_by uuid NOT NULL,
  corrected_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, message_id) REFERENCES messages (organisation_id, id) ON DELETE CASCADE
);

-- The organisation's own tenor model (analysis/tenor-model.ts), retrained after corrections.
CREATE TABLE tenor_models (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  version integer NOT NULL,
  model jsonb NOT NULL,
  trained_on integer NOT NULL,
  trained_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id)
);

-- Alerts of a monitor: one per monitor, kind and window, however often the detector runs over it.
CREATE TABLE listening_alerts (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  monitor_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('piek', 'nieuwsgolf', 'negatief')),
  window_start timestamptz NOT NULL,
  window_end timestamptz NOT NULL,
  observed integer NOT NULL,
  expected real NOT NULL,
  crisis_like boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  seen_by uuid,
  seen_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, monitor_id, kind, window_start),
  FOREIGN KEY (organisation_id, monitor_id) REFERENCES monitors (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX listening_alerts_created_idx ON listening_alerts (organisation_id, created_at DESC);

-- Author lists (raadsleden, pers, regiogemeenten) usable as filters and in queries (lijst:pers).
CREATE TABLE author_lists (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  description text NOT NULL DEFAULT '',
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, name)
);

CREATE TABLE author_list_members (
  organisation_id uuid NOT NULL,
  list_id uuid NOT NULL,
  author_handle text NOT NULL,
  PRIMARY KEY (organisation_id, list_id, author_handle),
  FOREIGN KEY (organisation_id, list_id) REFERENCES author_lists (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX author_list_members_handle_idx ON author_list_members (organisation_id, author_handle);
