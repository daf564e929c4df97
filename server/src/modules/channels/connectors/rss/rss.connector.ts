import { parseFeed } from 'feedsmith';
import { ChannelError, type Connector, type NormalisedMessage } from '../../connector.types';
import { fetchFromPlatform } from '../../platform-http.client';

interface FeedCursor {
  etag: string | null;
  lastModified: string | null;
}

interface FeedItem {
  id: string | null;
  title: string;
  text: string;
  link: string | null;
  author: string | null;
  published: string | null;
  categories: string[];
  raw: unknown;
}

// Atom wraps text in { value }, RSS and JSON Feed give plain strings.
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value ?? '');
  return '';
}

function plain(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

type AnyRecord = Record<string, any>;

function itemsOf(parsed: { format: string; feed: AnyRecord }): FeedItem[] {
  const { format, feed } = parsed;
  if (format === 'atom') {
    return ((feed.entries ?? []) as AnyRecord[]).map((entry) => ({
      id: entry.id ?? null,
      title: textOf(entry.title),
      text: plain(textOf(entry.summary) || textOf(entry.content)),
      link: (entry.links as AnyRecord[] | undefined)?.find((link) => !link.rel || link.rel === 'alternate')?.href ?? null,
      author: (entry.authors as AnyRecord[] | undefined)?.[0]?.name ?? null,
      published: entry.published ?? entry.updated ?? null,
      categories: ((entry.categories ?? []) as AnyRecord[]).map((category) => category.term).filter(Boolean),
      raw: entry,
    }));
  }
  if (format === 'json') {
    return ((feed.items ?? []) as AnyRecord[]).map((item) => ({
      id: item.id ?? null,
      title: item.title ?? '',
      text: item.content_text ?? plain(item.content_html ?? item.summary ?? ''),
      link: item.url ?? null,
      author: item.authors?.[0]?.name ?? item.author?.name ?? null,
      published: item.date_published ?? item.date_modified ?? null,
      categories: item.tags ?? [],
      raw: item,
    }));
  }
  // RSS 2.0 and RSS 1.0 (RDF)
  return ((feed.items ?? []) as AnyRecord[]).map((item) => ({
    id: textOf(item.guid) || null,
    title: item.title ?? '',
    text: plain(item.description ?? item.content?.encoded ?? ''),
    link: item.link ?? null,
    author: item.authors?.[0] ?? item.dc?.creator ?? item.dc?.creators?.[0] ?? null,
    published: item.pubDate ?? item.dc?.date ?? item.dc?.dates?.[0] ?? null,
    categories: ((item.categories ?? []) as AnyRecord[]).map((category) => textOf(category.name ?? category)).filter(Boolean),
    raw: item,
  }));
}

// RSS 2.0, Atom, RSS 1.0 and JSON Feed from news sites and local media. Conditional GET (ETag,
// Last-Modified) so an unchanged feed costs the publisher one 304.
export const rssConnector: Connector = {
  channel: 'rss',
  pollIntervalSeconds: 300,
  streams: () => ['feed'],
  async poll(account, _stream, cursor, deps) {
    const previous = (cursor ?? { etag: null, lastModified: null }) as FeedCursor;
    const headers: Record<string, string> = {
      accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, */*;q=0.5',
    };
    if (previous.etag) headers['if-none-match'] = previous.etag;
    if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;
    const response = await fetchFromPlatform<string>(deps, account.serviceUrl!, { headers, expect: 'text' });
    if (response.status === 304) return { messages: [], cursor: previous, more: false };
    let parsed: { format: string; feed: AnyRecord };
    try {
      parsed = parseFeed(response.body) as { format: string; feed: AnyRecord };
    } catch {
      throw new ChannelError('permanent', `${account.serviceUrl} is geen RSS-, Atom- of JSON-feed`);
    }
    const feedTitle = textOf(parsed.feed.title) || account.handle;
    // The site the articles are about, not the address the feed happens to be served from.
    const source = new URL(textOf(parsed.feed.link) || account.serviceUrl!).hostname;
    const messages: NormalisedMessage[] = itemsOf(parsed)
      .filter((item) => item.id || item.link || item.title)
      .map((item) => {
        const published = item.published ? new Date(item.published) : null;
        const text = [item.title, item.text].filter(Boolean).join('\n\n');
        return {
          platformId: item.id ?? item.link ?? `${item.title}|${item.published ?? ''}`,
          author: { id: item.author ? `${source}:${item.author}` : source, handle: source, displayName: item.author ?? feedTitle, followers: null },
          text,
          subject: item.title || null,
          media: [],
          links: item.link ? [item.link] : [],
          mentions: [],
          hashtags: item.categories,
          replyToPlatformId: null,
          threadRootPlatformId: null,
          geo: null,
          language: null,
          publicUrl: item.link,
          visibility: 'openbaar',
          postedAt: published && !Number.isNaN(published.getTime()) ? published : deps.clock.now(),
          raw: item.raw,
        };
      });
    return {
      messages,
      cursor: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
      more: false,
    };
  },
};
