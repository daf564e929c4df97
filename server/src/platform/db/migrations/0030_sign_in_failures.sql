-- Failed sign-ins per e-mail address (as typed, lower case, hashed) and client address, with a lock that grows. Kept
-- for addresses without an account too, so a lock answers the same whether the account exists or not, and a lock
-- from one client address does not keep the account's owner out from theirs. Not a tenant's data: rows belong to the
-- system organisation, as the platform's own schedules do.
CREATE TABLE sign_in_failures (
  organisation_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000' REFERENCES organisations (id),
  email_hash text NOT NULL,
  address text NOT NULL,
  failures integer NOT NULL,
  last_failed_at timestamptz NOT NULL,
  locked_until timestamptz,
  PRIMARY KEY (organisation_id, email_hash, address)
);

CREATE INDEX sign_in_failures_last_failed_idx ON sign_in_failures (last_failed_at);

-- The lock per account for everyone is gone: anyone could lock out a beheerder, and the 429 told that the address exists.
ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until;
