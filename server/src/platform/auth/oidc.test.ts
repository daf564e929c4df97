import { randomBytes } from 'node:crypto';
import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { type AccountClaims, findFreePort, startTestProvider, TestBrowser, type TestProvider } from '@test/oidc-test-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
let idp: TestProvider;
let plein: string;

beforeAll(async () => {
  const port = await findFreePort();
  plein = `http://127.0.0.1:${port}`;
  t = await createTestApp({ PUBLIC_URL: plein, PLEIN_SECRET_KEY: randomBytes(32).toString('base64') });
  await t.app.listen({ port, host: '127.0.0.1' });
  idp = await startTestProvider(`${plein}/api/v1/oidc/callback`);
});
afterAll(async () => {
  await idp?.close();
  await t?.close();
});

const ROLE_MAPPING = { 'Plein-KCC': 'kcc', 'Plein-Webcare': 'webcare', 'Plein-Beheer': 'beheerder' };

async function organisationWithProvider(overrides: Record<string, unknown> = {}) {
  const org = await buildOrganisation(t.database.db);
  const admin = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
  const api = requestAs(t.app, await signIn(t.app, admin.email, admin.password));
  const saved = await api('PUT', '/api/v1/organisation/oidc', {
    issuerUrl: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    displayName: 'Inloggen met uw Kustgemeenten-account',
    rolesClaim: 'roles',
    roleMapping: ROLE_MAPPING,
    createUsers: true,
    enabled: true,
    ...overrides,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return { org, admin, api };
}

function account(claims: AccountClaims): string {
  const subject = `sub-${randomBytes(6).toString('hex')}`;
  idp.accounts.set(subject, { email_verified: true, name: 'Fatima el Amrani', ...claims });
  return subject;
}

const isPleinPage = (url: URL) => url.origin === plein && !url.pathname.startsWith('/api/');
const isCallback = (url: URL) => url.origin === plein && url.pathname === '/api/v1/oidc/callback';

// Authorize → provider login and consent → callback URL (not yet visited).
async function reachCallback(browser: TestBrowser, slug: string, subject: string): Promise<string> {
  idp.signInAs(subject);
  return browser.followUntil(`${plein}/api/v1/oidc/${slug}/authorize`, isCallback);
}

async function signInViaProvider(slug: string, subject: string) {
  const browser = new TestBrowser();
  const callback = await reachCallback(browser, slug, subject);
  const landing = await browser.followUntil(callback, isPleinPage);
  const cookie = browser.cookie(plein, 'plein_sessie');
  const me = cookie ? await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `plein_sessie=${cookie}` } }) : null;
  return { landing: new URL(landing), me, browser, callback };
}

async function auditActions(organisationId: string) {
  const rows = await t.database.db.selectFrom('audit_log').select(['action', 'details']).where('organisation_id', '=', organisationId).execute();
  return rows;
}

