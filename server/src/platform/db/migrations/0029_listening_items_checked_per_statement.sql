-- A listening item refers to its message as its matches refer to it (migration 0028): checked and locked once per
-- statement instead of by a foreign-key lookup per row. Measured on 2,000 new items: the key took 15 of the insert's
-- 49 ms. Deleting a message deletes its item, and through the item's own trigger its matches. Items' keys never change.
ALTER TABLE listening_items DROP CONSTRAINT listening_items_organisation_id_message_id_fkey;

-- Key by key (LATERAL), for the reason given in 0028.
CREATE FUNCTION listening_items_check_messages() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  wanted integer;
  found integer;
BEGIN
  SELECT count(*), count(locked.found) INTO wanted, found
  FROM new_items n
  LEFT JOIN LATERAL (
    SELECT 1 AS found FROM messages m WHERE m.organisation_id = n.organisation_id AND m.id = n.message_id FOR KEY SHARE
  ) locked ON true;
  IF found < wanted THEN
    RAISE EXCEPTION 'insert on listening_items refers to a message that does not exist' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER listening_items_references AFTER INSERT ON listening_items
  REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION listening_items_check_messages();

CREATE FUNCTION listening_items_refuse_key_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the keys of a listening item are not changed: delete it and insert another' USING ERRCODE = 'foreign_key_violation';
END $$;
CREATE TRIGGER listening_items_keys_fixed BEFORE UPDATE OF organisation_id, message_id ON listening_items
  FOR EACH ROW EXECUTE FUNCTION listening_items_refuse_key_change();

CREATE FUNCTION listening_items_delete_of_messages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM listening_items li USING old_messages o WHERE li.organisation_id = o.organisation_id AND li.message_id = o.id;
  RETURN NULL;
END $$;
CREATE TRIGGER messages_delete_listening_items AFTER DELETE ON messages
  REFERENCING OLD TABLE AS old_messages FOR EACH STATEMENT EXECUTE FUNCTION listening_items_delete_of_messages();
