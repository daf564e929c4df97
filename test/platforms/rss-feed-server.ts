import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// News sites' RSS 2.0 feeds on loopback, one per path, answered as common servers do: the whole feed with ETag and
// Last-Modified, and 304 Not Modified for a conditional request while nothing changed.

export interface FeedItem {
  guid: string;
  title: string;
}

export interface RssFeedServer {
  // http://127.0.0.1:<port>
  url: string;
  requests: { path: string; ifNoneMatch: string | null }[];
  // The items of the feed at this path ("/omroep.rss"), made empty on first use.
  itemsOf(path: string): FeedItem[];
  close(): Promise<void>;
}

function renderFeed(items: FeedItem[]): string {
  const entries = items
    .map(
      (item) =>
        `<item><guid>${item.guid}</guid><title>${item.title}</title><link>https://omroep.example/${item.guid}</link><description>Lees meer over ${item.title}.</description><pubDate>Mon, 23 Nov 2026 08:00:00 +0100</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Omroep Kust</title><link>https://omroep.example</link>${entries}</channel></rss>`;
}

export async function startRssFeedServer(): Promise<RssFeedServer> {
  const feeds = new Map<string, FeedItem[]>();
  const requests: RssFeedServer['requests'] = [];
  const itemsOf = (path: string) => {
    if (!feeds.has(path)) feeds.set(path, []);
    return feeds.get(path)!;
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://feed.local').pathname;
    const ifNoneMatch = request.headers['if-none-match'] ?? null;
    requests.push({ path, ifNoneMatch });
    const items = feeds.get(path);
    if (!items) return response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    const etag = `"v${items.length}"`;
    if (ifNoneMatch === etag) return response.writeHead(304, { etag }).end();
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, 'last-modified': 'Mon, 23 Nov 2026 07:00:00 GMT' });
    response.end(renderFeed(items));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    itemsOf,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
