import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twitterText from 'twitter-text';

// A local stand-in for X API v2 that answers the way docs.x.com describes: data/includes/meta bodies,
// only the fields asked for (tweet.fields, user.fields, media.fields, dm_event.fields, expansions),
// newest first with meta.next_token paging and since_id, problem+json errors, x-rate-limit-* headers
// on every answer and a 429 once an endpoint's 15-minute budget per user is spent, OAuth 2.0 access
// tokens that expire after two hours and refresh tokens that rotate on use. Time comes from `now`, so a
// test's ManualClock drives expiry and rate-limit windows.

type Json = Record<string, any>;

export interface XUser {
  id: string;
  username: string;
  name: string;
  followers: number;
}

export interface XTweetRecord {
  id: string;
  text: string;
  author_id: string;
  created_at: string;
  conversation_id: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: { type: 'replied_to' | 'quoted'; id: string }[];
  entities?: Json;
  geo?: Json;
  lang: string;
  attachments?: { media_keys: string[] };
  edit_history_tweet_ids: string[];
}

export interface XDmRecord {
  id: string;
  event_type: 'MessageCreate';
  text: string;
  sender_id: string;
  created_at: string;
  dm_conversation_id: string;
  participant_ids: string[];
  attachments?: { media_keys: string[] };
  entities?: Json;
}

interface MediaRecord {
  id: string;
  media_key: string;
  type: 'photo';
  url: string;
  owner: string;
  size: number;
  alt_text?: string;
}

interface Grant {
  userId: string;
  clientId: string;
  accessToken: string;
  refreshToken: string | null;
  accessExpiresAt: number;
}

export interface LoggedRequest {
  method: string;
  route: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  // Whose token made the call (also for expired tokens), or whose refresh token.
  userId?: string;
}

const ACCESS_TOKEN_SECONDS = 7_200;
const WINDOW_SECONDS = 900;
// Twitter's snowflake epoch: ids carry their creation time in the upper bits.
const SNOWFLAKE_EPOCH = 1_288_834_974_657n;
// Per-user budgets per 15 minutes (the order of magnitude docs.x.com lists; tests lower them with setBudget).
const DEFAULT_LIMITS: Record<string, number> = {
  'GET /2/users/:id/mentions': 300,
  'GET /2/users/:id/tweets': 900,
  'GET /2/tweets/search/recent': 300,
  'POST /2/tweets': 100,
  'DELETE /2/tweets/:id': 50,
  'GET /2/dm_events': 300,
  'GET /2/dm_conversations/with/:id/dm_events': 300,
  'POST /2/dm_conversations/with/:id/messages': 200,
  'POST /2/media/upload': 500,
  'POST /2/media/metadata': 500,
  'GET /2/users/me': 75,
};
const ROUTES: [string, RegExp][] = Object.keys(DEFAULT_LIMITS).map((route) => {
  const [method, path] = route.split(' ') as [string, string];
  return [route, new RegExp(`^${method} ${path.replace(/:id/g, '([^/]+)')}$`)];
});
const TWEET_DEFAULT_FIELDS = ['id', 'text', 'edit_history_tweet_ids'];
const USER_DEFAULT_FIELDS = ['id', 'name', 'username'];
const MEDIA_DEFAULT_FIELDS = ['media_key', 'type'];
const DM_DEFAULT_FIELDS = ['id', 'event_type', 'text'];

class Problem extends Error {
  constructor(
    readonly status: number,
    readonly body: Json,
  ) {
    super(String(body.detail ?? body.title ?? status));
  }
}

const invalid = (detail: string) =>
  new Problem(400, { title: 'Invalid Request', detail, type: 'https://api.twitter.com/2/problems/invalid-request', errors: [{ message: detail }] });

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function fieldsOf(query: Record<string, string>, name: string): string[] {
  return (query[name] ?? '').split(',').filter(Boolean);
}

function pick(record: Json, defaults: string[], requested: string[]): Json {
  const out: Json = {};
  for (const key of [...defaults, ...requested]) if (record[key] !== undefined) out[key] = record[key];
  return out;
}

function byNewest<T extends { id: string }>(a: T, b: T): number {
  return BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0;
}

