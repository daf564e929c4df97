import type { ChannelAccountRow } from '@platform/db/database.schema';
import { buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { buildListeningWorkspace } from '@test/listening-workspace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage, storeMessages } from '../channels/index';
import { TENOR_EXAMPLES } from './analysis/tenor-examples.data';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const setUp = (roles: ('beheerder' | 'omgevingsanalist')[] = ['beheerder']) => buildListeningWorkspace(t, roles);

let sequence = 0;
async function receive(
  account: ChannelAccountRow,
  posts: Array<{ text: string; author?: string; followers?: number; hashtags?: string[]; geo?: { lat: number; lon: number }; postedAt?: Date }>,
) {
  const ids = await storeMessages(
    t.database.db,
    t.clock,
    account,
    posts.map((post) =>
      buildPlainMessage({
        platformId: `l-${++sequence}-${crypto.randomUUID()}`,
        author: { id: post.author ?? 'bewoner', handle: post.author ?? 'bewoner', displayName: post.author ?? 'Bewoner', followers: post.followers ?? 100 },
        text: post.text,
        hashtags: post.hashtags ?? [...post.text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((match) => match[1]!),
        geo: post.geo ?? null,
        language: null,
        visibility: 'openbaar',
        postedAt: post.postedAt ?? t.clock.now(),
        raw: {},
      }),
    ),
    { stream: 'search' },
  );
  await t.worker.drain();
  return ids;
}

describe('luisteren: de pijplijn', () => {
  it('bepaalt taal en tenor, vouwt reposts en kopieën tot één bericht met een aantal, en vindt de monitor', async () => {
    const { as, account } = await setUp();
    const monitor = await as('POST', '/api/v1/monitors', { name: 'Afval', query: '(afval OF gft* OF #afval) NIET kerstboom' });
    expect(monitor.statusCode, monitor.body).toBe(201);

    const [original] = await receive(account, [
      { text: 'De gft-container in de Dorpsstraat is al twee weken niet geleegd, echt schandalig! #afval', followers: 50 },
    ]);
    await receive(account, [
      { text: 'RT @bewoner: De gft-container in de Dorpsstraat is al twee weken niet geleegd, echt schandalig! #afval', author: 'buurman', followers: 900 },
      { text: 'The council meeting about the new harbour is tonight, everyone is welcome to join', author: 'expat' },
      { text: 'Waar kan ik mijn kerstboom en ander afval kwijt?', author: 'vrager' },
    ]);

    const items = (await as('GET', `/api/v1/luisteren/items?monitor=${monitor.json().id}`)).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ messageId: original, tenor: 'kritiek', tenorSource: 'lexicon', language: 'nl', duplicates: 1, reach: 950 });
    const all = (await as('GET', '/api/v1/luisteren/items')).json().items;
    expect(all).toHaveLength(3);
    expect(all.find((item: { author: { handle: string } }) => item.author.handle === 'expat')).toMatchObject({ language: 'en', tenor: 'neutraal' });

    // Processing the same messages again (a retried job) changes nothing.
    const again = await t.database.db.selectFrom('listening_items').select('message_id').where('organisation_id', '=', account.organisation_id).execute();
    const { processMessages } = await import('./pipeline/pipeline.service');
    expect(
      (
        await processMessages(
          t.database.db,
          t.clock,
          account.organisation_id,
          again.map((row) => row.message_id),
        )
      ).processed,
    ).toBe(0);
  });

  it('weigert een foute zoekvraag met de plek van de fout en bewaart dan niets; een nieuwe monitor doorzoekt wat er al is', async () => {
    const { as, account } = await setUp();
    const bad = await as('POST', '/api/v1/monitors', { name: 'Kapot', query: '(afval OF gft' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'ongeldige-zoekvraag' });
    expect(bad.json().invalidParams[0]).toMatchObject({ name: 'query', position: expect.any(Number) });
    expect(bad.json().detail).toMatch(/haakje/i);
    expect((await as('GET', '/api/v1/monitors')).json()).toEqual([]);

    await receive(account, [
      { text: 'Wat een prachtige nieuwe speeltuin in het park, dank gemeente!', author: 'ouder' },
      { text: 'De speeltuin is weer kapot, niemand doet er iets aan', author: 'opa' },
      { text: 'Vergadering van de raad over de begroting', author: 'griffie' },
    ]);
    const created = await as('POST', '/api/v1/monitors', { name: 'Speeltuinen', query: 'speeltuin*' });
    expect(created.json().backfill.state).toBe('wachtend');
    await t.worker.drain();
    const monitor = (await as('GET', `/api/v1/monitors/${created.json().id}`)).json();
    expect(monitor).toMatchObject({ matches: 2, backfill: { state: 'klaar', done: 3, total: 3 } });

    // A changed query is matched again over everything stored.
    const changed = await as('PATCH', `/api/v1/monitors/${monitor.id}`, { query: 'begroting OF raad' });
    expect(changed.statusCode).toBe(200);
    await t.worker.drain();
    expect((await as('GET', `/api/v1/monitors/${monitor.id}`)).json()).toMatchObject({ matches: 1, backfill: { state: 'klaar' } });
    expect((await as('PATCH', `/api/v1/monitors/${monitor.id}`, { query: 'NIET afval' })).statusCode).toBe(400);
    expect((await as('POST', '/api/v1/monitors', { name: 'Speeltuinen', query: 'x' })).statusCode).toBe(409);
  });

  it('filtert op tekst (met stamvormen), tenor, bron, auteur, lijst en periode, en telt volume, auteurs, hashtags en plaatsen', async () => {
    const { as, account } = await setUp();
    await receive(account, [
      {
        text: 'Alweer drie lantaarnpalen kapot in de Zeeweg, levensgevaarlijk! #donker',
        author: 'raadslid_piet',
        followers: 3000,
        geo: { lat: 52.55, lon: 4.66 },
      },
      { text: 'Dank voor het snelle herstel van de lantaarnpaal, top geregeld', author: 'tevreden', followers: 10 },
      { text: 'Het stadhuis is maandag gesloten', author: 'nieuws' },
    ]);
    const list = await as('POST', '/api/v1/auteurslijsten', { name: 'Raadsleden', members: ['@Raadslid_Piet'] });
    expect(list.statusCode, list.body).toBe(201);
    const count = async (query: string) => (await as('GET', `/api/v1/luisteren/items?${query}`)).json().items.length;
    expect(await count('q=lantaarnpaal')).toBe(2);
    expect(await count('tenor=kritiek')).toBe(1);
    expect(await count('tenor=steun')).toBe(1);
    expect(await count('bron=gesimuleerd')).toBe(3);
    expect(await count('bron=rss')).toBe(0);
    expect(await count('auteur=@tevreden')).toBe(1);
    expect(await count(`lijst=${list.json().id}`)).toBe(1);
    expect(await count('metPlaats=ja')).toBe(1);
    expect(await count(`van=${encodeURIComponent(new Date(t.clock.now().getTime() + 60_000).toISOString())}`)).toBe(0);
    expect((await as('GET', '/api/v1/luisteren/items?van=2026-11-23T10:00:00Z&tot=2026-11-22T10:00:00Z')).statusCode).toBe(400);
    expect((await as('GET', '/api/v1/luisteren/items?tenor=boos')).statusCode).toBe(400);

    const overviewResponse = await as('GET', '/api/v1/luisteren/overzicht');
    expect(overviewResponse.statusCode, overviewResponse.body).toBe(200);
    const overview = overviewResponse.json();
    expect(overview.total).toBe(3);
    expect(overview.tenor).toMatchObject({ kritiek: 1, steun: 1 });
    expect(overview.volume.reduce((sum: number, bucket: { kritiek: number }) => sum + bucket.kritiek, 0)).toBe(1);
    expect(overview.topAuthors[0]).toMatchObject({ handle: 'raadslid_piet', critical: 1 });
    expect(overview.hashtags).toEqual([{ tag: 'donker', items: 1 }]);
    expect(overview.terms.map((term: { term: string }) => term.term)).toContain('lantaarnpal');
    expect(overview.places).toHaveLength(1);

    // Monitors can use the list by name.
    const monitor = await as('POST', '/api/v1/monitors', { name: 'Raad', query: 'lijst:Raadsleden' });
    await t.worker.drain();
    expect((await as('GET', `/api/v1/monitors/${monitor.json().id}`)).json().matches).toBe(1);
    expect((await as('GET', '/api/v1/luisteren/overzicht')).json().shareOfVoice).toEqual([{ monitorId: monitor.json().id, name: 'Raad', items: 1 }]);
  });

  it('opent een bericht met zijn draad en de eerdere berichten van de auteur, en zet het als gesprek in de inbox', async () => {
    const { as, account } = await setUp();
    const [first] = await receive(account, [{ text: 'Waarom is het zwembad dicht?', author: 'zwemmer' }]);
    const [second] = await receive(account, [{ text: 'Nog steeds geen antwoord over het zwembad', author: 'zwemmer' }]);
    const detail = await as('GET', `/api/v1/luisteren/items/${second}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().authorHistory.map((item: { messageId: string }) => item.messageId)).toEqual([first]);
    expect(detail.json().thread.map((message: { messageId: string }) => message.messageId)).toEqual([second]);

    const inbox = await as('POST', `/api/v1/luisteren/items/${second}/naar-inbox`);
    expect(inbox.statusCode, inbox.body).toBe(200);
    const conversation = await as('GET', `/api/v1/conversations/${inbox.json().conversationId}`);
    expect(conversation.json().messages.map((message: { id: string }) => message.id)).toContain(second);
    // Twice is the same conversation.
    expect((await as('POST', `/api/v1/luisteren/items/${second}/naar-inbox`)).json()).toEqual(inbox.json());
  });
});

// Two dozen different ways to say the wethouder pushes the wind turbines through: each its own post.
const WINDMILL_POSTS = [
  'De wethouder zet de windmolens bij de duinen gewoon door',
  'Ondanks alle bezwaren gaan de windmolens in de polder toch door',
  'Windmolens bij het strand: de gemeente luistert niet naar de inspraak',
  'Dus de windmolens komen er gewoon, wat wij ervan vinden doet er niet toe',
  'Raad stemt in met windmolens naast de woonwijk',
  'Weer een stap verder met de windmolens bij het dorp',
  'De windmolens worden hoger dan eerst gezegd',
  'Windmolens op 400 meter van de school, zo besloten',
  'Wethouder houdt vast aan de windmolens langs de dijk',
  'Informatieavond over de windmolens was alleen zenden',
  'Geen nieuwe geluidsmeting voor de windmolens',
  'De windmolens gaan de horizon bij de duinen bepalen',
  'Bouw van de windmolens start volgend voorjaar al',
  'Windmolens: de vergunning is verleend zonder overleg met de buurt',
  'Ook de tweede rij windmolens komt er',
  'College zet door met windmolens ondanks de petitie',
  'Windmolens bij de polder krijgen groen licht van de provincie',
  'Het participatietraject voor de windmolens was een wassen neus',
  'Slagschaduw van de windmolens valt over onze tuinen',
  'Omwonenden van de windmolens krijgen geen compensatie',
  'De windmolens komen dichter bij de camping dan beloofd',
  'Onderzoek naar de windmolens wordt niet afgewacht',
  'Besluit over de windmolens genomen in een besloten vergadering',
  'Windmolens: de raad wist van niets, zegt de oppositie',
];

describe('luisteren: beoordelen door mensen', () => {
  it('laat een analist de tenor verbeteren, los en in bulk, toont de overeenstemming en leert het model ervan', async () => {
    const { as, account } = await setUp(['omgevingsanalist']);
    // The organisation's own language: "de windmolens gaan door" is bad news here, whatever the lexicon says.
    const ids = await receive(
      account,
      Array.from({ length: 24 }, (_, index) => ({ text: WINDMILL_POSTS[index]!, author: `inwoner${index}` })),
    );
    const before = (await as('GET', `/api/v1/luisteren/items?q=windmolens&limit=50`)).json().items;
    expect(before).toHaveLength(24);

    const one = await as('PATCH', `/api/v1/luisteren/items/${ids[0]}`, { tenor: 'kritiek', topic: 'windmolens' });
    expect(one.statusCode, one.body).toBe(200);
    const bulk = await as('POST', '/api/v1/luisteren/beoordelingen', { messageIds: ids.slice(1), tenor: 'kritiek' });
    expect(bulk.json()).toEqual({ corrected: 23 });
    // All or nothing: an unknown id changes nothing.
    expect((await as('POST', '/api/v1/luisteren/beoordelingen', { messageIds: [ids[0], crypto.randomUUID()], tenor: 'steun' })).statusCode).toBe(404);
    expect((await as('POST', '/api/v1/luisteren/beoordelingen', { messageIds: [] })).statusCode).toBe(400);

    // The analyst also confirms or corrects ordinary posts: the model learns the organisation's labels of every tenor.
    const ordinary = TENOR_EXAMPLES.slice(0, 30);
    const ordinaryIds = await receive(
      account,
      ordinary.map((example, index) => ({ text: example.text, author: `gewoon${index}` })),
    );
    for (const tenor of ['steun', 'kritiek', 'neutraal', 'gemengd'] as const) {
      const ids = ordinaryIds.filter((_, index) => ordinary[index]!.tenor === tenor);
      if (ids.length > 0) expect((await as('POST', '/api/v1/luisteren/beoordelingen', { messageIds: ids, tenor })).statusCode).toBe(200);
    }
    const reviewedOrdinary = ordinaryIds.length;

    const agreement = (await as('GET', '/api/v1/luisteren/overeenstemming')).json();
    expect(agreement.reviewed).toBe(24 + reviewedOrdinary);
    const agreed = before.filter((item: { tenorAuto: string }) => item.tenorAuto === 'kritiek').length;
    const reviewed = (await as('GET', '/api/v1/luisteren/items?beoordeeld=ja&limit=200')).json().items;
    const agreedAll = reviewed.filter((item: { tenor: string; tenorAuto: string }) => item.tenor === item.tenorAuto).length;
    expect(agreedAll).toBeGreaterThanOrEqual(agreed);
    expect(agreement.agreed).toBe(agreedAll);
    expect(agreement.rate).toBeCloseTo(agreedAll / (24 + reviewedOrdinary));

    // Training runs as a job a minute later; new posts in the same vein then follow the people's label.
    t.clock.advance(61_000);
    await t.worker.drain();
    expect((await as('GET', '/api/v1/luisteren/overeenstemming')).json().model).toMatchObject({ version: 1, trainedOn: 24 + reviewedOrdinary });
    const [fresh] = await receive(account, [{ text: 'De windmolens bij de haven komen er ook gewoon', author: 'nieuw' }]);
    const item = (await as('GET', `/api/v1/luisteren/items/${fresh}`)).json().item;
    expect(item, JSON.stringify(item)).toMatchObject({ tenor: 'kritiek', tenorSource: 'model' });
  });

  it('laat een bestuurder niet meelezen en een webcaremedewerker niet beoordelen', async () => {
    const { org, account } = await setUp();
    const [id] = await receive(account, [{ text: 'Mooi park', author: 'a' }]);
    const bestuurder = await buildUser(t.database.db, t.clock, org.id, { roles: ['bestuurder'] });
    const asBestuurder = requestAs(t.app, await signIn(t.app, bestuurder.email, bestuurder.password));
    expect((await asBestuurder('GET', '/api/v1/luisteren/items')).statusCode).toBe(403);
    const webcare = await buildUser(t.database.db, t.clock, org.id, { roles: ['webcare'] });
    const asWebcare = requestAs(t.app, await signIn(t.app, webcare.email, webcare.password));
    expect((await asWebcare('GET', '/api/v1/luisteren/items')).statusCode).toBe(200);
    expect((await asWebcare('PATCH', `/api/v1/luisteren/items/${id}`, { tenor: 'kritiek' })).statusCode).toBe(403);
    expect((await asWebcare('POST', '/api/v1/monitors', { name: 'x', query: 'x' })).statusCode).toBe(403);
  });
});

describe('luisteren: signalen', () => {
  it('geeft op een piek één signaal in de app en per e-mail, met een link naar de berichten', async () => {
    const { as, account } = await setUp();
    const monitor = (await as('POST', '/api/v1/monitors', { name: 'Brand', query: 'brand OF rook*', alertEmails: ['analist@gemeente.test'] })).json();
    // Two quiet hours, then thirty posts in the last minute.
    const start = t.clock.now().getTime() - 60_000;
    await receive(account, [{ text: 'Oefening van de brandweer, geen brand', postedAt: new Date(start - 90 * 60_000) }]);
    for (let batch = 0; batch < 3; batch++) {
      await receive(
        account,
        Array.from({ length: 10 }, (_, index) => ({
          text: `Enorme rookwolk boven het industrieterrein ${batch}-${index}`,
          author: `getuige${batch}${index}`,
          postedAt: new Date(start + batch * 15_000 + index * 1000),
        })),
      );
    }
    const alerts = (await as('GET', '/api/v1/luisteren/signalen')).json();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ monitorId: monitor.id, kind: 'piek', seen: false });
    expect(alerts[0].link).toContain(`/luisteren?monitor=${monitor.id}`);
    const mails = await t.database.db
      .selectFrom('jobs')
      .select('payload')
      .where('organisation_id', '=', account.organisation_id)
      .where('name', '=', 'mail.versturen')
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.payload).toMatchObject({ to: 'analist@gemeente.test', subject: expect.stringContaining('Brand') });
    expect((mails[0]!.payload as { text: string }).text).toContain('http://plein.test/luisteren?monitor=');

    const seen = await as('POST', `/api/v1/luisteren/signalen/${alerts[0].id}/gezien`);
    expect(seen.json()).toMatchObject({ seen: true });
  });
});

describe('luisteren: gescheiden organisaties', () => {
  it('toont een andere organisatie niets en geeft 404 op haar berichten, monitors, lijsten en signalen', async () => {
    const own = await setUp();
    const other = await setUp();
    const [id] = await receive(own.account, [{ text: 'Geheim van de eigen organisatie' }]);
    const monitor = (await own.as('POST', '/api/v1/monitors', { name: 'Eigen', query: 'geheim' })).json();
    const list = (await own.as('POST', '/api/v1/auteurslijsten', { name: 'Pers' })).json();
    expect((await other.as('GET', '/api/v1/luisteren/items')).json().items).toEqual([]);
    expect((await other.as('GET', '/api/v1/monitors')).json()).toEqual([]);
    expect((await other.as('GET', `/api/v1/luisteren/items/${id}`)).statusCode).toBe(404);
    expect((await other.as('PATCH', `/api/v1/luisteren/items/${id}`, { tenor: 'steun' })).statusCode).toBe(404);
    expect((await other.as('POST', `/api/v1/luisteren/items/${id}/naar-inbox`)).statusCode).toBe(404);
    expect((await other.as('GET', `/api/v1/monitors/${monitor.id}`)).statusCode).toBe(404);
    expect((await other.as('PATCH', `/api/v1/auteurslijsten/${list.id}`, { name: 'X' })).statusCode).toBe(404);
    expect((await other.as('GET', `/api/v1/luisteren/items?monitor=${monitor.id}`)).json().items).toEqual([]);
  });
});
