-- Zenden: a message planned for one municipality, with a variant per channel account. The planned moment is stored
-- as a moment (timestamptz), never as a wall-clock time, so a post planned for 09:30 goes out at 09:30 on either side
-- of a DST change. The status only moves forward, by compare-and-set (publications.repository.ts).
CREATE TABLE publications (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  status text NOT NULL CHECK (status IN ('gepland', 'bezig', 'afgerond', 'geannuleerd')),
  planned_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_by uuid,
  created_at timestamptz NOT NULL,
  handed_over_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, municipality_id) REFERENCES municipalities (organisation_id, id)
);

-- The publisher's question every minute: what is due, across all organisations.
CREATE INDEX publications_due_idx ON publications (planned_at) WHERE status = 'gepland';
-- The calendar's question: one organisation's publications in a period.
CREATE INDEX publications_calendar_idx ON publications (organisation_id, planned_at);

-- One row per channel account of a publication. outbox_id is set in the transaction that hands the variant to the
-- channels' outbox, whose idempotency key (publicatie:<id>:<account>) makes a second hand-over a no-op.
CREATE TABLE publication_channels (
  organisation_id uuid NOT NULL,
  publication_id uuid NOT NULL,
  account_id uuid NOT NULL,
  position integer NOT NULL,
  text text NOT NULL,
  outbox_id uuid,
  PRIMARY KEY (organisation_id, publication_id, account_id),
  FOREIGN KEY (organisation_id, publication_id) REFERENCES publications (organisation_id, id) ON DELETE CASCADE
);
