import type { NormalisedMedia, NormalisedMessage } from '../../connector.types';
import type { MastodonAccount } from './mastodon-api.client';

// The parts of Mastodon's Status entity Plein reads (docs.joinmastodon.org/entities/Status).
export interface MastodonStatus {
  id: string;
  created_at: string;
  in_reply_to_id: string | null;
  in_reply_to_account_id: string | null;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  language: string | null;
  uri: string;
  url: string | null;
  content: string;
  account: MastodonAccount;
  media_attachments: { id: string; type: string; url: string | null; remote_url?: string | null; preview_url?: string | null; description: string | null }[];
  mentions: { id: string; username: string; acct: string; url: string }[];
  tags: { name: string; url: string }[];
  card: { url: string } | null;
  reblog: MastodonStatus | null;
}

export interface MastodonNotification {
  id: string;
  type: string;
  created_at: string;
  account: MastodonAccount;
  status?: MastodonStatus | null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

// Mastodon gives sanitised HTML with only <p>, <br>, <span> and <a> (docs: api/guidelines#formatting).
// Paragraphs become blank lines and <br> a line break. Link spans marked "invisible" hold the parts
// of a URL the web view hides; keeping their text gives back the whole URL.
export function convertHtmlToText(html: string): string {
  const text = html
    .replace(/<p\s+class="quote-inline"[^>]*>[\s\S]*?<\/p>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text).trim();
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag) ?? new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`, 'i').exec(tag);
  return match ? decodeEntities(match[1]!) : null;
}

// Links in the text are anchors that are neither a mention nor a hashtag, plus the preview card.
function linksOf(status: MastodonStatus): string[] {
  const links: string[] = [];
  for (const [tag] of status.content.matchAll(/<a\s[^>]*>/gi)) {
    const href = attribute(tag, 'href');
    const classes = (attribute(tag, 'class') ?? '').split(/\s+/);
    const rel = (attribute(tag, 'rel') ?? '').split(/\s+/);
    if (!href || classes.includes('mention') || classes.includes('hashtag') || rel.includes('tag')) continue;
    links.push(href);
  }
  if (status.card?.url) links.push(status.card.url);
  return [...new Set(links)];
}

const MEDIA_TYPES: Record<string, NormalisedMedia['type']> = { image: 'image', gifv: 'video', video: 'video', audio: 'audio' };

function mediaOf(status: MastodonStatus): NormalisedMedia[] {
  return status.media_attachments.map((media) => ({
    url: media.url ?? media.remote_url ?? null,
    type: MEDIA_TYPES[media.type] ?? 'file',
    altText: media.description || null,
  }));
}

// Followers-only (private) and direct posts are not for everyone: Plein must not quote them in public.
function visibilityOf(status: MastodonStatus): NormalisedMessage['visibility'] {
  return status.visibility === 'direct' || status.visibility === 'private' ? 'prive' : 'openbaar';
}

export function normaliseStatus(status: MastodonStatus, ownAccountId: string | null): NormalisedMessage {
  return {
    platformId: status.id,
    direction: ownAccountId && status.account.id === ownAccountId ? 'uit' : 'in',
    author: {
      id: status.account.id,
      handle: status.account.acct,
      displayName: status.account.display_name || null,
      followers: typeof status.account.followers_count === 'number' ? status.account.followers_count : null,
    },
    text: convertHtmlToText(status.content),
    media: mediaOf(status),
    links: linksOf(status),
    mentions: [...new Set(status.mentions.map((mention) => mention.acct))],
    hashtags: [...new Set(status.tags.map((tag) => tag.name))],
    replyToPlatformId: status.in_reply_to_id,
    // The real root would take GET /api/v1/statuses/:id/context per status; the parent is the
    // nearest known head of the chain, and Plein's own threading follows reply_to from there.
    threadRootPlatformId: status.in_reply_to_id ?? status.id,
    geo: null,
    language: status.language,
    publicUrl: status.url ?? status.uri,
    visibility: visibilityOf(status),
    postedAt: new Date(status.created_at),
    // visibility, in_reply_to_id and account.acct are what a reply from Plein needs later.
    raw: status,
  };
}
