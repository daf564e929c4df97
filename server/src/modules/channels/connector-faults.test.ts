import { enqueueJob } from '@platform/jobs/jobs.service';
import { defineSystemSchedules } from '@platform/jobs/platform.jobs';
import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { type PlatformWorld, POLLED_PLATFORMS, type PolledPlatform, startPlatformWorld } from '@test/kits/polled-platforms';
import { type Fault, startFaultProxy } from '@test/platforms/fault-proxy';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelsModule } from './index';
import { POLL_JOB } from './ingest.service';

// Issue 15, point 9: each connector against its local platform server behind a proxy that breaks the next requests
// (429, 5xx, no answer, a slow answer, an answer that stops halfway, a cut connection). Plein's real worker and planner
// on a ManualClock; the platform timeout is one second, so a fault that waits for it costs about that.
//
// What "retried" means in Plein for a poll: a failed platform call is the account's failure, not the job's. The poll
// job finishes (no queue retry that would hit a struggling platform again within seconds), the account shows the
// error, and the planner, which runs every minute, polls again in the account's next slot (its poll interval), but
// not before the moment the platform asked for (429, or Retry-After on a 5xx). The cursor only moves when a poll
// was read whole, so the retry reads everything the failed one missed.
//
// Bluesky's faults are in connectors/bluesky/bluesky.test.ts, against the real PDS and AppView that file starts;
// sending's in send-faults.test.ts.

const TICK_MS = 60_000;
const TIMEOUT_SECONDS = 1;

let t: TestApp;
let world: PlatformWorld;
let cases = 0;

interface FaultCase {
  title: string;
  fault: Fault;
  // What the account shows after the failed poll, and how long Plein must leave the platform alone; null for a fault
  // that is no failure (an answer that is slow but in time).
  expect: ((platform: PolledPlatform, host: string, now: Date) => { text: string; waitMs: number | null }) | null;
}

const serverErrorCase = (status: 500 | 502 | 503): FaultCase => ({
  title: `toont een ${status} bij het account en haalt in de volgende ronde alles op`,
  fault: { kind: 'status', status },
  expect: (platform, host) => ({ text: platform.serverError(host, status), waitMs: null }),
});

const FAULTS: FaultCase[] = [
  {
    title: 'wacht na een 429 tot het platform weer wil en haalt dan alles op',
    fault: { kind: 'status', status: 429, retryAfterSeconds: 120 },
    expect: (platform, host, now) => platform.rateLimited(host, now),
  },
  serverErrorCase(500),
  serverErrorCase(502),
  serverErrorCase(503),
  {
    title: 'wacht na een 503 met Retry-After zo lang als het platform vraagt',
    fault: { kind: 'status', status: 503, retryAfterSeconds: 180 },
    expect: (platform, host) => ({ text: platform.serverError(host, 503), waitMs: 180_000 }),
  },
  {
    title: 'geeft een platform dat niet antwoordt na de time-out op en probeert het later opnieuw',
    fault: { kind: 'hang' },
    expect: (_platform, host) => ({ text: `${host} gaf geen antwoord op tijd`, waitMs: null }),
  },
  {
    title: 'wacht op een traag antwoord binnen de time-out en slaat alles meteen op',
    fault: { kind: 'slow', delayMs: 250 },
    expect: null,
  },
  {
    title: 'bewaart niets van een antwoord dat halverwege afbreekt en haalt het later heel op',
    fault: { kind: 'truncate' },
    expect: (_platform, host) => ({ text: `${host} brak zijn antwoord halverwege af`, waitMs: null }),
  },
  {
    title: 'bewaart niets van een antwoord dat halverwege stil blijft staan en haalt het later heel op',
    fault: { kind: 'stall' },
    expect: (_platform, host) => ({ text: `${host} maakte zijn antwoord niet op tijd af`, waitMs: null }),
  },
  {
    title: 'probeert het na een verbroken verbinding later opnieuw',
    fault: { kind: 'reset' },
    expect: (_platform, host) => ({ text: `${host} verbrak de verbinding voordat er een antwoord kwam`, waitMs: null }),
  },
];

