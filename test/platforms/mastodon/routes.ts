import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeAccount, MastodonState } from './state';

// What every endpoint handler gets, and the helpers they share: reading the body and Mastodon's id paging.

export interface RouteContext {
  state: MastodonState;
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  path: string;
  // The account whose bearer token made the call.
  me: FakeAccount;
  // X-RateLimit-* headers for this call.
  limits: Record<string, string>;
  send: (status: number, body: unknown, headers?: Record<string, string>) => void;
}

export interface Route {
  method: string;
  path: RegExp;
  answer: (context: RouteContext, match: RegExpExecArray) => void | Promise<void>;
}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// Mastodon's paginate_by_id: max_id/since_id bound the range; min_id reads forward from a cursor
// (oldest first), and the page is always returned newest first.
export function paginate<T extends { id: string }>(all: T[], query: URLSearchParams, defaultLimit: number, maxLimit: number): T[] {
  const limit = Math.min(Number(query.get('limit') ?? defaultLimit) || defaultLimit, maxLimit);
  const big = (id: string | null) => (id === null ? null : BigInt(id));
  const [maxId, sinceId, minId] = [big(query.get('max_id')), big(query.get('since_id')), big(query.get('min_id'))];
  let range = all.filter(
    (item) => (maxId === null || BigInt(item.id) < maxId) && (sinceId === null || BigInt(item.id) > sinceId) && (minId === null || BigInt(item.id) > minId),
  );
  range = range.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? 1 : -1));
  return minId !== null ? range.slice(-limit) : range.slice(0, limit);
}

export function linkHeader(base: string, path: string, query: URLSearchParams, page: { id: string }[]): Record<string, string> {
  if (page.length === 0) return {};
  const keep = new URLSearchParams();
  for (const [key, value] of query) if (['limit', 'types[]', 'exclude_types[]', 'account_id', 'exclude_reblogs'].includes(key)) keep.append(key, value);
  const with_ = (key: string, value: string) => {
    const params = new URLSearchParams(keep);
    params.set(key, value);
    return `${base}${path}?${params.toString().replace(/%5B%5D/g, '[]')}`;
  };
  return { link: `<${with_('max_id', page[page.length - 1]!.id)}>; rel="next", <${with_('min_id', page[0]!.id)}>; rel="prev"` };
}
