import type { ChannelAccountRow } from '@platform/db/database.schema';
import { buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { buildListeningWorkspace } from '@test/listening-workspace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage, storeMessages } from '../../channels/index';
import { defineSchedules } from '../../index';
import { claimPendingAuthors, countPendingAuthors } from './network-groups.repository';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const setUp = () => buildListeningWorkspace(t, ['omgevingsanalist'], 'Olga Omgeving');

let sequence = 0;
interface Post {
  text: string;
  author: string;
  name?: string | null;
  followers?: number | null;
  at?: string;
  raw?: unknown;
}
async function receive(account: ChannelAccountRow, posts: Post[]) {
  const ids = await storeMessages(
    t.database.db,
    t.clock,
    account,
    posts.map((post) =>
      buildPlainMessage({
        platformId: `n-${++sequence}-${crypto.randomUUID()}`,
        author: {
          id: post.author,
          handle: post.author,
          displayName: post.name === undefined ? post.author : post.name,
          followers: post.followers === undefined ? 100 : post.followers,
        },
        text: post.text,
        visibility: 'openbaar',
        postedAt: post.at ? new Date(post.at) : t.clock.now(),
        raw: post.raw ?? {},
      }),
    ),
    { stream: 'search' },
  );
  await t.worker.drain();
  return ids;
}

const CRITICAL = 'Alweer drie lantaarnpalen kapot in de Zeeweg, levensgevaarlijk!';
const SUPPORTIVE = 'Dank voor het snelle herstel van de lantaarnpaal, top geregeld';
const NEUTRAL = 'Het stadhuis is maandag gesloten';

// The test clock stands at Monday 23 November 2026, 09:00 in Castricum: this week began that morning.
async function omroepHistory(account: ChannelAccountRow) {
  await receive(account, [
    { text: `${NEUTRAL} en dinsdag ook`, author: 'OmroepCastricum', name: 'Omroep Castricum', followers: 1500, at: '2026-07-01T12:00:00+02:00' },
    { text: `${CRITICAL} Bij de school`, author: 'OmroepCastricum', name: 'Omroep Castricum', followers: 900, at: '2026-10-01T12:00:00+02:00' },
    { text: NEUTRAL, author: 'OmroepCastricum', name: 'Omroep Castricum', followers: 1000, at: '2026-11-17T10:00:00+01:00' },
    { text: SUPPORTIVE, author: 'OmroepCastricum', name: 'Omroep Castricum', followers: 1100, at: '2026-11-20T10:00:00+01:00' },
    { text: CRITICAL, author: 'OmroepCastricum', name: 'Omroep Castricum', followers: 1200, at: '2026-11-23T08:00:00+01:00' },
  ]);
}

describe('het lokale netwerk: auteursprofielen', () => {
  it('rekent bereik, eerste en laatste keer, berichten en tenor per week over twaalf weken uit', async () => {
    const { as, account } = await setUp();
    await omroepHistory(account);

    const response = await as('GET', '/api/v1/auteurs/@OmroepCastricum');
    expect(response.statusCode, response.body).toBe(200);
    const profile = response.json();
    expect(profile).toMatchObject({
      handle: 'omroepcastricum',
      name: 'Omroep Castricum',
      channels: ['gesimuleerd'],
      reach: { latest: 1200, max: 1500 },
      items: 5,
      firstSeen: '2026-07-01T10:00:00.000Z',
      lastSeen: '2026-11-23T07:00:00.000Z',
      tenor: { kritiek: 2, steun: 1, neutraal: 2, gemengd: 0 },
      group: { group: 'media', source: 'automatisch', reason: { words: ['omroep'], lists: [] }, setBy: null },
      suggestion: { group: 'media', reason: { words: ['omroep'], lists: [] } },
      lists: [],
    });
    // Twelve weeks from Monday 7 September up to this week, each from Monday 00:00 Dutch time; July is outside.
    expect(profile.weeks).toHaveLength(12);
    expect(profile.weeks[0].week).toBe('2026-09-06T22:00:00.000Z');
    expect(profile.weeks[11].week).toBe('2026-11-22T23:00:00.000Z');
    expect(profile.weeks[11]).toMatchObject({ items: 1, kritiek: 1, steun: 0, neutraal: 0 });
    expect(profile.weeks[10]).toMatchObject({ items: 2, steun: 1, neutraal: 1, kritiek: 0 });
    expect(profile.weeks[3]).toMatchObject({ week: '2026-09-27T22:00:00.000Z', items: 1, kritiek: 1 });
    expect(profile.weeks.reduce((sum: number, week: { items: number }) => sum + week.items, 0)).toBe(4);
    expect(profile.recentItems.map((item: { text: string }) => item.text)).toEqual([
      CRITICAL,
      SUPPORTIVE,
      NEUTRAL,
      `${CRITICAL} Bij de school`,
      `${NEUTRAL} en dinsdag ook`,
    ]);

    // Unknown author: 404 in Dutch.
    const unknown = await as('GET', '/api/v1/auteurs/niemand');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toMatch(/auteur bestaat niet/);
  });

  it('lijst het netwerk met groepen, bereik en tenor, filtert op groep en naam, en telt de samenstelling', async () => {
    const { as, account } = await setUp();
    await omroepHistory(account);
    await receive(account, [
      { text: 'Het kunstgras op sportpark Noord is kapot en gevaarlijk, slecht onderhouden', author: 'vvcastricum', name: 'VV Castricum', followers: 300 },
      {
        text: 'Wat fijn dat de speeltuin in het park weer open is, dank aan de buurtwerkers!',
        author: 'anna1234',
        name: 'Anna de Boer',
        followers: 12,
        at: '2026-11-22T12:00:00+01:00',
      },
      {
        text: 'De bus rijdt alweer niet volgens de dienstregeling, echt schandalig en slecht geregeld',
        author: 'anna1234',
        name: 'Anna de Boer',
        followers: 14,
      },
      // A bio from Mastodon (HTML) with two words of one group.
      { text: NEUTRAL, author: 'marieke', name: 'Marieke', raw: { account: { note: '<p>Redacteur en journalist bij de Castricummer</p>' } } },
    ]);

    const page = (await as('GET', '/api/v1/auteurs')).json();
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 50, pendingAuthors: 0 });
    // Most items first, then the widest reach; the omroep's July item lies outside the default twelve weeks.
    expect(page.authors.map((author: { handle: string }) => author.handle)).toEqual(['omroepcastricum', 'anna1234', 'vvcastricum', 'marieke']);
    expect(page.authors[0]).toMatchObject({ group: 'media', source: 'automatisch', items: 4, critical: 2, supportive: 1, reach: { latest: 1200, max: 1200 } });
    expect(page.authors[1]).toMatchObject({
      name: 'Anna de Boer',
      group: null,
      source: null,
      items: 2,
      critical: 1,
      supportive: 1,
      reach: { latest: 14, max: 14 },
    });
    expect(page.authors[2]).toMatchObject({ handle: 'vvcastricum', group: 'sport', reach: { latest: 300, max: 300 } });
    expect(page.authors[3]).toMatchObject({ handle: 'marieke', group: 'media' });
    const composition = Object.fromEntries(
      page.composition.map((row: { group: string; authors: number; items: number }) => [row.group, [row.authors, row.items]]),
    );
    expect(composition).toEqual({
      'politiek-overheid': [0, 0],
      bedrijfsleven: [0, 0],
      media: [2, 5],
      sport: [1, 1],
      'kunst-cultuur': [0, 0],
      verenigingsleven: [0, 0],
      'non-profit': [0, 0],
      inwoner: [1, 2],
    });

    const handles = async (query: string) => (await as('GET', `/api/v1/auteurs?${query}`)).json().authors.map((author: { handle: string }) => author.handle);
    expect(await handles('groep=media')).toEqual(['omroepcastricum', 'marieke']);
    expect(await handles('groep=inwoner')).toEqual(['anna1234']);
    expect(await handles('zoek=boer')).toEqual(['anna1234']);
    expect(await handles('zoek=VVCAS')).toEqual(['vvcastricum']);
    expect(await handles('zoek=100%25')).toEqual([]);
    expect(await handles('van=2026-06-01T00:00:00%2B02:00')).toContain('omroepcastricum');
    expect((await as('GET', '/api/v1/auteurs?van=2026-07-01T00:00:00%2B02:00&tot=2026-08-01T00:00:00%2B02:00')).json()).toMatchObject({
      total: 1,
      authors: [{ handle: 'omroepcastricum', items: 1, reach: { latest: 1500 } }],
    });
    expect((await as('GET', '/api/v1/auteurs?pagina=2')).json()).toMatchObject({ total: 4, authors: [] });
    // The last so many weeks, counted by the server's clock: half a year reaches back to the July post.
    const halfYear = (await as('GET', '/api/v1/auteurs?weken=26')).json();
    expect(halfYear.authors.find((author: { handle: string }) => author.handle === 'omroepcastricum').items).toBeGreaterThan(
      page.authors.find((author: { handle: string }) => author.handle === 'omroepcastricum').items,
    );
    const noWeeks = await as('GET', '/api/v1/auteurs?weken=0');
    expect(noWeeks.statusCode).toBe(400);
    expect(noWeeks.body).toContain('Kies 1 tot 104 weken');

    // The same groups filter the items of Luisteren.
    const items = async (query: string) =>
      (await as('GET', `/api/v1/luisteren/items?${query}`)).json().items.map((item: { author: { handle: string } }) => item.author.handle);
    expect(new Set(await items('groep=media'))).toEqual(new Set(['OmroepCastricum', 'marieke']));
    expect(await items('groep=inwoner')).toEqual(['anna1234', 'anna1234']);
    expect(await items('groep=sport')).toEqual(['vvcastricum']);
    // Without a period Luisteren counts every item, the omroep's July one too.
    expect((await as('GET', '/api/v1/luisteren/overzicht?groep=media')).json().total).toBe(6);
  });

  it('laat de analist een groep kiezen die boven de automatische gaat, overschrijven en weghalen', async () => {
    const { as, account } = await setUp();
    await omroepHistory(account);

    const set = await as('PUT', '/api/v1/auteurs/OmroepCastricum/groep', { groep: 'sport', toelichting: 'Vooral sportverslag' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().group).toMatchObject({
      group: 'sport',
      source: 'analist',
      note: 'Vooral sportverslag',
      setBy: 'Olga Omgeving',
      reason: { words: [], lists: [] },
    });
    expect(set.json().suggestion).toMatchObject({ group: 'media' });

    // New posts and a list that points elsewhere never overwrite the analyst's choice.
    const pers = await as('POST', '/api/v1/auteurslijsten', { name: 'Pers', members: ['@omroepcastricum'] });
    expect(pers.statusCode).toBe(201);
    await receive(account, [{ text: 'Vanavond live verslag van de raadsvergadering', author: 'OmroepCastricum', name: 'Omroep Castricum Nieuws' }]);
    t.clock.advance(60_000);
    await defineSchedules(t.database.db, t.clock);
    await t.worker.drain();
    const profile = (await as('GET', '/api/v1/auteurs/omroepcastricum')).json();
    expect(profile.group).toMatchObject({ group: 'sport', source: 'analist' });
    expect(profile.suggestion).toEqual({ group: 'media', reason: { words: [], lists: ['Pers'] } });
    expect(profile.lists).toEqual([{ id: pers.json().id, name: 'Pers' }]);

    const overwritten = await as('PUT', '/api/v1/auteurs/omroepcastricum/groep', { groep: 'bedrijfsleven' });
    expect(overwritten.json().group).toMatchObject({ group: 'bedrijfsleven', source: 'analist', note: null });
    expect((await as('GET', '/api/v1/auteurs?groep=bedrijfsleven')).json().authors).toEqual([
      expect.objectContaining({ handle: 'omroepcastricum', source: 'analist' }),
    ]);

    // Taken away: the automatic group is back at once, now from the list.
    const removed = await as('PUT', '/api/v1/auteurs/omroepcastricum/groep', { groep: null });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().group).toMatchObject({ group: 'media', source: 'automatisch', reason: { words: [], lists: ['Pers'] }, setBy: null, note: null });

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'record_id'])
      .where('organisation_id', '=', account.organisation_id)
      .where('record_type', '=', 'auteur')
      .orderBy('seq')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['auteur.netwerkgroep-gezet', 'auteur.netwerkgroep-gezet', 'auteur.netwerkgroep-verwijderd']);
  });

  it('deelt nieuwe auteurs ook zonder dat iemand kijkt in (taak), en opnieuw als een lijst verandert', async () => {
    const { as, account } = await setUp();
    await receive(account, [
      { text: NEUTRAL, author: 'piet1970', name: 'Piet' },
      { text: NEUTRAL, author: 'bibliotheekcastricum', name: 'Bibliotheek Castricum' },
    ]);
    const rows = () =>
      t.database.db
        .selectFrom('author_network_groups')
        .select(['author_handle', 'network_group', 'source'])
        .where('organisation_id', '=', account.organisation_id)
        .orderBy('author_handle')
        .execute();
    // The planner also polls the simulated account, whose everyday traffic may bring authors of its own.
    const pending = async () =>
      (
        await t.database.db
          .selectFrom('author_network_pending')
          .select('author_handles')
          .where('organisation_id', '=', account.organisation_id)
          .orderBy('id')
          .execute()
      )
        .map((row) => row.author_handles.filter((handle) => ['bibliotheekcastricum', 'piet1970'].includes(handle)))
        .filter((handles) => handles.length > 0);
    // One row for the statement that stored both.
    expect(await pending()).toEqual([['bibliotheekcastricum', 'piet1970']]);
    t.clock.advance(60_000);
    await defineSchedules(t.database.db, t.clock);
    await t.worker.drain();
    expect(await pending()).toEqual([]);
    expect(await rows()).toEqual([{ author_handle: 'bibliotheekcastricum', network_group: 'kunst-cultuur', source: 'automatisch' }]);

    // Piet joins the council members' list: he is politics from then on; off the list, a resident again.
    const list = (await as('POST', '/api/v1/auteurslijsten', { name: 'Raadsleden', members: ['piet1970'] })).json();
    expect(await pending()).toEqual([['piet1970']]);
    expect((await as('GET', '/api/v1/auteurs?groep=politiek-overheid')).json().authors).toEqual([
      expect.objectContaining({ handle: 'piet1970', source: 'automatisch' }),
    ]);
    await as('PATCH', `/api/v1/auteurslijsten/${list.id}`, { members: [] });
    // Among the residents (the planner's everyday simulated traffic may have brought others).
    const residents = (await as('GET', '/api/v1/auteurs?groep=inwoner')).json().authors as { handle: string; group: string | null }[];
    expect(residents.filter((author) => author.handle === 'piet1970')).toEqual([expect.objectContaining({ handle: 'piet1970', group: null })]);
    expect(residents.every((author) => author.group === null)).toBe(true);
  });

  it('zet een burst nieuwe auteurs in rijen van hoogstens 500 op de wachtlijst en neemt ze er per claim heel af, elke auteur één keer', async () => {
    const { account } = await setUp();
    const authors = Array.from({ length: 620 }, (_, n) => `inwoner${String(n).padStart(4, '0')}`);
    await receive(
      account,
      authors.map((author) => ({ text: NEUTRAL, author: `@${author.toUpperCase()}` })),
    );
    // A second statement marks some of the same authors again.
    await receive(
      account,
      authors.slice(0, 3).map((author) => ({ text: SUPPORTIVE, author })),
    );
    const rows = await t.database.db
      .selectFrom('author_network_pending')
      .select(['author_handles', 'authors'])
      .where('organisation_id', '=', account.organisation_id)
      .orderBy('id')
      .execute();
    expect(rows.map((row) => row.authors)).toEqual([500, 120, 3]);
    expect(rows[0]!.author_handles).toEqual(authors.slice(0, 500));
    expect(await countPendingAuthors(t.database.db, account.organisation_id)).toBe(620);

    // Whole rows while they fit the limit, and always the oldest even when it alone is larger.
    expect(await claimPendingAuthors(t.database.db, account.organisation_id, 100)).toEqual(authors.slice(0, 500));
    expect(await claimPendingAuthors(t.database.db, account.organisation_id, 200)).toEqual([...authors.slice(0, 3), ...authors.slice(500)].sort());
    expect(await claimPendingAuthors(t.database.db, account.organisation_id, 200)).toEqual([]);
    expect(await countPendingAuthors(t.database.db, account.organisation_id)).toBe(0);
  });

  it('weigert een onbekende groep in het Nederlands en verandert dan niets', async () => {
    const { as, account } = await setUp();
    await omroepHistory(account);
    for (const body of [{ groep: 'kerk' }, { groep: 'media', onbekend: 1 }, {}, { groep: 'media', toelichting: 'x'.repeat(501) }]) {
      const response = await as('PUT', '/api/v1/auteurs/omroepcastricum/groep', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ status: 400, title: 'Ongeldige invoer' });
    }
    expect((await as('PUT', '/api/v1/auteurs/omroepcastricum/groep', { groep: 'kerk' })).json().detail).toMatch(/Kies een van de zeven netwerkgroepen/);
    expect((await as('GET', '/api/v1/auteurs?groep=kerk')).statusCode).toBe(400);
    expect((await as('GET', '/api/v1/auteurs?van=2026-11-23T10:00:00Z&tot=2026-11-22T10:00:00Z')).json()).toMatchObject({
      status: 400,
      code: 'ongeldige-periode',
    });
    expect((await as('GET', '/api/v1/luisteren/items?groep=kerk')).statusCode).toBe(400);
    expect((await as('GET', '/api/v1/auteurs/omroepcastricum')).json().group).toMatchObject({ group: 'media', source: 'automatisch' });
  });

  it('laat een andere organisatie niets zien of veranderen, en vraagt om inloggen', async () => {
    const { account } = await setUp();
    await omroepHistory(account);
    t.clock.advance(60_000);
    await defineSchedules(t.database.db, t.clock);
    await t.worker.drain();
    const other = await setUp();
    expect((await other.as('GET', '/api/v1/auteurs/omroepcastricum')).statusCode).toBe(404);
    expect((await other.as('PUT', '/api/v1/auteurs/omroepcastricum/groep', { groep: 'sport' })).statusCode).toBe(404);
    const page = (await other.as('GET', '/api/v1/auteurs')).json();
    expect(page).toMatchObject({ total: 0, authors: [], pendingAuthors: 0 });
    expect(page.composition.every((row: { authors: number }) => row.authors === 0)).toBe(true);
    expect((await other.as('GET', '/api/v1/luisteren/items?groep=media')).json().items).toEqual([]);
    const stored = await t.database.db
      .selectFrom('author_network_groups')
      .select('network_group')
      .where('organisation_id', '=', account.organisation_id)
      .where('author_handle', '=', 'omroepcastricum')
      .executeTakeFirst();
    expect(stored).toMatchObject({ network_group: 'media' });

    const anonymous = requestAs(t.app, null);
    for (const [method, url] of [
      ['GET', '/api/v1/auteurs'],
      ['GET', '/api/v1/auteurs/omroepcastricum'],
      ['PUT', '/api/v1/auteurs/omroepcastricum/groep'],
    ] as const) {
      const response = await anonymous(method, url, method === 'PUT' ? { groep: 'sport' } : undefined);
      expect(response.statusCode, url).toBe(401);
    }
  });

  it('laat een collega van een andere gemeente het profiel niet zien, en een kcc-medewerker niet indelen', async () => {
    const { org, account } = await setUp();
    await omroepHistory(account);
    const bergen = org.municipalities.find((m) => m.cbs_code === 'GM0373')!;
    const elsewhere = await buildUser(t.database.db, t.clock, org.id, { roles: ['omgevingsanalist'], municipalityIds: [bergen.id] });
    const asElsewhere = requestAs(t.app, await signIn(t.app, elsewhere.email, elsewhere.password));
    expect((await asElsewhere('GET', '/api/v1/auteurs/omroepcastricum')).statusCode).toBe(404);
    expect((await asElsewhere('GET', '/api/v1/auteurs')).json().total).toBe(0);
    const kcc = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'], municipalityIds: org.municipalities.map((m) => m.id) });
    const asKcc = requestAs(t.app, await signIn(t.app, kcc.email, kcc.password));
    expect((await asKcc('GET', '/api/v1/auteurs/omroepcastricum')).statusCode).toBe(200);
    expect((await asKcc('PUT', '/api/v1/auteurs/omroepcastricum/groep', { groep: 'sport' })).statusCode).toBe(403);
  });
});
