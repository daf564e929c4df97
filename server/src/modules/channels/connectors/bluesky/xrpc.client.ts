import { ChannelError, type ConnectorDeps } from '../../connector.types';
import { fetchFromPlatform } from '../../platform-http.client';

export type XrpcParams = Record<string, string | number | undefined>;

export function buildXrpcUrl(base: string, nsid: string, params: XrpcParams = {}): string {
  const url = new URL(`/xrpc/${nsid}`, base);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

function authHeader(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

// A lexicon query (GET). Errors arrive as ChannelError with the XRPC error name in platformCode.
export async function queryXrpc<T>(deps: ConnectorDeps, base: string, nsid: string, params: XrpcParams, token?: string): Promise<T> {
  const response = await fetchFromPlatform<T>(deps, buildXrpcUrl(base, nsid, params), { headers: { accept: 'application/json', ...authHeader(token) } });
  return response.body;
}

// A lexicon procedure (POST): JSON, or raw bytes for uploadBlob.
export async function callXrpcProcedure<T>(
  deps: ConnectorDeps,
  base: string,
  nsid: string,
  body: unknown,
  token?: string,
  bytes?: { data: Buffer; contentType: string },
): Promise<T> {
  const init: RequestInit = bytes
    ? { method: 'POST', headers: { 'content-type': bytes.contentType, ...authHeader(token) }, body: new Uint8Array(bytes.data) }
    : body === undefined
      ? // refreshSession takes no input; a content-type without a body is refused.
        { method: 'POST', headers: authHeader(token) }
      : { method: 'POST', headers: { 'content-type': 'application/json', ...authHeader(token) }, body: JSON.stringify(body) };
  const response = await fetchFromPlatform<T>(deps, buildXrpcUrl(base, nsid), init);
  return response.body;
}

export function hasCode(error: unknown, ...codes: string[]): error is ChannelError {
  return error instanceof ChannelError && error.platformCode !== undefined && codes.includes(error.platformCode);
}

// An at:// URI is at://<did>/<collection>/<rkey>.
export function parseAtUri(uri: string): { repo: string; collection: string; rkey: string } | null {
  const match = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(uri);
  return match ? { repo: match[1]!, collection: match[2]!, rkey: match[3]! } : null;
}

export function postUrl(handleOrDid: string, uri: string): string | null {
  const parts = parseAtUri(uri);
  return parts ? `https://bsky.app/profile/${handleOrDid}/post/${parts.rkey}` : null;
}
