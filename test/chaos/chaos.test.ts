import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { systemClock } from '@platform/clock.service';
import { cliOrigin } from '@platform/context.service';
import { type DatabaseHandle, openDatabase } from '@platform/db/database.client';
import { migrate } from '@platform/db/migrate.service';
import { createOrganisation } from '@platform/organisations/organisations.service';
import { createUser } from '@platform/users/users.service';
import { buildChannelAccount, TEST_SECRET_KEY } from '@test/factories';
import { LOCAL_PLATFORMS } from '@test/harness';
import { type MastodonServer, startMastodonServer } from '@test/platforms/mastodon-server';
import { buildMessagePayload, startWhatsAppServer, type WhatsAppServer } from '@test/platforms/whatsapp-server';
import { killPleinProcess, type PleinProcess, startPleinProcess, stopPleinProcesses } from '@test/plein-processes';
import { PG_SERVER, runAdminQuery } from '@test/worker-processes';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOperatorActor } from '../../server/src/cli/operator.service';

// Chaos on PostgreSQL: two web and two worker processes of Plein as an operator runs them, one killed with SIGKILL
// and started again every second and a half, while residents file meldingen, WhatsApp delivers messages, a feed grows
// and staff answer and plan posts that go out while processes die. Every client retries until it gets an answer, as the forms, Meta and a person do. Afterwards every
// count is compared: nothing lost, nothing twice. Runs in the PostgreSQL pass of CI (it always uses its own database
// on the local server, so once is enough).
const runChaos = Boolean(process.env.DATABASE_URL) || process.env.PLEIN_CHAOS === '1';

const MELDINGEN = 30;
const WHATSAPP_MESSAGES = 30;
const FEED_ITEMS = 30;
const REPLIES = 12;
const PUBLICATIONS = 10;
const PASSWORD = 'chaos-wachtwoord-lang-genoeg-2026';
const ACCESS_TOKEN = 'chaos-token';
const APP_SECRET = randomBytes(16).toString('hex');

const databaseName = `plein_chaos_${randomBytes(4).toString('hex')}`;
const databaseUrl = `${PG_SERVER}/${databaseName}`;
let handle: DatabaseHandle;
let whatsapp: WhatsAppServer;
let mastodon: MastodonServer;
let feed: Server;
const feedItems: string[] = [];
const processes: PleinProcess[] = [];
let kills = 0;

async function startFeed(): Promise<string> {
  feed = createServer((_request, response) => {
    const items = feedItems.map((guid) => `<item><guid>${guid}</guid><title>Nieuws ${guid}</title></item>`).join('');
    response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<rss version="2.0"><channel><title>Kustkrant</title>${items}</channel></rss>`);
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(feed.address() as AddressInfo).port}/rss`;
}

// A client that keeps trying until one of the web processes answers, whichever is down at that moment.
async function sendUntilAnswered(path: string, init: RequestInit & { headers: Record<string, string> }, accepted: (status: number) => boolean) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const web = processes.filter((each) => each.env.PLEIN_WORKERS === '0');
    const target = web[attempt % web.length]!;
    try {
      const response = await fetch(`${target.url}${path}`, { ...init, signal: AbortSignal.timeout(10_000) });
      const body = await response.text();
      if (accepted(response.status)) return { status: response.status, body };
      if (response.status < 500 && response.status !== 429) throw new Error(`${path}: ${response.status} ${body}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith(path)) throw error;
      // The process was killed under this request: try again, as the client would.
    }
    await sleep(100);
  }
  throw new Error(`${path}: geen antwoord na 200 pogingen`);
}

// A sign-in whose cookie and CSRF token the test keeps, on whichever web process is up.
async function signInUntilAnswered(email: string): Promise<{ cookie: string; csrf: string }> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const web = processes.filter((each) => each.env.PLEIN_WORKERS === '0');
    try {
      const response = await fetch(`${web[attempt % web.length]!.url}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address(500 + attempt) },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      if (response.status === 201) {
        const { csrfToken } = (await response.json()) as { csrfToken: string };
        return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: csrfToken };
      }
    } catch {
      // killed under this request: again
    }
    await sleep(100);
  }
  throw new Error('Inloggen lukte niet na 200 pogingen');
}

function address(i: number) {
  return `10.99.${Math.floor(i / 250)}.${1 + (i % 250)}`;
}

