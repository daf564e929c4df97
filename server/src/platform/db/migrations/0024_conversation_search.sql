-- Searching the inbox (issue 5, bench/inbox at 1,000,000 conversations): the words of a conversation's
-- messages and its resident's handle and name, kept on the conversation itself. A search then combines one
-- GIN index with the state index (a bitmap AND), instead of testing every open conversation for a message
-- that matches: at a million conversations that took 0.8 to 3 seconds for a word no open conversation had.
ALTER TABLE conversations ADD COLUMN search tsvector NOT NULL DEFAULT ''::tsvector;

-- The same configuration as the query (websearch_to_tsquery('dutch', …)), names included, so both sides are
-- stemmed alike.
CREATE FUNCTION conversation_author_search(handle text, name text) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
  SELECT to_tsvector('dutch', coalesce(handle, '') || ' ' || coalesce(name, ''))
$$;

-- Kept by the database: whatever puts a message into a conversation (threading, a hand-off, an import, a
-- bulk load) adds its words, in the statement that does it. A statement-level trigger does it once per
-- conversation and statement. A thread of thousands of messages stops growing at 20,000 distinct words
-- (a tsvector is limited to 1 MB); its first words stay findable.
CREATE FUNCTION conversations_on_insert_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := conversation_author_search(NEW.author_handle, NEW.author_name) || NEW.search;
  RETURN NEW;
END $$;
CREATE TRIGGER conversations_search_insert BEFORE INSERT ON conversations
  FOR EACH ROW EXECUTE FUNCTION conversations_on_insert_search();

CREATE FUNCTION conversations_add_message_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE conversations c SET search = c.search || w.words
    FROM (
      SELECT n.organisation_id, n.conversation_id, to_tsvector('dutch', string_agg(coalesce(n.subject, '') || ' ' || n.text, ' ')) AS words
      FROM new_messages n WHERE n.conversation_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2
    ) w
    WHERE c.organisation_id = w.organisation_id AND c.id = w.conversation_id AND length(c.search) < 20000;
  ELSE
    UPDATE conversations c SET search = c.search || w.words
    FROM (
      SELECT n.organisation_id, n.conversation_id, to_tsvector('dutch', string_agg(coalesce(n.subject, '') || ' ' || n.text, ' ')) AS words
      FROM new_messages n JOIN old_messages o ON o.organisation_id = n.organisation_id AND o.id = n.id
      WHERE n.conversation_id IS NOT NULL AND o.conversation_id IS DISTINCT FROM n.conversation_id
      GROUP BY 1, 2 ORDER BY 1, 2
    ) w
    WHERE c.organisation_id = w.organisation_id AND c.id = w.conversation_id AND length(c.search) < 20000;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER messages_conversation_words_insert AFTER INSERT ON messages
  REFERENCING NEW TABLE AS new_messages FOR EACH STATEMENT EXECUTE FUNCTION conversations_add_message_words();
CREATE TRIGGER messages_conversation_words_update AFTER UPDATE ON messages
  REFERENCING OLD TABLE AS old_messages NEW TABLE AS new_messages FOR EACH STATEMENT EXECUTE FUNCTION conversations_add_message_words();

-- What is already there.
UPDATE conversations c SET search = conversation_author_search(c.author_handle, c.author_name) || coalesce((
  SELECT to_tsvector('dutch', string_agg(coalesce(m.subject, '') || ' ' || m.text, ' '))
  FROM messages m WHERE m.organisation_id = c.organisation_id AND m.conversation_id = c.id
), ''::tsvector);

CREATE INDEX conversations_search_idx ON conversations USING gin (search);
