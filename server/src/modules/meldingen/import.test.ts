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

const HEADER = 'id,municipality,category,description,created_at,first_reaction_at,handled_at,status,lat,lon';
const GOOD = [
  HEADER,
  'F-1001,GM0383,wegen-bestrating,Losse tegel Dorpsstraat,2026-03-02T09:15:00+01:00,2026-03-03T10:00:00+01:00,2026-03-06T16:00:00+01:00,afgehandeld,52.548,4.669',
  'F-1002,Castricum,Lantaarnpaal kapot,"Lamp brandt niet, al een week",2026-03-10T20:00:00+01:00,,,gemeld,52.551,4.671',
  'F-1003,GM0373,afval-dumping,Matras bij de glasbak,2026-03-11T08:00:00Z,2026-03-16T08:00:00Z,2026-03-20T08:00:00Z,afgehandeld,52.66,4.70',
].join('\n');

async function setup() {
  const org = await buildOrganisation(t.database.db);
  const admin = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
  return { org, admin };
}

describe('meldingen importeren uit een eerder systeem', () => {
  it('importeert alle rijen, en nog eens importeren verandert niets; geïmporteerde meldingen tellen mee in de cijfers', async () => {
    const { admin } = await setup();
    const signed = await signIn(t.app, admin.email, admin.password);
    const post = (body: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/meldingen/import',
        headers: { cookie: signed.cookie, 'x-csrf-token': signed.csrfToken, 'content-type': 'text/csv' },
        payload: body,
      });
    const first = await post(GOOD);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ rows: 3, imported: 3, alreadyPresent: 0 });
    expect((await post(GOOD)).json()).toEqual({ rows: 3, imported: 0, alreadyPresent: 3 });
    const api = requestAs(t.app, signed);
    const listed = (await api('GET', '/api/v1/meldingen')).json();
    expect(listed).toHaveLength(3);
    expect(listed.every((m: { source: string }) => m.source === 'import')).toBe(true);
    const figures = (await api('GET', '/api/v1/insights/meldingen?municipality=GM0383&from=2026-03-01&to=2026-03-31')).json();
    expect(figures).toMatchObject({ count: 2, firstReactionWithinPct: 50, handledWithinPct: 50 });
    const audit = (await api('GET', '/api/v1/audit-log?action=meldingen.geimporteerd')).json();
    expect(audit.entries).toHaveLength(2);
  });

  it('weigert het hele bestand als één rij fout is, en noemt elke foute rij in het Nederlands', async () => {
    const { org, admin } = await setup();
    const signed = await signIn(t.app, admin.email, admin.password);
    const post = (body: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/meldingen/import',
        headers: { cookie: signed.cookie, 'x-csrf-token': signed.csrfToken, 'content-type': 'text/csv' },
        payload: body,
      });
    const bad = [
      HEADER,
      'B-1,GM0383,wegen-bestrating,Goede rij,2026-03-02T09:15:00+01:00,,,gemeld,52.548,4.669',
      'B-2,GM0999,wegen-bestrating,Onbekende gemeente,2026-03-02T09:15:00+01:00,,,gemeld,52.548,4.669',
      'B-3,GM0383,bestaat-niet,Onbekende categorie,gisteren,,,gemeld,52.548,4.669',
      'B-1,GM0383,wegen-bestrating,Dubbel id,2026-03-02T09:15:00+01:00,2026-03-01T09:00:00+01:00,,opgelost,noord,4.669',
    ].join('\n');
    const response = await post(bad);
    expect(response.statusCode).toBe(400);
    const params = response.json().invalidParams.map((p: { name: string }) => p.name);
    expect(params).toEqual(
      expect.arrayContaining(['rij 3.municipality', 'rij 4.category', 'rij 4.created_at', 'rij 5.id', 'rij 5.first_reaction_at', 'rij 5.status', 'rij 5.lat']),
    );
    expect(params.some((name: string) => name.startsWith('rij 2.'))).toBe(false);
    expect(response.json().detail).toContain('Er is niets geïmporteerd');
    const missingColumns = await post('id,description\n1,x');
    expect(missingColumns.json().detail).toContain('Deze kolommen ontbreken');
    const stored = await t.database.db.selectFrom('meldingen').select('id').where('organisation_id', '=', org.id).execute();
    expect(stored).toHaveLength(0);
  });

  it('mag alleen door een beheerder', async () => {
    const { org } = await setup();
    const kcc = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'] });
    const signed = await signIn(t.app, kcc.email, kcc.password);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meldingen/import',
      headers: { cookie: signed.cookie, 'x-csrf-token': signed.csrfToken, 'content-type': 'text/csv' },
      payload: GOOD,
    });
    expect(response.statusCode).toBe(403);
  });
});
