-- Private messages (e-mail, WhatsApp, the web form, direct messages) are for the people who answer them, not for
-- listening: an omgevingsanalist without inbox access saw a resident's contact-form message with their e-mail
-- address as author. From now on listening hears only public messages; what it kept of private ones goes. The
-- per-minute counts of monitors keep their history (they name no message); new minutes count public messages only.
DELETE FROM monitor_matches mm USING messages m
  WHERE m.organisation_id = mm.organisation_id AND m.id = mm.message_id AND m.visibility = 'prive';
DELETE FROM tenor_corrections tc USING messages m
  WHERE m.organisation_id = tc.organisation_id AND m.id = tc.message_id AND m.visibility = 'prive';
DELETE FROM rumour_messages rm USING messages m
  WHERE m.organisation_id = rm.organisation_id AND m.id = rm.message_id AND m.visibility = 'prive';
UPDATE rumours r SET origin_message_id = NULL FROM messages m
  WHERE m.organisation_id = r.organisation_id AND m.id = r.origin_message_id AND m.visibility = 'prive';
UPDATE rumours r SET correction_message_id = NULL FROM messages m
  WHERE m.organisation_id = r.organisation_id AND m.id = r.correction_message_id AND m.visibility = 'prive';
DELETE FROM listening_items li USING messages m
  WHERE m.organisation_id = li.organisation_id AND m.id = li.message_id AND m.visibility = 'prive';
