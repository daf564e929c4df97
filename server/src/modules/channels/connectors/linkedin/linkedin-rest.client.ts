import { ChannelError, type ConnectorAccount, type ConnectorDeps } from '../../connector.types';
import { fetchFromPlatform, type PlatformResponse } from '../../platform-http.client';

export const DEFAULT_API = 'https://api.linkedin.com';
// Versioned APIs take the version in the LinkedIn-Version header (YYYYMM); there is no default version.
// Each version is supported for at least a year, so the account setting linkedinVersion can move it on.
export const DEFAULT_LINKEDIN_VERSION = '202603';

// LinkedIn sends no Retry-After or reset header with a 429: quotas are per day and reset at midnight
// UTC, but a 429 can also be short "infrastructure protection". So Plein waits 15 minutes (a quota
// that is really used up just gets another 429, a few calls an hour), and never past the moment the
// daily quota resets.
const BACKOFF_AFTER_429_MS = 15 * 60_000;

export function computeBackoffAfter429(now: Date): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1000, Math.min(BACKOFF_AFTER_429_MS, midnight - now.getTime()));
}

// Rest.li 2.0 wants a URN used as a resource key fully encoded, parentheses and commas included;
// encodeURIComponent leaves ( and ) alone.
export function encodeUrn(urn: string): string {
  return encodeURIComponent(urn).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

export function getLinkedinVersion(account: ConnectorAccount): string {
  const configured = account.settings.linkedinVersion;
  if (configured === undefined || configured === null || configured === '') return DEFAULT_LINKEDIN_VERSION;
  const version = String(configured).trim();
  if (!/^\d{6}$/.test(version))
    throw new ChannelError('permanent', `De LinkedIn-versie "${version}" is ongeldig: vul een versie in als JJJJMM, bijvoorbeeld ${DEFAULT_LINKEDIN_VERSION}.`);
  return version;
}

export function getApiBase(account: ConnectorAccount): string {
  return (account.serviceUrl || DEFAULT_API).replace(/\/+$/, '');
}

export interface RestRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  // Path under /rest, with any URN already encoded (encodeUrn).
  path: string;
  // Values are sent as given: URN values must be encoded by the caller as well.
  query?: Record<string, string | number>;
  body?: unknown;
}

// One call to LinkedIn's versioned REST API with the headers every call needs.
export async function callRest<T>(deps: ConnectorDeps, account: ConnectorAccount, token: string, request: RestRequest): Promise<PlatformResponse<T>> {
  const query = Object.entries(request.query ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const url = `${getApiBase(account)}/rest${request.path}${query ? `?${query}` : ''}`;
  const version = getLinkedinVersion(account);
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    'linkedin-version': version,
    'x-restli-protocol-version': '2.0.0',
    accept: 'application/json',
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetchFromPlatform<T>(deps, url, {
      method: request.method ?? 'GET',
      headers,
      ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
    });
  } catch (error) {
    if (!(error instanceof ChannelError)) throw error;
    if (error.status === 429) {
      const wait = computeBackoffAfter429(deps.clock.now());
      throw new ChannelError(
        'rate-limited',
        `LinkedIn: daglimiet of tijdelijke limiet bereikt (429); Plein probeert het over ${Math.ceil(wait / 60_000)} minuten opnieuw.`,
        wait,
        { status: 429 },
      );
    }
    if (error.status === 426) {
      throw new ChannelError(
        'permanent',
        `LinkedIn ondersteunt API-versie ${version} niet meer (426). Vul bij het account een recentere LinkedIn-versie (JJJJMM) in.`,
        null,
        { status: 426 },
      );
    }
    throw error;
  }
}

// Items of a Rest.li collection page, and whether another page follows.
export interface CollectionPage<T> {
  elements: T[];
  paging?: { start?: number; count?: number; total?: number; links?: { rel: string; href: string }[] };
}

export function hasNextPage(page: CollectionPage<unknown>, start: number): boolean {
  if (page.elements.length === 0) return false;
  if (page.paging?.links?.some((link) => link.rel === 'next')) return true;
  return typeof page.paging?.total === 'number' && start + page.elements.length < page.paging.total;
}
