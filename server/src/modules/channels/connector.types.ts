import type { Channel } from '@contracts/channels';
import type { Clock } from '@platform/clock.service';
import type { OutboundPolicy } from '@platform/http/outbound.client';
import type { Mailer } from '@platform/mail/mailer.client';

// The one shape every channel speaks. Connectors only talk to their platform; storing, cursors,
// retries, rate limits and the outbox are the channel service's job, the same for every platform.

export interface NormalisedAuthor {
  id: string;
  handle: string;
  displayName: string | null;
  followers: number | null;
}

export interface NormalisedMedia {
  url: string | null;
  type: 'image' | 'video' | 'audio' | 'file';
  altText: string | null;
  // Bytes Plein keeps itself (e-mail attachments, form uploads); platform media stay at their URL.
  file?: { filename: string; contentType: string; bytes: Buffer };
}

export interface NormalisedMessage {
  platformId: string;
  direction?: 'in' | 'uit';
  author: NormalisedAuthor;
  text: string;
  subject?: string | null;
  media: NormalisedMedia[];
  links: string[];
  mentions: string[];
  hashtags: string[];
  replyToPlatformId: string | null;
  threadRootPlatformId: string | null;
  geo: { lat: number; lon: number } | null;
  language: string | null;
  publicUrl: string | null;
  visibility: 'openbaar' | 'prive';
  postedAt: Date;
  raw: unknown;
}

// A message without the social extras (no media, links, mentions, thread or place): what enters through
// Plein itself (a phone note, the contact form) or what Plein sent.
export function buildPlainMessage(
  fields: Pick<NormalisedMessage, 'platformId' | 'author' | 'text' | 'visibility' | 'postedAt' | 'raw'> & Partial<NormalisedMessage>,
): NormalisedMessage {
  return {
    media: [],
    links: [],
    mentions: [],
    hashtags: [],
    replyToPlatformId: null,
    threadRootPlatformId: null,
    geo: null,
    language: null,
    publicUrl: null,
    ...fields,
  };
}

// An account as a connector sees it: settings plus its opened secrets.
export interface ConnectorAccount {
  id: string;
  organisationId: string;
  municipalityId: string;
  channel: Channel;
  handle: string;
  serviceUrl: string | null;
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
}

export interface ConnectorDeps {
  fetch: typeof fetch;
  clock: Clock;
  // Which addresses a connection may go to, for protocols without fetch (IMAP, SMTP); absent means any.
  outbound?: OutboundPolicy;
  // Plein's own outgoing mail (SMTP_URL), for channels whose answers leave by e-mail: the web form.
  mailer?: Mailer;
  // The host name Plein's Message-IDs end in.
  mailDomain?: string;
  // How long a platform may take to answer, headers and body (PLEIN_PLATFORM_TIMEOUT_SECONDS; 15 s when absent).
  timeoutMs?: number;
}

export interface PollResult {
  messages: NormalisedMessage[];
  cursor: unknown;
  // True when the platform has more right now: the next poll follows at once.
  more: boolean;
  // Refreshed tokens, sealed and stored in the same transaction as the messages.
  secrets?: Record<string, string>;
}

export interface OutboundRequest {
  outboxId: string;
  idempotencyKey: string;
  kind: 'post' | 'reply' | 'direct' | 'delete';
  text: string;
  replyTo: {
    platformId: string;
    threadRootPlatformId: string | null;
    authorId: string;
    authorHandle: string;
    subject: string | null;
    // When the resident wrote: WhatsApp allows a free reply only within 24 hours of it.
    postedAt: Date;
    raw: unknown;
  } | null;
  media: { filename: string; contentType: string; bytes: Buffer; altText: string }[];
  targetPlatformId: string | null;
  // When the item was queued: a connector that names its own record (Bluesky's rkey) derives it from this.
  createdAt: Date;
}

export interface SentResult {
  platformId: string;
  publicUrl: string | null;
  secrets?: Record<string, string>;
  // What the platform said about the new post, kept as the sent message's raw payload: the next part of a
  // thread answers it without asking the platform again (Bluesky: uri, cid and the record).
  raw?: Record<string, unknown>;
}

