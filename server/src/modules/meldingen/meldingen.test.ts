import { CASTRICUM_BOUNDARY } from '@test/castricum-boundary';
import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { cycleRemoteAddresses } from '@test/remote-addresses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

// Castricum roughly, as a GeoJSON polygon (lon, lat).
const IN_CASTRICUM = { lat: 52.548, lon: 4.669 };

const nextAddress = cycleRemoteAddresses(1);

async function tokenFor(email: string, password: string) {
  const session = requestAs(t.app, await signIn(t.app, email, password));
  const token = (await session('POST', '/api/v1/me/api-tokens', { name: 'test' })).json().token as string;
  return requestAs(t.app, { bearer: token });
}
async function setup() {
  const org = await buildOrganisation(t.database.db);
  const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
  await t.database.db
    .updateTable('municipalities')
    .set({ boundary: JSON.stringify(CASTRICUM_BOUNDARY) })
    .where('organisation_id', '=', org.id)
    .where('id', '=', castricum.id)
    .execute();
  const base = `/api/v1/organisations/${org.slug}/municipalities/GM0383`;
  const categories = (await t.app.inject({ method: 'GET', url: `${base}/melding-categories` })).json().categories as {
    id: string;
    code: string;
    parentId: string | null;
    extraQuestions: unknown[];
    servicePromise: string;
  }[];
  const category = (code: string) => categories.find((c) => c.code === code)!;
  // Each resident from an address of their own: the form's per-address limit is not what is tested here.
  const submit = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `${base}/meldingen`, remoteAddress: nextAddress(), payload: body });
  const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
  // An API token, not a session: these tests move the clock by days, past a session's idle timeout.
  const admin = await tokenFor(beheerder.email, beheerder.password);
  const count = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('meldingen')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('organisation_id', '=', org.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { org, castricum, base, categories, category, submit, admin, count };
}

const tegel = (categoryId: string, extra: Record<string, unknown> = {}) => ({
  categoryId,
  description: 'Losliggende stoeptegel voor nummer 12, iemand struikelde al.',
  ...IN_CASTRICUM,
  ...extra,
});

