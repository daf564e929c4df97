import { randomBytes } from 'node:crypto';
import { defineSystemSchedules } from '@platform/jobs/platform.jobs';
import { buildChannelAccount, buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { type PlatformWorld, POLLED_PLATFORMS, type PolledPlatform, startPlatformWorld } from '@test/kits/polled-platforms';
import { type Fault, type FaultProxy, startFaultProxy } from '@test/platforms/fault-proxy';
import { buildMessagePayload, deliverWebhook, startWhatsAppServer, type WhatsAppServer } from '@test/platforms/whatsapp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelsModule } from './index';

// Issue 15, point 9, for sending: a post or an answer on its way to a platform that fails (a 429, a 5xx, no answer,
// an answer that stops halfway, a cut connection). Whatever happens, the message reaches the platform exactly once:
// - a platform that can be asked afterwards (findSent: X, Mastodon, LinkedIn, Facebook) is asked before a retry, so
//   an answer cut off after the platform published finds the post instead of publishing it again;
// - WhatsApp cannot be asked: after a call that connected and got no answer Plein does not guess, the item is
//   'mislukt' with "onzeker" and a person decides; an error status or a connection never made is retried by itself.
// Published posts are counted at the proxy: every create request it passed on to the platform published one.

const TICK_MS = 60_000;
const MAX_TICKS = 30;

let t: TestApp;
let world: PlatformWorld;
let whatsapp: WhatsAppServer;
let cases = 0;

beforeAll(async () => {
  t = await createTestApp({ PLEIN_PLATFORM_TIMEOUT_SECONDS: '1' });
  await defineSystemSchedules(t.database.db, t.clock, channelsModule.schedules ?? []);
  world = await startPlatformWorld(t);
  whatsapp = await startWhatsAppServer({ now: () => t.clock.now(), accessToken: WHATSAPP_TOKEN });
}, 60_000);

afterAll(async () => {
  await world?.close();
  await whatsapp?.close();
  await t?.close();
});

const WHATSAPP_TOKEN = 'EAAG-verzendfouten';

const FAULTS: { name: string; fault: Fault }[] = [
  { name: '429 met Retry-After', fault: { kind: 'status', status: 429, retryAfterSeconds: 120 } },
  { name: '500', fault: { kind: 'status', status: 500 } },
  { name: '502', fault: { kind: 'status', status: 502 } },
  { name: '503', fault: { kind: 'status', status: 503 } },
  { name: 'geen antwoord', fault: { kind: 'hang' } },
  { name: 'een traag antwoord', fault: { kind: 'slow', delayMs: 250 } },
  { name: 'een antwoord dat halverwege afbreekt', fault: { kind: 'truncate' } },
  { name: 'een antwoord dat halverwege stil blijft staan', fault: { kind: 'stall' } },
  { name: 'een verbroken verbinding', fault: { kind: 'reset' } },
];

// Faults after which the platform had the message: the proxy passed the request on.
const REACHED_PLATFORM = new Set<Fault['kind'] | null>([null, 'slow', 'truncate', 'stall']);

function countPublished(proxy: FaultProxy, publish: RegExp) {
  return proxy.seen.filter((request) => publish.test(`${request.method} ${request.path}`) && REACHED_PLATFORM.has(request.fault)).length;
}

async function signedInApi(orgId: string) {
  const beheerder = await buildUser(t.database.db, t.clock, orgId, { roles: ['beheerder'] });
  return requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
}

// One planner minute at a time until the item has an outcome; the send job's backoff and a platform's Retry-After
// are minutes at most here.
async function settle(api: Awaited<ReturnType<typeof signedInApi>>, outboxId: string) {
  for (let tick = 0; tick < MAX_TICKS; tick++) {
    await t.worker.drain();
    const item = (await api('GET', `/api/v1/outbox/${outboxId}`)).json();
    if (item.status !== 'wachtend') return item;
    t.clock.advance(TICK_MS);
  }
  throw new Error(`Na ${MAX_TICKS} minuten is bericht ${outboxId} nog niet verstuurd`);
}

const PUBLISHING = POLLED_PLATFORMS.filter((platform): platform is PolledPlatform & { publish: RegExp } => platform.publish !== null);

describe.each(PUBLISHING.map((platform) => [platform.name, platform] as const))('een bericht naar %s dat onderweg hapert', (_name, platform) => {
  it.each(FAULTS.map((faultCase) => [faultCase.name, faultCase.fault] as const))('komt na %s precies één keer aan', async (_title, fault) => {
    const org = await buildOrganisation(t.database.db);
    const api = await signedInApi(org.id);
    const proxy = await startFaultProxy(platform.upstream(world));
    cases += 1;
    const { accountId } = await platform.connect(world, org, proxy, 100 + cases);
    try {
      await t.worker.drain();
      proxy.inject(fault, { match: platform.publish });
      const queued = await api('POST', '/api/v1/outbox', { accountId, kind: 'post', text: `Vanaf maandag ${cases} is de Dorpsstraat afgesloten.` });
      expect(queued.statusCode, queued.body).toBe(201);
      await t.worker.drain();
      expect(proxy.pendingFaults()).toBe(0);
      const bodyCut = fault.kind === 'truncate' || fault.kind === 'stall';
      const attemptFailed = fault.kind !== 'slow' && !(bodyCut && platform.publishAnswerEmpty);
      if (!attemptFailed) {
        expect((await api('GET', `/api/v1/outbox/${queued.json().id}`)).json()).toMatchObject({ status: 'verzonden', attempts: 0 });
      } else {
        // The failed attempt is shown on the item and, for sending, on the account.
        const failed = (await api('GET', `/api/v1/outbox/${queued.json().id}`)).json();
        expect(failed).toMatchObject({ status: 'wachtend', attempts: 1, lastError: expect.any(String) });
        const account = (await api('GET', `/api/v1/channel-accounts/${accountId}`)).json();
        expect(account.failingStreams.map((part: { stream: string }) => part.stream)).toEqual(['versturen']);
        if (fault.kind === 'status' && fault.retryAfterSeconds) expect(account.rateLimitedUntil).not.toBeNull();
      }

      const sent = await settle(api, queued.json().id);
      expect(sent, sent.lastError).toMatchObject({ status: 'verzonden', platformId: expect.any(String) });
      expect(countPublished(proxy, platform.publish)).toBe(1);
      // Recovered by itself: nothing left for a person.
      const account = (await api('GET', `/api/v1/channel-accounts/${accountId}`)).json();
      expect(account).toMatchObject({ status: 'verbonden', lastError: null, failingStreams: [] });
    } finally {
      await t.database.db.updateTable('channel_accounts').set({ paused: true, status: 'gepauzeerd' }).where('id', '=', accountId).execute();
      await proxy.close();
    }
  });
});

// What a person finds after each fault on WhatsApp: sent by itself, or 'onzeker' (and how often Meta had it).
const WHATSAPP_OUTCOMES: Record<Fault['kind'], { status: 'verzonden' | 'onzeker'; atMeta: number }> = {
  status: { status: 'verzonden', atMeta: 1 },
  slow: { status: 'verzonden', atMeta: 1 },
  hang: { status: 'onzeker', atMeta: 0 },
  truncate: { status: 'onzeker', atMeta: 1 },
  stall: { status: 'onzeker', atMeta: 1 },
  reset: { status: 'onzeker', atMeta: 0 },
};

describe('een antwoord via WhatsApp dat onderweg hapert', () => {
  it.each(FAULTS.map((faultCase) => [faultCase.name, faultCase.fault] as const))(
    'na %s: vanzelf één keer verstuurd, of onzeker voor een mens',
    async (_title, fault) => {
      const org = await buildOrganisation(t.database.db);
      const api = await signedInApi(org.id);
      const proxy = await startFaultProxy(whatsapp.url);
      const phoneNumberId = String(200_000_000_000_000 + Math.floor(Math.random() * 1e12));
      const secrets = { accessToken: WHATSAPP_TOKEN, appSecret: randomBytes(16).toString('hex'), verifyToken: `verify-${randomBytes(6).toString('hex')}` };
      const account = await buildChannelAccount(t.database.db, t.clock, org.id, {
        municipalityId: org.municipalities[0]!.id,
        channel: 'whatsapp',
        handle: '+31 72 000 0001',
        serviceUrl: proxy.url,
        settings: { phoneNumberId },
        secrets,
      });
      try {
        const resident = { waId: `316${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, name: 'Hanna' };
        const target = { organisationId: org.id, accountId: account.id, appSecret: secrets.appSecret, server: whatsapp };
        const delivered = await deliverWebhook(
          t.app,
          target,
          buildMessagePayload(phoneNumberId, resident, { type: 'text', text: { body: 'Wanneer wordt het grofvuil opgehaald?' } }, t.clock.now()),
        );
        expect(delivered.statusCode).toBe(200);
        const question = await t.database.db.selectFrom('messages').select('id').where('account_id', '=', account.id).executeTakeFirstOrThrow();
        const publish = new RegExp(`^POST /v\\d+\\.\\d+/${phoneNumberId}/messages`);
        proxy.inject(fault, { match: publish });
        const queued = await api('POST', '/api/v1/outbox', {
          accountId: account.id,
          kind: 'reply',
          replyToMessageId: question.id,
          text: 'Elke eerste dinsdag.',
        });
        expect(queued.statusCode, queued.body).toBe(201);

        const settled = await settle(api, queued.json().id);
        const expected = WHATSAPP_OUTCOMES[fault.kind];
        if (expected.status === 'verzonden') {
          expect(settled, settled.lastError).toMatchObject({ status: 'verzonden', platformId: expect.stringMatching(/^wamid\./) });
        } else {
          expect(settled).toMatchObject({ status: 'mislukt', lastError: expect.stringContaining('Onzeker of dit bericht is aangekomen') });
        }
        expect(countPublished(proxy, publish)).toBe(expected.atMeta);
        expect(whatsapp.sent.filter((message) => message.body.to === resident.waId)).toHaveLength(expected.atMeta);
      } finally {
        await t.database.db.updateTable('channel_accounts').set({ paused: true, status: 'gepauzeerd' }).where('id', '=', account.id).execute();
        await proxy.close();
      }
    },
  );
});
