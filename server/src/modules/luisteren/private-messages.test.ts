import type { ChannelAccountRow } from '@platform/db/database.schema';
import { createTestApp, type TestApp } from '@test/harness';
import { buildListeningWorkspace } from '@test/listening-workspace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage, storeMessages } from '../channels/index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function receive(account: ChannelAccountRow, text: string, visibility: 'openbaar' | 'prive', author: string) {
  const [id] = await storeMessages(t.database.db, t.clock, account, [
    buildPlainMessage({
      platformId: `p-${crypto.randomUUID()}`,
      author: { id: author, handle: author, displayName: null, followers: 10 },
      text,
      visibility,
      postedAt: t.clock.now(),
      raw: {},
    }),
  ]);
  await t.worker.drain();
  return id!;
}

describe('privéberichten blijven buiten Luisteren', () => {
  it('analyseert, toont en doorzoekt alleen openbare berichten; een e-mail of DM van een inwoner ziet de analist nooit', async () => {
    const { org, as, account } = await buildListeningWorkspace(t, ['omgevingsanalist']);
    const monitor = await as('POST', '/api/v1/monitors', { name: 'Zwembad', query: 'zwembad' });
    expect(monitor.statusCode, monitor.body).toBe(201);
    const open = await receive(account, 'Het zwembad gaat dicht, heb ik gehoord. Klopt dat?', 'openbaar', 'buurman');
    const secret = await receive(account, 'Mijn dochter kan niet meer naar het zwembad, bel mij op 06-12345678.', 'prive', 'sanne@example.nl');

    const items = await t.database.db.selectFrom('listening_items').select('message_id').where('organisation_id', '=', org.id).execute();
    expect(items.map((item) => item.message_id)).toEqual([open]);
    const listed = (await as('GET', '/api/v1/luisteren/items')).json();
    expect(JSON.stringify(listed)).not.toContain('sanne@example.nl');
    expect(JSON.stringify(listed)).toContain('buurman');
    expect((await as('GET', `/api/v1/luisteren/items/${secret}`)).statusCode).toBe(404);

    // Looking for a correction of a rumour searches public messages only.
    const rumour = await as('POST', '/api/v1/geruchten', { messageId: open });
    expect(rumour.statusCode, rumour.body).toBe(201);
    t.clock.advance(60_000);
    const correction = await receive(account, 'Het zwembad blijft gewoon open.', 'openbaar', 'gemeente');
    const reply = await receive(account, 'Dus het zwembad blijft open? Mail mij op sanne@example.nl', 'prive', 'sanne@example.nl');
    const search = await as('GET', `/api/v1/geruchten/${rumour.json().id}/rechtzetting-zoeken?q=zwembad`);
    expect(search.statusCode, search.body).toBe(200);
    const found = search.json().map((candidate: { messageId: string }) => candidate.messageId);
    expect(found).toContain(correction);
    expect(found).not.toContain(reply);
    expect((await as('POST', '/api/v1/geruchten', { messageId: secret })).statusCode).toBe(404);
  });
});