// Platforms that push (Meta's Graph API webhooks, WhatsApp Cloud API) call Plein at
// /webhooks/<organisation id>/<account id>. Nothing is stored unless the signature over the exact
// bytes received is right.
export interface WebhookHandler {
  // The subscription handshake (Meta: GET with hub.mode=subscribe, hub.verify_token, hub.challenge):
  // the text to answer with, or null to refuse.
  handshake?(account: ConnectorAccount, query: Record<string, string>): string | null;
  verify(account: ConnectorAccount, rawBody: Buffer, headers: Record<string, string | string[] | undefined>): boolean;
  // The delivery as parts that can be read independently; `parse` gets one part at a time, and a part it cannot read
  // is set aside without holding back the others. Without it the delivery is one part.
  split?(body: unknown): unknown[];
  parse(account: ConnectorAccount, body: unknown): NormalisedMessage[];
  // What the platform says about Plein's own messages in the same part (WhatsApp's statuses): the outbox item it was
  // sent for, and whether it arrived.
  reports?(account: ConnectorAccount, body: unknown): DeliveryReport[];
}

// A platform's word on one message Plein sent: it has it (sent, delivered, read) or it could not deliver it.
export interface DeliveryReport {
  outboxId: string;
  platformId: string;
  delivered: boolean;
  // Why it could not be delivered, in the platform's words.
  error: string | null;
}

// A live connection (Mastodon's streaming API): messages as they happen. Plein's stream supervisor
// stores each batch through the same path as polls, reconnects with backoff, and relies on the
// regular poll (since the last stored id) to fill whatever a dropped connection missed.
export interface StreamSink {
  onMessages(messages: NormalisedMessage[]): Promise<void>;
  onError(error: ChannelError): void;
}

export interface LiveStream {
  close(): Promise<void>;
  // Resolves when the connection ends by itself (server closed, network gone).
  ended: Promise<void>;
}

export interface Connector {
  channel: Channel;
  // The inbound streams polled for an account (e.g. "notifications", "INBOX"); none for push-only channels.
  // Decided by settings alone: the planner asks without opening any secrets.
  streams(account: Pick<ConnectorAccount, 'settings'>): string[];
  pollIntervalSeconds?: number;
  poll?(account: ConnectorAccount, stream: string, cursor: unknown, deps: ConnectorDeps): Promise<PollResult>;
  send?(account: ConnectorAccount, request: OutboundRequest, deps: ConnectorDeps): Promise<SentResult>;
  // After an attempt that may or may not have reached the platform: what it already published, if anything.
  findSent?(account: ConnectorAccount, request: OutboundRequest, deps: ConnectorDeps): Promise<SentResult | null>;
  // Checks credentials when an account is added; returns what the platform says about it.
  verify?(account: ConnectorAccount, deps: ConnectorDeps): Promise<{ displayName?: string }>;
  webhook?: WebhookHandler;
  stream?(account: ConnectorAccount, deps: ConnectorDeps, sink: StreamSink): LiveStream;
}

export type ChannelErrorKind = 'rate-limited' | 'auth' | 'transient' | 'permanent';

// How a platform call failed, in the terms the service acts on.
// A connector that refreshed or renewed tokens before failing sets `secrets`, so they are kept anyway.
export class ChannelError extends Error {
  secrets?: Record<string, string>;

  readonly status?: number;
  // The platform's own name for the error (XRPC's "error" field, e.g. ExpiredToken), when it gave one.
  readonly platformCode?: string;
  // Only a person can fix it (the account points where Plein may not connect): the account needs attention.
  readonly needsAttention: boolean;
  // No connection was ever made (refused, unknown host, an address Plein may not use): the platform has nothing, so
  // sending again cannot reach anyone twice.
  readonly neverConnected: boolean;
  constructor(
    readonly kind: ChannelErrorKind,
    message: string,
    readonly retryAfterMs: number | null = null,
    detail: { status?: number; platformCode?: string; needsAttention?: boolean; neverConnected?: boolean } = {},
  ) {
    super(message);
    this.status = detail.status;
    this.platformCode = detail.platformCode;
    this.needsAttention = detail.needsAttention ?? false;
    this.neverConnected = detail.neverConnected ?? false;
  }
}
