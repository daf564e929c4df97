import { buildChannelAccount, buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage, type NormalisedMessage } from './connector.types';
import { storeMessages } from './ingest.service';
import { countMessages } from './messages.repository';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

function post(platformId: string, text: string, postedAt = new Date('2026-11-23T08:00:00Z')): NormalisedMessage {
  return buildPlainMessage({
    platformId,
    author: { id: `auteur-${platformId}`, handle: `@${platformId}`, displayName: 'Inwoner', followers: null },
    text,
    visibility: 'openbaar',
    postedAt,
    raw: { id: platformId },
  });
}

async function setUp() {
  const org = await buildOrganisation(t.database.db);
  const view = await buildChannelAccount(t.database.db, t.clock, org.id, {
    municipalityId: org.municipalities[0]!.id,
    channel: 'telefoon',
    handle: `telefoon-${org.id.slice(0, 8)}`,
  });
  const account = await t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
  const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
  const api = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
  return { org, account, api };
}

describe('berichten die de database niet kan opslaan', () => {
  it('zet alleen het onopslagbare bericht apart; de rest van de levering wordt opgeslagen en het account vraagt aandacht', async () => {
    const { org, account, api } = await setUp();
    // A date PostgreSQL cannot hold (JavaScript can) and a number JSON cannot write: each fails only its own message.
    const tooOld = post('te-oud', 'Bericht uit een onmogelijke tijd', new Date(-8.64e15));
    const bigNumber = { ...post('groot-getal', 'Bericht met een getal dat JSON niet kent'), raw: { views: 12n } };
    const batch = [post('goed-1', 'Gat in de weg bij de school'), tooOld, post('goed-2', 'Lantaarnpaal kapot'), bigNumber];

    // Inside a job's transaction, as a poll or webhook delivery stores it: the transaction stays usable.
    const ids = await t.database.db.transaction().execute((trx) => storeMessages(trx, t.clock, account, batch));
    expect(ids).toHaveLength(2);
    expect(await countMessages(t.database.db, org.id, account.id)).toBe(2);

    const listed = await api('GET', `/api/v1/channel-accounts/${account.id}/quarantine`);
    expect(listed.statusCode).toBe(200);
    const entries = listed.json() as { platformId: string; error: string; attempts: number; excerpt: string }[];
    expect(entries.map((entry) => entry.platformId).sort()).toEqual(['groot-getal', 'te-oud']);
    const old = entries.find((entry) => entry.platformId === 'te-oud')!;
    expect(old.error).toMatch(/range|bereik|invalid|ongeldig/i);
    expect(old.excerpt).toBe('Bericht uit een onmogelijke tijd');
    expect(old.attempts).toBe(1);

    const view = (await api('GET', `/api/v1/channel-accounts/${account.id}`)).json();
    expect(view.quarantined).toBe(2);
    const list = (await api('GET', '/api/v1/channel-accounts')).json() as { id: string; quarantined: number }[];
    expect(list.find((item) => item.id === account.id)?.quarantined).toBe(2);

    // The same delivery again (a redelivered webhook): stored messages are not doubled, set-aside ones counted once more.
    await storeMessages(t.database.db, t.clock, account, batch);
    expect(await countMessages(t.database.db, org.id, account.id)).toBe(2);
    const again = (await api('GET', `/api/v1/channel-accounts/${account.id}/quarantine`)).json() as typeof entries;
    expect(again).toHaveLength(2);
    expect(again.find((entry) => entry.platformId === 'te-oud')?.attempts).toBe(2);
  });

  it('probeert opnieuw op verzoek van de beheerder: mislukt zichtbaar, lukt na een reparatie en legt beide vast', async () => {
    const { org, account, api } = await setUp();
    await storeMessages(t.database.db, t.clock, account, [post('te-oud', 'Boom omgevallen', new Date(-8.64e15))]);
    const [entry] = (await api('GET', `/api/v1/channel-accounts/${account.id}/quarantine`)).json() as { id: string }[];

    const failed = await api('POST', `/api/v1/channel-accounts/${account.id}/quarantine/${entry!.id}/retry`);
    expect(failed.statusCode).toBe(200);
    expect(failed.json()).toMatchObject({ stored: false, messageId: null, entry: { id: entry!.id, attempts: 2 } });
    expect(await countMessages(t.database.db, org.id, account.id)).toBe(0);

    // What an update of Plein would do for such a message (the connector now reads the date correctly): the payload
    // is repaired here by hand, and the retry stores it as the platform's message, handed on like any other.
    const row = await t.database.db.selectFrom('quarantined_messages').select('payload').where('id', '=', entry!.id).executeTakeFirstOrThrow();
    const repaired = row.payload.replace(/"postedAt":\{"\$date":-?\d+\}/, `"postedAt":{"$date":${Date.parse('2026-11-23T08:00:00Z')}}`);
    expect(repaired).not.toBe(row.payload);
    await t.database.db.updateTable('quarantined_messages').set({ payload: repaired }).where('id', '=', entry!.id).execute();

    const stored = await api('POST', `/api/v1/channel-accounts/${account.id}/quarantine/${entry!.id}/retry`);
    expect(stored.json()).toMatchObject({ stored: true, entry: null });
    const message = await t.database.db
      .selectFrom('messages')
      .select(['id', 'text', 'posted_at'])
      .where('organisation_id', '=', org.id)
      .where('account_id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(message).toMatchObject({ id: stored.json().messageId, text: 'Boom omgevallen', posted_at: new Date('2026-11-23T08:00:00Z') });
    expect((await api('GET', `/api/v1/channel-accounts/${account.id}/quarantine`)).json()).toEqual([]);
    expect((await api('GET', `/api/v1/channel-accounts/${account.id}`)).json().quarantined).toBe(0);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('organisation_id', '=', org.id)
      .where('action', 'like', 'kanaalbericht.%')
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((item) => item.action)).toEqual(['kanaalbericht.opnieuw-mislukt', 'kanaalbericht.alsnog-opgeslagen']);
  });

  it('verwijdert een apart gezet bericht alleen voor een beheerder van dezelfde organisatie', async () => {
    const { org, account, api } = await setUp();
    await storeMessages(t.database.db, t.clock, account, [post('te-oud', 'Afval naast de container', new Date(-8.64e15))]);
    const [entry] = (await api('GET', `/api/v1/channel-accounts/${account.id}/quarantine`)).json() as { id: string }[];

    const other = await setUp();
    expect((await other.api('GET', `/api/v1/channel-accounts/${account.id}/quarantine`)).statusCode).toBe(404);
    expect((await other.api('POST', `/api/v1/channel-accounts/${account.id}/quarantine/${entry!.id}/retry`)).statusCode).toBe(404);
    expect((await other.api('DELETE', `/api/v1/channel-accounts/${account.id}/quarantine/${entry!.id}`)).statusCode).toBe(404);
    // Another organisation's entry under its own account is not found either.
    expect((await other.api('DELETE', `/api/v1/channel-accounts/${other.account.id}/quarantine/${entry!.id}`)).statusCode).toBe(404);

    const agent = await buildUser(t.database.db, t.clock, org.id, { roles: ['webcare'] });
    const agentApi = requestAs(t.app, await signIn(t.app, agent.email, agent.password));
    expect((await agentApi('DELETE', `/api/v1/channel-accounts/${account.id}/quarantine/${entry!.id}`)).statusCode).toBe(403);

    expect((await api('DELETE', `/api/v1/channel-accounts/${account.id}/quarantine/${entry!.id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/v1/channel-accounts/${account.id}/quarantine`)).json()).toEqual([]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('organisation_id', '=', org.id)
      .where('action', '=', 'kanaalbericht.apart-gezet-verwijderd')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).not.toContain('Afval naast de container');
  });
});
