import { ChannelError } from '../../connector.types';
import { retryAfterMs } from '../../platform-http.client';

// Meta's error object (developers.facebook.com/docs/graph-api/guides/error-handling):
// { error: { message, type, code, error_subcode, error_user_msg, fbtrace_id } }.
export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_msg?: string;
  fbtrace_id?: string;
}

// 190 expired/invalid token, 102 API session: a person has to reconnect the account.
const AUTH_CODES = new Set([102, 190]);
// Throttling: application (4), user (17), page (32), custom (613), app limit (341), and the
// business use case limits 80001–80014 that page and Instagram tokens fall under.
const RATE_CODES = new Set([4, 17, 32, 341, 613]);
// "Temporary issue due to downtime": wait and retry.
const TRANSIENT_CODES = new Set([1, 2]);
// Without a usage header Meta does not say how long; its throttles last minutes, not seconds.
const DEFAULT_THROTTLE_MS = 5 * 60_000;

export function isRateLimitCode(code: number | undefined): boolean {
  return code !== undefined && (RATE_CODES.has(code) || (code >= 80_001 && code <= 80_014));
}

export function parseGraphError(text: string): GraphErrorBody | null {
  try {
    const parsed = JSON.parse(text) as { error?: unknown };
    return parsed && typeof parsed.error === 'object' && parsed.error !== null ? (parsed.error as GraphErrorBody) : null;
  } catch {
    return null;
  }
}

function json(value: string | null): unknown {
  if (!value) return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

// X-Business-Use-Case-Usage is {"<business id>": [{type, call_count, total_cputime, total_time,
// estimated_time_to_regain_access}]}, X-App-Usage a single such object; the estimate is in minutes.
export function parseRegainAccessMs(headers: Headers): number | null {
  const usages: unknown[] = [];
  const business = json(headers.get('x-business-use-case-usage'));
  if (business && typeof business === 'object') {
    for (const entries of Object.values(business)) if (Array.isArray(entries)) usages.push(...entries);
  }
  usages.push(json(headers.get('x-app-usage')));
  const minutes = usages
    .map((usage) => Number((usage as { estimated_time_to_regain_access?: unknown } | null)?.estimated_time_to_regain_access))
    .filter((value) => Number.isFinite(value) && value > 0);
  return minutes.length > 0 ? Math.max(...minutes) * 60_000 : null;
}

// Sorts a failed Graph call into what Plein acts on. Meta answers most errors with HTTP 400 (an
// expired token too), so the code in the body decides, not the status.
export function classifyGraphError(status: number, headers: Headers, text: string, now: Date, host: string): ChannelError {
  const error = parseGraphError(text);
  const code = error?.code;
  const detail = { status, platformCode: code === undefined ? undefined : String(error?.error_subcode ? `${code}/${error.error_subcode}` : code) };
  const said = error?.message ? `: ${error.message.slice(0, 300)}` : '';
  const trace = error?.fbtrace_id ? ` (fbtrace_id ${error.fbtrace_id})` : '';
  if ((code !== undefined && AUTH_CODES.has(code)) || (!error && status === 401)) {
    return new ChannelError('auth', `${host}: het toegangstoken is verlopen of ingetrokken${said}${trace}`, null, detail);
  }
  if (isRateLimitCode(code) || status === 429) {
    const wait = parseRegainAccessMs(headers) ?? retryAfterMs(headers, now) ?? DEFAULT_THROTTLE_MS;
    return new ChannelError('rate-limited', `${host}: te veel verzoeken (code ${code ?? status})${said}`, wait, detail);
  }
  if ((code !== undefined && TRANSIENT_CODES.has(code)) || status >= 500 || status === 408) {
    return new ChannelError('transient', `${host}: tijdelijke fout bij Meta (${code ?? status})${said}${trace}`, retryAfterMs(headers, now), detail);
  }
  return new ChannelError('permanent', `${host}: verzoek geweigerd (${code ?? status})${said}${trace}`, null, detail);
}

export function hasGraphCode(error: unknown, code: number): boolean {
  return error instanceof ChannelError && error.platformCode !== undefined && error.platformCode.split('/')[0] === String(code);
}