describe('een melding doen (zonder account)', () => {
  it('kent een standaardindeling in twee niveaus met vragen per categorie', async () => {
    const { categories, category } = await setup();
    const main = categories.filter((c) => c.parentId === null).map((c) => c.code);
    expect(main).toEqual(expect.arrayContaining(['afval', 'groen-water', 'wegen', 'verlichting', 'overlast', 'dieren', 'overig']));
    expect(category('wegen-bestrating').parentId).toBe(category('wegen').id);
    expect(category('verlichting-lantaarnpaal').extraQuestions).toEqual([expect.objectContaining({ key: 'paalnummer', required: false })]);
  });

  it('slaat de melding op met nummer, termijn en belofte van dat moment, bevestigt per e-mail en is te volgen via de link', async () => {
    const { org, category, submit, admin } = await setup();
    const response = await submit(tegel(category('wegen-bestrating').id, { email: 'Sanne@Example.nl', consent: true, address: 'Dorpsstraat 12' }));
    expect(response.statusCode, response.body).toBe(201);
    const receipt = response.json();
    expect(receipt.number).toMatch(/^2026-\d{5}$/);
    // Filed Monday 23 November 2026 09:00; five working days → end of Monday 30 November (Amsterdam).
    expect(receipt.deadline).toBe('2026-11-30T22:59:59.999Z');
    expect(receipt.servicePromise).toContain('5 werkdagen');
    const mail = await t.database.db
      .selectFrom('jobs')
      .select('payload')
      .where('organisation_id', '=', org.id)
      .where('name', '=', 'mail.versturen')
      .executeTakeFirstOrThrow();
    expect(mail.payload).toMatchObject({ to: 'sanne@example.nl', subject: `Uw melding ${receipt.number} is ontvangen` });
    expect(String(mail.payload.text)).toContain(`http://plein.test/melding/${org.slug}/${receipt.trackingToken}`);

    const status = await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${org.slug}/meldingen/${receipt.trackingToken}` });
    expect(status.json()).toMatchObject({ number: receipt.number, status: 'gemeld', category: 'Losliggende tegel of gat in de weg' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${org.slug}/meldingen/${'x'.repeat(32)}` })).statusCode).toBe(404);

    // The promise is kept as it was: a later change to the category does not rewrite it.
    await t.database.db
      .updateTable('melding_categories')
      .set({ service_promise: 'Nieuwe belofte' })
      .where('id', '=', category('wegen-bestrating').id)
      .execute();
    const [listed] = (await admin('GET', '/api/v1/meldingen')).json();
    expect(listed).toMatchObject({
      number: receipt.number,
      servicePromise: receipt.servicePromise,
      reporterEmail: 'sanne@example.nl',
      address: 'Dorpsstraat 12',
      source: 'formulier',
    });
  });

  it('toont vóór het melden open meldingen van dezelfde soort vlakbij, zonder gegevens van anderen', async () => {
    const { base, category, submit } = await setup();
    await submit(tegel(category('wegen-bestrating').id, { email: 'ander@example.nl' }));
    const near = (categoryId: string, lat: number, lon: number) =>
      t.app.inject({ method: 'GET', url: `${base}/meldingen/nearby?categoryId=${categoryId}&lat=${lat}&lon=${lon}` });
    const close = (await near(category('wegen-bestrating').id, IN_CASTRICUM.lat + 0.0003, IN_CASTRICUM.lon)).json();
    expect(close).toHaveLength(1);
    expect(close[0].distanceMetres).toBeGreaterThan(25);
    expect(close[0].distanceMetres).toBeLessThan(40);
    expect(JSON.stringify(close)).not.toContain('ander@example.nl');
    expect(JSON.stringify(close)).not.toContain('stoeptegel');
    expect(await (await near(category('verlichting-lantaarnpaal').id, IN_CASTRICUM.lat, IN_CASTRICUM.lon)).json()).toEqual([]);
    expect(await (await near(category('wegen-bestrating').id, IN_CASTRICUM.lat + 0.01, IN_CASTRICUM.lon)).json()).toEqual([]);
  });

  it('weigert foute invoer met een Nederlandse uitleg en slaat dan niets op', async () => {
    const { category, submit, count } = await setup();
    const cases: [Record<string, unknown>, string, string][] = [
      [tegel('00000000-0000-4000-8000-000000000000'), 'categoryId', 'onbekende-categorie'],
      [tegel(category('wegen').id), 'categoryId', 'onbekende-categorie'],
      [tegel(category('wegen-bestrating').id, { lat: 52.37, lon: 4.89 }), 'lat', 'buiten-gemeente'],
      [tegel(category('wegen-bestrating').id, { description: 'Kijk <script>alert(1)</script>' }), 'description', 'ongeldige-invoer'],
      [tegel(category('overlast-geluid').id), 'answers.wanneer', 'antwoorden-onvolledig'],
      [tegel(category('overlast-geluid').id, { answers: { wanneer: 'Altijd' } }), 'answers.wanneer', 'antwoorden-onvolledig'],
      [tegel(category('wegen-bestrating').id, { email: 'geen-adres' }), 'email', 'ongeldige-invoer'],
      [tegel(category('wegen-bestrating').id, { photoIds: ['00000000-0000-4000-8000-000000000001'] }), 'photoIds', 'onbekende-foto'],
    ];
    for (const [body, field, code] of cases) {
      const response = await submit(body);
      expect(response.statusCode, `${field}: ${response.body}`).toBe(400);
      expect(
        response.json().invalidParams.map((p: { name: string }) => p.name),
        field,
      ).toContain(field);
      if (code !== 'ongeldige-invoer') expect(response.json().code).toBe(code);
    }
    expect(await count()).toBe(0);
  });
});

