-- Handling meldingen: the department a melding is with, merging duplicates, splitting one melding into
-- several, meldingen made from a channel message (answered on that channel), and standard texts.

ALTER TABLE meldingen ADD COLUMN assigned_department text;
-- A duplicate follows the melding it was merged into: same status, and its reporter hears the same news.
ALTER TABLE meldingen ADD COLUMN merged_into_id uuid;
ALTER TABLE meldingen ADD COLUMN split_from_id uuid;
-- The message a melding was made from; news for the reporter goes back as a reply on that channel.
ALTER TABLE meldingen ADD COLUMN source_message_id uuid;
ALTER TABLE meldingen ADD FOREIGN KEY (organisation_id, merged_into_id) REFERENCES meldingen (organisation_id, id);
ALTER TABLE meldingen ADD FOREIGN KEY (organisation_id, split_from_id) REFERENCES meldingen (organisation_id, id);
ALTER TABLE meldingen ADD FOREIGN KEY (organisation_id, source_message_id) REFERENCES messages (organisation_id, id);
CREATE INDEX meldingen_merged_idx ON meldingen (organisation_id, merged_into_id) WHERE merged_into_id IS NOT NULL;

ALTER TABLE melding_events DROP CONSTRAINT melding_events_kind_check;
ALTER TABLE melding_events ADD CONSTRAINT melding_events_kind_check
  CHECK (kind IN ('gemeld', 'status', 'notitie', 'toegewezen', 'categorie', 'kto', 'heropenverzoek', 'samengevoegd', 'gesplitst'));
-- Where a message to the reporter went: 'email' or 'kanaal' (a reply on the channel it came from).
ALTER TABLE melding_events ADD COLUMN sent_via text CHECK (sent_via IN ('email', 'kanaal'));

-- Standard texts for the reporter per status, for one category (and its subcategories) or for all.
-- Placeholders such as {nummer} are filled in when the text is sent.
CREATE TABLE melding_standard_texts (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  category_id uuid,
  status text NOT NULL CHECK (status IN ('in-behandeling', 'ingepland', 'wacht-op-informatie', 'doorgezet-naar-extern',
    'afgehandeld', 'geannuleerd', 'heropend')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, category_id) REFERENCES melding_categories (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX melding_standard_texts_status_idx ON melding_standard_texts (organisation_id, status);
