import { randomBytes } from 'node:crypto';
import { extractEntities } from './entities';
import { compareByNewest, escapeText, invalid, type Json, Problem } from './responses';

// What the fake X keeps: users, posts, DM events, uploaded media and OAuth 2.0 grants, plus what tests
// arrange on it. Time comes from `now`, so a test's ManualClock drives ids and token expiry.

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

export interface MediaRecord {
  id: string;
  media_key: string;
  type: 'photo';
  url: string;
  owner: string;
  size: number;
  alt_text?: string;
}

export interface Grant {
  userId: string;
  clientId: string;
  accessToken: string;
  refreshToken: string | null;
  accessExpiresAt: number;
}

export const ACCESS_TOKEN_SECONDS = 7_200;
// Twitter's snowflake epoch: ids carry their creation time in the upper bits.
const SNOWFLAKE_EPOCH = 1_288_834_974_657n;

export class XState {
  readonly users = new Map<string, XUser>();
  readonly tweets: XTweetRecord[] = [];
  readonly dms: XDmRecord[] = [];
  readonly media = new Map<string, MediaRecord>();
  readonly grants: Grant[] = [];
  readonly tokenOwners = new Map<string, string>();
  private lastId = 0n;

  constructor(readonly now: () => Date = () => new Date()) {}

  // ---- What tests arrange ----

  addUser(username: string, options: { name?: string; followers?: number } = {}): XUser {
    const user = { id: this.nextId(), username, name: options.name ?? username, followers: options.followers ?? 0 };
    this.users.set(user.id, user);
    return user;
  }

  // An app authorised by the user with offline.access: an access token for two hours and a refresh token.
  authorize(userId: string, clientId = 'plein-client'): { accessToken: string; refreshToken: string } {
    const grant: Grant = {
      userId,
      clientId,
      accessToken: this.token('at', userId),
      refreshToken: this.token('rt', userId),
      accessExpiresAt: this.seconds() + ACCESS_TOKEN_SECONDS,
    };
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
  addTweet(
    authorId: string,
    text: string,
    options: { replyTo?: string; lang?: string; geo?: { lat: number; lon: number }; images?: { altText?: string }[] } = {},
  ): XTweetRecord {
    const mediaKeys = (options.images ?? []).map((image) => this.storeMedia(authorId, 1000, image.altText).media_key);
    return this.createTweet(authorId, text, { replyTo: options.replyTo, lang: options.lang ?? 'nl', geo: options.geo, mediaKeys });
  }

  sendDm(senderId: string, recipientId: string, text: string, options: { image?: { altText?: string } } = {}): XDmRecord {
    const mediaKeys = options.image ? [this.storeMedia(senderId, 1000, options.image.altText).media_key] : [];
    return this.createDm(senderId, recipientId, text, mediaKeys);
  }

  tweetsBy(userId: string): XTweetRecord[] {
    return this.tweets.filter((tweet) => tweet.author_id === userId).sort(compareByNewest);
  }

  mediaByKey(key: string): MediaRecord | undefined {
    return this.media.get(key);
  }

  // ---- Internals (shared with the route handlers) ----

  seconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  token(prefix: string, userId: string): string {
    const token = `${prefix}-${randomBytes(18).toString('base64url')}`;
    this.tokenOwners.set(token, userId);
    return token;
  }

  nextId(): string {
    const fromTime = (BigInt(this.now().getTime()) - SNOWFLAKE_EPOCH) << 22n;
    this.lastId = fromTime > this.lastId ? fromTime : this.lastId + 1n;
    return this.lastId.toString();
  }

  storeMedia(owner: string, size: number, altText?: string): MediaRecord {
    const id = this.nextId();
    const record: MediaRecord = {
      id,
      media_key: `3_${id}`,
      type: 'photo',
      url: `https://pbs.twimg.com/media/${id}.png`,
      owner,
      size,
      ...(altText && { alt_text: altText }),
    };
    this.media.set(record.media_key, record);
    return record;
  }

  userByName(username: string): XUser | undefined {
    return [...this.users.values()].find((user) => user.username.toLowerCase() === username.toLowerCase());
  }

  createTweet(
    authorId: string,
    text: string,
    options: { replyTo?: string; lang: string; geo?: { lat: number; lon: number }; mediaKeys: string[]; refuseDuplicate?: boolean },
  ): XTweetRecord {
    const parent = options.replyTo ? this.tweets.find((tweet) => tweet.id === options.replyTo) : undefined;
    if (options.replyTo && !parent) throw invalid(`Could not find tweet with in_reply_to_tweet_id: [${options.replyTo}].`);
    const parentAuthor = parent && this.users.get(parent.author_id);
    // A reply starts with the @username of whom it answers, as X fills in the reply metadata.
    const full =
      parentAuthor && parentAuthor.id !== authorId && !text.toLowerCase().startsWith(`@${parentAuthor.username.toLowerCase()}`)
        ? `@${parentAuthor.username} ${text}`
        : text;
    // X refuses the same text (links aside) from the same account again: a duplicate status.
    const withoutLinks = (value: string) => value.replace(/https?:\/\/\S+/g, '').trim();
    if (
      options.refuseDuplicate &&
      this.tweetsBy(authorId)
        .slice(0, 50)
        .some((tweet) => withoutLinks(tweet.text) === withoutLinks(escapeText(full)))
    ) {
      throw new Problem(403, { title: 'Forbidden', detail: 'You are not allowed to create a Tweet with duplicate content.', type: 'about:blank', status: 403 });
    }
    const id = this.nextId();
    const { text: stored, entities } = extractEntities(full, (name) => this.userByName(name));
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

  createDm(senderId: string, recipientId: string, text: string, mediaKeys: string[]): XDmRecord {
    const participants = [senderId, recipientId].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    const { text: stored, entities } = extractEntities(text, (name) => this.userByName(name));
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
}

// One endpoint's answer: the :id in its path (if any), the authenticated user, query and JSON body.
export type XRoute = (x: XState, param: string | undefined, user: XUser, query: Record<string, string>, body: Json) => [number, unknown];
