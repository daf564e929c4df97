-- Routing rules for the inbox: conditions on a new conversation's first message decide its team or
-- handler, labels and priority. Applied in order; every matching rule adds its labels, the first that
-- assigns decides who handles it.
CREATE TABLE routing_rules (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  position integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  conditions jsonb NOT NULL DEFAULT '{}'::jsonb,
  actions jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id)
);
CREATE INDEX routing_rules_order_idx ON routing_rules (organisation_id, position);
