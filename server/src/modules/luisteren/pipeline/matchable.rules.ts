import type { MatchableItem } from '../query/matcher.rules';

export interface MatchSource {
  text: string;
  subject: string | null;
  hashtags: string[];
  mentions: string[];
  author_handle: string;
  channel: string;
  cbs_code: string;
  geo_lat: number | null;
  geo_lon: number | null;
}

// What a monitor query sees of a message, the same on ingest and in a backfill.
export function toMatchable(row: MatchSource, language: string | null, lists: Map<string, string[]>): MatchableItem {
  return {
    text: row.text,
    subject: row.subject,
    hashtags: row.hashtags,
    mentions: row.mentions,
    authorHandle: row.author_handle,
    channel: row.channel,
    language,
    municipalityCode: row.cbs_code,
    geo: row.geo_lat !== null && row.geo_lon !== null ? { lat: row.geo_lat, lon: row.geo_lon } : null,
    authorLists: lists.get(row.author_handle.toLowerCase()) ?? [],
  };
}
