-- Het lokale netwerk (PRODUCT.md L3): each author's group among the seven of the almanac, as the organisation
-- classified it. Profiles themselves (reach, frequency, tenor over time) are counted from listening_items and
-- messages when asked, never stored.

-- An author is known by the handle in lower case without a leading @ (author lists store it that way), the
-- same on every channel. One row per author: the analyst's choice, or else the automatic proposal with the
-- words or lists that led to it. The automatic classifier never overwrites an analyst's row.
CREATE TABLE author_network_groups (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  author_handle text NOT NULL CHECK (author_handle = lower(author_handle) AND author_handle NOT LIKE '@%' AND length(author_handle) BETWEEN 1 AND 100),
  network_group text NOT NULL CHECK (network_group IN ('politiek-overheid', 'bedrijfsleven', 'media', 'sport', 'kunst-cultuur', 'verenigingsleven', 'non-profit')),
  source text NOT NULL CHECK (source IN ('automatisch', 'analist')),
  -- Automatic: {"words": [...], "lists": [...]}; an analyst's row keeps {} and may carry a note.
  reason jsonb NOT NULL DEFAULT '{}'::jsonb,
  set_by uuid,
  set_at timestamptz NOT NULL,
  note text CHECK (length(note) <= 500),
  PRIMARY KEY (organisation_id, author_handle),
  FOREIGN KEY (organisation_id, set_by) REFERENCES users (organisation_id, id) ON DELETE SET NULL (set_by),
  CHECK (source = 'analist' OR (set_by IS NULL AND note IS NULL))
);
CREATE INDEX author_network_groups_group_idx ON author_network_groups (organisation_id, network_group);

-- Authors whose automatic group must be looked at (again): they wrote something new (their name or bio may
-- have changed), or joined or left an author list, or a list of theirs was renamed. Marked by the database in
-- the same transaction as the change, so no ingest path can forget it; the job luisteren.netwerk-indelen
-- (and a page that shows the network) empties it.
CREATE TABLE author_network_pending (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  author_handle text NOT NULL,
  PRIMARY KEY (organisation_id, author_handle)
);

-- Once per statement, not per row: a bulk insert of a crisis burst adds one INSERT … SELECT DISTINCT.
CREATE FUNCTION author_network_mark_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO author_network_pending (organisation_id, author_handle)
  SELECT DISTINCT organisation_id, lower(ltrim(author_handle, '@')) FROM new_items WHERE ltrim(author_handle, '@') <> ''
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER listening_items_author_network AFTER INSERT ON listening_items
  REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION author_network_mark_items();

CREATE FUNCTION author_network_mark_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO author_network_pending VALUES (OLD.organisation_id, OLD.author_handle) ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO author_network_pending VALUES (NEW.organisation_id, NEW.author_handle) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER author_list_members_network AFTER INSERT OR DELETE ON author_list_members
  FOR EACH ROW EXECUTE FUNCTION author_network_mark_members();

CREATE FUNCTION author_network_mark_list() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO author_network_pending (organisation_id, author_handle)
  SELECT organisation_id, author_handle FROM author_list_members WHERE organisation_id = NEW.organisation_id AND list_id = NEW.id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER author_lists_network AFTER UPDATE OF name ON author_lists
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION author_network_mark_list();

-- An author's items across the period, and the profile of one author, go by this key.
CREATE INDEX listening_items_author_idx ON listening_items (organisation_id, lower(ltrim(author_handle, '@')), posted_at DESC);
