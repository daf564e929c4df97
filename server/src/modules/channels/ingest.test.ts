import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineSystemSchedules } from '@platform/jobs/platform.jobs';
import { buildChannelAccount, buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelsModule } from './index';
import { countMessages } from './messages.repository';

// A news site's feed on loopback that answers the way real servers do: ETag and Last-Modified,
// 304 for a conditional request, and on demand a 429 with Retry-After, a 503 or a 401.
interface FeedServer {
  url: string;
  requests: (IncomingHttpHeaders & { path: string })[];
  items: { guid: string; title: string }[];
  nextStatus: number[];
  close(): Promise<void>;
}

async function startFeedServer(): Promise<FeedServer> {
  const state: Omit<FeedServer, 'url' | 'close'> = { requests: [], items: [], nextStatus: [] };
  const server: Server = createServer((request, response) => {
    state.requests.push({ ...request.headers, path: request.url ?? '' });
    const forced = state.nextStatus.shift();
    if (forced === 429) return response.writeHead(429, { 'retry-after': '120' }).end('slow down');
    if (forced) return response.writeHead(forced).end('fout');
    const etag = `"v${state.items.length}"`;
    if (request.headers['if-none-match'] === etag) return response.writeHead(304, { etag }).end();
    const items = state.items
      .map(
        (item) =>
          `<item><guid>${item.guid}</guid><title>${item.title}</title><link>https://omroep.example/${item.guid}</link><description>&lt;p&gt;Lees meer over ${item.title}&lt;/p&gt;</description><pubDate>Mon, 23 Nov 2026 08:00:00 +0100</pubDate><category>Castricum</category></item>`,
      )
      .join('');
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': 'Mon, 23 Nov 2026 07:00:00 GMT' });
    response.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Omroep Kust</title><link>https://omroep.example</link>${items}</channel></rss>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/nieuws.rss`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

let t: TestApp;
let feed: FeedServer;
beforeAll(async () => {
  t = await createTestApp();
  // As npm start does: the planner that polls every account each minute is a platform schedule.
  await defineSystemSchedules(t.database.db, t.clock, channelsModule.schedules ?? []);
  feed = await startFeedServer();
});
afterAll(async () => {
  await feed.close();
  await t.close();
});

async function accountRow(id: string) {
  return t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('RSS-feeds ophalen', () => {
  it('slaat elk artikel één keer op, vraagt voorwaardelijk en gaat na een herstart verder waar het was', async () => {
    const org = await buildOrganisation(t.database.db);
    feed.items.push({ guid: 'brand-1', title: 'Brand op industrieterrein' }, { guid: 'weg-2', title: 'Weg afgesloten' });
    const account = await buildChannelAccount(t.database.db, t.clock, org.id, {
      municipalityId: org.municipalities[1]!.id,
      channel: 'rss',
      handle: 'Omroep Kust',
      serviceUrl: feed.url,
    });
    await t.worker.drain();
    expect(await countMessages(t.database.db, org.id, account.id)).toBe(2);
    const stored = await t.database.db
      .selectFrom('messages')
      .selectAll()
      .where('account_id', '=', account.id)
      .where('platform_id', '=', 'brand-1')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ subject: 'Brand op industrieterrein', public_url: 'https://omroep.example/brand-1', author_handle: 'omroep.example' });
    expect(stored.text).toContain('Lees meer over Brand op industrieterrein');
    expect(stored.text).not.toContain('<p>');
    expect(stored.hashtags).toEqual(['Castricum']);
    expect((await accountRow(account.id)).status).toBe('verbonden');

    // The next minute: the planner polls again, conditionally, and the unchanged feed answers 304.
    const before = feed.requests.length;
    t.clock.advance(5 * 60_000);
    await t.worker.drain();
    const conditional = feed.requests.slice(before);
    expect(conditional.length).toBeGreaterThanOrEqual(1);
    expect(conditional[0]!['if-none-match']).toBe('"v2"');
    expect(conditional[0]!['if-modified-since']).toBe('Mon, 23 Nov 2026 07:00:00 GMT');

    // A "restart": a second app on the same database continues from the stored cursor.
    feed.items.push({ guid: 'nieuw-3', title: 'Raad besluit over parkeren' });
    t.clock.advance(5 * 60_000);
    await t.worker.drain();
    expect(await countMessages(t.database.db, org.id, account.id)).toBe(3);
  });

  it('haalt niets op van een intern adres dat de installatie niet toestaat, en zet het account op "aandacht nodig"', async () => {
    // The default of a real installation: only public addresses (no PLEIN_OUTBOUND_ALLOW).
    const closed = await createTestApp({ PLEIN_OUTBOUND_ALLOW: '' });
    try {
      const org = await buildOrganisation(closed.database.db);
      const owner = await buildUser(closed.database.db, closed.clock, org.id, { roles: ['beheerder'] });
      const api = requestAs(closed.app, await signIn(closed.app, owner.email, owner.password));
      await defineSystemSchedules(closed.database.db, closed.clock, channelsModule.schedules ?? []);
      const created = await api('POST', '/api/v1/channel-accounts', {
        municipalityId: org.municipalities[0]!.id,
        channel: 'rss',
        handle: 'Intranet',
        serviceUrl: `${feed.url.replace('127.0.0.1', 'localhost')}?intern`,
      });
      expect(created.statusCode, created.body).toBe(201);
      await closed.worker.drain();
      const row = await closed.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', created.json().id).executeTakeFirstOrThrow();
      expect(row.status).toBe('aandacht-nodig');
      expect(row.last_error).toContain('intern adres');
      expect(row.last_error).toContain('PLEIN_OUTBOUND_ALLOW');
      expect(feed.requests.filter((request) => request.path.endsWith('?intern'))).toHaveLength(0);
      const alerts = await closed.database.db
        .selectFrom('jobs')
        .select('payload')
        .where('organisation_id', '=', org.id)
        .where('name', '=', 'mail.versturen')
        .execute();
      expect(alerts.map((job) => job.payload.to)).toContain(owner.email);
    } finally {
      await closed.close();
    }
  });

  it('wacht na een 429 tot de Retry-After voorbij is en toont de fout bij het account', async () => {
    const org = await buildOrganisation(t.database.db);
    feed.nextStatus.push(429);
    const account = await buildChannelAccount(t.database.db, t.clock, org.id, {
      municipalityId: org.municipalities[0]!.id,
      channel: 'rss',
      handle: 'Traag',
      serviceUrl: `${feed.url}?traag`,
    });
    await t.worker.drain();
    const limited = await accountRow(account.id);
    expect(limited.last_error).toContain('429');
    expect(limited.rate_limited_until!.getTime() - t.clock.now().getTime()).toBe(120_000);
    // Within the window nothing is asked of the platform.
    const before = feed.requests.length;
    t.clock.advance(60_000);
    await t.worker.drain();
    expect(feed.requests.slice(before).filter((request) => request.path.endsWith('?traag'))).toHaveLength(0);
    expect(await countMessages(t.database.db, org.id, account.id)).toBe(0);
    t.clock.advance(5 * 60_000);
    await t.worker.drain();
    expect(await countMessages(t.database.db, org.id, account.id)).toBeGreaterThan(0);
    expect((await accountRow(account.id)).last_error).toBeNull();
  });

  it('zet een account bij 401 op "aandacht nodig" en mailt de eigenaar één keer', async () => {
    const org = await buildOrganisation(t.database.db);
    const owner = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
    const api = requestAs(t.app, await signIn(t.app, owner.email, owner.password));
    feed.nextStatus.push(401, 401);
    const created = await api('POST', '/api/v1/channel-accounts', {
      municipalityId: org.municipalities[0]!.id,
      channel: 'rss',
      handle: 'Besloten',
      serviceUrl: `${feed.url}?besloten`,
    });
    await t.worker.drain();
    const row = await accountRow(created.json().id);
    expect(row.status).toBe('aandacht-nodig');
    const mails = await t.database.db.selectFrom('jobs').selectAll().where('organisation_id', '=', org.id).where('name', '=', 'mail.versturen').execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.payload).toMatchObject({ to: owner.email });
    expect(String(mails[0]!.payload.subject)).toContain('aandacht nodig');
    // No more polls until someone reconnects it.
    const before = feed.requests.length;
    t.clock.advance(10 * 60_000);
    await t.worker.drain();
    expect(feed.requests.slice(before).filter((request) => request.path.endsWith('?besloten'))).toHaveLength(0);
    const stillOne = await t.database.db.selectFrom('jobs').select('id').where('organisation_id', '=', org.id).where('name', '=', 'mail.versturen').execute();
    expect(stillOne).toHaveLength(1);
  });
});

describe('Atom en JSON Feed', () => {
  it('leest ook Atom- en JSON-feeds, met auteur, link, datum en categorieën', async () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Regionieuws</title><link href="https://regio.example/"/><id>urn:regio</id><updated>2026-11-23T07:00:00Z</updated>
      <entry><title>Raad stemt in met woningbouw</title><id>urn:regio:1</id><link rel="alternate" href="https://regio.example/1"/><published>2026-11-23T06:30:00Z</published><updated>2026-11-23T06:45:00Z</updated><author><name>Redactie</name></author><category term="Wonen"/><summary type="html">&lt;p&gt;De raad stemde &lt;b&gt;unaniem&lt;/b&gt; in.&lt;/p&gt;</summary></entry></feed>`;
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Omroep JSON',
      home_page_url: 'https://json.example/',
      items: [
        {
          id: 'j-1',
          url: 'https://json.example/j-1',
          title: 'Ijsbaan open',
          content_text: 'De ijsbaan gaat zaterdag open.',
          date_published: '2026-11-22T18:00:00Z',
          authors: [{ name: 'Piet' }],
          tags: ['sport'],
        },
      ],
    });
    const bodies: Record<string, [string, string]> = { '/atom': ['application/atom+xml', atom], '/json': ['application/feed+json', json] };
    const server = createServer((request, response) => {
      const [type, body] = bodies[request.url ?? ''] ?? ['text/plain', ''];
      response.writeHead(200, { 'content-type': type }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const org = await buildOrganisation(t.database.db);
      const atomAccount = await buildChannelAccount(t.database.db, t.clock, org.id, {
        municipalityId: org.municipalities[0]!.id,
        channel: 'rss',
        handle: 'Regio',
        serviceUrl: `${base}/atom`,
      });
      const jsonAccount = await buildChannelAccount(t.database.db, t.clock, org.id, {
        municipalityId: org.municipalities[0]!.id,
        channel: 'rss',
        handle: 'JSON',
        serviceUrl: `${base}/json`,
      });
      await t.worker.drain();
      const [entry] = await t.database.db.selectFrom('messages').selectAll().where('account_id', '=', atomAccount.id).execute();
      expect(entry).toMatchObject({
        platform_id: 'urn:regio:1',
        subject: 'Raad stemt in met woningbouw',
        public_url: 'https://regio.example/1',
        author_name: 'Redactie',
        hashtags: ['Wonen'],
      });
      expect(entry!.text).toContain('De raad stemde unaniem in.');
      expect(entry!.posted_at.toISOString()).toBe('2026-11-23T06:30:00.000Z');
      const [item] = await t.database.db.selectFrom('messages').selectAll().where('account_id', '=', jsonAccount.id).execute();
      expect(item).toMatchObject({ platform_id: 'j-1', author_name: 'Piet', public_url: 'https://json.example/j-1', hashtags: ['sport'] });
      expect(item!.text).toContain('De ijsbaan gaat zaterdag open.');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('meldt een adres dat geen feed is als fout bij het account, zonder iets op te slaan', async () => {
    const org = await buildOrganisation(t.database.db);
    const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Geen feed</body></html>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const account = await buildChannelAccount(t.database.db, t.clock, org.id, {
        municipalityId: org.municipalities[0]!.id,
        channel: 'rss',
        handle: 'Website',
        serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
      });
      await t.worker.drain();
      expect((await accountRow(account.id)).last_error).toContain('geen RSS-, Atom- of JSON-feed');
      expect(await countMessages(t.database.db, org.id, account.id)).toBe(0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('opruimen', () => {
  it('ruimt afgeronde polls na een dag op, zodat de takentabel niet met een poll per minuut volloopt', async () => {
    const org = await buildOrganisation(t.database.db);
    await buildChannelAccount(t.database.db, t.clock, org.id, {
      municipalityId: org.municipalities[0]!.id,
      channel: 'gesimuleerd',
      settings: { scenario: 'alledaags', pollSeconds: 60 },
    });
    const pollsOf = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('jobs')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('organisation_id', '=', org.id)
            .where('name', '=', 'kanaal.ophalen')
            .executeTakeFirstOrThrow()
        ).n,
      );
    for (let minute = 0; minute < 5; minute++) {
      t.clock.advance(60_000);
      await t.worker.drain();
    }
    expect(await pollsOf()).toBeGreaterThanOrEqual(5);
    t.clock.advance(86_400_000 + 60_000);
    await t.worker.drain();
    // Only the poll of this minute is left.
    expect(await pollsOf()).toBe(1);
  });
});

describe('simulator', () => {
  it('maakt herhaalbaar Nederlands verkeer: dezelfde seconden geven dezelfde berichten, nooit dubbel', async () => {
    const org = await buildOrganisation(t.database.db);
    const account = await buildChannelAccount(t.database.db, t.clock, org.id, {
      municipalityId: org.municipalities[1]!.id,
      channel: 'gesimuleerd',
      handle: 'gemeentecastricum',
      settings: { scenario: 'alledaags', perHour: 3600 },
    });
    await t.worker.drain();
    t.clock.advance(10 * 60_000);
    await t.worker.drain();
    const count = await countMessages(t.database.db, org.id, account.id);
    // 3,600 an hour for ten minutes: about 600 (Poisson), all stored once.
    expect(count).toBeGreaterThan(450);
    expect(count).toBeLessThan(750);
    const sample = await t.database.db.selectFrom('messages').selectAll().where('account_id', '=', account.id).limit(50).execute();
    expect(sample.every((message) => message.simulated && message.language === 'nl')).toBe(true);
    expect(sample.some((message) => /Castricum|gemeentecastricum/.test(message.text))).toBe(true);
    // Meldingen come with a place and often a (drawn, labelled) photo that Plein serves itself.
    const all = await t.database.db.selectFrom('messages').select(['media', 'geo_lat', 'raw']).where('account_id', '=', account.id).execute();
    const withPhoto = all.filter((message) => (message.media as { url: string | null }[]).some((media) => media.url?.startsWith('/simulator/fotos/')));
    expect(withPhoto.length).toBeGreaterThan(20);
    expect(withPhoto.every((message) => message.geo_lat !== null)).toBe(true);
    const photoUrl = (withPhoto[0]!.media as { url: string }[])[0]!.url;
    const photo = await t.app.inject({ method: 'GET', url: photoUrl });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toContain('image/svg+xml');
    expect(photo.body).toContain('GESIMULEERD');
    expect((await t.app.inject({ method: 'GET', url: '/simulator/fotos/bestaat-niet.svg' })).statusCode).toBe(404);
    // Replaying the same window (a crash before the cursor was saved) changes nothing.
    await t.database.db.deleteFrom('channel_cursors').where('account_id', '=', account.id).execute();
    await t.database.db
      .insertInto('channel_cursors')
      .values({
        organisation_id: org.id,
        account_id: account.id,
        stream: 'scenario',
        cursor: JSON.stringify({ second: Math.floor(t.clock.now().getTime() / 1000) - 600 }),
        updated_at: t.clock.now(),
      })
      .execute();
    t.clock.advance(60_000);
    await t.worker.drain();
    const afterReplay = await countMessages(t.database.db, org.id, account.id);
    expect(afterReplay - count).toBeLessThan(120);
  });
});

describe('een nul-teken in een feed', () => {
  it('bewaart elk artikel, het vervuilde zonder het nul-teken, en houdt het account verbonden', async () => {
    // A feed whose second item carries a raw NUL, as the probe's feed did: before, every fetch failed and none of the
    // feed's items was stored, the clean ones included.
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Omroep Nul</title><link>https://nul.example</link>' +
          '<item><guid>schoon-1</guid><title>Markt op zaterdag</title><link>https://nul.example/1</link></item>' +
          '<item><guid>vuil-2</guid><title>Brug\u0000 dicht</title><link>https://nul.example/2</link><description>Tot\u0000 maandag</description></item>' +
          '<item><guid>schoon-3</guid><title>Raad vergadert</title><link>https://nul.example/3</link></item>' +
          '</channel></rss>',
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const org = await buildOrganisation(t.database.db);
      const account = await buildChannelAccount(t.database.db, t.clock, org.id, {
        municipalityId: org.municipalities[0]!.id,
        channel: 'rss',
        handle: 'Omroep Nul',
        serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/nieuws.rss`,
      });
      await t.worker.drain();
      const stored = await t.database.db
        .selectFrom('messages')
        .select(['platform_id', 'subject', 'text'])
        .where('account_id', '=', account.id)
        .orderBy('platform_id')
        .execute();
      expect(stored.map((message) => message.platform_id)).toEqual(['schoon-1', 'schoon-3', 'vuil-2']);
      const dirty = stored.find((message) => message.platform_id === 'vuil-2')!;
      expect(dirty.subject).toBe('Brug dicht');
      expect(dirty.text).toContain('Tot maandag');
      expect((await accountRow(account.id)).status).toBe('verbonden');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
