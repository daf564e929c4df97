-- A table belongs to one module: only the owner's repositories read and write it. What other modules may read
-- in their own queries (a join in a list, a count in a figure) the owner publishes as a read-only view with the
-- columns it promises to keep, so a list over 700,000 listening items still joins in one statement while the
-- owner can change its table behind the view. PostgreSQL folds a simple view into the query that uses it, so the
-- plans are the ones the tables gave. Writes go through the owner's service (the table-ownership test refuses
-- any write to a view, and any query on another module's table).

-- Published by channels: the stored messages (conversation_id is where the inbox placed the message; search is
-- the Dutch full-text vector of subject and text), the outbox and the files kept with messages.
CREATE VIEW published_messages AS
  SELECT organisation_id, id, account_id, municipality_id, channel, direction, platform_id, author_id, author_handle,
    author_name, author_followers, text, subject, media, links, mentions, hashtags, reply_to_platform_id,
    thread_root_platform_id, geo_lat, geo_lon, language, public_url, visibility, posted_at, received_at, raw,
    simulated, stream, conversation_id, search
  FROM messages;

CREATE VIEW published_outbox AS
  SELECT organisation_id, id, account_id, kind, idempotency_key, text, reply_to_message_id, target_platform_id, media,
    status, attempts, last_error, platform_id, public_url, sent_message_id, created_by, created_at, sent_at,
    after_outbox_id
  FROM outbox;

CREATE VIEW published_attachments AS
  SELECT organisation_id, id, message_id, filename, content_type, size_bytes, sha256, content, created_at
  FROM attachments;

-- Published by the platform: who people are (never their password hash or sign-in subject) and the
-- municipalities' names, codes and time zones.
CREATE VIEW published_users AS
  SELECT organisation_id, id, name, initials, active FROM users;

CREATE VIEW published_municipalities AS
  SELECT organisation_id, id, name, cbs_code, inhabitants, time_zone FROM municipalities;
