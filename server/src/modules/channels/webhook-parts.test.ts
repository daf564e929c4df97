import { randomBytes } from 'node:crypto';
import { buildChannelAccount, buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signMetaPayload } from './connectors/meta/meta-webhook.rules';

// A signed delivery is read part by part (one change or messaging event each): a part the connector cannot read is
// set aside with its error, and the others in the same delivery are stored. Found by the fuzz suite (test/fuzz).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function instagram() {
  const org = await buildOrganisation(t.database.db);
  const appSecret = randomBytes(16).toString('hex');
  const igUserId = String(17_841_400_000_000_000 + Math.floor(Math.random() * 1e9));
  const account = await buildChannelAccount(t.database.db, t.clock, org.id, {
    municipalityId: org.municipalities[0]!.id,
    channel: 'instagram',
    handle: 'gemeente.castricum',
    serviceUrl: 'http://127.0.0.1:9',
    settings: { igUserId },
    secrets: { accessToken: 'token', appSecret, verifyToken: 'verify' },
  });
  const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
  const api = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
  const deliver = (payload: unknown) => {
    const body = JSON.stringify(payload);
    return t.app.inject({
      method: 'POST',
      url: `/webhooks/${org.id}/${account.id}`,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaPayload(appSecret, body) },
      payload: body,
    });
  };
  return { org, account, igUserId, api, deliver };
}

const comment = (id: string, text: unknown) => ({
  field: 'comments',
  value: { from: { id: '7002', username: 'piet' }, id, media: { id: 'media-1' }, text },
});

describe('een levering met een onleesbaar deel', () => {
  it('bewaart de leesbare reacties en zet het onleesbare deel apart, ook bij een tweede bezorging maar één keer', async () => {
    const { org, account, igUserId, api, deliver } = await instagram();
    const delivery = {
      object: 'instagram',
      entry: [
        {
          id: igUserId,
          time: Math.floor(t.clock.now().getTime() / 1000),
          changes: [
            comment('c-1', 'Mooie foto van het strand!'),
            comment('c-2', { tekst: 'een object waar tekst hoort' }),
            comment('c-3', 'Wanneer is de markt?'),
          ],
        },
      ],
    };
    const first = await deliver(delivery);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ ontvangen: 2 });
    const stored = await t.database.db.selectFrom('messages').select('platform_id').where('organisation_id', '=', org.id).orderBy('platform_id').execute();
    expect(stored.map((row) => row.platform_id)).toEqual(['c-1', 'c-3']);

    const entries = (await api('GET', `/api/v1/channel-accounts/${account.id}/quarantine`)).json() as {
      id: string;
      platformId: string;
      error: string;
      excerpt: string;
    }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]!.platformId).toMatch(/^onleesbaar:/);
    expect(entries[0]!.error).toMatch(/^Plein kon dit deel van de levering niet lezen/);
    expect(entries[0]!.excerpt).toContain('een object waar tekst hoort');

    // Meta delivers again after a timeout: nothing doubled, the part set aside counted once more.
    expect((await deliver(delivery)).json()).toEqual({ ontvangen: 0 });
    const again = (await api('GET', `/api/v1/channel-accounts/${account.id}/quarantine`)).json() as { attempts: number }[];
    expect(again).toHaveLength(1);
    expect(again[0]!.attempts).toBe(2);

    // Trying again reads the part with the connector as it is now: still unreadable, so it stays, with one more attempt.
    const retried = await api('POST', `/api/v1/channel-accounts/${account.id}/quarantine/${entries[0]!.id}/retry`);
    expect(retried.json()).toMatchObject({ stored: false, entry: { attempts: 3 } });
  });

  it('bewaart een bericht waarvan het id met een byte-order-teken begint, en weigert een diep geneste body van een inwoner', async () => {
    const { org, igUserId, deliver } = await instagram();
    const response = await deliver({
      object: 'instagram',
      entry: [{ id: igUserId, time: 1_795_420_800, changes: [comment('\uFEFFc-bom', 'Tekst met een vreemd id')] }],
    });
    expect(response.json()).toEqual({ ontvangen: 1 });
    expect(await t.database.db.selectFrom('messages').select('text').where('organisation_id', '=', org.id).execute()).toEqual([
      { text: 'Tekst met een vreemd id' },
    ]);

    const nested = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      headers: { 'content-type': 'application/json' },
      payload: nested,
      remoteAddress: '10.77.0.1',
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'te-diep-genest' });
  });
});
