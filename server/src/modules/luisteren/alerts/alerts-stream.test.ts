import type { AddressInfo } from 'node:net';
import { announce } from '@platform/events/event-hub.service';
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

// Reads a server-sent event stream into a string until stopped.
async function openStream(cookie: string) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/v1/luisteren/stream`, { headers: { accept: 'text/event-stream', cookie }, signal: controller.signal });
  const stream = { received: '', contentType: response.headers.get('content-type'), stop: async () => {} };
  const reader = response.body!.getReader();
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      stream.received += new TextDecoder().decode(value);
    }
  })();
  stream.stop = async () => {
    controller.abort();
    await reading;
  };
  return stream;
}

describe('luisteren: live signalen', () => {
  it('stuurt een signaal live door aan wie voor die gemeente of de hele organisatie luistert, en niets anders', async () => {
    const org = await buildOrganisation(t.database.db);
    const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
    const elsewhere = org.municipalities.find((m) => m.cbs_code !== 'GM0383')!;
    const analyst = await buildUser(t.database.db, t.clock, org.id, { roles: ['omgevingsanalist'], municipalityIds: [castricum.id] });
    const session = await signIn(t.app, analyst.email, analyst.password);
    // Without Accept: text/event-stream the route explains itself instead of streaming.
    expect((await requestAs(t.app, session)('GET', '/api/v1/luisteren/stream')).json()).toMatchObject({ stream: '/api/v1/luisteren/stream' });

    const stream = await openStream(session.cookie);
    expect(stream.contentType).toContain('text/event-stream');
    const other = await buildOrganisation(t.database.db);
    await announce(t.database.db, { organisationId: org.id, kind: 'signaal', id: 'eigen-gemeente', municipalityId: castricum.id });
    await announce(t.database.db, { organisationId: org.id, kind: 'signaal', id: 'hele-organisatie', municipalityId: null });
    await announce(t.database.db, { organisationId: org.id, kind: 'signaal', id: 'andere-gemeente', municipalityId: elsewhere.id });
    await announce(t.database.db, { organisationId: org.id, kind: 'gesprek', id: 'een-gesprek', municipalityId: castricum.id });
    await announce(t.database.db, { organisationId: other.id, kind: 'signaal', id: 'andere-organisatie', municipalityId: null });
    await until(() => stream.received.includes('hele-organisatie'), 'signaal voor de hele organisatie');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await stream.stop();
    expect(stream.received).toContain('event: signaal\ndata: {"id":"eigen-gemeente"}');
    expect(stream.received).toContain('event: signaal\ndata: {"id":"hele-organisatie"}');
    expect(stream.received.match(/event: /g)).toHaveLength(2);
  });

  it('meldt een echte piek live, met het id van het signaal dat de lijst daarna geeft', async () => {
    const org = await buildOrganisation(t.database.db);
    const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
    const analyst = await buildUser(t.database.db, t.clock, org.id, { roles: ['omgevingsanalist'], municipalityIds: [castricum.id] });
    const session = await signIn(t.app, analyst.email, analyst.password);
    const as = requestAs(t.app, session);
    const view = await buildChannelAccount(t.database.db, t.clock, org.id, {
      municipalityId: castricum.id,
      channel: 'gesimuleerd',
      settings: { scenario: 'alledaags' },
    });
    const account = await t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    expect((await as('POST', '/api/v1/monitors', { name: 'Brand', query: 'brand OF rook*' })).statusCode).toBe(201);
    await t.worker.drain();

    const stream = await openStream(session.cookie);
    const start = t.clock.now().getTime() - 60_000;
    for (let batch = 0; batch < 3; batch++) {
      await storeMessages(
        t.database.db,
        t.clock,
        account,
        Array.from({ length: 20 }, (_, index) =>
          buildPlainMessage({
            platformId: `stream-${batch}-${index}-${crypto.randomUUID()}`,
            author: { id: `getuige${batch}${index}`, handle: `getuige${batch}${index}`, displayName: 'Getuige', followers: 10 },
            text: `Dikke rookwolk boven de haven ${batch}-${index}`,
            visibility: 'openbaar',
            postedAt: new Date(start + batch * 15_000 + index * 500),
            raw: {},
          }),
        ),
        { stream: 'search' },
      );
      await t.worker.drain();
    }
    const [alert] = (await as('GET', '/api/v1/luisteren/signalen')).json();
    expect(alert).toMatchObject({ kind: 'piek' });
    await until(() => stream.received.includes(alert.id), 'live signaal');
    await stream.stop();
    expect(stream.received).toContain(`event: signaal\ndata: {"id":"${alert.id}"}`);
  });

  it('laat wie niet mag meeluisteren er niet bij', async () => {
    const org = await buildOrganisation(t.database.db);
    const bestuurder = await buildUser(t.database.db, t.clock, org.id, { roles: ['bestuurder'] });
    const as = requestAs(t.app, await signIn(t.app, bestuurder.email, bestuurder.password));
    expect((await as('GET', '/api/v1/luisteren/stream')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/luisteren/stream' })).statusCode).toBe(401);
  });
});
