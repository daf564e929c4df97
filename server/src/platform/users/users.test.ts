import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { afterAll, beforeAll, expect, it } from 'vitest';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

it('een beheerder maakt gebruikers met rollen en gemeenten, en teams die ze groeperen', async () => {
  const org = await buildOrganisation(t.database.db);
  const admin = await buildUser(t.database.db, t.clock, org.id);
  const api = requestAs(t.app, await signIn(t.app, admin.email, admin.password));
  const [bergen, castricum] = org.municipalities;
  const created = await api('POST', '/api/v1/users', {
    email: 'Karim.KCC@Example.nl',
    name: 'Karim el Amrani',
    roles: ['kcc', 'webcare'],
    municipalityIds: [castricum!.id],
    password: 'een-prima-wachtwoord',
  });
  expect(created.statusCode).toBe(201);
  // A password made of the person's own name is easy to guess.
  const ownName = await api('POST', '/api/v1/users', { email: 'sanne.smit@example.nl', name: 'Sanne Smit', roles: ['kcc'], password: 'sannesmit2026' });
  expect(ownName.statusCode).toBe(400);
  expect(ownName.json().code).toBe('wachtwoord-te-zwak');
  expect(created.json()).toMatchObject({
    email: 'karim.kcc@example.nl',
    initials: 'KA',
    roles: ['kcc', 'webcare'],
    municipalityIds: [castricum!.id],
    active: true,
    signInMethods: ['wachtwoord'],
  });

  const karim = await signIn(t.app, 'karim.kcc@example.nl', 'een-prima-wachtwoord');
  const me = await requestAs(t.app, karim)('GET', '/api/v1/me');
  expect(me.json().municipalities.map((m: { name: string }) => m.name)).toEqual(['Castricum']);
  // A municipality the user does not act for cannot be switched to.
  expect((await requestAs(t.app, karim)('PUT', '/api/v1/me/active-municipality', { municipalityId: bergen!.id })).statusCode).toBe(404);

  const duplicate = await api('POST', '/api/v1/users', { email: 'karim.kcc@example.nl', name: 'Dubbel', roles: ['kcc'] });
  expect(duplicate.statusCode).toBe(409);
  const foreignMunicipality = await api('POST', '/api/v1/users', {
    email: 'x@example.nl',
    name: 'X',
    roles: ['kcc'],
    municipalityIds: ['5f0c7a52-2f6b-4a4e-9d51-0d1c1d6e7a11'],
  });
  expect(foreignMunicipality.statusCode).toBe(400);
  expect(foreignMunicipality.json().invalidParams[0].name).toBe('municipalityIds');

  const team = await api('POST', '/api/v1/teams', { name: 'KCC', description: 'Klantcontact', memberIds: [created.json().id] });
  expect(team.statusCode).toBe(201);
  const fetched = await api('GET', `/api/v1/teams/${team.json().id}`);
  expect(fetched.json()).toEqual({ id: team.json().id, name: 'KCC', description: 'Klantcontact', memberIds: [created.json().id] });
  const user = await api('GET', `/api/v1/users/${created.json().id}`);
  expect(user.json().teamIds).toEqual([team.json().id]);
  const changed = await api('PATCH', `/api/v1/teams/${team.json().id}`, { memberIds: [] });
  expect(changed.json().memberIds).toEqual([]);
  expect((await api('DELETE', `/api/v1/teams/${team.json().id}`)).statusCode).toBe(204);
  expect((await api('GET', `/api/v1/teams/${team.json().id}`)).statusCode).toBe(404);
  expect((await api('GET', '/api/v1/teams')).json()).toEqual([]);
});

it('rollen wijzigen werkt direct, en een beheerder kan zichzelf niet buitensluiten', async () => {
  const org = await buildOrganisation(t.database.db);
  const admin = await buildUser(t.database.db, t.clock, org.id);
  const adminSession = await signIn(t.app, admin.email, admin.password);
  const api = requestAs(t.app, adminSession);
  const colleague = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'] });
  const colleagueApi = requestAs(t.app, await signIn(t.app, colleague.email, colleague.password));
  expect((await colleagueApi('GET', '/api/v1/audit-log')).statusCode).toBe(403);
  await api('PATCH', `/api/v1/users/${colleague.id}`, { roles: ['kcc', 'beheerder'] });
  expect((await colleagueApi('GET', '/api/v1/audit-log')).statusCode).toBe(200);

  const selfBlock = await api('PATCH', `/api/v1/users/${admin.id}`, { active: false });
  expect(selfBlock.statusCode).toBe(400);
  expect(selfBlock.json().code).toBe('eigen-beheer');
  const noRoles = await api('PATCH', `/api/v1/users/${colleague.id}`, { roles: [] });
  expect(noRoles.statusCode).toBe(400);
});

it('een beheerder wijzigt huisstijl van een gemeente; anderen mogen dat niet', async () => {
  const org = await buildOrganisation(t.database.db);
  const admin = await buildUser(t.database.db, t.clock, org.id);
  const api = requestAs(t.app, await signIn(t.app, admin.email, admin.password));
  const id = org.municipalities[0]!.id;
  const changed = await api('PATCH', `/api/v1/municipalities/${id}`, { houseColour: '#aa0000', logoUrl: 'https://example.nl/logo.svg' });
  expect(changed.statusCode).toBe(200);
  expect(changed.json()).toMatchObject({ houseColour: '#aa0000', logoUrl: 'https://example.nl/logo.svg', timeZone: 'Europe/Amsterdam' });
  const bad = await api('PATCH', `/api/v1/municipalities/${id}`, { houseColour: 'rood' });
  expect(bad.statusCode).toBe(400);
  expect(bad.json().invalidParams[0]).toMatchObject({ name: 'houseColour' });
  const webcare = await buildUser(t.database.db, t.clock, org.id, { roles: ['webcare'] });
  const webcareApi = requestAs(t.app, await signIn(t.app, webcare.email, webcare.password));
  expect((await webcareApi('PATCH', `/api/v1/municipalities/${id}`, { houseColour: '#000000' })).statusCode).toBe(403);
  expect((await webcareApi('GET', '/api/v1/organisation')).json().municipalities).toHaveLength(2);
});

it('een team is te lezen voor iedereen met een rol in de organisatie, en niet daarbuiten', async () => {
  const org = await buildOrganisation(t.database.db);
  const admin = await buildUser(t.database.db, t.clock, org.id);
  const team = await requestAs(t.app, await signIn(t.app, admin.email, admin.password))('POST', '/api/v1/teams', { name: 'Webcare' });
  const url = `/api/v1/teams/${team.json().id}`;
  expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  const bestuurder = await buildUser(t.database.db, t.clock, org.id, { roles: ['bestuurder'] });
  expect((await requestAs(t.app, await signIn(t.app, bestuurder.email, bestuurder.password))('GET', url)).json()).toMatchObject({ name: 'Webcare' });
  const other = await buildOrganisation(t.database.db);
  const outsider = await buildUser(t.database.db, t.clock, other.id);
  expect((await requestAs(t.app, await signIn(t.app, outsider.email, outsider.password))('GET', url)).statusCode).toBe(404);
  expect((await requestAs(t.app, await signIn(t.app, admin.email, admin.password))('GET', '/api/v1/teams/geen-uuid')).statusCode).toBe(400);
});
