import { buildOrganisation, buildUser, TEST_SECRET_KEY } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccountSecrets, sealAccountSecrets } from './account-secrets.rules';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function beheerder() {
  const org = await buildOrganisation(t.database.db);
  const user = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
  const session = await signIn(t.app, user.email, user.password);
  return { org, user, api: requestAs(t.app, session) };
}

describe('kanaalaccounts koppelen', () => {
  it('bewaart tokens versleuteld, geeft ze nooit terug en legt het koppelen vast', async () => {
    const { org, api } = await beheerder();
    const response = await api('POST', '/api/v1/channel-accounts', {
      municipalityId: org.municipalities[0]!.id,
      channel: 'mastodon',
      handle: 'gemeentebergen',
      serviceUrl: 'https://social.example',
      secrets: { accessToken: 'geheim-token-123' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const account = response.json();
    expect(account).toMatchObject({ channel: 'mastodon', hasSecrets: true, status: 'nieuw', paused: false, simulated: false });
    expect(response.body).not.toContain('geheim-token-123');
    const row = await t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', account.id).executeTakeFirstOrThrow();
    expect(row.secrets_sealed).not.toContain('geheim-token-123');
    expect(openAccountSecrets({ current: TEST_SECRET_KEY, previous: [] }, org.id, account.id, row.secrets_sealed)).toEqual({ accessToken: 'geheim-token-123' });
    const audit = await api('GET', `/api/v1/audit-log?recordId=${account.id}`);
    expect(audit.json().entries[0]).toMatchObject({ action: 'kanaalaccount.gekoppeld' });
    expect(audit.body).not.toContain('geheim-token-123');
  });

  it('noemt elk ontbrekend veld in het Nederlands en slaat niets op', async () => {
    const { org, api } = await beheerder();
    const response = await api('POST', '/api/v1/channel-accounts', {
      municipalityId: org.municipalities[0]!.id,
      channel: 'bluesky',
      handle: 'gemeente.bsky.social',
    });
    expect(response.statusCode).toBe(400);
    const names = response.json().invalidParams.map((param: { name: string }) => param.name);
    expect(names).toEqual(expect.arrayContaining(['serviceUrl', 'secrets.appPassword']));
    expect(response.json().detail).toContain('App-wachtwoord is verplicht');
    const unknown = await api('POST', '/api/v1/channel-accounts', {
      municipalityId: org.municipalities[0]!.id,
      channel: 'rss',
      handle: 'Omroep',
      serviceUrl: 'https://omroep.example/rss',
      settings: { wachtwoord: 'x' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().invalidParams[0]).toMatchObject({ name: 'wachtwoord', code: 'onbekend' });
    expect((await api('GET', '/api/v1/channel-accounts')).json()).toEqual([]);
  });

  it('weigert geheimen zonder PLEIN_SECRET_KEY', async () => {
    const without = await createTestApp({ PLEIN_SECRET_KEY: '' });
    try {
      const org = await buildOrganisation(without.database.db);
      const user = await buildUser(without.database.db, without.clock, org.id);
      const api = requestAs(without.app, await signIn(without.app, user.email, user.password));
      const response = await api('POST', '/api/v1/channel-accounts', {
        municipalityId: org.municipalities[0]!.id,
        channel: 'mastodon',
        handle: 'x',
        serviceUrl: 'https://social.example',
        secrets: { accessToken: 't' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('geen-sleutel');
    } finally {
      await without.close();
    }
  });

  it('pauzeert en hervat; een nieuw token maakt een account dat aandacht nodig had weer bruikbaar', async () => {
    const { org, api } = await beheerder();
    const created = (
      await api('POST', '/api/v1/channel-accounts', {
        municipalityId: org.municipalities[1]!.id,
        channel: 'mastodon',
        handle: 'castricum',
        serviceUrl: 'https://social.example',
        secrets: { accessToken: 'oud' },
      })
    ).json();
    const paused = await api('PATCH', `/api/v1/channel-accounts/${created.id}`, { paused: true });
    expect(paused.json()).toMatchObject({ paused: true, status: 'gepauzeerd' });
    const resumed = await api('PATCH', `/api/v1/channel-accounts/${created.id}`, { paused: false });
    expect(resumed.json()).toMatchObject({ paused: false, status: 'nieuw' });
    await t.database.db.updateTable('channel_accounts').set({ status: 'aandacht-nodig' }).where('id', '=', created.id).execute();
    const renewed = await api('PATCH', `/api/v1/channel-accounts/${created.id}`, { secrets: { accessToken: 'nieuw' } });
    expect(renewed.json().status).toBe('nieuw');
    const row = await t.database.db.selectFrom('channel_accounts').select('secrets_sealed').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(openAccountSecrets({ current: TEST_SECRET_KEY, previous: [] }, org.id, created.id, row.secrets_sealed).accessToken).toBe('nieuw');
  });

  it('een nieuw app-wachtwoord vervangt ook de sessie die de connector erbij bewaarde', async () => {
    const { org, api } = await beheerder();
    const keys = { current: TEST_SECRET_KEY, previous: [] };
    const created = (
      await api('POST', '/api/v1/channel-accounts', {
        municipalityId: org.municipalities[0]!.id,
        channel: 'bluesky',
        handle: 'bergen.bsky.social',
        serviceUrl: 'https://pds.example',
        secrets: { appPassword: 'oud-wachtwoord' },
      })
    ).json();
    // What the connector stores after logging in: a session next to the app password.
    await t.database.db
      .updateTable('channel_accounts')
      .set({ secrets_sealed: sealAccountSecrets(keys, org.id, created.id, { appPassword: 'oud-wachtwoord', accessJwt: 'jwt-oud', refreshJwt: 'ref-oud' }) })
      .where('id', '=', created.id)
      .execute();
    const changed = await api('PATCH', `/api/v1/channel-accounts/${created.id}`, { secrets: { appPassword: 'nieuw-wachtwoord' } });
    expect(changed.statusCode, changed.body).toBe(200);
    const row = await t.database.db.selectFrom('channel_accounts').select('secrets_sealed').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(openAccountSecrets(keys, org.id, created.id, row.secrets_sealed)).toEqual({ appPassword: 'nieuw-wachtwoord' });
    const unknown = await api('PATCH', `/api/v1/channel-accounts/${created.id}`, { secrets: { accessJwt: 'zelf-verzonnen' } });
    expect(unknown.statusCode).toBe(400);
  });

  it('toont een medewerker alleen de accounts van zijn eigen gemeenten; een bestuurder mag niet koppelen', async () => {
    const { org, api } = await beheerder();
    for (const municipality of org.municipalities) {
      await api('POST', '/api/v1/channel-accounts', { municipalityId: municipality.id, channel: 'telefoon', handle: `14 ${municipality.cbs_code}` });
    }
    const agent = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'], municipalityIds: [org.municipalities[0]!.id] });
    const agentApi = requestAs(t.app, await signIn(t.app, agent.email, agent.password));
    const visible = (await agentApi('GET', '/api/v1/channel-accounts')).json();
    expect(visible.map((a: { municipalityId: string }) => a.municipalityId)).toEqual([org.municipalities[0]!.id]);
    const bestuurder = await buildUser(t.database.db, t.clock, org.id, { roles: ['bestuurder'] });
    const bestuurderApi = requestAs(t.app, await signIn(t.app, bestuurder.email, bestuurder.password));
    const refused = await bestuurderApi('POST', '/api/v1/channel-accounts', { municipalityId: org.municipalities[0]!.id, channel: 'telefoon', handle: 'x' });
    expect(refused.statusCode).toBe(403);
  });
});
