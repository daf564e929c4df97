import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A Mastodon server on loopback that answers the endpoints Plein uses the way docs.joinmastodon.org
// describes them: Status/Notification/MediaAttachment JSON, Link headers with max_id/min_id,
// Idempotency-Key (kept one hour), X-RateLimit-* on every response and 429 when the budget is spent,
// 401 {"error":"The access token was revoked"}, media processed in the background (202, then 206 until
// ready), and the streaming API as server-sent events with ":thump" heartbeats. Tests add residents,
// let them post, and make the server fail on demand.

type Json = Record<string, any>;
export interface FakeAccount {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  followers_count: number;
  url: string;
  token: string;
  local: boolean;
}
interface Media {
  id: string;
  type: string;
  url: string | null;
  preview_url: string;
  description: string | null;
  ownerId: string;
  pollsLeft: number;
  contentType: string;
  size: number;
}
export interface RequestLog {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
}
export interface PostOptions {
  inReplyToId?: string;
  visibility?: 'public' | 'unlisted' | 'private' | 'direct';
  language?: string | null;
  media?: { description: string | null; type?: string }[];
  idempotencyKey?: string;
}

export interface MastodonServerOptions {
  // The server's clock; tests pass Plein's ManualClock so created_at and rate-limit windows follow it.
  now?: () => Date;
  heartbeatMs?: number;
  rateLimit?: { limit: number; periodMs: number };
  // How many GET /api/v1/media/:id polls answer 206 before an upload is processed; 0 = synchronous (200).
  mediaProcessingPolls?: number;
}

const IDEMPOTENCY_MS = 60 * 60_000;
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