beforeAll(async () => {
  if (!runChaos) return;
  await runAdminQuery(`CREATE DATABASE ${databaseName}`);
  handle = await openDatabase({ databaseUrl });
  await migrate(handle);
  whatsapp = await startWhatsAppServer({ now: () => new Date(), accessToken: ACCESS_TOKEN });
  mastodon = await startMastodonServer({ now: () => new Date() });
}, 60_000);

afterAll(async () => {
  if (!runChaos) return;
  await stopPleinProcesses(processes);
  await whatsapp?.close();
  await mastodon?.close();
  feed?.closeAllConnections();
  await new Promise<void>((resolve) => (feed ? feed.close(() => resolve()) : resolve()));
  await handle?.close();
  await runAdminQuery(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
});

describe.runIf(runChaos)('chaos: processen gedood tijdens het werk', () => {
  it('verliest niets en doet niets dubbel bij inname van meldingen, binnenkomende berichten, een feed en antwoorden', async () => {
    const db = handle.db;
    const { organisation, municipalities } = await createOrganisation(db, {
      slug: `chaos-${randomBytes(3).toString('hex')}`,
      name: 'Chaosproef',
      municipalities: [{ name: 'Castricum', cbsCode: 'GM0383', inhabitants: 36_500 }],
    });
    const municipalityId = municipalities[0]!.id;
    const ctx = { db, clock: systemClock, actor: makeOperatorActor(organisation.id), origin: cliOrigin };
    await createUser(ctx, { email: 'webcare@chaos.example.nl', name: 'Webcare', roles: ['webcare'], municipalityIds: [municipalityId], password: PASSWORD });
    await createUser(ctx, {
      email: 'communicatie@chaos.example.nl',
      name: 'Communicatie',
      roles: ['communicatieadviseur'],
      municipalityIds: [municipalityId],
      password: PASSWORD,
    });
    const onMastodon = mastodon.addAccount('castricum');
    const masto = await buildChannelAccount(db, systemClock, organisation.id, {
      municipalityId,
      channel: 'mastodon',
      handle: onMastodon.username,
      serviceUrl: mastodon.url,
      secrets: { accessToken: onMastodon.token },
    });
    const phoneNumberId = String(100_000_000_000_000 + Math.floor(Math.random() * 1e12));
    const wa = await buildChannelAccount(db, systemClock, organisation.id, {
      municipalityId,
      channel: 'whatsapp',
      handle: '+31 251 000 000',
      serviceUrl: whatsapp.url,
      settings: { phoneNumberId },
      secrets: { accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: 'verify' },
    });
    feedItems.push(...Array.from({ length: FEED_ITEMS / 2 }, (_, i) => `vooraf-${i}`));
    const rss = await buildChannelAccount(db, systemClock, organisation.id, {
      municipalityId,
      channel: 'rss',
      handle: 'Kustkrant',
      serviceUrl: await startFeed(),
      settings: { pollSeconds: 10 },
    });

    const shared = {
      DATABASE_URL: databaseUrl,
      PLEIN_SECRET_KEY: TEST_SECRET_KEY.toString('hex'),
      PLEIN_TRUST_PROXY: '127.0.0.1',
      PLEIN_OUTBOUND_ALLOW: LOCAL_PLATFORMS,
    };
    processes.push(
      ...(await Promise.all([
        startPleinProcess({ ...shared, PLEIN_WORKERS: '0' }),
        startPleinProcess({ ...shared, PLEIN_WORKERS: '0' }),
        startPleinProcess({ ...shared, PLEIN_WORKERS: '1' }),
        startPleinProcess({ ...shared, PLEIN_WORKERS: '1' }),
      ])),
    );

    // The chaos: every second one running process, web or worker, dies at once and is started again on its port
    // (which takes a few seconds, so at times two are down, though never both web processes).
    let chaos = true;
    const restarts: Promise<void>[] = [];
    const restarting = new Set<number>();
    const monkey = (async () => {
      while (chaos) {
        await sleep(1_000);
        const running = processes.map((_, index) => index).filter((index) => !restarting.has(index));
        if (!chaos) break;
        if (running.length === 0) continue;
        const index = running[Math.floor(Math.random() * running.length)]!;
        const victim = processes[index]!;
        // One web process stays up, as behind a load balancer with two: the clients' retries are tested, not a total
        // outage (on a busy machine a restart takes several seconds, and both web processes down at once for that
        // long outlasts any client's patience).
        const isWeb = (each: PleinProcess) => each.env.PLEIN_WORKERS === '0';
        if (isWeb(victim) && running.filter((other) => other !== index && isWeb(processes[other]!)).length === 0) continue;
        restarting.add(index);
        await killPleinProcess(victim);
        kills += 1;
        restarts.push(
          startPleinProcess(victim.env, victim.port).then((started) => {
            processes[index] = started;
            restarting.delete(index);
          }),
        );
      }
    })();

    const json = (body: unknown, extra: Record<string, string> = {}) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...extra },
      body: JSON.stringify(body),
    });

    // Residents: each melding with its own Idempotency-Key, as the form sends it, retried until answered.
    const base = `/api/v1/organisations/${organisation.slug}/municipalities/GM0383`;
    const { body: categoriesBody } = await sendUntilAnswered(`${base}/melding-categories`, { headers: { 'x-forwarded-for': address(0) } }, (s) => s === 200);
    const categoryId = (JSON.parse(categoriesBody).categories as { id: string; code: string }[]).find((c) => c.code === 'verlichting-lantaarnpaal')!.id;
    const residents = Array.from({ length: MELDINGEN }, async (_, i) => {
      await sleep(i * 500);
      return sendUntilAnswered(
        `${base}/meldingen`,
        json(
          { categoryId, description: `Lantaarnpaal ${i} brandt niet meer.`, lat: 52.548, lon: 4.669 },
          { 'idempotency-key': `chaos-melding-${String(i).padStart(4, '0')}-${organisation.id}`, 'x-forwarded-for': address(i + 1) },
        ),
        (s) => s === 201 || s === 200,
      );
    });

    // Meta: each delivery signed, redelivered until Plein answers 200; the resident's window opens when it lands.
    const residentsOnWhatsApp = Array.from({ length: WHATSAPP_MESSAGES }, (_, i) => `3161000${String(i).padStart(4, '0')}`);
    const deliveries = residentsOnWhatsApp.map(async (waId, i) => {
      await sleep(i * 500);
      const payload = buildMessagePayload(
        phoneNumberId,
        { waId, name: `Inwoner ${i}` },
        { type: 'text', text: { body: `Vraag ${i} over afval` } },
        new Date(),
        `wamid.chaos${i}`,
      );
      const raw = JSON.stringify(payload);
      const signature = `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`;
      await sendUntilAnswered(
        `/webhooks/${organisation.id}/${wa.id}`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: raw },
        (s) => s === 200,
      );
      whatsapp.residentWrote(waId, new Date());
    });

    // The feed grows while the workers poll it.
    const growing = (async () => {
      for (let i = 0; i < FEED_ITEMS / 2; i++) {
        await sleep(1_000);
        feedItems.push(`tijdens-${i}`);
      }
    })();

    // Staff answer conversations as they appear, each answer with its own key, retried until answered.
    const staff = await signInUntilAnswered('webcare@chaos.example.nl');
    const replies = (async () => {
      const answered = new Set<string>();
      while (answered.size < REPLIES) {
        const open = await db.selectFrom('conversations').select('id').where('organisation_id', '=', organisation.id).where('account_id', '=', wa.id).execute();
        for (const { id } of open) {
          if (answered.has(id) || answered.size >= REPLIES) continue;
          answered.add(id);
          await sendUntilAnswered(
            `/api/v1/conversations/${id}/reply`,
            json(
              { text: 'Dank voor uw vraag; het afval wordt morgen opgehaald. ^WC', idempotencyKey: `chaos-antwoord-${id}` },
              { cookie: staff.cookie, 'x-csrf-token': staff.csrf },
            ),
            (s) => s === 201,
          );
        }
        await sleep(300);
      }
    })();

    // Communicatie plans posts due within seconds; the publisher hands them over at the next minute, while processes
    // keep dying, and each must be on Mastodon once. Each plan is sent with its own Idempotency-Key, as the form does.
    const adviser = await signInUntilAnswered('communicatie@chaos.example.nl');
    const planned = Array.from({ length: PUBLICATIONS }, async (_, i) => {
      await sleep(i * 300);
      await sendUntilAnswered(
        '/api/v1/publications',
        json(
          {
            municipalityId,
            title: `Chaosbericht ${i}`,
            plannedAt: new Date(Date.now() + 2_000).toISOString(),
            variants: [{ accountId: masto.id, text: `Nieuws ${i} van de gemeente Castricum.` }],
          },
          { cookie: adviser.cookie, 'x-csrf-token': adviser.csrf, 'idempotency-key': `chaos-publicatie-${i}-${organisation.id}` },
        ),
        (s) => s === 201,
      );
    });
    const countHandedOver = async () =>
      Number(
        (
          await db
            .selectFrom('publications')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('organisation_id', '=', organisation.id)
            .where('status', '=', 'bezig')
            .executeTakeFirstOrThrow()
        ).n,
      );
    // The chaos lasts until the publisher has handed every post over (its next minute, at most a lease later).
    const published = (async () => {
      await Promise.all(planned);
      const until = Date.now() + 150_000;
      while ((await countHandedOver()) < PUBLICATIONS && Date.now() < until) await sleep(1_000);
    })();

    await Promise.all([...residents, ...deliveries, growing, replies, published]);
    chaos = false;
    await monkey;
    await Promise.all(restarts);
    expect(kills).toBeGreaterThanOrEqual(5);

    // Calm again: the workers finish what the killed ones left (a lease of at most 30 s) and the feed's next poll.
    const countRows = async (table: 'meldingen' | 'messages' | 'conversations' | 'publications', where: Record<string, string>) => {
      let query = db.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
      for (const [column, value] of Object.entries(where)) query = query.where(sql.ref(column), '=', value);
      return Number((await query.executeTakeFirstOrThrow()).n);
    };
    const counts = async () => ({
      meldingen: await countRows('meldingen', { organisation_id: organisation.id }),
      whatsapp: await countRows('messages', { account_id: wa.id, direction: 'in' }),
      feed: await countRows('messages', { account_id: rss.id }),
      // Every answer settled: sent, or failed as "onzeker" for a person where the platform cannot be asked (WhatsApp)
      // and a killed worker left an attempt without outcome.
      settledReplies: (await db.selectFrom('outbox').select(['id', 'status']).where('organisation_id', '=', organisation.id).execute()).filter(
        (row) => row.status !== 'wachtend',
      ).length,
      conversations: await countRows('conversations', { account_id: wa.id }),
      publications: await countRows('publications', { organisation_id: organisation.id }),
      // Every post on Mastodon, once: the outbox asks Mastodon before a retry and sends with an Idempotency-Key.
      onMastodon: new Set(mastodon.statusesBy(onMastodon).map((status) => status.content)).size,
      onMastodonTotal: mastodon.statusesBy(onMastodon).length,
    });
    const expected = {
      meldingen: MELDINGEN,
      whatsapp: WHATSAPP_MESSAGES,
      feed: FEED_ITEMS,
      settledReplies: REPLIES + PUBLICATIONS,
      conversations: WHATSAPP_MESSAGES,
      publications: PUBLICATIONS,
      onMastodon: PUBLICATIONS,
      onMastodonTotal: PUBLICATIONS,
    };
    const until = Date.now() + 150_000;
    let seen = await counts();
    while (Date.now() < until && JSON.stringify(seen) !== JSON.stringify(expected)) {
      await sleep(1_000);
      seen = await counts();
    }
    expect(seen).toEqual(expected);
    process.stdout.write(
      `chaos kills=${kills} lost=0 twice=0 (meldingen ${MELDINGEN}, whatsapp ${WHATSAPP_MESSAGES}, feed ${FEED_ITEMS}, antwoorden ${REPLIES}, posts ${PUBLICATIONS})\n`,
    );
    // Nothing twice where only the platform can tell: no resident received an answer twice. Every answer was sent and
    // reached WhatsApp, or is marked "onzeker" for a person (it may or may not have reached it): none vanished.
    const outbox = await db
      .selectFrom('outbox')
      .select(['status', 'last_error'])
      .where('organisation_id', '=', organisation.id)
      .where('account_id', '=', wa.id)
      .execute();
    expect(outbox).toHaveLength(REPLIES);
    const sent = outbox.filter((row) => row.status === 'verzonden').length;
    const uncertain = outbox.filter((row) => row.status === 'mislukt' && row.last_error?.startsWith('Onzeker of dit bericht is aangekomen')).length;
    expect(sent + uncertain).toBe(REPLIES);
    expect(new Set(whatsapp.sent.map((message) => message.body.to)).size).toBe(whatsapp.sent.length);
    expect(whatsapp.sent.length).toBeGreaterThanOrEqual(sent);
    expect(whatsapp.sent.length).toBeLessThanOrEqual(REPLIES);
    process.stdout.write(`chaos antwoorden: ${sent} verzonden, ${uncertain} onzeker voor een medewerker, ${whatsapp.sent.length} bij WhatsApp\n`);
  }, 400_000);
});
