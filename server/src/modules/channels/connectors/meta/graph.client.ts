import { ChannelError, type ConnectorAccount, type ConnectorDeps } from '../../connector.types';
import { classifyFetchFailure, DEFAULT_TIMEOUT_MS, readPlatformBody } from '../../platform-http.client';
import { classifyGraphError, hasGraphCode } from './graph.errors';

export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com';
// Pinned, so a new Graph version never changes field shapes under Plein; settable per account.
export const DEFAULT_GRAPH_VERSION = 'v21.0';

export interface GraphTarget {
  // Versioned base, e.g. https://graph.facebook.com/v21.0
  base: string;
  token: string;
}

export type GraphParams = Record<string, string | number | boolean | undefined>;

// Every Meta account (Facebook, Instagram, WhatsApp) names its server, version and token the same way.
export function resolveGraphTarget(account: ConnectorAccount): GraphTarget {
  const token = account.secrets.accessToken;
  if (!token) throw new ChannelError('auth', 'Er is geen toegangstoken ingevuld voor dit account.');
  const root = (account.serviceUrl || DEFAULT_GRAPH_URL).replace(/\/+$/, '');
  const configured = typeof account.settings.graphVersion === 'string' ? account.settings.graphVersion.trim() : '';
  const version = /^v\d+\.\d+$/.test(configured) ? configured : DEFAULT_GRAPH_VERSION;
  return { base: `${root}/${version}`, token };
}

export function buildGraphUrl(target: GraphTarget, path: string, params: GraphParams = {}): string {
  const url = new URL(`${target.base}/${path.replace(/^\/+/, '')}`);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, String(value));
  return url.toString();
}

// One Graph call. Not platformFetch: Meta answers an expired token or a throttle with HTTP 400 and the
// real reason in the error object, which platformFetch would call permanent. The token goes in the
// Authorization header, so it never ends up in a URL, a log line or an error message.
export async function callGraph<T>(
  deps: ConnectorDeps,
  target: GraphTarget,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  options: { params?: GraphParams; body?: unknown } = {},
): Promise<T> {
  const url = buildGraphUrl(target, path, options.params);
  const host = new URL(url).host;
  const headers: Record<string, string> = { authorization: `Bearer ${target.token}`, accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await deps.fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(deps.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    throw classifyFetchFailure(error, url);
  }
  const text = await readPlatformBody(response, url);
  if (!response.ok) throw classifyGraphError(response.status, response.headers, text, deps.clock.now(), host);
  try {
    return (text ? JSON.parse(text) : null) as T;
  } catch {
    throw new ChannelError('transient', `${host} stuurde geen geldige JSON`);
  }
}

// A Graph list: { data: [...], paging: { cursors: { before, after }, next } }. `next` is only there
// when there is another page; `after` is what to ask it with.
export interface GraphList<T> {
  data: T[];
  paging?: { cursors?: { before?: string; after?: string }; next?: string };
}

// Reads pages of an edge until `keepGoing` says stop, there is no next page, or maxPages is reached.
// Returns the items read and whether the edge had more than was read.
export async function readEdge<T>(
  deps: ConnectorDeps,
  target: GraphTarget,
  path: string,
  params: GraphParams,
  options: { maxPages: number; keepGoing?: (page: T[]) => boolean },
): Promise<{ items: T[]; more: boolean }> {
  const items: T[] = [];
  let after: string | undefined;
  for (let page = 0; page < options.maxPages; page++) {
    const list = await callGraph<GraphList<T>>(deps, target, 'GET', path, { params: { ...params, after } });
    const data = list?.data ?? [];
    items.push(...data);
    after = list?.paging?.cursors?.after;
    if (!list?.paging?.next || !after || data.length === 0) return { items, more: false };
    if (options.keepGoing && !options.keepGoing(data)) return { items, more: false };
  }
  return { items, more: true };
}

// Graph times come as "2026-11-23T08:00:00+0000" (fields) or Unix seconds/milliseconds (webhooks).
export function parseGraphTime(value: unknown, fallback: Date): Date {
  if (typeof value === 'number') return new Date(value < 1e12 ? value * 1000 : value);
  if (typeof value === 'string') {
    const normalised = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    const at = Date.parse(normalised);
    if (!Number.isNaN(at)) return new Date(at);
  }
  return fallback;
}

// After an interrupted delete: done when the object is gone (Graph error 100, "does not exist"), null
// while it still exists, so the delete is sent (again).
export async function findDeletedOnGraph(
  deps: ConnectorDeps,
  target: GraphTarget,
  objectId: string | null,
): Promise<{ platformId: string; publicUrl: null } | null> {
  if (!objectId) return null;
  try {
    await callGraph(deps, target, 'GET', objectId, { params: { fields: 'id' } });
    return null;
  } catch (error) {
    if (hasGraphCode(error, 100)) return { platformId: objectId, publicUrl: null };
    throw error;
  }
}
