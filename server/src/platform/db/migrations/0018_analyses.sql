-- Analyses ("Luisteren, duiden, doen"): TamTam, issue-analyse and reputatie-analyse as documents with the three
-- fixed sections, the figures they were drafted from kept as a snapshot (so the document reads the same next
-- month, whatever the pipeline relabels), and schedules that draft one before a decision moment.

CREATE TABLE analysis_schedules (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('tamtam', 'issue', 'reputatie')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 160),
  monitor_id uuid,
  query text,
  municipality_id uuid,
  period_days integer NOT NULL CHECK (period_days BETWEEN 1 AND 92),
  cron text NOT NULL,
  recipients jsonb NOT NULL DEFAULT '[]'::jsonb,
  next_due_at timestamptz NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, monitor_id) REFERENCES monitors (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, municipality_id) REFERENCES municipalities (organisation_id, id)
);
CREATE INDEX analysis_schedules_due_idx ON analysis_schedules (next_due_at);

CREATE TABLE analyses (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('tamtam', 'issue', 'reputatie')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 160),
  monitor_id uuid,
  query text,
  municipality_id uuid,
  period_from timestamptz NOT NULL,
  period_until timestamptz NOT NULL CHECK (period_until > period_from),
  aanleiding text NOT NULL DEFAULT '',
  "analyse" text NOT NULL DEFAULT '', -- quoted: ANALYSE is a reserved word in PostgreSQL
  advies text NOT NULL DEFAULT '',
  figures jsonb NOT NULL,
  status text NOT NULL DEFAULT 'concept' CHECK (status IN ('concept', 'definitief')),
  recipients jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Every save raises the version; a version is e-mailed at most once (sent_version).
  version integer NOT NULL DEFAULT 1,
  sent_version integer,
  sent_at timestamptz,
  -- A scheduled analysis: one per schedule and due moment, however often or wherever the planner runs.
  schedule_id uuid,
  due_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_by uuid,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, schedule_id, due_at),
  FOREIGN KEY (organisation_id, monitor_id) REFERENCES monitors (organisation_id, id) ON DELETE SET NULL (monitor_id),
  FOREIGN KEY (organisation_id, schedule_id) REFERENCES analysis_schedules (organisation_id, id) ON DELETE SET NULL (schedule_id),
  FOREIGN KEY (organisation_id, municipality_id) REFERENCES municipalities (organisation_id, id)
);
CREATE INDEX analyses_created_idx ON analyses (organisation_id, created_at DESC);
