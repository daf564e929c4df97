-- Authors waiting for the network classification were one row each: a crisis burst of new authors added an
-- index entry and a foreign-key check per author to every stored batch, a sixth of the listening pipeline's time in
-- the database (bench/ingest). Now one row per statement that made authors wait, holding their handles (at most 500
-- per row, so one claim stays one transaction's work). An author marked twice is in two rows; the claim folds them.
-- Nothing conflicts any more, so two workers marking the same authors no longer wait for or deadlock on each other.
DROP TRIGGER listening_items_author_network ON listening_items;
DROP TRIGGER author_list_members_network ON author_list_members;
DROP TRIGGER author_lists_network ON author_lists;
ALTER TABLE author_network_pending RENAME TO author_network_pending_old;
-- Out of the new table's way, so its key and foreign key get the usual names.
ALTER TABLE author_network_pending_old RENAME CONSTRAINT author_network_pending_pkey TO author_network_pending_old_pkey;
ALTER TABLE author_network_pending_old RENAME CONSTRAINT author_network_pending_organisation_id_fkey TO author_network_pending_old_organisation_id_fkey;

CREATE TABLE author_network_pending (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  author_handles text[] NOT NULL,
  -- cardinality(author_handles), so a claim counts without reading the arrays.
  authors integer NOT NULL CHECK (authors = cardinality(author_handles) AND authors > 0),
  PRIMARY KEY (organisation_id, id)
);

INSERT INTO author_network_pending (organisation_id, author_handles, authors)
SELECT organisation_id, array_agg(author_handle ORDER BY author_handle), count(*)
FROM (SELECT organisation_id, author_handle, (row_number() OVER (PARTITION BY organisation_id ORDER BY author_handle) - 1) / 500 AS part FROM author_network_pending_old) numbered
GROUP BY organisation_id, part;
DROP TABLE author_network_pending_old;

CREATE OR REPLACE FUNCTION author_network_mark_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO author_network_pending (organisation_id, author_handles, authors)
  SELECT organisation_id, array_agg(handle ORDER BY handle), count(*)
  FROM (
    SELECT organisation_id, handle, (row_number() OVER (PARTITION BY organisation_id ORDER BY handle) - 1) / 500 AS part
    FROM (SELECT DISTINCT organisation_id, lower(ltrim(author_handle, '@')) AS handle FROM new_items WHERE ltrim(author_handle, '@') <> '') authors
  ) numbered
  GROUP BY organisation_id, part;
  RETURN NULL;
END $$;
CREATE TRIGGER listening_items_author_network AFTER INSERT ON listening_items
  REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION author_network_mark_items();

CREATE OR REPLACE FUNCTION author_network_mark_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO author_network_pending (organisation_id, author_handles, authors) VALUES (OLD.organisation_id, ARRAY[OLD.author_handle], 1);
  ELSE
    INSERT INTO author_network_pending (organisation_id, author_handles, authors) VALUES (NEW.organisation_id, ARRAY[NEW.author_handle], 1);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER author_list_members_network AFTER INSERT OR DELETE ON author_list_members
  FOR EACH ROW EXECUTE FUNCTION author_network_mark_members();

CREATE OR REPLACE FUNCTION author_network_mark_list() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO author_network_pending (organisation_id, author_handles, authors)
  SELECT organisation_id, array_agg(author_handle ORDER BY author_handle), count(*)
  FROM (
    SELECT organisation_id, author_handle, (row_number() OVER (ORDER BY author_handle) - 1) / 500 AS part
    FROM author_list_members WHERE organisation_id = NEW.organisation_id AND list_id = NEW.id
  ) numbered
  GROUP BY organisation_id, part;
  RETURN NULL;
END $$;
CREATE TRIGGER author_lists_network AFTER UPDATE OF name ON author_lists
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION author_network_mark_list();
