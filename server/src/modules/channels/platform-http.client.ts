import { findOutboundRefusal } from '@platform/http/outbound.client';
import { ChannelError, type ConnectorDeps } from './connector.types';

export const DEFAULT_TIMEOUT_MS = 15_000;

// Reads the moment a platform allows the next call: Retry-After (seconds or HTTP date, RFC 9110),
// or the reset headers X (x-rate-limit-reset), Mastodon (X-RateLimit-Reset, ISO) and Meta use.
export function retryAfterMs(headers: Headers, now: Date): number | null {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now.getTime());
  }
  const reset = headers.get('x-rate-limit-reset') ?? headers.get('x-ratelimit-reset') ?? headers.get('ratelimit-reset');
  if (reset) {
    const trimmed = reset.trim();
    if (/^\d+$/.test(trimmed)) {
      const value = Number(trimmed);
      // Epoch seconds (X) versus seconds from now (IETF draft RateLimit-Reset).
      return value > 1_000_000_000 ? Math.max(0, value * 1000 - now.getTime()) : value * 1000;
    }
    const at = Date.parse(trimmed);
    if (!Number.isNaN(at)) return Math.max(0, at - now.getTime());
  }
  return null;
}

// Connected, then cut off by the other side (a reset, or a close before the answer): the host was reachable, so an
// operator who reads "niet bereikbaar" would look for a network or DNS problem that is not there.
const CUT_OFF = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);
// No connection was made at all: whatever was to be sent did not leave.
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function hasErrorCode(error: unknown, codes: Set<string>): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (codes.has(String((current as { code?: unknown }).code))) return true;
  }
  return false;
}

function explainNoAnswer(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'gaf geen antwoord op tijd';
  if (hasErrorCode(error, CUT_OFF)) return 'verbrak de verbinding voordat er een antwoord kwam';
  return 'was niet bereikbaar';
}

// A fetch that got no answer: an address Plein may not connect to needs a person (and is never retried), a timeout,
// a cut connection or an unreachable host is tried again later.
export function classifyFetchFailure(error: unknown, url: string): ChannelError {
  const refusal = findOutboundRefusal(error);
  if (refusal) return new ChannelError('permanent', refusal.message, null, { needsAttention: true, neverConnected: true });
  return new ChannelError('transient', `${new URL(url).host} ${explainNoAnswer(error)}`, null, { neverConnected: hasErrorCode(error, NEVER_CONNECTED) });
}

// The body of an answer whose headers came: it can still stop halfway (the connection dropped) or take longer than
// the timeout. Either is tried again later, like no answer at all.
export async function readPlatformBody(response: Response, url: string): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'maakte zijn antwoord niet op tijd af' : 'brak zijn antwoord halverwege af';
    throw new ChannelError('transient', `${new URL(url).host} ${reason}`);
  }
}

export interface PlatformResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

// One fetch for every connector: a timeout, and failures sorted into what the service acts on.
export async function fetchFromPlatform<T = unknown>(
  deps: ConnectorDeps,
  url: string,
  init: RequestInit & { timeoutMs?: number; expect?: 'json' | 'text' } = {},
): Promise<PlatformResponse<T>> {
  let response: Response;
  try {
    response = await deps.fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? deps.timeoutMs ?? DEFAULT_TIMEOUT_MS) });
  } catch (error) {
    throw classifyFetchFailure(error, url);
  }
  const text = await readPlatformBody(response, url);
  const detail = { status: response.status, platformCode: errorCode(text) };
  if (response.status === 429) {
    throw new ChannelError('rate-limited', `${new URL(url).host}: te veel verzoeken (429)`, retryAfterMs(response.headers, deps.clock.now()) ?? 60_000, detail);
  }
  if (response.status === 401) throw new ChannelError('auth', `${new URL(url).host}: niet (meer) aangemeld (401) ${shortDetail(text)}`.trim(), null, detail);
  if (response.status >= 500 || response.status === 408) {
    // Only Retry-After counts here: rate-limit reset headers (sent on every response by Mastodon and X)
    // say when a quota refills, not when a failing server will be back.
    const retryAfter = response.headers.get('retry-after');
    const wait = retryAfter ? retryAfterMs(new Headers({ 'retry-after': retryAfter }), deps.clock.now()) : null;
    throw new ChannelError('transient', `${new URL(url).host}: fout bij het platform (${response.status})`, wait, detail);
  }
  if (response.status >= 400) {
    throw new ChannelError('permanent', `${new URL(url).host}: verzoek geweigerd (${response.status}) ${shortDetail(text)}`.trim(), null, detail);
  }
  const body = init.expect === 'text' ? text : text ? safeJson(text) : null;
  return { status: response.status, headers: response.headers, body: body as T };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ChannelError('transient', 'het platform stuurde geen geldige JSON');
  }
}

// XRPC (and many JSON APIs) name the error in an "error" field: ExpiredToken, InvalidSwap, RecordNotFound.
function errorCode(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { error?: unknown };
    return typeof parsed?.error === 'string' ? parsed.error : undefined;
  } catch {
    return undefined;
  }
}

function shortDetail(text: string): string {
  return text.replace(/\s+/g, ' ').slice(0, 300);
}