beforeAll(async () => {
  t = await createTestApp({ PLEIN_PLATFORM_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS) });
  // The planner that polls every account each minute, as npm start defines it.
  await defineSystemSchedules(t.database.db, t.clock, channelsModule.schedules ?? []);
  world = await startPlatformWorld(t);
});

afterAll(async () => {
  await world?.close();
  await t?.close();
});

const accountRow = (id: string) => t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

// Platform ids of the account's stored messages, one entry per row.
async function storedIds(accountId: string): Promise<string[]> {
  const rows = await t.database.db.selectFrom('messages').select('platform_id').where('account_id', '=', accountId).execute();
  return rows.map((row) => row.platform_id);
}

// Every poll of the account ran once and finished, whatever the platform did: no job failed, none waits for a retry.
async function expectPollJobsDoneOnce(orgId: string, accountId: string) {
  const jobs = await t.database.db
    .selectFrom('jobs')
    .select(['id', 'status', 'attempts', 'last_error'])
    .where('organisation_id', '=', orgId)
    .where('name', '=', POLL_JOB)
    .where(sql<string>`payload->>'accountId'`, '=', accountId)
    .execute();
  expect(jobs.length).toBeGreaterThan(0);
  expect(jobs.filter((job) => job.status !== 'done' || job.attempts !== 1 || job.last_error !== null)).toEqual([]);
}

// How often each stored message was handed on to each module that hears stored messages (listening, the inbox).
async function countHandOns(orgId: string, messageIds: string[]): Promise<number[]> {
  const jobs = await t.database.db.selectFrom('jobs').select(['name', 'payload']).where('organisation_id', '=', orgId).execute();
  const counts = new Map<string, number>();
  for (const job of jobs) {
    for (const id of (job.payload.messageIds as string[] | undefined) ?? []) {
      if (messageIds.includes(id)) counts.set(`${job.name} ${id}`, (counts.get(`${job.name} ${id}`) ?? 0) + 1);
    }
  }
  return [...counts.values()];
}

// One planner minute at a time until `happened` (the proxy saw the account's next request); returns how many.
async function tickUntil(happened: () => boolean, maxTicks: number): Promise<number> {
  for (let ticks = 1; ticks <= maxTicks; ticks++) {
    t.clock.advance(TICK_MS);
    await t.worker.drain();
    if (happened()) return ticks;
  }
  throw new Error(`Na ${maxTicks} minuten nog geen verzoek aan het platform`);
}

// To the start of the account's next poll slot, where the planner polls it; the planner minutes before it would
// have nothing to do for the account.
async function advanceToNextSlot(pollSeconds: number) {
  const interval = pollSeconds * 1000;
  const now = t.clock.now().getTime();
  t.clock.advance((Math.floor(now / interval) + 1) * interval - now);
  await t.worker.drain();
}

// The planner tick at which Plein polls again. Each slot of the account's poll interval gets one poll, made by the
// planner's first tick in it; a slot that begins while the platform asked Plein to wait is skipped whole.
function computeRetryTicks(failedAt: Date, pollSeconds: number, notBefore: Date | null): number {
  const at = (ticks: number) => failedAt.getTime() + ticks * TICK_MS;
  const slot = (ticks: number) => Math.floor(at(ticks) / (pollSeconds * 1000));
  let ticks = 1;
  while (slot(ticks) === slot(ticks - 1) || (notBefore && at(ticks) < notBefore.getTime())) ticks++;
  return ticks;
}

const organisations = new Map<string, { org: Awaited<ReturnType<typeof buildOrganisation>>; api: ReturnType<typeof requestAs> }>();

async function organisationFor(platform: PolledPlatform) {
  if (!organisations.has(platform.name)) {
    const org = await buildOrganisation(t.database.db);
    const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
    organisations.set(platform.name, { org, api: requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password)) });
  }
  return organisations.get(platform.name)!;
}

