import type { Role } from '@platform/tenancy/roles.rules';
import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function setup() {
  const org = await buildOrganisation(t.database.db);
  const bergen = org.municipalities.find((m) => m.cbs_code === 'GM0373')!;
  const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
  const as = async (roles: Role[], name = 'Bea Beheer', municipalityIds = org.municipalities.map((m) => m.id)) => {
    const user = await buildUser(t.database.db, t.clock, org.id, { roles, name, municipalityIds });
    return requestAs(t.app, await signIn(t.app, user.email, user.password));
  };
  return { org, bergen, castricum, admin: await as(['beheerder']), as };
}

const article = (fields: Record<string, unknown> = {}) => ({
  question: 'Hoe vraag ik een vergunning aan voor een dakkapel?',
  answer: 'Via het Omgevingsloket. Wij beslissen binnen acht weken.',
  contact: 'Team Vergunningen, 14 0251',
  link: 'https://www.omgevingsloket.nl',
  labels: ['vergunningen'],
  ...fields,
});

describe('kennisbank', () => {
  it('bewaart elke wijziging als nieuwe versie met auteur en tijd; zoeken vindt de huidige versie', async () => {
    const { admin, as } = await setup();
    const created = await admin('POST', '/api/v1/knowledge-articles', article());
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ version: 1, municipalityId: null, archived: false });

    t.clock.advance(60_000);
    const editor = await as(['communicatieadviseur'], 'Carla Communicatie');
    const changed = await editor('PATCH', `/api/v1/knowledge-articles/${id}`, { answer: 'Via het Omgevingsloket. De beslistermijn is acht weken.' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().version).toBe(2);
    const unchanged = await editor('PATCH', `/api/v1/knowledge-articles/${id}`, { answer: 'Via het Omgevingsloket. De beslistermijn is acht weken.' });
    expect(unchanged.json().version).toBe(2);

    const versions = (await admin('GET', `/api/v1/knowledge-articles/${id}/versions`)).json();
    expect(versions.map((v: { version: number; authorName: string }) => `${v.version}:${v.authorName}`)).toEqual(['2:Carla Communicatie', '1:Bea Beheer']);
    expect(versions[1].answer).toContain('Wij beslissen');
    expect(new Date(versions[0].createdAt).getTime() - new Date(versions[1].createdAt).getTime()).toBe(60_000);

    const found = (await admin('GET', '/api/v1/knowledge-articles?q=beslistermijn')).json();
    expect(found.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await admin('GET', '/api/v1/knowledge-articles?q=beslissen')).json()).toEqual([]);

    const archived = await admin('PATCH', `/api/v1/knowledge-articles/${id}`, { archived: true });
    expect(archived.json()).toMatchObject({ version: 3, archived: true });
    expect((await admin('GET', '/api/v1/knowledge-articles?q=dakkapel')).json()).toEqual([]);
    expect((await admin('GET', '/api/v1/knowledge-articles?q=dakkapel&archived=ja')).json()).toHaveLength(1);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('record_id', '=', id).orderBy('occurred_at').execute();
    expect(audit.map((row) => row.action)).toEqual(['kennisbankartikel.aangemaakt', 'kennisbankartikel.gewijzigd', 'kennisbankartikel.gearchiveerd']);
  });

  it('zoekt Nederlands met stamvormen, vraag-treffers eerst, per gemeente met de gedeelde erbij', async () => {
    const { admin, bergen, castricum } = await setup();
    const inAnswer = (
      await admin(
        'POST',
        '/api/v1/knowledge-articles',
        article({
          question: 'Wanneer wordt het grofvuil opgehaald?',
          answer: 'Voor een container op straat heeft u een vergunning nodig.',
          municipalityId: castricum.id,
        }),
      )
    ).json();
    const inQuestion = (await admin('POST', '/api/v1/knowledge-articles', article({ municipalityId: bergen.id }))).json();
    const shared = (
      await admin(
        'POST',
        '/api/v1/knowledge-articles',
        article({ question: 'Welke vergunningen zijn er voor evenementen?', answer: 'Een evenementenvergunning of een melding.' }),
      )
    ).json();
    await admin('POST', '/api/v1/knowledge-articles', article({ question: 'Wat kost een paspoort?', answer: 'Zie de tarieven.' }));

    const ids = (url: string) => admin('GET', url).then((response) => response.json().map((a: { id: string }) => a.id));
    // "vergunningen" and "vergunning" share their stem; question matches rank above the answer-only match.
    const all = await ids('/api/v1/knowledge-articles?q=vergunningen');
    expect(all).toHaveLength(3);
    expect(all[2]).toBe(inAnswer.id);
    expect(await ids(`/api/v1/knowledge-articles?q=vergunningen&municipalityId=${castricum.id}`)).toEqual([shared.id, inAnswer.id]);
    expect(
      (await ids(`/api/v1/knowledge-articles?q=${encodeURIComponent('Mag ik een dakkapel bouwen zonder vergunning?')}&municipalityId=${bergen.id}`))[0],
    ).toBe(inQuestion.id);
    // A half-typed word already finds it.
    expect(await ids('/api/v1/knowledge-articles?q=paspo')).toHaveLength(1);
  });

  it('weigert ongeldige invoer in het Nederlands en bewaart dan niets', async () => {
    const { org, admin, as } = await setup();
    const bad = await admin('POST', '/api/v1/knowledge-articles', article({ question: '', answer: 'Beste {voornaam}', link: 'javascript:alert(1)' }));
    expect(bad.statusCode).toBe(400);
    const names = bad.json().invalidParams.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['question', 'answer', 'link']));
    expect(bad.json().detail).toMatch(/plaatshouder \{voornaam\}/);
    const other = await buildOrganisation(t.database.db, 'Andere organisatie');
    const foreign = await admin('POST', '/api/v1/knowledge-articles', article({ municipalityId: other.municipalities[0]!.id }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().code).toBe('onbekende-gemeente');
    const onlyBergen = await as(['webcare'], 'Wim Webcare', [org.municipalities.find((m) => m.cbs_code === 'GM0373')!.id]);
    const notHers = await onlyBergen(
      'POST',
      '/api/v1/knowledge-articles',
      article({ municipalityId: org.municipalities.find((m) => m.cbs_code === 'GM0383')!.id }),
    );
    expect(notHers.statusCode).toBe(400);
    const count = await t.database.db
      .selectFrom('knowledge_articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('een artikel of tekst van een andere organisatie bestaat niet; KCC leest maar wijzigt niet', async () => {
    const { admin, as } = await setup();
    const mine = (await admin('POST', '/api/v1/knowledge-articles', article())).json();
    const template = (await admin('POST', '/api/v1/reply-templates', { title: 'Bedankt', body: 'Dank u wel, {naam}!' })).json();
    const stranger = await setup();
    expect((await stranger.admin('GET', `/api/v1/knowledge-articles/${mine.id}`)).statusCode).toBe(404);
    expect((await stranger.admin('GET', `/api/v1/knowledge-articles/${mine.id}/versions`)).statusCode).toBe(404);
    expect((await stranger.admin('PATCH', `/api/v1/knowledge-articles/${mine.id}`, { archived: true })).statusCode).toBe(404);
    expect((await stranger.admin('DELETE', `/api/v1/reply-templates/${template.id}`)).statusCode).toBe(404);
    expect((await stranger.admin('GET', '/api/v1/knowledge-articles')).json()).toEqual([]);
    const kcc = await as(['kcc'], 'Karin Kcc');
    expect((await kcc('GET', `/api/v1/knowledge-articles/${mine.id}`)).statusCode).toBe(200);
    expect((await kcc('PATCH', `/api/v1/knowledge-articles/${mine.id}`, { answer: 'Anders' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/knowledge-articles' })).statusCode).toBe(401);
  });
});

describe('standaardteksten voor webcare en toonkader', () => {
  it('kent alleen de webcare-plaatshouders en vindt teksten met dezelfde zoektocht', async () => {
    const { admin, castricum } = await setup();
    const bad = await admin('POST', '/api/v1/reply-templates', { title: 'Fout', body: 'Melding {nummer}' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('{naam}, {gemeente}, {medewerker}, {initialen}');
    const created = await admin('POST', '/api/v1/reply-templates', {
      title: 'Afvalkalender',
      body: 'Hoi {naam}, de afvalkalenders van {gemeente} staan in de app. {initialen}',
      municipalityId: castricum.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await admin('GET', '/api/v1/reply-templates?q=afvalkalender')).json().map((r: { id: string }) => r.id)).toEqual([created.json().id]);
    const changed = await admin('PATCH', `/api/v1/reply-templates/${created.json().id}`, { title: 'Afvalkalender en app' });
    expect(changed.json().title).toBe('Afvalkalender en app');
    expect((await admin('DELETE', `/api/v1/reply-templates/${created.json().id}`)).statusCode).toBe(204);
    expect((await admin('GET', '/api/v1/reply-templates')).json()).toEqual([]);
  });

  it('begint met Utrechts drie vragen en bewaart de eigen vragen van de organisatie', async () => {
    const { admin, as } = await setup();
    expect((await admin('GET', '/api/v1/tone-code')).json()).toMatchObject({
      isDefault: true,
      questions: ['Zou ik dit zo tegen de wethouder zeggen?', 'Zou ik dit zo tegen de pers zeggen?', 'Zou ik dit nu zo zeggen?'],
    });
    expect((await admin('PUT', '/api/v1/tone-code', { questions: [] })).statusCode).toBe(400);
    const saved = await admin('PUT', '/api/v1/tone-code', { questions: ['Is het menselijk?', 'Is het waar?'] });
    expect(saved.json()).toMatchObject({ isDefault: false, questions: ['Is het menselijk?', 'Is het waar?'] });
    const kcc = await as(['kcc'], 'Karin Kcc');
    expect((await kcc('GET', '/api/v1/tone-code')).json().questions).toEqual(['Is het menselijk?', 'Is het waar?']);
    expect((await kcc('PUT', '/api/v1/tone-code', { questions: ['Mag ik?'] })).statusCode).toBe(403);
  });
});
