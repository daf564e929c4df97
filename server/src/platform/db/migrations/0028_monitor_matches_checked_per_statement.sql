-- A match's references (its monitor, its listening item) are checked and locked once per statement instead of once per
-- row. A foreign key runs a lookup of its own for every row: measured on 2,000 new matches, the two keys took 29 of
-- the insert's 47 ms, the largest single cost of a post in the listening pipeline (1.7 matches a post in the crisis
-- bench). These triggers give the same guarantees set-wise:
-- - on insert, every referenced monitor and item must exist, and is locked FOR KEY SHARE as a foreign key locks it,
--   so a delete running at the same time waits for the insert's transaction instead of leaving a match behind;
-- - deleting a monitor deletes its matches; deleting an item (it goes when its message goes) deletes its matches.
-- Matches are only ever inserted and deleted; their keys are never updated (refused below).
ALTER TABLE monitor_matches DROP CONSTRAINT monitor_matches_organisation_id_monitor_id_fkey;
ALTER TABLE monitor_matches DROP CONSTRAINT monitor_matches_organisation_id_message_id_fkey;

-- One index instead of two: the key takes the moment of posting before the message, so it also serves a monitor's
-- matches in time order (the former monitor_matches_time_idx), and every match costs one index entry fewer. A match's
-- moment is its item's (checked below), so a monitor still matches a message once. A lookup by message gives the
-- item's moment as well.
ALTER TABLE monitor_matches DROP CONSTRAINT monitor_matches_pkey;
ALTER TABLE monitor_matches ADD PRIMARY KEY (organisation_id, monitor_id, posted_at, message_id);
DROP INDEX monitor_matches_time_idx;

-- Each key is looked up by itself (LATERAL): the function's plan is cached, and a plan made while the tables were
-- small read the whole items table for every statement once it had grown (seen in bench/ingest).
CREATE FUNCTION monitor_matches_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  wanted integer;
  found integer;
BEGIN
  SELECT count(*), count(locked.found) INTO wanted, found
  FROM (SELECT DISTINCT organisation_id, monitor_id FROM new_matches) w
  LEFT JOIN LATERAL (
    SELECT 1 AS found FROM monitors m WHERE m.organisation_id = w.organisation_id AND m.id = w.monitor_id FOR KEY SHARE
  ) locked ON true;
  IF found < wanted THEN
    RAISE EXCEPTION 'insert on monitor_matches refers to a monitor that does not exist' USING ERRCODE = 'foreign_key_violation';
  END IF;

  SELECT count(*), count(locked.found) INTO wanted, found
  FROM (SELECT DISTINCT organisation_id, message_id, posted_at FROM new_matches) w
  LEFT JOIN LATERAL (
    SELECT 1 AS found FROM listening_items li
    WHERE li.organisation_id = w.organisation_id AND li.message_id = w.message_id AND li.posted_at = w.posted_at
    FOR KEY SHARE
  ) locked ON true;
  IF found < wanted THEN
    RAISE EXCEPTION 'insert on monitor_matches refers to a listening item that does not exist (or at another moment)' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER monitor_matches_references AFTER INSERT ON monitor_matches
  REFERENCING NEW TABLE AS new_matches FOR EACH STATEMENT EXECUTE FUNCTION monitor_matches_check_references();

CREATE FUNCTION monitor_matches_refuse_key_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the keys of a match are not changed: delete it and insert another' USING ERRCODE = 'foreign_key_violation';
END $$;
CREATE TRIGGER monitor_matches_keys_fixed BEFORE UPDATE OF organisation_id, monitor_id, posted_at, message_id ON monitor_matches
  FOR EACH ROW EXECUTE FUNCTION monitor_matches_refuse_key_change();

CREATE FUNCTION monitor_matches_delete_of_monitors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM monitor_matches mm USING old_monitors o WHERE mm.organisation_id = o.organisation_id AND mm.monitor_id = o.id;
  RETURN NULL;
END $$;
CREATE TRIGGER monitors_delete_matches AFTER DELETE ON monitors
  REFERENCING OLD TABLE AS old_monitors FOR EACH STATEMENT EXECUTE FUNCTION monitor_matches_delete_of_monitors();

-- By monitor, moment and message, so the primary key is used: an organisation has a few monitors, and many matches.
CREATE FUNCTION monitor_matches_delete_of_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM monitor_matches mm USING old_items o, monitors m
  WHERE m.organisation_id = o.organisation_id AND mm.organisation_id = o.organisation_id AND mm.monitor_id = m.id
    AND mm.posted_at = o.posted_at AND mm.message_id = o.message_id;
  RETURN NULL;
END $$;
CREATE TRIGGER listening_items_delete_matches AFTER DELETE ON listening_items
  REFERENCING OLD TABLE AS old_items FOR EACH STATEMENT EXECUTE FUNCTION monitor_matches_delete_of_items();