export async function startMastodonServer(options: MastodonServerOptions = {}) {
  const now = options.now ?? (() => new Date());
  const rateLimit = { limit: 300, periodMs: 5 * 60_000, ...options.rateLimit };
  let base = '';
  let nextStatusId = 113_500_000_000_000_000n;
  let nextNotificationId = 34_975_000;
  let nextOther = 22_348_000;
  const accounts = new Map<string, FakeAccount>();
  const statuses: Json[] = [];
  const notifications: { id: string; ownerId: string; json: Json }[] = [];
  const media = new Map<string, Media>();
  const idempotency = new Map<string, { statusId: string; at: number }>();
  const revoked = new Set<string>();
  const used = new Map<string, number>();
  const streams = new Map<string, Set<ServerResponse>>();
  const failures: { status: number; match: (method: string, path: string) => boolean }[] = [];
  const requests: RequestLog[] = [];

  const accountJson = (account: FakeAccount) => ({
    id: account.id,
    username: account.username,
    acct: account.acct,
    display_name: account.display_name,
    locked: false,
    bot: false,
    created_at: '2022-11-13T00:00:00.000Z',
    note: '',
    url: account.url,
    avatar: `${base}/avatars/original/missing.png`,
    followers_count: account.followers_count,
    following_count: 0,
    statuses_count: statuses.filter((status) => status.account.id === account.id).length,
    emojis: [],
    fields: [],
  });

  // Mastodon's formatting: paragraphs, <br />, linked URLs (spans for the visible part), mentions of
  // known accounts as h-card links, hashtags as rel="tag" links. "@user@domain" shows as "@user".
  function render(text: string) {
    const mentioned: FakeAccount[] = [];
    const tags: string[] = [];
    const token = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)])|(^|[^\w@/])@(\w+)(?:@([\w.-]+\w))?|(^|[^\w&/])#(\w+)/g;
    const renderToken = (match: RegExpMatchArray) => {
      const [whole, url, mentionPrefix, user, domain, tagPrefix, tag] = match as unknown as (string | undefined)[];
      if (url) {
        const [, scheme, rest] = /^(https?:\/\/)(.*)$/.exec(url)!;
        return `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener noreferrer"><span class="invisible">${scheme}</span><span class="${rest!.length > 30 ? 'ellipsis' : ''}">${escapeHtml(rest!.slice(0, 30))}</span><span class="invisible">${escapeHtml(rest!.slice(30))}</span></a>`;
      }
      if (user) {
        const acct = domain ? `${user}@${domain}` : user;
        const target = [...accounts.values()].find((account) => account.acct.toLowerCase() === acct.toLowerCase());
        if (!target) return escapeHtml(whole!);
        mentioned.push(target);
        return `${escapeHtml(mentionPrefix ?? '')}<span class="h-card" translate="no"><a href="${target.url}" class="u-url mention">@<span>${escapeHtml(target.username)}</span></a></span>`;
      }
      tags.push(tag!.toLowerCase());
      return `${escapeHtml(tagPrefix ?? '')}<a href="${base}/tags/${tag!.toLowerCase()}" class="mention hashtag" rel="tag">#<span>${escapeHtml(tag!)}</span></a>`;
    };
    const renderLine = (line: string) => {
      let html = '';
      let last = 0;
      for (const match of line.matchAll(token)) {
        html += escapeHtml(line.slice(last, match.index)) + renderToken(match);
        last = match.index! + match[0].length;
      }
      return html + escapeHtml(line.slice(last));
    };
    const html = text
      .trim()
      .split(/\n{2,}/)
      .map((paragraph) => `<p>${paragraph.split('\n').map(renderLine).join('<br />')}</p>`)
      .join('');
    return { html, mentioned: [...new Map(mentioned.map((account) => [account.id, account])).values()], tags: [...new Set(tags)] };
  }

  // StatusLengthValidator: URLs weigh 23, a remote mention weighs as its local part, then grapheme clusters.
  function statusLength(text: string) {
    const countable = text.replace(/https?:\/\/[^\s]+/g, 'x'.repeat(23)).replace(/(^|[^\w@])@(\w+)@[\w.-]+\w/g, '$1@$2');
    return [...segmenter.segment(countable)].length;
  }

  function notify(owner: FakeAccount, from: FakeAccount, status: Json) {
    const json = { id: String(nextNotificationId++), type: 'mention', created_at: now().toISOString(), account: accountJson(from), status };
    notifications.push({ id: json.id, ownerId: owner.id, json });
    for (const stream of streams.get(owner.id) ?? []) stream.write(`event: notification\ndata: ${JSON.stringify(json)}\n\n`);
  }

  function createStatus(author: FakeAccount, text: string, options: PostOptions & { mediaIds?: string[] } = {}): Json {
    const parent = options.inReplyToId ? statuses.find((status) => status.id === options.inReplyToId) : undefined;
    const { html, mentioned, tags } = render(text);
    const attached = (options.mediaIds ?? []).map((id) => media.get(id)!);
    for (const item of options.media ?? []) {
      const id = String(nextOther++);
      attached.push({ id, type: item.type ?? 'image', url: `${base}/system/media_attachments/${id}/original.png`, preview_url: `${base}/system/media_attachments/${id}/small.png`, description: item.description, ownerId: author.id, pollsLeft: 0, contentType: 'image/png', size: 0 });
    }
    const id = String(nextStatusId++);
    const status = {
      id,
      created_at: now().toISOString(),
      in_reply_to_id: parent?.id ?? null,
      in_reply_to_account_id: parent?.account.id ?? null,
      sensitive: false,
      spoiler_text: '',
      visibility: options.visibility ?? 'public',
      language: options.language === undefined ? 'nl' : options.language,
      uri: `${base}/users/${author.username}/statuses/${id}`,
      url: `${base}/@${author.acct}/${id}`,
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 0,
      edited_at: null,
      content: html,
      reblog: null,
      application: null,
      account: accountJson(author),
      media_attachments: attached.map(({ id: mediaId, type, url, preview_url, description }) => ({ id: mediaId, type, url, preview_url, remote_url: null, description, blurhash: null, meta: {} })),
      mentions: mentioned.map((account) => ({ id: account.id, username: account.username, url: account.url, acct: account.acct })),
      tags: tags.map((name) => ({ name, url: `${base}/tags/${name}` })),
      emojis: [],
      card: null,
      poll: null,
    };
    statuses.push(status);
    for (const account of mentioned) if (account.local && account.id !== author.id) notify(account, author, status);
    return status;
  }

  // Mastodon's paginate_by_id: max_id/since_id bound the range; min_id reads forward from a cursor
  // (oldest first), and the page is always returned newest first.
  function paginate<T extends { id: string }>(all: T[], query: URLSearchParams, defaultLimit: number, maxLimit: number): T[] {
    const limit = Math.min(Number(query.get('limit') ?? defaultLimit) || defaultLimit, maxLimit);
    const big = (id: string | null) => (id === null ? null : BigInt(id));
    const [maxId, sinceId, minId] = [big(query.get('max_id')), big(query.get('since_id')), big(query.get('min_id'))];
    let range = all.filter((item) => (maxId === null || BigInt(item.id) < maxId) && (sinceId === null || BigInt(item.id) > sinceId) && (minId === null || BigInt(item.id) > minId));
    range = range.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? 1 : -1));
    return minId !== null ? range.slice(-limit) : range.slice(0, limit);
  }

  function linkHeader(path: string, query: URLSearchParams, page: { id: string }[]): Record<string, string> {
    if (page.length === 0) return {};
    const keep = new URLSearchParams();
    query.forEach((value, key) => ['limit', 'types[]', 'exclude_types[]', 'account_id', 'exclude_reblogs'].includes(key) && keep.append(key, value));
    const with_ = (key: string, value: string) => {
      const params = new URLSearchParams(keep);
      params.set(key, value);
      return `${base}${path}?${params.toString().replace(/%5B%5D/g, '[]')}`;
    };
    return { link: `<${with_('max_id', page[page.length - 1]!.id)}>; rel="next", <${with_('min_id', page[0]!.id)}>; rel="prev"` };
  }

  function rateHeaders(token: string): Record<string, string> {
    const period = Math.floor(now().getTime() / rateLimit.periodMs);
    const key = `${token}:${period}`;
    const count = (used.get(key) ?? 0) + 1;
    used.set(key, count);
    return {
      'x-ratelimit-limit': String(rateLimit.limit),
      'x-ratelimit-remaining': String(Math.max(0, rateLimit.limit - count)),
      'x-ratelimit-reset': new Date((period + 1) * rateLimit.periodMs).toISOString(),
      exceeded: count > rateLimit.limit ? 'yes' : '',
    };
  }

  async function readBody(request: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', base);
    const method = request.method ?? 'GET';
    requests.push({ method, path: url.pathname, query: url.searchParams, headers: request.headers });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(body === undefined ? '' : JSON.stringify(body));
    };
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer) return send(401, { error: 'The access token is invalid' });
    if (revoked.has(bearer)) return send(401, { error: 'The access token was revoked' });
    const me = [...accounts.values()].find((account) => account.token === bearer);
    if (!me) return send(401, { error: 'The access token is invalid' });
    const { exceeded, ...limits } = rateHeaders(bearer);
    if (exceeded) return send(429, { error: 'Too many requests' }, limits);
    const failure = failures.findIndex((candidate) => candidate.match(method, url.pathname));
    if (failure !== -1) {
      const { status } = failures.splice(failure, 1)[0]!;
      return send(status, { error: 'Service Unavailable' }, limits);
    }
    const path = url.pathname;
    let match: RegExpExecArray | null;

    if (method === 'GET' && path === '/api/v1/accounts/verify_credentials') return send(200, { ...accountJson(me), source: { privacy: 'public', language: 'nl' } }, limits);

    if (method === 'GET' && path === '/api/v1/notifications') {
      const types = url.searchParams.getAll('types[]');
      const own = notifications.filter((item) => item.ownerId === me.id && (types.length === 0 || types.includes(item.json.type))).map((item) => item.json as Json & { id: string });
      const page = paginate(own, url.searchParams, 40, 80);
      return send(200, page, { ...limits, ...linkHeader(path, url.searchParams, page) });
    }

    if (method === 'GET' && (match = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(path))) {
      const tag = decodeURIComponent(match[1]!).toLowerCase();
      const tagged = statuses.filter((status) => status.visibility === 'public' && status.tags.some((item: Json) => item.name === tag)) as (Json & { id: string })[];
      const page = paginate(tagged, url.searchParams, 20, 40);
      return send(200, page, { ...limits, ...linkHeader(path, url.searchParams, page) });
    }

    if (method === 'GET' && (match = /^\/api\/v1\/accounts\/([^/]+)\/statuses$/.exec(path))) {
      const owner = match[1]!;
      const visible = statuses.filter((status) => status.account.id === owner && (owner === me.id || ['public', 'unlisted'].includes(status.visibility))) as (Json & { id: string })[];
      const page = paginate(visible, url.searchParams, 20, 40);
      return send(200, page, { ...limits, ...linkHeader(path, url.searchParams, page) });
    }

    if (method === 'POST' && path === '/api/v1/statuses') {
      const key = request.headers['idempotency-key'];
      const body = await readBody(request);
      const params: Json = (request.headers['content-type'] ?? '').includes('json') ? JSON.parse(body.toString() || '{}') : Object.fromEntries(new URLSearchParams(body.toString()));
      if (typeof key === 'string') {
        const earlier = idempotency.get(`${me.id}:${key}`);
        if (earlier && now().getTime() - earlier.at < IDEMPOTENCY_MS) return send(200, statuses.find((status) => status.id === earlier.statusId), limits);
      }
      const text = String(params.status ?? '');
      const mediaIds: string[] = Array.isArray(params.media_ids) ? params.media_ids.map(String) : [];
      if (!text.trim() && mediaIds.length === 0) return send(422, { error: "Validation failed: Text can't be blank" }, limits);
      if (statusLength(text) > 500) return send(422, { error: 'Validation failed: Text character limit of 500 exceeded' }, limits);
      if (params.in_reply_to_id && !statuses.some((status) => status.id === String(params.in_reply_to_id))) return send(404, { error: 'Record not found' }, limits);
      for (const id of mediaIds) {
        const item = media.get(id);
        if (!item || item.ownerId !== me.id) return send(422, { error: 'Validation failed: Media attachments are invalid' }, limits);
        if (!item.url) return send(422, { error: 'Cannot attach files that have not finished processing. Try again in a moment!' }, limits);
      }
      const status = createStatus(me, text, { inReplyToId: params.in_reply_to_id ? String(params.in_reply_to_id) : undefined, visibility: params.visibility, language: params.language ?? null, mediaIds });
      if (typeof key === 'string') idempotency.set(`${me.id}:${key}`, { statusId: status.id, at: now().getTime() });
      return send(200, status, limits);
    }

    if (method === 'DELETE' && (match = /^\/api\/v1\/statuses\/([^/]+)$/.exec(path))) {
      const index = statuses.findIndex((status) => status.id === match![1] && status.account.id === me.id);
      if (index === -1) return send(404, { error: 'Record not found' }, limits);
      const [deleted] = statuses.splice(index, 1);
      return send(200, { ...deleted, text: '' }, limits);
    }

    if (method === 'POST' && path === '/api/v2/media') {
      const body = await readBody(request);
      const form = await new Request(url, { method: 'POST', headers: { 'content-type': request.headers['content-type'] ?? '' }, body: new Uint8Array(body) }).formData();
      const file = form.get('file');
      if (!(file instanceof Blob) || !file.type) return send(422, { error: 'Validation failed: File content type is invalid, File is invalid' }, limits);
      const id = String(nextOther++);
      const processing = options.mediaProcessingPolls ?? 0;
      const item: Media = {
        id,
        type: file.type.startsWith('image/') ? 'image' : file.type.startsWith('video/') ? 'video' : 'unknown',
        url: processing > 0 ? null : `${base}/system/media_attachments/${id}/original`,
        preview_url: `${base}/system/media_attachments/${id}/small`,
        description: typeof form.get('description') === 'string' ? String(form.get('description')) : null,
        ownerId: me.id,
        pollsLeft: processing,
        contentType: file.type,
        size: file.size,
      };
      media.set(id, item);
      const { ownerId: _o, pollsLeft: _p, contentType: _c, size: _s, ...json } = item;
      return send(processing > 0 ? 202 : 200, { ...json, remote_url: null, text_url: null, meta: {}, blurhash: null }, limits);
    }

    if (method === 'GET' && (match = /^\/api\/v1\/media\/([^/]+)$/.exec(path))) {
      const item = media.get(match[1]!);
      if (!item || item.ownerId !== me.id) return send(404, { error: 'Record not found' }, limits);
      if (item.pollsLeft > 0) {
        item.pollsLeft--;
        return send(206, undefined, limits);
      }
      item.url ??= `${base}/system/media_attachments/${item.id}/original`;
      const { ownerId: _o, pollsLeft: _p, contentType: _c, size: _s, ...json } = item;
      return send(200, { ...json, remote_url: null, text_url: null, meta: {}, blurhash: null }, limits);
    }

    if (method === 'GET' && path === '/api/v1/streaming/user/notification') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'transfer-encoding': 'chunked' });
      response.write(':)\n');
      const set = streams.get(me.id) ?? new Set<ServerResponse>();
      streams.set(me.id, set.add(response));
      const heartbeat = setInterval(() => response.write(':thump\n'), options.heartbeatMs ?? 15_000);
      response.on('close', () => {
        clearInterval(heartbeat);
        set.delete(response);
      });
      return;
    }

    return send(404, { error: 'Not Found' }, limits);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    get url() {
      return base;
    },
    requests,
    statuses,
    media,
    // A local account (the municipality, a resident here) or a remote one ("anna@mastodon.example").
    addAccount(username: string, details: { domain?: string; displayName?: string; followers?: number } = {}): FakeAccount {
      const id = String(109_334_860_508_000_000n + BigInt(accounts.size));
      const acct = details.domain ? `${username}@${details.domain}` : username;
      const account: FakeAccount = {
        id,
        username,
        acct,
        display_name: details.displayName ?? '',
        followers_count: details.followers ?? 0,
        url: details.domain ? `https://${details.domain}/@${username}` : `${base}/@${username}`,
        token: randomBytes(16).toString('hex'),
        local: !details.domain,
      };
      accounts.set(id, account);
      return account;
    },
    // A status by someone else, as if it arrived on this server (from its web app or by federation).
    post(author: FakeAccount, text: string, postOptions: PostOptions = {}) {
      return createStatus(author, text, postOptions);
    },
    revoke(token: string) {
      revoked.add(token);
    },
    // The next request(s) matching answer with this status (503: Mastodon behind a busy proxy).
    failNext(status: number, match: (method: string, path: string) => boolean, times = 1) {
      for (let i = 0; i < times; i++) failures.push({ status, match });
    },
    setRateLimit(limit: number) {
      rateLimit.limit = limit;
    },
    statusesBy(account: FakeAccount) {
      return statuses.filter((status) => status.account.id === account.id);
    },
    // Ends every open streaming connection, as a restarting streaming server does.
    endStreams() {
      for (const set of streams.values()) for (const stream of set) stream.end();
    },
    close() {
      for (const set of streams.values()) for (const stream of set) stream.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type MastodonServer = Awaited<ReturnType<typeof startMastodonServer>>;
