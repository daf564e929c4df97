-- Foundation schema. Every table carries organisation_id and includes it in its primary, unique and
-- foreign keys, so the schema can be distributed by organisation (Citus co-located shards).
-- organisations itself is the tenant root and would become a reference table.

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  is_system boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The system organisation owns deployment-wide work (partition upkeep, schedules of the platform).
INSERT INTO organisations (id, slug, name, is_system)
VALUES ('00000000-0000-0000-0000-000000000000', 'systeem', 'Systeem', true);

CREATE TABLE municipalities (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  cbs_code text NOT NULL CHECK (cbs_code ~ '^GM[0-9]{4}$'),
  inhabitants integer NOT NULL CHECK (inhabitants >= 0),
  time_zone text NOT NULL DEFAULT 'Europe/Amsterdam',
  house_colour text NOT NULL DEFAULT '#01689b' CHECK (house_colour ~ '^#[0-9a-fA-F]{6}$'),
  logo_url text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, cbs_code)
);

CREATE TABLE users (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND position('@' in email) > 1),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  initials text,
  password_hash text,
  oidc_subject text,
  active boolean NOT NULL DEFAULT true,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, email),
  UNIQUE (organisation_id, oidc_subject)
);
CREATE INDEX users_email_idx ON users (email);

CREATE TABLE user_roles (
  organisation_id uuid NOT NULL,
  user_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('beheerder', 'communicatieadviseur', 'webcare', 'kcc',
    'omgevingsanalist', 'griffie', 'vakafdeling', 'bestuurder')),
  PRIMARY KEY (organisation_id, user_id, role),
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE user_municipalities (
  organisation_id uuid NOT NULL,
  user_id uuid NOT NULL,
  municipality_id uuid NOT NULL,
  PRIMARY KEY (organisation_id, user_id, municipality_id),
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, municipality_id) REFERENCES municipalities (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE teams (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, name)
);

CREATE TABLE team_members (
  organisation_id uuid NOT NULL,
  team_id uuid NOT NULL,
  user_id uuid NOT NULL,
  PRIMARY KEY (organisation_id, team_id, user_id),
  FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
);

-- Only hashes of secrets are stored; the organisation id is part of the token so a lookup is routable.
CREATE TABLE sessions (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  secret_hash text NOT NULL,
  csrf_token text NOT NULL,
  active_municipality_id uuid,
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, secret_hash),
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE api_tokens (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  secret_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, secret_hash),
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE password_resets (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  secret_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, secret_hash),
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE oidc_providers (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  issuer_url text NOT NULL,
  client_id text NOT NULL,
  client_secret text NOT NULL,
  display_name text NOT NULL DEFAULT 'Inloggen met uw organisatie-account',
  roles_claim text NOT NULL DEFAULT 'roles',
  -- claim value -> Plein role, e.g. {"KCC-medewerkers": "kcc"}
  role_mapping jsonb NOT NULL DEFAULT '{}'::jsonb,
  create_users boolean NOT NULL DEFAULT true,
  enabled boolean NOT NULL DEFAULT true,
  PRIMARY KEY (organisation_id)
);

CREATE TABLE oidc_login_states (
  organisation_id uuid NOT NULL,
  state text NOT NULL,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, state)
);

-- Append-only by trigger below; partitioned by month since it grows without bound.
CREATE TABLE audit_log (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Orders entries written in the same instant in the order they were written.
  seq bigserial NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  actor_token_id uuid,
  actor_label text NOT NULL,
  action text NOT NULL,
  record_type text NOT NULL,
  record_id text,
  ip text,
  user_agent text,
  request_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (organisation_id, occurred_at, id)
) PARTITION BY RANGE (occurred_at);
CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT;
CREATE INDEX audit_log_lookup_idx ON audit_log (organisation_id, occurred_at DESC, seq DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE jobs (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  unique_key text,
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
  last_error text,
  lease_token uuid,
  lease_until timestamptz,
  locked_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, unique_key)
);
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE status = 'queued';
CREATE INDEX jobs_lease_idx ON jobs (lease_until) WHERE status = 'running';

CREATE TABLE job_schedules (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  job_name text NOT NULL,
  cron text NOT NULL,
  time_zone text NOT NULL DEFAULT 'Europe/Amsterdam',
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  enabled boolean NOT NULL DEFAULT true,
  next_run_at timestamptz NOT NULL,
  last_run_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, name)
);