function range(query: Record<string, string>, min: number, max: number, fallback: number): number {
  if (query.max_results === undefined) return fallback;
  const value = Number(query.max_results);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalid(`The \`max_results\` query parameter value [${query.max_results}] is not between ${min} and ${max}`);
  }
  return value;
}

const encodeToken = (id: string) => Buffer.from(`before:${id}`).toString('base64url');
const decodeToken = (token: string) => {
  const decoded = Buffer.from(token, 'base64url').toString();
  if (!decoded.startsWith('before:')) throw invalid('The `pagination_token` query parameter value is invalid');
  return decoded.slice('before:'.length);
};

export class XServer {
  url = '';
  readonly requests: LoggedRequest[] = [];
  readonly users = new Map<string, XUser>();
  readonly tweets: XTweetRecord[] = [];
  readonly dms: XDmRecord[] = [];
  private readonly media = new Map<string, MediaRecord>();
  private readonly grants: Grant[] = [];
  private readonly tokenOwners = new Map<string, string>();
  private readonly budgets = new Map<string, { remaining: number; reset: number }>();
  private readonly limits = new Map<string, number>(Object.entries(DEFAULT_LIMITS));
  private readonly failures: { route: string; status: number }[] = [];
  private lastId = 0n;
  private readonly server = createServer((request, response) => void this.handle(request, response));

  constructor(private readonly now: () => Date = () => new Date()) {}

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  // ---- What tests arrange ----

  addUser(username: string, options: { name?: string; followers?: number } = {}): XUser {
    const user = { id: this.nextId(), username, name: options.name ?? username, followers: options.followers ?? 0 };
    this.users.set(user.id, user);
    return user;
  }

  // An app authorised by the user with offline.access: an access token for two hours and a refresh token.
  authorize(userId: string, clientId = 'plein-client'): { accessToken: string; refreshToken: string } {
    const grant: Grant = { userId, clientId, accessToken: this.token('at', userId), refreshToken: this.token('rt', userId), accessExpiresAt: this.seconds() + ACCESS_TOKEN_SECONDS };
    this.grants.push(grant);
    return { accessToken: grant.accessToken, refreshToken: grant.refreshToken! };
  }

  expireAccessTokens(userId: string): void {
    for (const grant of this.grants) if (grant.userId === userId) grant.accessExpiresAt = 0;
  }

  revokeRefreshTokens(userId: string): void {
    for (const grant of this.grants) if (grant.userId === userId) grant.refreshToken = null;
  }

  // A post by someone else, as X stores it: links shortened to t.co, entities extracted, text escaped.
  addTweet(authorId: string, text: string, options: { replyTo?: string; lang?: string; geo?: { lat: number; lon: number }; images?: { altText?: string }[] } = {}): XTweetRecord {
    const mediaKeys = (options.images ?? []).map((image) => this.storeMedia(authorId, 1000, image.altText).media_key);
    return this.createTweet(authorId, text, { replyTo: options.replyTo, lang: options.lang ?? 'nl', geo: options.geo, mediaKeys });
  }

  sendDm(senderId: string, recipientId: string, text: string, options: { image?: { altText?: string } } = {}): XDmRecord {
    const mediaKeys = options.image ? [this.storeMedia(senderId, 1000, options.image.altText).media_key] : [];
    return this.createDm(senderId, recipientId, text, mediaKeys);
  }

  // The budget left for an endpoint ("GET /2/users/:id/mentions") in the current window.
  setBudget(route: string, userId: string, remaining: number): { reset: number } {
    const budget = this.budget(route, userId);
    budget.remaining = remaining;
    return { reset: budget.reset };
  }

