-- Zenden, approval (Z4): per account how many people approve a post before it may go out (geen, een, twee), and
-- whether it is a crisis account (its posts may take the fast path: out at once, reviewed afterwards). Every review
-- belongs to one version of a publication: a change after approval needs approval again.
CREATE TABLE publication_account_settings (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  account_id uuid NOT NULL,
  approval text NOT NULL DEFAULT 'geen' CHECK (approval IN ('geen', 'een', 'twee')),
  crisis_account boolean NOT NULL DEFAULT false,
  updated_by uuid,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, account_id)
);

ALTER TABLE publications DROP CONSTRAINT publications_status_check;
ALTER TABLE publications ADD CONSTRAINT publications_status_check
  CHECK (status IN ('ter-goedkeuring', 'teruggestuurd', 'gepland', 'bezig', 'afgerond', 'geannuleerd'));
ALTER TABLE publications ADD COLUMN approvals_required integer NOT NULL DEFAULT 0;
-- What reviewers approve: the text, title and channels. A new time alone keeps the approvals (version counts every
-- change, for compare-and-set; content_version only the changes a reviewer must see again).
ALTER TABLE publications ADD COLUMN content_version integer NOT NULL DEFAULT 1;
-- The crisis fast path: who sent it out without approval, and why; reviewed afterwards.
ALTER TABLE publications ADD COLUMN fast_path_reason text;
ALTER TABLE publications ADD COLUMN fast_path_by uuid;
ALTER TABLE publications ADD COLUMN reviewed_afterwards_at timestamptz;

CREATE TABLE publication_reviews (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  publication_id uuid NOT NULL,
  content_version integer NOT NULL,
  user_id uuid NOT NULL,
  decision text NOT NULL CHECK (decision IN ('goedgekeurd', 'teruggestuurd', 'opmerking')),
  comment text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, publication_id) REFERENCES publications (organisation_id, id) ON DELETE CASCADE
);

-- One approval per person per version: a second one is refused by the database, whatever the timing.
CREATE UNIQUE INDEX publication_reviews_one_approval_idx ON publication_reviews (organisation_id, publication_id, content_version, user_id)
  WHERE decision = 'goedgekeurd';