describe('inloggen via de OpenID-provider van de organisatie', () => {
  it('stuurt door met PKCE (S256), state en nonce, en legt de poging vast', async () => {
    const { org } = await organisationWithProvider();
    const browser = new TestBrowser();
    const first = await browser.get(`${plein}/api/v1/oidc/${org.slug}/authorize`);
    expect(first.status).toBe(302);
    const to = new URL(first.location!);
    expect(to.origin).toBe(idp.issuer);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(to.searchParams.get('nonce')).toBeTruthy();
    expect(to.searchParams.get('redirect_uri')).toBe(`${plein}/api/v1/oidc/callback`);
    const state = to.searchParams.get('state')!;
    expect(browser.cookie(plein, 'plein_oidc')).toBe(state);
    const row = await t.database.db
      .selectFrom('oidc_login_states')
      .selectAll()
      .where('organisation_id', '=', org.id)
      .where('state', '=', state)
      .executeTakeFirst();
    expect(row?.code_verifier).toBeTruthy();
    expect(row?.code_verifier).not.toBe(to.searchParams.get('code_challenge'));
  });

  it('maakt bij de eerste keer een account met de gekoppelde rollen en start een sessie', async () => {
    const { org } = await organisationWithProvider();
    const email = `fatima-${randomBytes(3).toString('hex')}@kustgemeenten.nl`;
    const subject = account({ email: email.toUpperCase(), roles: ['Plein-KCC', 'Andere-groep'] });
    const { landing, me, browser } = await signInViaProvider(org.slug, subject);
    expect(landing.pathname).toBe('/');
    expect(browser.cookie(plein, 'plein_oidc')).toBeUndefined();
    expect(me?.statusCode).toBe(200);
    expect(me?.json()).toMatchObject({ user: { email, name: 'Fatima el Amrani', roles: ['kcc'] }, organisation: { id: org.id } });
    const user = await t.database.db.selectFrom('users').selectAll().where('organisation_id', '=', org.id).where('email', '=', email).executeTakeFirstOrThrow();
    expect(user.oidc_subject).toBe(subject);
    expect(user.password_hash).toBeNull();
    const actions = await auditActions(org.id);
    expect(actions).toContainEqual({ action: 'gebruiker.aangemaakt-via-oidc', details: { roles: ['kcc'] } });
    expect(actions).toContainEqual({ action: 'sessie.ingelogd', details: { method: 'oidc' } });
    expect(await t.database.db.selectFrom('oidc_login_states').selectAll().where('organisation_id', '=', org.id).execute()).toEqual([]);
  });

  it('werkt de rollen bij als de provider bij een volgende keer andere groepen meldt', async () => {
    const { org } = await organisationWithProvider();
    const subject = account({ email: `wissel-${randomBytes(3).toString('hex')}@kustgemeenten.nl`, roles: 'Plein-KCC' });
    const first = await signInViaProvider(org.slug, subject);
    expect(first.me?.json().user.roles).toEqual(['kcc']);
    idp.accounts.set(subject, { ...idp.accounts.get(subject), roles: ['Plein-Webcare', 'Plein-Beheer'] });
    const second = await signInViaProvider(org.slug, subject);
    expect(second.me?.json().user).toMatchObject({ id: first.me?.json().user.id, roles: ['beheerder', 'webcare'] });
    expect(await auditActions(org.id)).toContainEqual({
      action: 'gebruiker.rollen-bijgewerkt-via-oidc',
      details: { voor: ['kcc'], na: ['beheerder', 'webcare'] },
    });
  });

  it('koppelt een bestaand account met hetzelfde e-mailadres in plaats van een tweede te maken', async () => {
    const { org } = await organisationWithProvider();
    const local = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'] });
    const subject = account({ email: local.email, roles: ['Plein-Webcare'] });
    const { me } = await signInViaProvider(org.slug, subject);
    expect(me?.json().user).toMatchObject({ id: local.id, roles: ['webcare'] });
    const again = await signInViaProvider(org.slug, subject);
    expect(again.me?.json().user.id).toBe(local.id);
    // A second provider account with the same address may not take the linked account over.
    const impostor = account({ email: local.email, roles: ['Plein-Beheer'] });
    const refused = await signInViaProvider(org.slug, impostor);
    expect(refused.landing.pathname + refused.landing.search).toBe('/inloggen?fout=account-al-gekoppeld');
    const other = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'] });
    const unverified = await signInViaProvider(org.slug, account({ email: other.email, email_verified: false, roles: ['Plein-KCC'] }));
    expect(unverified.landing.search).toBe('?fout=e-mail-niet-bevestigd');
  });

  it('weigert wie geen gekoppelde rol heeft, zonder account te maken', async () => {
    const { org } = await organisationWithProvider();
    const email = `zonderrol-${randomBytes(3).toString('hex')}@kustgemeenten.nl`;
    const { landing, me } = await signInViaProvider(org.slug, account({ email, roles: ['Iets-anders'] }));
    expect(landing.pathname + landing.search).toBe('/inloggen?fout=geen-rol');
    expect(me).toBeNull();
    expect(await t.database.db.selectFrom('users').select('id').where('organisation_id', '=', org.id).where('email', '=', email).execute()).toEqual([]);
    expect(await auditActions(org.id)).toContainEqual(
      expect.objectContaining({ action: 'sessie.oidc-geweigerd', details: expect.objectContaining({ reden: 'geen-rol' }) }),
    );
  });

  it('maakt geen account als dat uit staat', async () => {
    const { org } = await organisationWithProvider({ createUsers: false });
    const { landing } = await signInViaProvider(org.slug, account({ email: `nieuw-${randomBytes(3).toString('hex')}@kustgemeenten.nl`, roles: ['Plein-KCC'] }));
    expect(landing.pathname + landing.search).toBe('/inloggen?fout=geen-account');
  });
});

