-- Per monitor and minute: how many items matched, how many of them are kritiek, how many are news (an
-- original from a feed). The alert detector reads these instead of the matches, so its cost per batch is
-- bounded by minutes (two hours: 120 rows; a baseline of four weeks: a few thousand), not by how many
-- posts a crisis brings. Kept in the transaction that inserts or deletes the matches, and on a tenor
-- correction (review), so they always add up to the matches.
CREATE TABLE monitor_minutes (
  organisation_id uuid NOT NULL,
  monitor_id uuid NOT NULL,
  minute timestamptz NOT NULL,
  items integer NOT NULL DEFAULT 0,
  critical integer NOT NULL DEFAULT 0,
  news integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, monitor_id, minute),
  FOREIGN KEY (organisation_id, monitor_id) REFERENCES monitors (organisation_id, id) ON DELETE CASCADE
);

INSERT INTO monitor_minutes (organisation_id, monitor_id, minute, items, critical, news)
SELECT mm.organisation_id, mm.monitor_id, date_trunc('minute', mm.posted_at), count(*),
  count(*) FILTER (WHERE li.tenor = 'kritiek'), count(*) FILTER (WHERE li.channel = 'rss' AND li.duplicate_of IS NULL)
FROM monitor_matches mm
JOIN listening_items li ON li.organisation_id = mm.organisation_id AND li.message_id = mm.message_id
GROUP BY 1, 2, 3;
