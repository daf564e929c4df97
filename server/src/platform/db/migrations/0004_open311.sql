-- Open311 GeoReport v2: the client apps (a resident app, a neighbourhood app) that may file meldingen.
-- Each client belongs to one organisation; its api_key is shown once and only its hash is kept.

CREATE TABLE open311_clients (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  key_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, key_hash)
);
