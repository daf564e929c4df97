import { enqueueJob } from '@platform/jobs/jobs.service';
import { SYSTEM_ORGANISATION_ID } from '@platform/jobs/platform.jobs';
import { buildChannelAccount, buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage, storeMessages } from '../../channels/index';

let t: TestApp;
// Monday 23 November 2026, 07:00 in Castricum: the B&W meeting is at 10:00.
const MONDAY = new Date('2026-11-23T07:00:00+01:00');
const DAY = 86_400_000;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(MONDAY);
});
afterAll(async () => t.close());

let sequence = 0;
async function setUp() {
  const org = await buildOrganisation(t.database.db);
  const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
  const analist = await buildUser(t.database.db, t.clock, org.id, { roles: ['omgevingsanalist'], municipalityIds: [castricum.id] });
  const as = requestAs(t.app, await signIn(t.app, analist.email, analist.password));
  const webcare = await buildUser(t.database.db, t.clock, org.id, { roles: ['webcare'], municipalityIds: [castricum.id] });
  const asWebcare = requestAs(t.app, await signIn(t.app, webcare.email, webcare.password));
  const view = await buildChannelAccount(t.database.db, t.clock, org.id, {
    municipalityId: castricum.id,
    channel: 'gesimuleerd',
    settings: { scenario: 'alledaags' },
  });
  const account = await t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
  const receive = async (posts: Array<{ text: string; author: string; followers?: number; daysAgo: number }>) => {
    await storeMessages(
      t.database.db,
      t.clock,
      account,
      posts.map((post) =>
        buildPlainMessage({
          platformId: `a-${++sequence}-${crypto.randomUUID()}`,
          author: { id: post.author, handle: post.author, displayName: post.author, followers: post.followers ?? 50 },
          text: post.text,
          hashtags: [...post.text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((match) => match[1]!),
          geo: null,
          language: null,
          visibility: 'openbaar',
          postedAt: new Date(MONDAY.getTime() - post.daysAgo * DAY),
          raw: {},
        }),
      ),
      { stream: 'search' },
    );
    await t.worker.drain();
  };
  const mails = async () =>
    (await t.database.db.selectFrom('jobs').select('payload').where('organisation_id', '=', org.id).where('name', '=', 'mail.versturen').execute()).map(
      (job) => job.payload as { to: string; subject: string; text: string },
    );
  return { org, castricum, as, asWebcare, receive, mails };
}

describe('analyses: TamTam, issue- en reputatie-analyse', () => {
  it('maakt een issue-analyse met volume, teneur, voor en tegen, argumenten met citaten over de vier velden; bewerken, PDF en één keer mailen', async () => {
    const { as, asWebcare, receive, mails } = await setUp();
    expect((await as('POST', '/api/v1/auteurslijsten', { name: 'Pers', members: ['@dagblad'] })).statusCode).toBe(201);
    const monitor = (await as('POST', '/api/v1/monitors', { name: 'Windmolens', query: 'windmolens OF #windmolens' })).json();
    await receive([
      {
        text: 'De windmolens bij Castricum zijn een schandalige aantasting van het duin, slecht plan! #windmolens',
        author: 'buurman',
        followers: 300,
        daysAgo: 1,
      },
      { text: 'Slecht idee die windmolens, het geluid en de slagschaduw zijn een ramp. #windmolens', author: 'bewoonster', followers: 40, daysAgo: 2 },
      { text: 'Geweldig dat Castricum kiest voor windmolens, prima plan voor schone energie #windmolens', author: 'energiecoop', followers: 1500, daysAgo: 3 },
      { text: 'Raad besluit maandag over de windmolens in de duinen', author: 'dagblad', followers: 20000, daysAgo: 2 },
      {
        text: 'Als fractie zijn wij tegen deze windmolens, slecht voor natuur en slecht voor inwoners #windmolens',
        author: 'fractievoorzitter',
        followers: 8000,
        daysAgo: 4,
      },
      { text: 'Vorige week: de windmolens komen weer op de agenda', author: 'dagblad', followers: 20000, daysAgo: 10 },
    ]);

    const created = await as('POST', '/api/v1/analyses', {
      kind: 'issue',
      monitorId: monitor.id,
      from: new Date(MONDAY.getTime() - 7 * DAY).toISOString(),
      until: MONDAY.toISOString(),
      recipients: ['college@castricum.nl'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const analysis = created.json();
    expect(analysis).toMatchObject({ kind: 'issue', status: 'concept', monitorName: 'Windmolens', total: 5, version: 1, sentVersion: null });
    const f = analysis.figures;
    expect(f.previous.total).toBe(1);
    expect(f.tenor.kritiek).toBeGreaterThanOrEqual(2);
    expect(f.tenor.steun).toBeGreaterThanOrEqual(1);
    const field = (name: string) => f.fields.find((entry: { field: string }) => entry.field === name).total;
    expect([field('media'), field('opiniemakers'), field('groepen'), field('bevolking')]).toEqual([1, 1, 1, 2]);
    expect(f.critics.map((person: { handle: string }) => person.handle)).toContain('buurman');
    expect(f.critics.find((person: { handle: string }) => person.handle === 'fractievoorzitter')).toMatchObject({ field: 'opiniemakers' });
    expect(f.supporters[0]).toMatchObject({ handle: 'energiecoop', field: 'groepen' });
    const hashtag = f.arguments.find((argument: { kind: string; term: string }) => argument.kind === 'hashtag' && argument.term === 'windmolens');
    expect(hashtag.items).toBe(4);
    expect(hashtag.quotes.length).toBeGreaterThanOrEqual(2);
    expect(hashtag.quotes.length).toBeLessThanOrEqual(3);
    // Widest reach first, one quote per author.
    expect(hashtag.quotes[0].author).toBe('fractievoorzitter');
    expect(analysis.aanleiding).toContain('Issue-analyse over Windmolens');
    expect(analysis.analyse).toContain('Volume: 5 berichten');
    expect(analysis.analyse).toContain('Per veld:');
    expect(analysis.advies).toContain('Risico’s:');

    // Read-only roles read, but do not write.
    expect((await asWebcare('GET', `/api/v1/analyses/${analysis.id}`)).statusCode).toBe(200);
    expect((await asWebcare('PATCH', `/api/v1/analyses/${analysis.id}`, { advies: 'x' })).statusCode).toBe(403);

    const edited = await as('PATCH', `/api/v1/analyses/${analysis.id}`, {
      aanleiding: 'Het college besluit dinsdag over de windmolens bij de duinen.',
      advies: 'Ga in gesprek met de fracties en de energiecoöperatie.',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, aanleiding: 'Het college besluit dinsdag over de windmolens bij de duinen.' });
    expect((await as('GET', '/api/v1/analyses')).json()[0]).toMatchObject({ id: analysis.id, total: 5, kind: 'issue' });

    const pdf = await as('GET', `/api/v1/analyses/${analysis.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text, totalPages } = await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true });
    expect(totalPages).toBeLessThanOrEqual(2);
    for (const expected of ['Aanleiding', 'Analyse', 'Advies', 'Cijfers', 'Het college besluit dinsdag', 'energiecoöperatie', 'Opiniemakers', '#windmolens'])
      expect(text).toContain(expected);

    const sent = await as('POST', `/api/v1/analyses/${analysis.id}/versturen`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ sentVersion: 2 });
    const again = await as('POST', `/api/v1/analyses/${analysis.id}/versturen`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'al-verstuurd' });
    const sentMails = await mails();
    expect(sentMails).toHaveLength(1);
    expect(sentMails[0]).toMatchObject({ to: 'college@castricum.nl', subject: analysis.title });
    expect(sentMails[0]!.text).toContain(`/api/v1/analyses/${analysis.id}/pdf`);

    // Definitief: the text is fixed until reopened; a new version may be sent again.
    expect((await as('PATCH', `/api/v1/analyses/${analysis.id}`, { status: 'definitief' })).json()).toMatchObject({ status: 'definitief', version: 3 });
    expect((await as('PATCH', `/api/v1/analyses/${analysis.id}`, { advies: 'Anders' })).json()).toMatchObject({ code: 'analyse-definitief' });
    expect((await as('POST', `/api/v1/analyses/${analysis.id}/versturen`, {})).statusCode).toBe(200);
    expect(await mails()).toHaveLength(2);
  });

  it('maakt een geplande TamTam precies één keer op het geplande moment en laat de analist weten dat het concept klaarstaat', async () => {
    const { as, receive, mails } = await setUp();
    await receive([{ text: 'Mooi initiatief van de gemeente, het nieuwe park is geweldig', author: 'wandelaar', daysAgo: 2 }]);
    const bad = await as('POST', '/api/v1/analyse-schema', { kind: 'tamtam', title: 'Weekelijkse TamTam', cron: 'elke maandag' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'ongeldige-cron' });
    expect((await as('POST', '/api/v1/analyse-schema', { kind: 'tamtam', title: 'Te vaak', cron: '*/5 * * * *' })).json()).toMatchObject({ code: 'te-vaak' });

    const schedule = await as('POST', '/api/v1/analyse-schema', {
      kind: 'tamtam',
      title: 'TamTam voor de B&W-vergadering',
      cron: '0 8 * * 1',
      periodDays: 7,
      recipients: ['college@castricum.nl'],
    });
    expect(schedule.statusCode, schedule.body).toBe(201);
    expect(schedule.json().nextDueAt).toBe('2026-11-23T07:00:00.000Z');
    const plan = async () => {
      await enqueueJob(t.database.db, { organisationId: SYSTEM_ORGANISATION_ID, name: 'luisteren.analyses-plannen', runAt: t.clock.now() });
      await t.worker.drain();
    };
    await plan();
    expect((await as('GET', '/api/v1/analyses')).json()).toHaveLength(0);

    t.clock.set(new Date('2026-11-23T08:03:00+01:00'));
    await plan();
    await plan();
    const list = (await as('GET', '/api/v1/analyses')).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'tamtam', scheduled: true, total: 1, until: '2026-11-23T07:00:00.000Z', from: '2026-11-16T07:00:00.000Z' });
    expect((await as('GET', '/api/v1/analyse-schema')).json()[0].nextDueAt).toBe('2026-11-30T07:00:00.000Z');
    // The analyst who planned it hears the concept is ready; the college gets it only when the analyst sends it.
    const notices = await mails();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.subject).toBe('Concept klaar: TamTam voor de B&W-vergadering – 23 november 2026');
    expect(notices[0]!.text).toContain(`/luisteren/analyses/${list[0].id}`);
    expect(notices[0]!.to).not.toBe('college@castricum.nl');

    const changed = await as('PATCH', `/api/v1/analyse-schema/${schedule.json().id}`, { cron: '30 7 * * 2' });
    expect(changed.json()).toMatchObject({ cron: '30 7 * * 2', nextDueAt: '2026-11-24T06:30:00.000Z' });
    expect((await as('DELETE', `/api/v1/analyse-schema/${schedule.json().id}`)).statusCode).toBe(204);
    expect((await as('GET', `/api/v1/analyses/${list[0].id}`)).statusCode).toBe(200);
    t.clock.set(MONDAY);
  });

  it('weigert zonder aanmelding, voor een andere organisatie en bij foute invoer', async () => {
    const a = await setUp();
    const b = await setUp();
    const { id } = (
      await a.as('POST', '/api/v1/analyses', { kind: 'reputatie', from: '2026-11-16T00:00:00+01:00', until: '2026-11-23T00:00:00+01:00' })
    ).json();
    expect((await requestAs(t.app, null)('GET', '/api/v1/analyses')).statusCode).toBe(401);
    expect((await requestAs(t.app, null)('GET', `/api/v1/analyses/${id}/pdf`)).statusCode).toBe(401);
    for (const [method, url] of [
      ['GET', `/api/v1/analyses/${id}`],
      ['GET', `/api/v1/analyses/${id}/pdf`],
      ['PATCH', `/api/v1/analyses/${id}`],
      ['POST', `/api/v1/analyses/${id}/versturen`],
    ] as const) {
      expect((await b.as(method, url, method === 'GET' ? undefined : {})).statusCode, `${method} ${url}`).toBe(404);
    }
    const backwards = await a.as('POST', '/api/v1/analyses', { kind: 'issue', from: '2026-11-23T00:00:00+01:00', until: '2026-11-16T00:00:00+01:00' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().detail).toMatch(/periode/i);
    expect((await a.as('POST', '/api/v1/analyses', { kind: 'roddel', from: '2026-11-16T00:00:00+01:00', until: '2026-11-23T00:00:00+01:00' })).statusCode).toBe(
      400,
    );
    const foreignMonitor = (await b.as('POST', '/api/v1/monitors', { name: 'B', query: 'afval' })).json();
    expect(
      (
        await a.as('POST', '/api/v1/analyses', {
          kind: 'issue',
          monitorId: foreignMonitor.id,
          from: '2026-11-16T00:00:00+01:00',
          until: '2026-11-23T00:00:00+01:00',
        })
      ).json(),
    ).toMatchObject({ code: 'onbekende-monitor' });
    expect((await a.as('POST', `/api/v1/analyses/${id}/versturen`, {})).json()).toMatchObject({ code: 'geen-ontvangers' });
  });
});
