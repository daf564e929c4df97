import { randomBytes } from 'node:crypto';
import type { OidcSettingsChange } from '@contracts/oidc';
import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOperatorActor } from '../../cli/operator.service';
import { cliOrigin } from '../context.service';
import { saveOidcSettings } from './oidc-settings.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PLEIN_SECRET_KEY: randomBytes(32).toString('hex') });
});
afterAll(async () => t.close());

const SECRET = 'geheim-van-de-provider-123';
const settings: OidcSettingsChange = {
  issuerUrl: 'https://login.kustgemeenten.nl/realms/medewerkers',
  clientId: 'plein',
  clientSecret: SECRET,
  displayName: 'Inloggen met uw gemeente-account',
  rolesClaim: 'realm_access.roles',
  roleMapping: { 'plein-kcc': 'kcc' },
  createUsers: true,
  enabled: true,
};

async function beheerder() {
  const org = await buildOrganisation(t.database.db);
  const admin = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
  return { org, api: requestAs(t.app, await signIn(t.app, admin.email, admin.password)) };
}

describe('instelling van de OpenID-provider', () => {
  it('slaat het client secret versleuteld op en geeft het nooit terug', async () => {
    const { org, api } = await beheerder();
    expect((await api('GET', '/api/v1/organisation/oidc')).json()).toMatchObject({ configured: false, enabled: false, clientSecretSet: false });
    const saved = await api('PUT', '/api/v1/organisation/oidc', settings);
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain(SECRET);
    expect(saved.json()).toEqual({
      ...settings,
      clientSecret: undefined,
      configured: true,
      clientSecretSet: true,
      redirectUri: 'http://plein.test/api/v1/oidc/callback',
    });
    const row = await t.database.db.selectFrom('oidc_providers').selectAll().where('organisation_id', '=', org.id).executeTakeFirstOrThrow();
    expect(row.client_secret).toMatch(/^v1\./);
    expect(row.client_secret).not.toContain(SECRET);

    // Saving without clientSecret keeps the stored one.
    const { clientSecret: _omit, ...withoutSecret } = settings;
    const renamed = await api('PUT', '/api/v1/organisation/oidc', { ...withoutSecret, displayName: 'Inloggen met Kustgemeenten' });
    expect(renamed.json()).toMatchObject({ displayName: 'Inloggen met Kustgemeenten', clientSecretSet: true });
    const after = await t.database.db.selectFrom('oidc_providers').select('client_secret').where('organisation_id', '=', org.id).executeTakeFirstOrThrow();
    expect(after.client_secret).toBe(row.client_secret);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('organisation_id', '=', org.id)
      .where('action', '=', 'oidc.ingesteld')
      .execute();
    expect(audit.map((entry) => entry.details.clientSecretGewijzigd)).toEqual(expect.arrayContaining([true, false]));
    expect(JSON.stringify(audit)).not.toContain(SECRET);
  });

  it('vraagt bij de eerste keer om een client secret', async () => {
    const { api } = await beheerder();
    const { clientSecret: _omit, ...withoutSecret } = settings;
    const response = await api('PUT', '/api/v1/organisation/oidc', withoutSecret);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'client-secret-verplicht', invalidParams: [{ name: 'clientSecret' }] });
  });

  it('weigert ongeldige invoer met Nederlandse meldingen', async () => {
    const { api } = await beheerder();
    const extra = await api('PUT', '/api/v1/organisation/oidc', { ...settings, clientSecretSet: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().code).toBe('ongeldige-invoer');
    const role = await api('PUT', '/api/v1/organisation/oidc', { ...settings, roleMapping: { admins: 'superuser' } });
    expect(role.statusCode).toBe(400);
    expect(role.json().invalidParams[0].name).toBe('roleMapping.admins');
    const url = await api('PUT', '/api/v1/organisation/oidc', { ...settings, issuerUrl: 'geen adres' });
    expect(url.json().detail).toContain('Vul een geldig adres in');
    const plainHttp = await api('PUT', '/api/v1/organisation/oidc', { ...settings, issuerUrl: 'http://login.kustgemeenten.nl' });
    expect(plainHttp.json()).toMatchObject({ status: 400, code: 'ongeldige-issuer' });
  });

  it('vereist een sessie en de rol beheerder', async () => {
    const { org } = await beheerder();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/organisation/oidc' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/organisation/oidc', payload: settings })).statusCode).toBe(401);
    const kcc = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'] });
    const api = requestAs(t.app, await signIn(t.app, kcc.email, kcc.password));
    expect((await api('GET', '/api/v1/organisation/oidc')).statusCode).toBe(403);
    expect((await api('PUT', '/api/v1/organisation/oidc', settings)).statusCode).toBe(403);
  });

  it('een andere organisatie ziet noch wijzigt deze instelling', async () => {
    const b = await beheerder();
    expect((await b.api('PUT', '/api/v1/organisation/oidc', settings)).statusCode).toBe(200);
    const a = await beheerder();
    const fresh = await a.api('GET', '/api/v1/organisation/oidc');
    expect(fresh.json()).toMatchObject({ configured: false, clientId: '', roleMapping: {} });
    const own = await a.api('PUT', '/api/v1/organisation/oidc', { ...settings, clientId: 'van-a', enabled: false });
    expect(own.json()).toMatchObject({ clientId: 'van-a', enabled: false });
    expect((await b.api('GET', '/api/v1/organisation/oidc')).json()).toMatchObject({ clientId: 'plein', enabled: true });
    const options = await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${b.org.slug}/sign-in-options` });
    expect(options.json().oidc.displayName).toBe(settings.displayName);
  });
});

describe('zonder sleutel of op een https-installatie', () => {
  it('weigert een secret op te slaan als PLEIN_SECRET_KEY ontbreekt', async () => {
    const org = await buildOrganisation(t.database.db);
    const ctx = { db: t.database.db, clock: t.clock, actor: makeOperatorActor(org.id), origin: cliOrigin };
    await expect(saveOidcSettings(ctx, settings, { publicUrl: 'https://plein.example' })).rejects.toMatchObject({ status: 400, code: 'sleutel-ontbreekt' });
  });

  it('staat http alleen toe voor een provider op deze machine tijdens ontwikkeling', async () => {
    const org = await buildOrganisation(t.database.db);
    const ctx = { db: t.database.db, clock: t.clock, actor: makeOperatorActor(org.id), origin: cliOrigin };
    const options = { publicUrl: 'https://plein.example', secretKey: randomBytes(32) };
    await expect(saveOidcSettings(ctx, { ...settings, issuerUrl: 'http://127.0.0.1:9000' }, options)).rejects.toMatchObject({ code: 'ongeldige-issuer' });
    const dev = await saveOidcSettings(ctx, { ...settings, issuerUrl: 'http://127.0.0.1:9000' }, { ...options, publicUrl: 'http://localhost:8080' });
    expect(dev.issuerUrl).toBe('http://127.0.0.1:9000');
  });
});
