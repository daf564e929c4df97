-- Reageren, the composer (issue 5 points 5 and 6): a reply a colleague checks before it goes out, images with
-- alt text in a reply, and the parts of a numbered thread sent one after the other.

-- The timeline learns one more kind ('controle': asked, sent back, approved, withdrawn). Rebuilt from the
-- constraint as it stands, so a kind another migration added is kept.
DO $$
DECLARE definition text;
BEGIN
  SELECT pg_get_constraintdef(oid) INTO definition FROM pg_constraint
    WHERE conname = 'conversation_events_kind_check' AND conrelid = 'conversation_events'::regclass;
  IF position('''controle''' IN definition) = 0 THEN
    EXECUTE 'ALTER TABLE conversation_events DROP CONSTRAINT conversation_events_kind_check';
    EXECUTE 'ALTER TABLE conversation_events ADD CONSTRAINT conversation_events_kind_check '
      || replace(definition, 'ARRAY[', 'ARRAY[''controle''::text, ');
  END IF;
END $$;

-- An image uploaded in the composer of one conversation, stored (re-encoded, without metadata) as an
-- attachment. A reply may only carry images uploaded for its own conversation.
CREATE TABLE reply_images (
  organisation_id uuid NOT NULL,
  attachment_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  uploaded_by uuid,
  width integer NOT NULL,
  height integer NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, attachment_id),
  FOREIGN KEY (organisation_id, attachment_id) REFERENCES attachments (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, conversation_id) REFERENCES conversations (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX reply_images_conversation_idx ON reply_images (organisation_id, conversation_id);

-- A reply waiting for a colleague's check. It is not in the outbox: only approval queues it, under the key
-- "controle:<id>", so approving twice sends once. Sent back, the author edits it and asks again (revision + 1).
CREATE TABLE reply_drafts (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  conversation_id uuid NOT NULL,
  author_user_id uuid NOT NULL,
  -- Null: any colleague who may handle the inbox.
  reviewer_user_id uuid,
  text text NOT NULL,
  private boolean NOT NULL DEFAULT false,
  confirmed_warnings boolean NOT NULL DEFAULT false,
  -- [{ "imageId": …, "altText": … }]
  media jsonb NOT NULL DEFAULT '[]'::jsonb,
  status text NOT NULL DEFAULT 'ter-controle' CHECK (status IN ('ter-controle', 'teruggestuurd', 'goedgekeurd', 'ingetrokken')),
  revision integer NOT NULL DEFAULT 1,
  review_comment text,
  reviewed_by uuid,
  reviewed_at timestamptz,
  -- The first part queued on approval.
  outbox_id uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, conversation_id) REFERENCES conversations (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, author_user_id) REFERENCES users (organisation_id, id),
  FOREIGN KEY (organisation_id, reviewer_user_id) REFERENCES users (organisation_id, id),
  FOREIGN KEY (organisation_id, reviewed_by) REFERENCES users (organisation_id, id),
  FOREIGN KEY (organisation_id, outbox_id) REFERENCES outbox (organisation_id, id)
);
CREATE INDEX reply_drafts_conversation_idx ON reply_drafts (organisation_id, conversation_id, created_at);
CREATE INDEX reply_drafts_open_idx ON reply_drafts (organisation_id, status, reviewer_user_id) WHERE status IN ('ter-controle', 'teruggestuurd');

-- Part n + 1 of a numbered thread answers part n on the platform, so it waits until part n has a platform id:
-- its send job is queued in the transaction that records part n as sent, never before.
ALTER TABLE outbox ADD COLUMN after_outbox_id uuid;
ALTER TABLE outbox ADD FOREIGN KEY (organisation_id, after_outbox_id) REFERENCES outbox (organisation_id, id);
CREATE INDEX outbox_after_idx ON outbox (organisation_id, after_outbox_id) WHERE after_outbox_id IS NOT NULL;