async function runFaultCase(platform: PolledPlatform, faultCase: FaultCase) {
  const { org, api } = await organisationFor(platform);
  const proxy = await startFaultProxy(platform.upstream(world));
  cases += 1;
  const connected = await platform.connect(world, org, proxy, cases);
  const { accountId } = connected;
  const shown = async () => (await api('GET', `/api/v1/channel-accounts/${accountId}`)).json();
  try {
    // Connecting polls at once: the account starts, and its cursor with it.
    await t.worker.drain();
    expect((await accountRow(accountId)).status).toBe('verbonden');
    const before = await storedIds(accountId);

    const seeded = connected.seed();
    const seenAtSeed = proxy.seen.length;
    proxy.inject(faultCase.fault, { match: platform.match, times: platform.requestsPerPoll });
    const faulted = () => proxy.seen.filter((request) => request.fault !== null);
    const started = performance.now();
    await advanceToNextSlot(platform.pollSeconds);
    const failedAt = t.clock.now();
    const outcome = faultCase.expect?.(platform, proxy.host, failedAt) ?? null;
    // Once a platform has said when to come back, the account's other streams do not ask it in the meantime.
    const calls = outcome?.waitMs ? 1 : platform.requestsPerPoll;
    expect(faulted().map((request) => request.fault)).toEqual(Array(calls).fill(faultCase.fault.kind));
    // The fault is gone: from here on the platform answers as it should.
    proxy.clearFaults();

    if (outcome === null) {
      // Slow but in time: nothing failed, everything is stored by this poll.
      expect(performance.now() - started).toBeGreaterThanOrEqual(platform.requestsPerPoll * (faultCase.fault as { delayMs: number }).delayMs);
      expect(faulted().every((request) => request.status === 200)).toBe(true);
      await expectStoredOnce(org.id, accountId, before, seeded);
      expect(await shown()).toMatchObject({ status: 'verbonden', lastError: null });
      return;
    }

    // (a) Nothing of the broken poll is stored, not even what it read before the fault.
    const poll = proxy.seen.slice(seenAtSeed);
    const firstFault = poll.findIndex((request) => request.fault !== null);
    expect(poll.slice(0, firstFault).some((request) => request.status === 200)).toBe(platform.faultAfterRead);
    expect(await storedIds(accountId)).toEqual(before);
    // (b) The account says what happened, in Dutch, naming the host, and stays usable: a transient fault needs no one.
    const { text, waitMs } = outcome;
    const failed = await accountRow(accountId);
    expect(failed).toMatchObject({ status: 'verbonden', paused: false, last_error: text, last_error_at: failedAt });
    expect(failed.rate_limited_until).toEqual(waitMs === null ? null : new Date(failedAt.getTime() + waitMs));
    expect(await shown()).toMatchObject({
      status: 'verbonden',
      lastError: text,
      lastErrorAt: failedAt.toISOString(),
      rateLimitedUntil: waitMs === null ? null : new Date(failedAt.getTime() + waitMs).toISOString(),
    });
    // (c) The poll job finished: the queue does not hammer the platform again; the planner's next slot retries.
    await expectPollJobsDoneOnce(org.id, accountId);

    const seenBefore = proxy.seen.length;
    const expectedTicks = computeRetryTicks(failedAt, platform.pollSeconds, failed.rate_limited_until);
    expect(await tickUntil(() => proxy.seen.length > seenBefore, expectedTicks + 5)).toBe(expectedTicks);

    // (d) Recovered by itself: every seeded item once, the error gone.
    await expectStoredOnce(org.id, accountId, before, seeded);
    expect(await accountRow(accountId)).toMatchObject({ status: 'verbonden', last_error: null, last_success_at: t.clock.now() });
    expect(await shown()).toMatchObject({ status: 'verbonden', lastError: null });
    await expectPollJobsDoneOnce(org.id, accountId);

    // And the poll after that finds nothing new: the cursor moved past what the retry stored.
    const settled = proxy.seen.length;
    await advanceToNextSlot(platform.pollSeconds);
    expect(proxy.seen.length).toBeGreaterThan(settled);
    expect((await storedIds(accountId)).length).toBe(before.length + seeded.length);
  } finally {
    // Out of the planner's way for the next cases, which share the database and the clock.
    await t.database.db.updateTable('channel_accounts').set({ paused: true, status: 'gepauzeerd' }).where('id', '=', accountId).execute();
    await proxy.close();
  }
}

