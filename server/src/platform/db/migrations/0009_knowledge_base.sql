-- Reageren, the composer: a knowledge base of answers, webcare standard texts and the organisation's tone code.

-- An article is the question residents ask and the answer the organisation gives, with who to contact and
-- where to read more. The row holds the current version (what search finds); every version is kept below.
-- No municipality: shared by every municipality of the organisation.
CREATE TABLE knowledge_articles (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  municipality_id uuid,
  version integer NOT NULL DEFAULT 1,
  question text NOT NULL,
  answer text NOT NULL,
  contact text NOT NULL DEFAULT '',
  link text,
  labels text[] NOT NULL DEFAULT '{}',
  -- Question words weigh more than answer words, so an article about the asked thing ranks first.
  search tsvector GENERATED ALWAYS AS (setweight(to_tsvector('dutch', question), 'A') || setweight(to_tsvector('dutch', answer), 'B')) STORED,
  archived_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, municipality_id) REFERENCES municipalities (organisation_id, id)
);
CREATE INDEX knowledge_articles_search_idx ON knowledge_articles USING gin (search);
CREATE INDEX knowledge_articles_list_idx ON knowledge_articles (organisation_id, updated_at DESC);

-- Every change is a new version with its author and time; versions are never changed afterwards.
CREATE TABLE knowledge_article_versions (
  organisation_id uuid NOT NULL,
  article_id uuid NOT NULL,
  version integer NOT NULL,
  municipality_id uuid,
  question text NOT NULL,
  answer text NOT NULL,
  contact text NOT NULL DEFAULT '',
  link text,
  labels text[] NOT NULL DEFAULT '{}',
  archived boolean NOT NULL DEFAULT false,
  author_user_id uuid,
  author_name text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, article_id, version),
  FOREIGN KEY (organisation_id, article_id) REFERENCES knowledge_articles (organisation_id, id) ON DELETE CASCADE
);

-- Standard texts for webcare replies, with placeholders such as {naam} filled in by the composer.
CREATE TABLE reply_templates (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  municipality_id uuid,
  title text NOT NULL,
  body text NOT NULL,
  labels text[] NOT NULL DEFAULT '{}',
  search tsvector GENERATED ALWAYS AS (setweight(to_tsvector('dutch', title), 'A') || setweight(to_tsvector('dutch', body), 'B')) STORED,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, municipality_id) REFERENCES municipalities (organisation_id, id)
);
CREATE INDEX reply_templates_search_idx ON reply_templates USING gin (search);

-- The tone code: questions an agent asks themselves before sending. No row: the default questions apply.
CREATE TABLE tone_codes (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  questions jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by_name text,
  PRIMARY KEY (organisation_id)
);