describe('meldingen behandelen', () => {
  it('volgt de statusstroom, houdt de melder op de hoogte en weigert een sprong die niet mag', async () => {
    const { org, category, submit, admin } = await setup();
    const receipt = (await submit(tegel(category('verlichting-lantaarnpaal').id, { email: 'piet@example.nl', answers: { paalnummer: 'CA-1234' } }))).json();
    const [melding] = (await admin('GET', '/api/v1/meldingen')).json();
    expect(melding.answers).toEqual({ paalnummer: 'CA-1234' });

    const started = await admin('POST', `/api/v1/meldingen/${melding.id}/status`, { status: 'in-behandeling' });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'in-behandeling', firstReactionAt: t.clock.now().toISOString() });
    const wrong = await admin('POST', `/api/v1/meldingen/${melding.id}/status`, { status: 'gemeld' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().detail).toContain('In behandeling');
    await admin('POST', `/api/v1/meldingen/${melding.id}/notes`, { text: 'Monteur ingepland voor dinsdag' });
    t.clock.advance(2 * 86_400_000);
    const done = (await admin('POST', `/api/v1/meldingen/${melding.id}/status`, { status: 'afgehandeld', message: 'De lamp is vervangen.' })).json();
    expect(done.handledAt).toBe(t.clock.now().toISOString());
    expect(done.events.map((e: { kind: string }) => e.kind)).toEqual(['gemeld', 'status', 'notitie', 'status']);

    const mails = await t.database.db
      .selectFrom('jobs')
      .select('payload')
      .where('organisation_id', '=', org.id)
      .where('name', '=', 'mail.versturen')
      .orderBy('created_at')
      .execute();
    // Jobs of the same moment have no order of their own: compare as a set.
    expect(mails.map((m) => m.payload.subject).sort()).toEqual([
      `Uw melding ${receipt.number} is ontvangen`,
      `Uw melding ${receipt.number}: afgehandeld`,
      `Uw melding ${receipt.number}: in behandeling`,
    ]);
    expect(String(mails.find((m) => String(m.payload.subject).endsWith('afgehandeld'))!.payload.text)).toContain('De lamp is vervangen.');
    // The reporter's page shows the messages sent to them, never the internal note.
    const status = (await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${org.slug}/meldingen/${receipt.trackingToken}` })).json();
    expect(status.history.map((h: { status: string }) => h.status)).toEqual(['gemeld', 'in-behandeling', 'afgehandeld']);
    expect(JSON.stringify(status)).not.toContain('Monteur');
    expect((await admin('POST', `/api/v1/meldingen/${melding.id}/status`, { status: 'heropend' })).json()).toMatchObject({
      status: 'heropend',
      handledAt: null,
    });
  });

  it('filtert op status, categorie en te laat; toont contactgegevens alleen aan wie meldingen behandelt', async () => {
    const { org, castricum, category, submit, admin } = await setup();
    await submit(tegel(category('dieren-dood').id, { email: 'x@example.nl' }));
    await submit(tegel(category('wegen-bestrating').id));
    t.clock.advance(3 * 86_400_000);
    const overdue = (await admin('GET', '/api/v1/meldingen?overdue=ja')).json();
    expect(overdue.map((m: { categoryName: string }) => m.categoryName)).toEqual(['Dood dier']);
    expect((await admin('GET', `/api/v1/meldingen?categoryId=${category('dieren').id}`)).json()).toHaveLength(1);
    expect((await admin('GET', '/api/v1/meldingen?status=afgehandeld')).json()).toHaveLength(0);

    const bestuurder = await buildUser(t.database.db, t.clock, org.id, { roles: ['bestuurder'], municipalityIds: [castricum.id] });
    const asBestuurder = await tokenFor(bestuurder.email, bestuurder.password);
    const seen = (await asBestuurder('GET', '/api/v1/meldingen')).json();
    expect(seen).toHaveLength(2);
    expect(seen.every((m: { reporterEmail: string | null; hasReporterContact: boolean }) => m.reporterEmail === null)).toBe(true);
    expect(seen.some((m: { hasReporterContact: boolean }) => m.hasReporterContact)).toBe(true);

    const bergenOnly = await buildUser(t.database.db, t.clock, org.id, {
      roles: ['kcc'],
      municipalityIds: [org.municipalities.find((m) => m.cbs_code === 'GM0373')!.id],
    });
    const asBergen = await tokenFor(bergenOnly.email, bergenOnly.password);
    expect((await asBergen('GET', '/api/v1/meldingen')).json()).toEqual([]);
    expect((await asBergen('GET', `/api/v1/meldingen/${seen[0].id}`)).statusCode).toBe(404);
  });

  it('wijst toe aan een team van de eigen organisatie en verandert de categorie', async () => {
    const { category, submit, admin } = await setup();
    await submit(tegel(category('wegen-bestrating').id));
    const [melding] = (await admin('GET', '/api/v1/meldingen')).json();
    const team = (await admin('POST', '/api/v1/teams', { name: `Buitendienst ${Math.random()}` })).json();
    const assigned = await admin('PATCH', `/api/v1/meldingen/${melding.id}`, { assignedTeamId: team.id, categoryId: category('wegen-straatmeubilair').id });
    expect(assigned.json()).toMatchObject({ assignedTeamId: team.id, categoryId: category('wegen-straatmeubilair').id });
    expect(assigned.json().events.at(-1)).toMatchObject({
      kind: 'categorie',
      text: `Team: ${team.name}; Categorie: Losliggende tegel of gat in de weg → Bankje, paal of hek`,
    });
    const strange = await admin('PATCH', `/api/v1/meldingen/${melding.id}`, { assignedTeamId: '00000000-0000-4000-8000-000000000000' });
    expect(strange.statusCode).toBe(400);
  });
});
