// Shared pieces of X API v2 answers: problem+json errors, picking the requested fields, newest-first
// ordering, max_results bounds and the opaque paging tokens.

export type Json = Record<string, any>;

export const TWEET_DEFAULT_FIELDS = ['id', 'text', 'edit_history_tweet_ids'];
export const USER_DEFAULT_FIELDS = ['id', 'name', 'username'];
export const MEDIA_DEFAULT_FIELDS = ['media_key', 'type'];
export const DM_DEFAULT_FIELDS = ['id', 'event_type', 'text'];

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly body: Json,
  ) {
    super(String(body.detail ?? body.title ?? status));
  }
}

export const invalid = (detail: string) =>
  new Problem(400, { title: 'Invalid Request', detail, type: 'https://api.twitter.com/2/problems/invalid-request', errors: [{ message: detail }] });

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function parseFields(query: Record<string, string>, name: string): string[] {
  return (query[name] ?? '').split(',').filter(Boolean);
}

export function pick(record: Json, defaults: string[], requested: string[]): Json {
  const out: Json = {};
  for (const key of [...defaults, ...requested]) if (record[key] !== undefined) out[key] = record[key];
  return out;
}

export function compareByNewest<T extends { id: string }>(a: T, b: T): number {
  return BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0;
}

export function parseRange(query: Record<string, string>, min: number, max: number, fallback: number): number {
  if (query.max_results === undefined) return fallback;
  const value = Number(query.max_results);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalid(`The \`max_results\` query parameter value [${query.max_results}] is not between ${min} and ${max}`);
  }
  return value;
}

export const encodeToken = (id: string) => Buffer.from(`before:${id}`).toString('base64url');
export const decodeToken = (token: string) => {
  const decoded = Buffer.from(token, 'base64url').toString();
  if (!decoded.startsWith('before:')) throw invalid('The `pagination_token` query parameter value is invalid');
  return decoded.slice('before:'.length);
};
