import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { cycleRemoteAddresses } from '@test/remote-addresses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The reproductions of issue 15's probe that gave a 500 or the wrong answer. A NUL character or half a character in
// what a resident or a client app sends is refused in Dutch at the edge, for every route, and nothing is written;
// before, it reached PostgreSQL and came back as a 500.
let t: TestApp;
const nextAddress = cycleRemoteAddresses(40);
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const count = async (table: 'meldingen' | 'messages', organisationId: string) =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('organisation_id', '=', organisationId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('tekens die niet te bewaren zijn', () => {
  it('weigert een melding met een nul-teken of een half teken met een Nederlandse 400 en bewaart niets', async () => {
    const org = await buildOrganisation(t.database.db);
    const base = `/api/v1/organisations/${org.slug}/municipalities/GM0383`;
    const { categories } = (await t.app.inject({ method: 'GET', url: `${base}/melding-categories` })).json() as { categories: { id: string; code: string }[] };
    const lamp = categories.find((category) => category.code === 'verlichting-lantaarnpaal')!;
    const good = { categoryId: lamp.id, description: 'Lantaarnpaal brandt niet meer.', lat: 52.55, lon: 4.66, address: 'Dorpsstraat 12' };
    for (const [field, value] of [
      ['description', 'Lantaarnpaal\u0000 brandt niet'],
      ['address', 'Dorpsstraat\u0000 12'],
      ['description', 'Lantaarnpaal \uD83D brandt niet'],
    ] as const) {
      const response = await t.app.inject({ method: 'POST', url: `${base}/meldingen`, remoteAddress: nextAddress(), payload: { ...good, [field]: value } });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ code: 'ongeldige-tekens', invalidParams: [{ name: field, code: 'ongeldig-teken' }] });
      expect(response.json().detail).toMatch(/teken/);
    }
    expect(await count('meldingen', org.id)).toBe(0);
    const accepted = await t.app.inject({ method: 'POST', url: `${base}/meldingen`, remoteAddress: nextAddress(), payload: good });
    expect(accepted.statusCode, accepted.body).toBe(201);
  });

  it('weigert ook bij inloggen en in een adres, en Open311 antwoordt in zijn eigen vorm', async () => {
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      remoteAddress: nextAddress(),
      payload: { email: 'a@example.nl', password: 'geheim-wachtwoord', organisation: 'buch\u0000' },
    });
    expect(signIn.statusCode).toBe(400);
    expect(signIn.json().code).toBe('ongeldige-tekens');

    const open311 = await t.app.inject({ method: 'GET', url: '/open311/v2/requests/%00.json?jurisdiction_id=GM0383' });
    expect(open311.statusCode).toBe(400);
    expect(open311.json()).toEqual([{ code: 400, description: expect.stringMatching(/teken/) }]);
  });
});

describe('wat eerder een 500 gaf', () => {
  it('geeft een lege lijst voor een categorie die niet van de organisatie is', async () => {
    const org = await buildOrganisation(t.database.db);
    const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
    const admin = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
    const response = await admin('GET', `/api/v1/meldingen?categoryId=${crypto.randomUUID()}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual([]);
  });

  it('weigert een analyse en een planning voor een gemeente van een andere organisatie, ook van een beheerder', async () => {
    const org = await buildOrganisation(t.database.db);
    const other = await buildOrganisation(t.database.db);
    const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
    const admin = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
    const foreign = other.municipalities[0]!.id;
    const analysis = await admin('POST', '/api/v1/analyses', {
      kind: 'issue',
      municipalityId: foreign,
      from: '2026-11-16T00:00:00Z',
      until: '2026-11-23T00:00:00Z',
    });
    expect(analysis.statusCode, analysis.body).toBe(400);
    expect(analysis.json().invalidParams[0]).toMatchObject({ name: 'municipalityId', code: 'onbekend' });
    const schedule = await admin('POST', '/api/v1/analyse-schema', { kind: 'tamtam', title: 'TamTam', municipalityId: foreign, cron: '0 8 * * 1' });
    expect(schedule.statusCode, schedule.body).toBe(400);
    expect(schedule.json().invalidParams[0]).toMatchObject({ name: 'municipalityId', code: 'onbekend' });
    const own = await admin('POST', '/api/v1/analyses', {
      kind: 'issue',
      municipalityId: org.municipalities[0]!.id,
      from: '2026-11-16T00:00:00Z',
      until: '2026-11-23T00:00:00Z',
    });
    expect(own.statusCode, own.body).toBe(201);
  });

  it('geeft de app op / ook aan wie niet om HTML vraagt (curl)', async () => {
    for (const accept of [undefined, '*/*', 'text/html']) {
      const response = await t.app.inject({ method: 'GET', url: '/', headers: accept ? { accept } : {} });
      expect(response.statusCode, accept).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/bestaat-niet' })).statusCode).toBe(404);
  });

  it('houdt /metrics dicht zolang de beheerder geen token heeft ingesteld', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
  });
});
