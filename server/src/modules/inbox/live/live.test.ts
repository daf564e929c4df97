import type { AddressInfo } from 'node:net';
import { announce, type Change, EventHub } from '@platform/events/event-hub.service';
import { buildChannelAccount, buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage, storeMessages } from '../../channels/index';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await t.close();
});

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!check()) throw new Error(`niet gebeurd: ${what}`);
};

async function setup() {
  const org = await buildOrganisation(t.database.db);
  const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
  const elsewhere = org.municipalities.find((m) => m.cbs_code !== 'GM0383')!;
  const accountIn = async (municipalityId: string) => {
    const view = await buildChannelAccount(t.database.db, t.clock, org.id, { municipalityId, channel: 'gesimuleerd', settings: { scenario: 'alledaags' } });
    return t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
  };
  const receive = async (account: Awaited<ReturnType<typeof accountIn>>, author: string) => {
    const [id] = await storeMessages(t.database.db, t.clock, account, [
      buildPlainMessage({
        platformId: `live-${crypto.randomUUID()}`,
        author: { id: author, handle: `@${author}`, displayName: author, followers: null },
        text: 'Vraag',
        visibility: 'openbaar',
        postedAt: t.clock.now(),
        raw: {},
      }),
    ]);
    await t.worker.drain();
    return (await t.database.db.selectFrom('messages').select('conversation_id').where('id', '=', id!).executeTakeFirstOrThrow()).conversation_id!;
  };
  return { org, castricum, elsewhere, accountIn, receive };
}

describe('live wijzigingen', () => {
  it('meldt een wijziging pas als de transactie slaagt, ook aan een tweede luisteraar met een eigen verbinding (een ander proces)', async () => {
    const other = new EventHub(t.database);
    await other.start();
    const heard: Change[] = [];
    other.subscribe('org-1', (change) => heard.push(change));
    try {
      await t.database.db
        .transaction()
        .execute(async (trx) => {
          await announce(trx, { organisationId: 'org-1', kind: 'gesprek', id: 'teruggedraaid', municipalityId: 'm' });
          throw new Error('terugdraaien');
        })
        .catch(() => {});
      await t.database.db.transaction().execute((trx) => announce(trx, { organisationId: 'org-1', kind: 'gesprek', id: 'vastgelegd', municipalityId: 'm' }));
      await announce(t.database.db, { organisationId: 'org-2', kind: 'gesprek', id: 'ander', municipalityId: 'm' });
      await until(() => heard.length > 0, 'melding ontvangen');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard.map((change) => change.id)).toEqual(['vastgelegd']);
    } finally {
      await other.close();
    }
  });

  it('stuurt server-sent events over nieuwe berichten in de eigen gemeenten, en niets over andere', async () => {
    const { org, castricum, elsewhere, accountIn, receive } = await setup();
    const agent = await buildUser(t.database.db, t.clock, org.id, { roles: ['webcare'], municipalityIds: [castricum.id] });
    const session = await signIn(t.app, agent.email, agent.password);
    // Without Accept: text/event-stream the route explains itself instead of streaming.
    expect((await requestAs(t.app, session)('GET', '/api/v1/inbox/stream')).json()).toMatchObject({ stream: '/api/v1/inbox/stream' });

    const controller = new AbortController();
    const response = await fetch(`${base}/api/v1/inbox/stream`, {
      headers: { accept: 'text/event-stream', cookie: session.cookie },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    let received = '';
    const reader = response.body!.getReader();
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        received += new TextDecoder().decode(value);
      }
    })();
    const here = await receive(await accountIn(castricum.id), 'hier');
    await receive(await accountIn(elsewhere.id), 'elders');
    await until(() => received.includes(here), 'event voor het eigen gesprek');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toContain(`event: gesprek\ndata: {"id":"${here}"}`);
    expect(received.match(/event: gesprek/g)).toHaveLength(1);
    controller.abort();
    await reading;
  });

  it('waarschuwt wie hetzelfde gesprek open heeft of al een antwoord typt', async () => {
    const { org, castricum, accountIn, receive } = await setup();
    const conversationId = await receive(await accountIn(castricum.id), 'inwoner');
    const sanne = await buildUser(t.database.db, t.clock, org.id, { roles: ['webcare'], municipalityIds: [castricum.id], name: 'Sanne Smit' });
    const kees = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'], municipalityIds: [castricum.id], name: 'Kees Klant' });
    const asSanne = requestAs(t.app, await signIn(t.app, sanne.email, sanne.password));
    const asKees = requestAs(t.app, await signIn(t.app, kees.email, kees.password));

    expect((await asSanne('POST', `/api/v1/conversations/${conversationId}/presence`, { composing: true })).json()).toEqual([]);
    const seen = (await asKees('POST', `/api/v1/conversations/${conversationId}/presence`, {})).json();
    expect(seen).toEqual([{ userId: sanne.id, name: 'Sanne Smit', composing: true, seenAt: expect.any(String) }]);
    // A minute without a heartbeat and Sanne no longer counts as there.
    t.clock.advance(61_000);
    expect((await asKees('GET', `/api/v1/conversations/${conversationId}/presence`)).json()).toEqual([]);
    await asSanne('POST', `/api/v1/conversations/${conversationId}/presence`, { composing: false });
    await asSanne('POST', `/api/v1/conversations/${conversationId}/presence`, { leaving: true });
    expect((await asKees('GET', `/api/v1/conversations/${conversationId}/presence`)).json()).toEqual([]);
  });

  it('bewaart weergaven per medewerker; dezelfde naam vervangt, een ander ziet ze niet', async () => {
    const { org, castricum } = await setup();
    const sanne = await buildUser(t.database.db, t.clock, org.id, { roles: ['webcare'], municipalityIds: [castricum.id] });
    const kees = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'], municipalityIds: [castricum.id] });
    const asSanne = requestAs(t.app, await signIn(t.app, sanne.email, sanne.password));
    const asKees = requestAs(t.app, await signIn(t.app, kees.email, kees.password));
    const saved = await asSanne('POST', '/api/v1/me/inbox-views', { name: 'Afval Castricum', filters: { gemeente: 'GM0383', zoek: 'afval' } });
    expect(saved.statusCode, saved.body).toBe(201);
    await asSanne('POST', '/api/v1/me/inbox-views', { name: 'Afval Castricum', filters: { gemeente: 'GM0383', zoek: 'container' } });
    expect((await asSanne('GET', '/api/v1/me/inbox-views')).json()).toEqual([
      { id: saved.json().id, name: 'Afval Castricum', filters: { gemeente: 'GM0383', zoek: 'container' }, createdAt: expect.any(String) },
    ]);
    expect((await asKees('GET', '/api/v1/me/inbox-views')).json()).toEqual([]);
    expect((await asKees('DELETE', `/api/v1/me/inbox-views/${saved.json().id}`)).statusCode).toBe(404);
    expect((await asSanne('POST', '/api/v1/me/inbox-views', { name: '', filters: {} })).statusCode).toBe(400);
    expect((await asSanne('POST', '/api/v1/me/inbox-views', { name: 'X', filters: { onbekend: 'y' } })).statusCode).toBe(400);
    expect((await asSanne('DELETE', `/api/v1/me/inbox-views/${saved.json().id}`)).statusCode).toBe(204);
  });
});