async function expectStoredOnce(orgId: string, accountId: string, before: string[], seeded: string[]) {
  const stored = await storedIds(accountId);
  expect(stored.filter((id) => seeded.includes(id)).sort()).toEqual([...seeded].sort());
  expect(stored).toHaveLength(before.length + seeded.length);
  const rows = await t.database.db.selectFrom('messages').select('id').where('account_id', '=', accountId).where('platform_id', 'in', seeded).execute();
  const messageIds = rows.map((row) => row.id);
  const handOns = await countHandOns(orgId, messageIds);
  expect(handOns.length).toBeGreaterThanOrEqual(seeded.length);
  expect(handOns.every((count) => count === 1)).toBe(true);
}

describe.each(POLLED_PLATFORMS.map((platform) => [platform.name, platform] as const))('%s achter een haperend netwerk', (_name, platform) => {
  it.each(FAULTS.map((faultCase) => [faultCase.title, faultCase] as const))('%s', (_title, faultCase) => runFaultCase(platform, faultCase));
});

const SECOND_MS = 1000;

describe('een account met meer stromen', () => {
  it('blijft de fout van een falende stroom tonen terwijl een andere stroom slaagt, tot die stroom zelf weer slaagt', async () => {
    const platform = POLLED_PLATFORMS.find((candidate) => candidate.name === 'X')!;
    const { org, api } = await organisationFor(platform);
    const proxy = await startFaultProxy(platform.upstream(world));
    cases += 1;
    const { accountId } = await platform.connect(world, org, proxy, cases);
    const shown = async () => (await api('GET', `/api/v1/channel-accounts/${accountId}`)).json();
    const pollOnly = async (stream: string) => {
      await enqueueJob(t.database.db, { organisationId: org.id, name: POLL_JOB, payload: { accountId, stream }, runAt: t.clock.now() });
      await t.worker.drain();
    };
    try {
      await t.worker.drain();
      // Seconds apart, within one planner minute: only the polls this test asks for run.
      // Mentions fail, direct messages keep coming.
      proxy.inject({ kind: 'status', status: 500 }, { match: /^GET \/2\/users\/[^/]+\/mentions/ });
      await pollOnly('mentions');
      const failedAt = t.clock.now();
      const text = platform.serverError(proxy.host, 500);
      t.clock.advance(SECOND_MS);
      await pollOnly('dm');
      expect(await accountRow(accountId)).toMatchObject({ last_error: text, last_error_at: failedAt, last_success_at: t.clock.now() });
      const failing = await shown();
      expect(failing).toMatchObject({ status: 'verbonden', lastError: text, lastErrorAt: failedAt.toISOString() });
      expect(failing.failingStreams).toEqual([{ stream: 'mentions', error: text, at: failedAt.toISOString() }]);
      // And the list of accounts says the same.
      const listed = ((await (await api('GET', '/api/v1/channel-accounts')).json()) as { id: string }[]).find((account) => account.id === accountId);
      expect(listed).toMatchObject({ lastError: text, failingStreams: [{ stream: 'mentions' }] });

      // Then direct messages fail as well, a second later: the account shows the most recent error, both parts are listed.
      proxy.inject({ kind: 'status', status: 503 }, { match: /^GET \/2\/dm_events/ });
      t.clock.advance(SECOND_MS);
      const dmFailedAt = t.clock.now();
      await pollOnly('dm');
      const dmText = platform.serverError(proxy.host, 503);
      expect((await shown()).failingStreams).toEqual([
        { stream: 'dm', error: dmText, at: dmFailedAt.toISOString() },
        { stream: 'mentions', error: text, at: failedAt.toISOString() },
      ]);
      expect(await shown()).toMatchObject({ lastError: dmText });

      // Mentions recover: the account goes back to the error of the part that still fails, not to "no error".
      proxy.clearFaults();
      t.clock.advance(SECOND_MS);
      await pollOnly('mentions');
      expect(await shown()).toMatchObject({ lastError: dmText, lastErrorAt: dmFailedAt.toISOString(), failingStreams: [{ stream: 'dm' }] });
      t.clock.advance(SECOND_MS);
      await pollOnly('dm');
      expect(await shown()).toMatchObject({ lastError: null, failingStreams: [] });
    } finally {
      await t.database.db.updateTable('channel_accounts').set({ paused: true, status: 'gepauzeerd' }).where('id', '=', accountId).execute();
      await proxy.close();
    }
  });
});
