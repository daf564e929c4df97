import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('inloggen met wachtwoord', () => {
  it('geeft een httpOnly SameSite-cookie en /me beschrijft de gebruiker', async () => {
    const org = await buildOrganisation(t.database.db);
    const user = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'], municipalityIds: [org.municipalities[1]!.id] });
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: user.email.toUpperCase(), password: user.password } });
    expect(response.statusCode).toBe(201);
    const cookie = response.cookies.find((c) => c.name === 'plein_sessie')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `plein_sessie=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { id: user.id, roles: ['kcc'] },
      organisation: { id: org.id },
      municipalities: [{ name: 'Castricum', cbsCode: 'GM0383' }],
    });
  });

  it('GET /me zonder sessie geeft 401 als problem+json', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 401, code: 'niet-ingelogd', title: 'Niet ingelogd' });
  });

  it('weigert een verkeerd wachtwoord zonder te verraden of het adres bestaat', async () => {
    const org = await buildOrganisation(t.database.db);
    const user = await buildUser(t.database.db, t.clock, org.id);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: user.email, password: 'fout-wachtwoord' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: 'niemand@example.nl', password: 'fout-wachtwoord' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('remt na vier verkeerde pogingen vanaf één adres met steeds langere pauzes, zonder de eigenaar elders buiten te sluiten', async () => {
    const org = await buildOrganisation(t.database.db);
    const user = await buildUser(t.database.db, t.clock, org.id);
    const attacker = '198.51.100.7';
    const attempt = (password: string, remoteAddress = attacker, email = user.email) =>
      t.app.inject({ method: 'POST', url: '/api/v1/sessions', remoteAddress, payload: { email, password } });
    for (let i = 0; i < 5; i++) expect((await attempt(`fout-${i}`)).statusCode).toBe(401);
    // The fifth failure locks this address for this e-mail address for a minute, even with the right password.
    const locked = await attempt(user.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('te-veel-pogingen');
    expect(locked.json().detail).toMatch(/1 minuut/);
    // The owner, from their own address, is not held up.
    expect((await attempt(user.password, '203.0.113.20')).statusCode).toBe(201);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('organisation_id', '=', org.id)
      .where('action', '=', 'sessie.tijdelijk-geblokkeerd')
      .execute();
    expect(audit).toHaveLength(1);

    // After the pause one more wrong try locks for twice as long.
    t.clock.advance(61_000);
    expect((await attempt('weer-fout')).statusCode).toBe(401);
    expect((await attempt(user.password)).json().detail).toMatch(/2 minuten/);
    t.clock.advance(121_000);
    expect((await attempt(user.password)).statusCode).toBe(201);
    // Signed in: the count starts again.
    expect((await attempt('fout-na-inloggen')).statusCode).toBe(401);
    expect((await attempt(user.password)).statusCode).toBe(201);
  });

  it('antwoordt bij een adres zonder account precies zo als bij een echt account', async () => {
    const org = await buildOrganisation(t.database.db);
    const user = await buildUser(t.database.db, t.clock, org.id);
    const answers = async (email: string, remoteAddress: string) => {
      const all = [];
      for (let i = 0; i < 6; i++) {
        const response = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', remoteAddress, payload: { email, password: `fout-${i}` } });
        all.push([response.statusCode, response.json().code, response.json().detail]);
      }
      return all;
    };
    expect(await answers(`niemand-${Date.now()}@example.nl`, '198.51.100.8')).toEqual(await answers(user.email, '198.51.100.9'));
  });

  it('vraagt om de organisatie als het e-mailadres bij twee organisaties hoort', async () => {
    const a = await buildOrganisation(t.database.db);
    const b = await buildOrganisation(t.database.db);
    const email = `gedeeld-${Date.now()}@example.nl`;
    await buildUser(t.database.db, t.clock, a.id, { email });
    const userB = await buildUser(t.database.db, t.clock, b.id, { email });
    const ambiguous = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email, password: userB.password } });
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.json().code).toBe('organisatie-kiezen');
    const session = await signIn(t.app, email, userB.password, b.slug);
    const me = await requestAs(t.app, session)('GET', '/api/v1/me');
    expect(me.json().organisation.id).toBe(b.id);
  });

  it('eist het CSRF-token bij wijzigende verzoeken met een sessie', async () => {
    const org = await buildOrganisation(t.database.db);
    const admin = await buildUser(t.database.db, t.clock, org.id);
    const session = await signIn(t.app, admin.email, admin.password);
    const without = await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: { cookie: session.cookie }, payload: { name: 'KCC' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf-ongeldig');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: { cookie: session.cookie, 'x-csrf-token': 'verkeerd' },
      payload: { name: 'KCC' },
    });
    expect(wrong.statusCode).toBe(403);
    const teams = await requestAs(t.app, session)('GET', '/api/v1/teams');
    expect(teams.json()).toEqual([]);
    const ok = await requestAs(t.app, session)('POST', '/api/v1/teams', { name: 'KCC' });
    expect(ok.statusCode).toBe(201);
  });

  it('uitloggen beëindigt de sessie', async () => {
    const org = await buildOrganisation(t.database.db);
    const user = await buildUser(t.database.db, t.clock, org.id, { roles: ['webcare'] });
    const session = await signIn(t.app, user.email, user.password);
    const api = requestAs(t.app, session);
    expect((await api('DELETE', '/api/v1/sessions/current')).statusCode).toBe(204);
    expect((await api('GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('een geblokkeerde gebruiker verliest direct de toegang', async () => {
    const org = await buildOrganisation(t.database.db);
    const admin = await buildUser(t.database.db, t.clock, org.id);
    const user = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'] });
    const userSession = await signIn(t.app, user.email, user.password);
    const adminApi = requestAs(t.app, await signIn(t.app, admin.email, admin.password));
    expect((await adminApi('PATCH', `/api/v1/users/${user.id}`, { active: false })).statusCode).toBe(200);
    expect((await requestAs(t.app, userSession)('GET', '/api/v1/me')).statusCode).toBe(401);
  });
});

describe('API-tokens', () => {
  it('wordt één keer getoond, werkt als Bearer en kan worden ingetrokken', async () => {
    const org = await buildOrganisation(t.database.db);
    const user = await buildUser(t.database.db, t.clock, org.id, { roles: ['omgevingsanalist'] });
    const api = requestAs(t.app, await signIn(t.app, user.email, user.password));
    const created = await api('POST', '/api/v1/me/api-tokens', { name: 'Dashboard-koppeling' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^plein_[0-9a-f]{32}_/);
    const list = await api('GET', '/api/v1/me/api-tokens');
    expect(JSON.stringify(list.json())).not.toContain(token);
    const bearer = requestAs(t.app, { bearer: token });
    const me = await bearer('GET', '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(user.id);
    // No CSRF for bearer tokens: they are not sent by browsers on their own.
    expect((await bearer('DELETE', `/api/v1/me/api-tokens/${id}`)).statusCode).toBe(204);
    const after = await bearer('GET', '/api/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('token-ongeldig');
  });

  it('weigert een verzonnen token', async () => {
    const response = await requestAs(t.app, { bearer: 'plein_00000000000000000000000000000000_verzonnenverzonnenverzonnen' })('GET', '/api/v1/me');
    expect(response.statusCode).toBe(401);
  });
});
