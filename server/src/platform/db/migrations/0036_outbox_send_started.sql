-- The moment Plein began handing an outbox item to a platform that cannot be asked afterwards whether it has it
-- (WhatsApp's Cloud API has no lookup of sent messages). Committed before the call: if the process dies during the
-- call, the next attempt finds this set without an outcome and does not send again blindly — a person checks, because
-- a reply sent twice to a resident is worse than one that waits for a look. Cleared when the platform answered that it
-- did not take the message, and when a person asks to send it again.
ALTER TABLE outbox ADD COLUMN send_started_at timestamptz;
