-- Who has a conversation open, and who is typing an answer: the collision warning between colleagues.
-- Rows older than a minute mean nothing; they are overwritten by the next heartbeat or cleaned up.
CREATE TABLE conversation_presence (
  organisation_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  user_id uuid NOT NULL,
  composing boolean NOT NULL DEFAULT false,
  seen_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, conversation_id, user_id),
  FOREIGN KEY (organisation_id, conversation_id) REFERENCES conversations (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
);
