import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

it('legt vast wie wat wanneer en vanaf waar deed, filterbaar, alleen voor beheerders', async () => {
  const org = await buildOrganisation(t.database.db);
  const admin = await buildUser(t.database.db, t.clock, org.id, { name: 'Bea Beheer' });
  const session = await signIn(t.app, admin.email, admin.password);
  const api = requestAs(t.app, session);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'user-agent': 'Testbrowser/1.0', 'x-request-id': 'verzoek-audit-1' },
    payload: { email: 'nieuw@example.nl', name: 'Nieuwe Collega', roles: ['kcc'] },
  });
  expect(created.statusCode).toBe(201);
  t.clock.advance(60_000);
  await api('POST', '/api/v1/teams', { name: 'Webcare' });

  const all = await api('GET', '/api/v1/audit-log');
  expect(all.statusCode).toBe(200);
  expect(all.json().nextCursor).toBeNull();
  const actions = all.json().entries.map((e: { action: string }) => e.action);
  expect(actions.slice(0, 3)).toEqual(['team.aangemaakt', 'gebruiker.aangemaakt', 'sessie.ingelogd']);
  const entry = all.json().entries.find((e: { action: string }) => e.action === 'gebruiker.aangemaakt');
  expect(entry).toMatchObject({
    actorUserId: admin.id,
    actorLabel: 'Bea Beheer',
    recordType: 'gebruiker',
    recordId: created.json().id,
    userAgent: 'Testbrowser/1.0',
    requestId: 'verzoek-audit-1',
  });
  expect(entry.ip).toBeTruthy();

  const filtered = await api('GET', `/api/v1/audit-log?recordType=team&from=${encodeURIComponent(t.clock.now().toISOString())}`);
  expect(filtered.json().entries.map((e: { action: string }) => e.action)).toEqual(['team.aangemaakt']);
  const byActor = await api('GET', `/api/v1/audit-log?actorUserId=${admin.id}&action=gebruiker`);
  expect(byActor.json().entries.map((e: { action: string }) => e.action)).toEqual(['gebruiker.aangemaakt']);

  const kcc = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'] });
  const kccApi = requestAs(t.app, await signIn(t.app, kcc.email, kcc.password));
  expect((await kccApi('GET', '/api/v1/audit-log')).statusCode).toBe(403);
});

it('is alleen aan te vullen: wijzigen en verwijderen weigert de database', async () => {
  const org = await buildOrganisation(t.database.db);
  const admin = await buildUser(t.database.db, t.clock, org.id);
  await signIn(t.app, admin.email, admin.password);
  await expect(sql`UPDATE audit_log SET action = 'vervalst' WHERE organisation_id = ${org.id}`.execute(t.database.db)).rejects.toThrow(/append-only/);
  await expect(sql`DELETE FROM audit_log WHERE organisation_id = ${org.id}`.execute(t.database.db)).rejects.toThrow(/append-only/);
  const count = await t.database.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', org.id)
    .executeTakeFirstOrThrow();
  expect(Number(count.n)).toBeGreaterThan(0);
});

it('een mislukte wijziging laat geen auditregel achter', async () => {
  const org = await buildOrganisation(t.database.db);
  const admin = await buildUser(t.database.db, t.clock, org.id);
  const api = requestAs(t.app, await signIn(t.app, admin.email, admin.password));
  await api('POST', '/api/v1/teams', { name: 'Dubbel' });
  const duplicate = await api('POST', '/api/v1/teams', { name: 'Dubbel' });
  expect(duplicate.statusCode).toBe(409);
  const entries = await api('GET', '/api/v1/audit-log?action=team.aangemaakt');
  expect(entries.json().entries).toHaveLength(1);
});

it('bladert met een cursor door alle regels, ook door regels van hetzelfde moment, met filters', async () => {
  const org = await buildOrganisation(t.database.db);
  const admin = await buildUser(t.database.db, t.clock, org.id);
  const api = requestAs(t.app, await signIn(t.app, admin.email, admin.password));
  // Three teams in the same millisecond, two a minute later: the cursor must order ties by sequence.
  for (const name of ['Team 1', 'Team 2', 'Team 3']) await api('POST', '/api/v1/teams', { name });
  t.clock.advance(60_000);
  for (const name of ['Team 4', 'Team 5']) await api('POST', '/api/v1/teams', { name });

  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: string = cursor ? `&before=${cursor}` : '';
    const response = await api('GET', `/api/v1/audit-log?action=team.aangemaakt&limit=2${query}`);
    expect(response.statusCode).toBe(200);
    const page = response.json() as { entries: Array<{ details: { name: string } }>; nextCursor: string | null };
    expect(page.entries.length).toBeLessThanOrEqual(2);
    seen.push(...page.entries.map((entry) => entry.details.name));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 10);
  expect(seen).toEqual(['Team 5', 'Team 4', 'Team 3', 'Team 2', 'Team 1']);
  expect(pages).toBe(3);

  // Exactly a full last page: no cursor to an empty page.
  const exact = await api('GET', '/api/v1/audit-log?action=team.aangemaakt&limit=5');
  expect(exact.json()).toMatchObject({ nextCursor: null });

  const invalid = await api('GET', '/api/v1/audit-log?before=bestaat-niet');
  expect(invalid.statusCode).toBe(400);
  expect(invalid.json()).toMatchObject({ code: 'ongeldige-cursor', invalidParams: [{ name: 'before' }] });
  const notACursor = await api('GET', '/api/v1/audit-log?before=een%20spatie');
  expect(notACursor.statusCode).toBe(400);
});
