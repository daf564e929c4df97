-- Geruchten (PRODUCT.md L6): an analyst marks a listening item as a rumour, checks it (author, moment, context,
-- satire) and links the official correction; the spread of both is counted from the messages, never stored.

CREATE TABLE rumours (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- Kept when the originating message is removed (retention): the rumour and its findings stay on record.
  origin_message_id uuid,
  status text NOT NULL DEFAULT 'onderzoeken' CHECK (status IN ('onderzoeken', 'bevestigd', 'ontkracht', 'onbeslist')),
  -- The verification checklist: each step is ticked when done and has the analyst's finding.
  author_checked boolean NOT NULL DEFAULT false,
  author_note text NOT NULL DEFAULT '' CHECK (length(author_note) <= 2000),
  time_checked boolean NOT NULL DEFAULT false,
  time_note text NOT NULL DEFAULT '' CHECK (length(time_note) <= 2000),
  context_checked boolean NOT NULL DEFAULT false,
  context_note text NOT NULL DEFAULT '' CHECK (length(context_note) <= 2000),
  satire_checked boolean NOT NULL DEFAULT false,
  satire_note text NOT NULL DEFAULT '' CHECK (length(satire_note) <= 2000),
  -- The official correction: a message Plein knows (our own post or any item) and/or a page on the web.
  correction_message_id uuid,
  correction_url text CHECK (length(correction_url) <= 2000),
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, origin_message_id) REFERENCES messages (organisation_id, id) ON DELETE SET NULL (origin_message_id),
  FOREIGN KEY (organisation_id, correction_message_id) REFERENCES messages (organisation_id, id) ON DELETE SET NULL (correction_message_id)
);
CREATE INDEX rumours_updated_idx ON rumours (organisation_id, updated_at DESC);

-- The messages that belong to a rumour: the originating item and what an analyst adds. Copies of these
-- (listening_items.duplicate_of) belong to it without a row here, so a repost wave is counted as it grows.
CREATE TABLE rumour_messages (
  organisation_id uuid NOT NULL,
  rumour_id uuid NOT NULL,
  message_id uuid NOT NULL,
  origin boolean NOT NULL DEFAULT false,
  added_by uuid,
  added_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, rumour_id, message_id),
  FOREIGN KEY (organisation_id, rumour_id) REFERENCES rumours (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, message_id) REFERENCES messages (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX rumour_messages_message_idx ON rumour_messages (organisation_id, message_id);

-- Counting a rumour's copies looks up items by their original.
CREATE INDEX listening_items_duplicate_of_idx ON listening_items (organisation_id, duplicate_of) WHERE duplicate_of IS NOT NULL;