  // The next calls to an endpoint fail with this status (503: X is over capacity).
  failNext(route: string, status: number, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ route, status });
  }

  tweetsBy(userId: string): XTweetRecord[] {
    return this.tweets.filter((tweet) => tweet.author_id === userId).sort(byNewest);
  }

  mediaByKey(key: string): MediaRecord | undefined {
    return this.media.get(key);
  }

  callsTo(route: string, userId?: string): LoggedRequest[] {
    return this.requests.filter((request) => request.route === route && (!userId || request.userId === userId));
  }

  callsBy(userId: string): LoggedRequest[] {
    return this.requests.filter((request) => request.userId === userId);
  }

  // ---- Internals ----

  private seconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  private token(prefix: string, userId: string): string {
    const token = `${prefix}-${randomBytes(18).toString('base64url')}`;
    this.tokenOwners.set(token, userId);
    return token;
  }

  private nextId(): string {
    const fromTime = (BigInt(this.now().getTime()) - SNOWFLAKE_EPOCH) << 22n;
    this.lastId = fromTime > this.lastId ? fromTime : this.lastId + 1n;
    return this.lastId.toString();
  }

  private storeMedia(owner: string, size: number, altText?: string): MediaRecord {
    const id = this.nextId();
    const record: MediaRecord = { id, media_key: `3_${id}`, type: 'photo', url: `https://pbs.twimg.com/media/${id}.png`, owner, size, ...(altText && { alt_text: altText }) };
    this.media.set(record.media_key, record);
    return record;
  }

  private entitiesFor(text: string): { text: string; entities?: Json } {
    // Every link becomes a t.co address; the original is kept as expanded_url.
    const expanded = new Map<string, string>();
    const shortened = twitterText
      .extractUrlsWithIndices(text)
      .reverse()
      .reduce((result, { url, indices }) => {
        // Real t.co codes are ten letters and digits (twitter-text's own t.co pattern stops at anything else).
        const short = `https://t.co/${randomBytes(16).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 10)}`;
        expanded.set(short, url);
        return result.slice(0, indices[0]) + short + result.slice(indices[1]);
      }, text);
    const entities: Json = {};
    const urls = twitterText.extractUrlsWithIndices(shortened).map(({ url, indices }) => ({
      start: indices[0],
      end: indices[1],
      url,
      expanded_url: expanded.get(url) ?? url,
      display_url: (expanded.get(url) ?? url).replace(/^https?:\/\//, ''),
    }));
    const mentions = twitterText.extractMentionsWithIndices(shortened).map(({ screenName, indices }) => ({
      start: indices[0],
      end: indices[1],
      username: screenName,
      ...(this.userByName(screenName) && { id: this.userByName(screenName)!.id }),
    }));
    const hashtags = twitterText.extractHashtagsWithIndices(shortened).map(({ hashtag, indices }) => ({ start: indices[0], end: indices[1], tag: hashtag }));
    if (urls.length) entities.urls = urls;
    if (mentions.length) entities.mentions = mentions;
    if (hashtags.length) entities.hashtags = hashtags;
    return { text: shortened, ...(Object.keys(entities).length > 0 && { entities }) };
  }

  private userByName(username: string): XUser | undefined {
    return [...this.users.values()].find((user) => user.username.toLowerCase() === username.toLowerCase());
  }

  private createTweet(
    authorId: string,
    text: string,
    options: { replyTo?: string; lang: string; geo?: { lat: number; lon: number }; mediaKeys: string[]; refuseDuplicate?: boolean },
  ): XTweetRecord {
    const parent = options.replyTo ? this.tweets.find((tweet) => tweet.id === options.replyTo) : undefined;
    if (options.replyTo && !parent) throw invalid(`Could not find tweet with in_reply_to_tweet_id: [${options.replyTo}].`);
    const parentAuthor = parent && this.users.get(parent.author_id);
    // A reply starts with the @username of whom it answers, as X fills in the reply metadata.
    const full = parentAuthor && parentAuthor.id !== authorId && !text.toLowerCase().startsWith(`@${parentAuthor.username.toLowerCase()}`) ? `@${parentAuthor.username} ${text}` : text;
    // X refuses the same text (links aside) from the same account again: a duplicate status.
    const withoutLinks = (value: string) => value.replace(/https?:\/\/\S+/g, '').trim();
    if (options.refuseDuplicate && this.tweetsBy(authorId).slice(0, 50).some((tweet) => withoutLinks(tweet.text) === withoutLinks(escapeText(full)))) {
      throw new Problem(403, { title: 'Forbidden', detail: 'You are not allowed to create a Tweet with duplicate content.', type: 'about:blank', status: 403 });
    }
    const id = this.nextId();
    const { text: stored, entities } = this.entitiesFor(full);
    const tweet: XTweetRecord = {
      id,
      text: escapeText(stored),
      author_id: authorId,
      created_at: this.now().toISOString(),
      conversation_id: parent?.conversation_id ?? id,
      lang: options.lang,
      edit_history_tweet_ids: [id],
      ...(parent && { in_reply_to_user_id: parent.author_id, referenced_tweets: [{ type: 'replied_to' as const, id: parent.id }] }),
      ...(entities && { entities }),
      ...(options.geo && { geo: { place_id: '01a9a39529b27f36', coordinates: { type: 'Point', coordinates: [options.geo.lon, options.geo.lat] } } }),
      ...(options.mediaKeys.length > 0 && { attachments: { media_keys: options.mediaKeys } }),
    };
    this.tweets.push(tweet);
    return tweet;
  }

  private createDm(senderId: string, recipientId: string, text: string, mediaKeys: string[]): XDmRecord {
    const participants = [senderId, recipientId].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    const { text: stored, entities } = this.entitiesFor(text);
    const event: XDmRecord = {
      id: this.nextId(),
      event_type: 'MessageCreate',
      text: stored,
      sender_id: senderId,
      created_at: this.now().toISOString(),
      dm_conversation_id: participants.join('-'),
      participant_ids: participants,
      ...(mediaKeys.length > 0 && { attachments: { media_keys: mediaKeys } }),
      ...(entities && { entities }),
    };
    this.dms.push(event);
    return event;
  }

  private budget(route: string, userId: string) {
    const key = `${route}|${userId}`;
    let budget = this.budgets.get(key);
    if (!budget || budget.reset <= this.seconds()) {
      budget = { remaining: this.limits.get(route) ?? 300, reset: this.seconds() + WINDOW_SECONDS };
      this.budgets.set(key, budget);
    }
    return budget;
  }

  private async handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://x.local');
    const query = Object.fromEntries(url.searchParams);
    const raw = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => resolve(Buffer.concat(chunks)));
    });
    const method = request.method ?? 'GET';
    const matched = ROUTES.map(([route, pattern]) => ({ route, match: pattern.exec(`${method} ${url.pathname}`) })).find((candidate) => candidate.match);
    const route = url.pathname === '/2/oauth2/token' ? 'POST /2/oauth2/token' : (matched?.route ?? `${method} ${url.pathname}`);
    let body: unknown = null;
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    try {
      const text = raw.toString();
      body = request.headers['content-type']?.includes('application/json') && text ? JSON.parse(text) : text ? Object.fromEntries(new URLSearchParams(text)) : null;
      const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      const owner = this.tokenOwners.get(bearer ?? (body as Json | null)?.refresh_token ?? '');
      this.requests.push({ method, route, path: url.pathname, query, body, ...(owner && { userId: owner }) });
      const forced = this.failures.findIndex((failure) => failure.route === route);
      if (forced >= 0) {
        const [failure] = this.failures.splice(forced, 1);
        return send(failure!.status, { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank', status: failure!.status });
      }
      if (route === 'POST /2/oauth2/token') return send(200, this.refresh(request, body as Record<string, string>));
      if (!matched) throw new Problem(404, { title: 'Not Found Error', detail: `No route for ${method} ${url.pathname}`, type: 'about:blank', status: 404 });
      const user = this.authenticate(request);
      const budget = this.budget(route, user.id);
      const rateHeaders = () => ({
        'x-rate-limit-limit': String(this.limits.get(route) ?? 300),
        'x-rate-limit-remaining': String(budget.remaining),
        'x-rate-limit-reset': String(budget.reset),
      });
      if (budget.remaining <= 0) return send(429, { errors: [{ code: 88, message: 'Rate limit exceeded' }], title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 }, rateHeaders());
      budget.remaining--;
      const [status, payload] = this.answer(route, matched.match![1], user, query, body as Json);
      return send(status, payload, rateHeaders());
    } catch (error) {
      if (error instanceof Problem) return send(error.status, error.body);
      return send(500, { title: 'Internal Server Error', detail: String(error), type: 'about:blank', status: 500 });
    }
  }

  private authenticate(request: IncomingMessage): XUser {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const grant = token ? this.grants.find((candidate) => candidate.accessToken === token) : undefined;
    if (!grant || grant.accessExpiresAt <= this.seconds()) {
      throw new Problem(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
    }
    return this.users.get(grant.userId)!;
  }

  // POST /2/oauth2/token, grant_type=refresh_token: a new access token and a new refresh token; the old pair stops working.
  private refresh(request: IncomingMessage, form: Record<string, string> | null): Json {
    const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const clientId = basic ? Buffer.from(basic, 'base64').toString().split(':')[0] : form?.client_id;
    const refused = new Problem(400, { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' });
    if (form?.grant_type !== 'refresh_token' || !form.refresh_token) throw refused;
    const grant = this.grants.find((candidate) => candidate.refreshToken === form.refresh_token && candidate.clientId === clientId);
    if (!grant) throw refused;
    grant.accessToken = this.token('at', grant.userId);
    grant.refreshToken = this.token('rt', grant.userId);
    grant.accessExpiresAt = this.seconds() + ACCESS_TOKEN_SECONDS;
    return {
      token_type: 'bearer',
      expires_in: ACCESS_TOKEN_SECONDS,
      access_token: grant.accessToken,
      scope: 'tweet.read tweet.write users.read dm.read dm.write offline.access',
      refresh_token: grant.refreshToken,
    };
  }

  private answer(route: string, param: string | undefined, user: XUser, query: Record<string, string>, body: Json): [number, unknown] {
    switch (route) {
      case 'GET /2/users/me':
        return [200, { data: pick({ ...user }, USER_DEFAULT_FIELDS, []) }];
      case 'GET /2/users/:id/mentions': {
        const target = this.users.get(param!);
        if (!target) throw invalid(`Could not find user with id: [${param}].`);
        const mentioning = this.tweets.filter((tweet) => (tweet.entities?.mentions ?? []).some((mention: Json) => String(mention.username).toLowerCase() === target.username.toLowerCase()));
        return [200, this.tweetPage(mentioning, query, range(query, 5, 100, 10), 'pagination_token')];
      }
      case 'GET /2/users/:id/tweets':
        return [200, this.tweetPage(this.tweets.filter((tweet) => tweet.author_id === param), query, range(query, 5, 100, 10), 'pagination_token')];
      case 'GET /2/tweets/search/recent': {
        if (!query.query) throw invalid('The `query` query parameter can not be empty');
        // Plain keywords only (operators such as -is:retweet are ignored): every word must occur.
        const words = query.query.toLowerCase().split(/\s+/).filter((word) => word && !word.includes(':') && !word.startsWith('-'));
        const weekAgo = this.now().getTime() - 7 * 86_400_000;
        const found = this.tweets.filter((tweet) => Date.parse(tweet.created_at) >= weekAgo && words.every((word) => tweet.text.toLowerCase().includes(word)));
        return [200, this.tweetPage(found, query, range(query, 10, 100, 10), 'next_token')];
      }
      case 'POST /2/tweets':
        return [201, { data: this.postTweet(user, body) }];
      case 'DELETE /2/tweets/:id': {
        const index = this.tweets.findIndex((tweet) => tweet.id === param && tweet.author_id === user.id);
        if (index < 0) throw new Problem(404, { title: 'Not Found Error', detail: `Could not find tweet with id: [${param}].`, type: 'https://api.twitter.com/2/problems/resource-not-found', status: 404 });
        this.tweets.splice(index, 1);
        return [200, { data: { deleted: true } }];
      }
      case 'POST /2/media/upload':
        return [200, { data: this.upload(user, body) }];
      case 'POST /2/media/metadata': {
        const media = [...this.media.values()].find((candidate) => candidate.id === body?.id && candidate.owner === user.id);
        if (!media) throw invalid(`Could not find media with id: [${body?.id}].`);
        const alt = body?.metadata?.alt_text?.text;
        if (typeof alt === 'string') {
          if ([...alt].length > 1000) throw invalid('alt_text.text must be at most 1000 characters');
          media.alt_text = alt;
        }
        return [200, { data: { id: media.id, associated_metadata: body.metadata } }];
      }
      case 'GET /2/dm_events':
        return [200, this.dmPage(this.dms.filter((event) => event.participant_ids.includes(user.id)), query)];
      case 'GET /2/dm_conversations/with/:id/dm_events': {
        const conversation = [user.id, param!].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)).join('-');
        return [200, this.dmPage(this.dms.filter((event) => event.dm_conversation_id === conversation), query)];
      }
      case 'POST /2/dm_conversations/with/:id/messages': {
        if (!this.users.get(param!)) throw invalid(`Could not find user with id: [${param}].`);
        const attachments = (body?.attachments ?? []) as { media_id: string }[];
        if (!body?.text && attachments.length === 0) throw invalid('text or attachments is required');
        if (attachments.length > 1) throw invalid('Only one attachment is supported');
        const keys = attachments.map(({ media_id }) => this.ownedMedia(user, media_id).media_key);
        const event = this.createDm(user.id, param!, String(body?.text ?? ''), keys);
        return [201, { data: { dm_conversation_id: event.dm_conversation_id, dm_event_id: event.id } }];
      }
    }
    throw new Problem(404, { title: 'Not Found Error', type: 'about:blank', status: 404 });
  }

  private ownedMedia(user: XUser, mediaId: string): MediaRecord {
    const media = [...this.media.values()].find((candidate) => candidate.id === mediaId && candidate.owner === user.id);
    if (!media) throw invalid(`Your media IDs are invalid: [${mediaId}].`);
    return media;
  }

  private postTweet(user: XUser, body: Json): Json {
    const text = typeof body?.text === 'string' ? body.text : '';
    const mediaIds = (body?.media?.media_ids ?? []) as string[];
    if (!text && mediaIds.length === 0) throw invalid('text or media is required');
    if (mediaIds.length > 4) throw invalid('At most 4 media_ids are allowed');
    if (twitterText.parseTweet(text).weightedLength > 280) {
      throw new Problem(403, { title: 'Forbidden', detail: 'Your Tweet text is too long. For more information on how X determines text length, see https://github.com/twitter/twitter-text.', type: 'about:blank', status: 403 });
    }
    const keys = mediaIds.map((id) => this.ownedMedia(user, id).media_key);
    const tweet = this.createTweet(user.id, text, { replyTo: body?.reply?.in_reply_to_tweet_id, lang: 'nl', mediaKeys: keys, refuseDuplicate: true });
    return { id: tweet.id, text: tweet.text, edit_history_tweet_ids: tweet.edit_history_tweet_ids };
  }

  private upload(user: XUser, body: Json): Json {
    const categories = ['tweet_image', 'dm_image', 'subtitles'];
    if (typeof body?.media !== 'string' || !body.media) throw invalid('media is required');
    if (!categories.includes(body.media_category)) throw invalid(`media_category must be one of ${categories.join(', ')}`);
    const bytes = Buffer.from(body.media, 'base64');
    if (bytes.length > 5 * 1024 * 1024) throw invalid('File size exceeds 5242880 bytes.');
    const media = this.storeMedia(user.id, bytes.length);
    return { id: media.id, media_key: media.media_key, size: media.size, expires_after_secs: 86_400 };
  }

  private tweetView(tweet: XTweetRecord, query: Record<string, string>): Json {
    const requested = fieldsOf(query, 'tweet.fields');
    // An expansion brings the id field it expands along.
    const expansions = fieldsOf(query, 'expansions');
    if (expansions.includes('author_id')) requested.push('author_id');
    if (expansions.includes('attachments.media_keys')) requested.push('attachments');
    if (expansions.includes('referenced_tweets.id')) requested.push('referenced_tweets');
    return pick(tweet, TWEET_DEFAULT_FIELDS, requested);
  }

  private userView(user: XUser, query: Record<string, string>): Json {
    return pick({ ...user, public_metrics: { followers_count: user.followers, following_count: 0, tweet_count: 0, listed_count: 0 } }, USER_DEFAULT_FIELDS, fieldsOf(query, 'user.fields'));
  }

  private mediaView(keys: string[], query: Record<string, string>): Json[] {
    return keys.flatMap((key) => {
      const media = this.media.get(key);
      return media ? [pick(media, MEDIA_DEFAULT_FIELDS, fieldsOf(query, 'media.fields'))] : [];
    });
  }

  // Newest first; since_id/until_id/start_time/end_time narrow; the token says "older than this id".
  private tweetPage(all: XTweetRecord[], query: Record<string, string>, size: number, tokenParam: 'pagination_token' | 'next_token'): Json {
    const before = query[tokenParam] ? decodeToken(query[tokenParam]) : null;
    const matching = all
      .filter((tweet) => !query.since_id || BigInt(tweet.id) > BigInt(query.since_id))
      .filter((tweet) => !query.until_id || BigInt(tweet.id) < BigInt(query.until_id))
      .filter((tweet) => !query.start_time || Date.parse(tweet.created_at) >= Date.parse(query.start_time))
      .filter((tweet) => !query.end_time || Date.parse(tweet.created_at) <= Date.parse(query.end_time))
      .filter((tweet) => !before || BigInt(tweet.id) < BigInt(before))
      .sort(byNewest);
    const page = matching.slice(0, size);
    if (page.length === 0) return { meta: { result_count: 0 } };
    const expansions = fieldsOf(query, 'expansions');
    const includes: Json = {};
    if (expansions.includes('author_id')) {
      includes.users = [...new Set(page.map((tweet) => tweet.author_id))].flatMap((id) => (this.users.get(id) ? [this.userView(this.users.get(id)!, query)] : []));
    }
    if (expansions.includes('attachments.media_keys')) {
      const media = this.mediaView(page.flatMap((tweet) => tweet.attachments?.media_keys ?? []), query);
      if (media.length) includes.media = media;
    }
    if (expansions.includes('referenced_tweets.id')) {
      const referenced = page.flatMap((tweet) => tweet.referenced_tweets ?? []).flatMap(({ id }) => this.tweets.filter((tweet) => tweet.id === id));
      if (referenced.length) includes.tweets = referenced.map((tweet) => this.tweetView(tweet, query));
    }
    const last = page[page.length - 1]!;
    return {
      data: page.map((tweet) => this.tweetView(tweet, query)),
      ...(Object.keys(includes).length > 0 && { includes }),
      meta: {
        newest_id: page[0]!.id,
        oldest_id: last.id,
        result_count: page.length,
        ...(matching.length > size && { next_token: encodeToken(last.id) }),
      },
    };
  }

  private dmPage(all: XDmRecord[], query: Record<string, string>): Json {
    const size = range(query, 1, 100, 100);
    const types = fieldsOf(query, 'event_types');
    const before = query.pagination_token ? decodeToken(query.pagination_token) : null;
    const matching = all.filter((event) => types.length === 0 || types.includes(event.event_type)).filter((event) => !before || BigInt(event.id) < BigInt(before)).sort(byNewest);
    const page = matching.slice(0, size);
    if (page.length === 0) return { meta: { result_count: 0 } };
    const expansions = fieldsOf(query, 'expansions');
    const includes: Json = {};
    if (expansions.includes('sender_id')) {
      includes.users = [...new Set(page.map((event) => event.sender_id))].flatMap((id) => (this.users.get(id) ? [this.userView(this.users.get(id)!, query)] : []));
    }
    if (expansions.includes('attachments.media_keys')) {
      const media = this.mediaView(page.flatMap((event) => event.attachments?.media_keys ?? []), query);
      if (media.length) includes.media = media;
    }
    return {
      data: page.map((event) => pick(event, DM_DEFAULT_FIELDS, fieldsOf(query, 'dm_event.fields'))),
      ...(Object.keys(includes).length > 0 && { includes }),
      meta: { result_count: page.length, ...(matching.length > size && { next_token: encodeToken(page[page.length - 1]!.id) }) },
    };
  }
}

export async function startXServer(now?: () => Date): Promise<XServer> {
  return new XServer(now).start();
}