describe('de state van een inlogpoging', () => {
  it('werkt één keer: een tweede keer dezelfde terugkeer wordt geweigerd', async () => {
    const { org } = await organisationWithProvider();
    const subject = account({ email: `eenmalig-${randomBytes(3).toString('hex')}@kustgemeenten.nl`, roles: ['Plein-KCC'] });
    const browser = new TestBrowser();
    const callback = await reachCallback(browser, org.slug, subject);
    const state = browser.cookie(plein, 'plein_oidc')!;
    expect(await browser.followUntil(callback, isPleinPage)).toBe(`${plein}/`);
    // Replay with the state cookie put back, as an attacker holding the old URL and cookie would.
    const replay = await fetch(callback, { redirect: 'manual', headers: { cookie: `plein_oidc=${state}` } });
    expect(replay.status).toBe(302);
    expect(replay.headers.get('location')).toBe('/inloggen?fout=ongeldige-status');
    expect(replay.headers.getSetCookie().join()).not.toContain('plein_sessie=ps_');
  });

  it('weigert een verzonnen state, een terugkeer in een andere browser en een verlopen poging', async () => {
    const { org } = await organisationWithProvider();
    const forged = await fetch(`${plein}/api/v1/oidc/callback?code=abc&state=os_${org.id.replaceAll('-', '')}_${'x'.repeat(43)}`, {
      redirect: 'manual',
      headers: { cookie: `plein_oidc=os_${org.id.replaceAll('-', '')}_${'x'.repeat(43)}` },
    });
    expect(forged.headers.get('location')).toBe('/inloggen?fout=ongeldige-status');
    const empty = await fetch(`${plein}/api/v1/oidc/callback`, { redirect: 'manual' });
    expect(empty.headers.get('location')).toBe('/inloggen?fout=ongeldige-status');

    const subject = account({ email: `anderebrowser-${randomBytes(3).toString('hex')}@kustgemeenten.nl`, roles: ['Plein-KCC'] });
    const callback = await reachCallback(new TestBrowser(), org.slug, subject);
    const elsewhere = await new TestBrowser().get(callback);
    expect(elsewhere.location).toBe(`${plein}/inloggen?fout=ongeldige-status`);

    const browser = new TestBrowser();
    const late = await reachCallback(browser, org.slug, subject);
    t.clock.advance(11 * 60_000);
    expect(await browser.followUntil(late, isPleinPage)).toBe(`${plein}/inloggen?fout=ongeldige-status`);
  });

  it('stuurt terug naar de inlogpagina als de organisatie geen provider heeft', async () => {
    const org = await buildOrganisation(t.database.db);
    const response = await new TestBrowser().get(`${plein}/api/v1/oidc/${org.slug}/authorize`);
    expect(response.status).toBe(302);
    expect(response.location).toBe(`${plein}/inloggen?fout=oidc-niet-beschikbaar`);
  });
});

describe('inlogmogelijkheden', () => {
  it('toont de knop alleen als de provider aan staat', async () => {
    const { org, api } = await organisationWithProvider();
    const on = await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${org.slug}/sign-in-options` });
    expect(on.json()).toEqual({
      passwordEnabled: true,
      oidc: { displayName: 'Inloggen met uw Kustgemeenten-account', authorizeUrl: `/api/v1/oidc/${org.slug}/authorize` },
    });
    const settings = (await api('GET', '/api/v1/organisation/oidc')).json();
    const { configured: _c, clientSecretSet: _set, redirectUri: _uri, ...change } = settings;
    expect((await api('PUT', '/api/v1/organisation/oidc', { ...change, enabled: false })).statusCode).toBe(200);
    const off = await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${org.slug}/sign-in-options` });
    expect(off.json()).toEqual({ passwordEnabled: true, oidc: null });
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/organisations/bestaat-niet-123/sign-in-options' });
    expect(unknown.statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/organisations/GEEN_SLUG/sign-in-options' });
    expect(bad.statusCode).toBe(400);
  });
});
