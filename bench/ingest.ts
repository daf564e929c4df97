// bench/ingest: the simulator's crisis script (a fire on an industrial estate) replayed through the whole
// listening pipeline — storeMessages in a transaction, then the jobs it queued (inbox sorting and
// luisteren.verwerken: language, tenor, duplicate folding, five monitors, alerts) — and in the same run a
// raw COPY of equally many rows into the same messages table with the same indexes: the floor no
// pipeline can beat. Also prints the Dutch full-text search p95 over what was stored and when the
// crisis monitor alerted. `npm run bench -- ingest --posts <N>`; uses DATABASE_URL when set.
import { appendFileSync, chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@platform/clock.service';
import { loadConfig } from '@platform/config.service';
import { cliOrigin } from '@platform/context.service';
import { type DatabaseHandle, openDatabase } from '@platform/db/database.client';
import { Worker } from '@platform/jobs/worker.service';
import { createOrganisation } from '@platform/organisations/organisations.service';
import { sql } from 'kysely';
import { makeOperatorActor } from '../server/src/cli/operator.service';
import { insertAccount } from '../server/src/modules/channels/accounts.repository';
import type { NormalisedMessage } from '../server/src/modules/channels/connector.types';
import { simulate } from '../server/src/modules/channels/connectors/simulator/scenario.service';
import { resolveSimulationTarget } from '../server/src/modules/channels/connectors/simulator/simulator.connector';
import { storeMessages } from '../server/src/modules/channels/ingest.service';
import { findItems } from '../server/src/modules/luisteren/explore/explore.repository';
import { createMonitor } from '../server/src/modules/luisteren/monitors/monitors.service';
import { createRuntime } from '../server/src/runtime';
import { buildCorpusSearches, buildCorpusVocabulary, buildSearchCorpus } from './search-corpus';

const BATCH = 1_000;
const SEARCHES = ['brand', 'rookwolk', 'ramen dicht', 'afval', 'gemeente', 'stoeptegel', 'gerucht', 'brandweer', 'school', 'asbest'];
const MONITORS = [
  { name: 'Brand', query: 'brand OF brand* OF rookwolk OF rook OF #brandcastricum' },
  { name: 'Gemeente', query: 'gemeente OF gemeentehuis OF @gemeentecastricum' },
  { name: 'Afval', query: 'afval OF gft OF container OF vuilnis*' },
  { name: 'Openbare ruimte', query: 'stoeptegel OF lantaarnpaal OF "losliggende tegel"' },
  { name: 'Zorgen', query: '(gezond* OF giftig OF asbest) NIET oefening' },
];

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

const csvField = (value: unknown) => (value === null || value === undefined ? '' : `"${String(value).replaceAll('"', '""')}"`);

// The same rows the pipeline stores, as CSV for COPY (another account, so the unique key does not clash), one
// piece per batch: a million rows are more text than one JavaScript string may hold.
function copyCsv(batches: NormalisedMessage[][], ids: { organisationId: string; accountId: string; municipalityId: string }) {
  return batches.map((batch) => `${batch.map((message) => csvLine(message, ids)).join('\n')}\n`);
}

function csvLine(message: NormalisedMessage, ids: { organisationId: string; accountId: string; municipalityId: string }) {
  return [
    ids.organisationId,
    ids.accountId,
    ids.municipalityId,
    'gesimuleerd',
    'in',
    `copy-${message.platformId}`,
    message.author.id,
    message.author.handle,
    message.author.displayName,
    message.author.followers,
    message.text,
    '[]',
    JSON.stringify(message.links),
    JSON.stringify(message.mentions),
    JSON.stringify(message.hashtags),
    message.geo?.lat,
    message.geo?.lon,
    message.language,
    message.visibility,
    message.postedAt.toISOString(),
    new Date().toISOString(),
    JSON.stringify(message.raw ?? {}),
    'true',
    'search',
  ]
    .map(csvField)
    .join(',');
}

const COPY_COLUMNS =
  'organisation_id, account_id, municipality_id, channel, direction, platform_id, author_id, author_handle, author_name, author_followers, text, media, links, mentions, hashtags, geo_lat, geo_lon, language, visibility, posted_at, received_at, raw, simulated, stream';

async function copyRows(handle: DatabaseHandle, csv: string[]) {
  const statement = (source: string) => `COPY messages (${COPY_COLUMNS}) FROM ${source} WITH (FORMAT csv)`;
  if (handle.pglite) {
    await handle.pglite.query(statement("'/dev/blob'"), [], { blob: new Blob(csv) });
    return 'COPY (PGlite, /dev/blob)';
  }
  // Server-side COPY from a file: the local PostgreSQL reads it itself, as fast as COPY gets.
  const file = join(tmpdir(), `plein-bench-copy-${process.pid}.csv`);
  writeFileSync(file, '');
  for (const piece of csv) appendFileSync(file, piece);
  chmodSync(file, 0o644);
  try {
    await sql.raw(statement(`'${file}'`)).execute(handle.db);
    return 'COPY (PostgreSQL, server-side file)';
  } finally {
    rmSync(file, { force: true });
  }
}

// An organisation of its own with one municipality, and simulated accounts in it.
async function benchOrganisation(db: DatabaseHandle['db'], purpose: string) {
  const { organisation, municipalities } = await createOrganisation(db, {
    slug: `bench-${purpose}-${Date.now().toString(36)}`,
    name: `Bench ${purpose}`,
    municipalities: [{ name: 'Castricum', cbsCode: 'GM0383', inhabitants: 36_500 }],
  });
  const municipality = municipalities[0]!;
  const account = (handle: string) =>
    insertAccount(db, organisation.id, {
      municipality_id: municipality.id,
      channel: 'gesimuleerd',
      handle,
      settings: JSON.stringify({}),
      secrets_sealed: null,
      service_url: null,
      owner_user_id: null,
    });
  return { organisation, municipality, account };
}

// Where the WAL is now, to tell how much a phase wrote (what the pipeline writes besides the messages themselves).
async function walPosition(db: DatabaseHandle['db']): Promise<string | null> {
  try {
    return (await sql<{ at: string }>`SELECT pg_current_wal_lsn()::text AS at`.execute(db)).rows[0]!.at;
  } catch {
    return null;
  }
}

async function walSince(db: DatabaseHandle['db'], from: string | null): Promise<number | null> {
  if (from === null) return null;
  return Number((await sql<{ bytes: string }>`SELECT (pg_current_wal_lsn() - ${from}::pg_lsn)::text AS bytes`.execute(db)).rows[0]!.bytes);
}

// This process's CPU time and the whole machine's (Linux /proc/stat, all cores): whether the pipeline waited for
// the processor (the database server runs on the same machine) or for something else.
function cpuSnapshot() {
  return { process: process.cpuUsage(), machine: machineTicks() };
}

function cpuSince(start: ReturnType<typeof cpuSnapshot>) {
  const used = process.cpuUsage(start.process);
  const machine = machineTicks();
  if (!machine || !start.machine) return null;
  return {
    process: (used.user + used.system) / 1e6,
    machineBusy: (machine.busy - start.machine.busy) / 100,
    machineTotal: (machine.total - start.machine.total) / 100,
  };
}

function machineTicks(): { busy: number; total: number } | null {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
    const total = ticks.reduce((sum, value) => sum + value, 0);
    // idle and iowait are the 4th and 5th numbers.
    return { busy: total - ticks[3]! - ticks[4]!, total };
  } catch {
    return null;
  }
}

export async function benchIngest(posts: number, workerCount = 2, searchItems = 1_000_000) {
  const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
  const config = loadConfig({
    PLEIN_LOG_LEVEL: 'silent',
    PLEIN_DEMO: '0',
    PLEIN_WORKERS: '0',
    PORT: '0',
    PUBLIC_URL: 'http://bench.plein',
    DATABASE_URL: process.env.DATABASE_URL ?? '',
  });
  const runtime = await createRuntime(config, { database: handle });
  try {
    const db = handle.db;
    const { organisation, municipality, account } = await benchOrganisation(db, 'ingest');
    const ingestAccount = await account('gemeentecastricum');
    const copyAccount = await account('kopie');
    const ctx = { db, clock: systemClock, actor: makeOperatorActor(organisation.id), origin: cliOrigin };
    const monitors: Awaited<ReturnType<typeof createMonitor>>[] = [];
    for (const monitor of MONITORS) monitors.push(await createMonitor(ctx, { ...monitor, municipalityId: null, alertsEnabled: true, alertEmails: [] }));
    await runtime.worker.drain();

    // The crisis starts a day ago (minute 5 is the onset); the base rate makes 700,000 posts take hours, as in Alphen.
    const startedAt = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 24 * 3_600_000);
    const onset = startedAt.getTime() + 5 * 60_000;
    const target = resolveSimulationTarget({
      id: ingestAccount.id,
      organisationId: organisation.id,
      municipalityId: municipality.id,
      channel: 'gesimuleerd',
      handle: 'gemeentecastricum',
      serviceUrl: null,
      secrets: {},
      settings: { scenario: 'crisis-brand', perHour: 6_000, startedAt: startedAt.toISOString(), municipalityName: 'Castricum' },
    });
    const batches: NormalisedMessage[][] = [];
    let second = startedAt.getTime() / 1000;
    for (let generated = 0; generated < posts; ) {
      const { messages, nextSecond } = simulate(target, second, second + 86_400, Math.min(BATCH, posts - generated));
      second = nextSecond;
      generated += messages.length;
      batches.push(messages);
    }

    // As in a running server: the stream stores batch after batch while the job loops work through the jobs it
    // queued. Two by default, as a server on this two-core machine runs them with PLEIN_WORKERS=2 (`--workers 1`
    // for one: then the pipeline lags the storing and finishes after it).
    const workers = [runtime.worker, ...Array.from({ length: workerCount - 1 }, () => new Worker({ db, clock: systemClock, registry: runtime.registry }))];
    const started = performance.now();
    const walAtStart = await walPosition(db);
    const cpuAtStart = cpuSnapshot();
    let stored = 0;
    let storing = true;
    // Set from the workers' loop: typed wide, or TypeScript narrows them to null for the code after it.
    let alertAfterOnsetMs = null as number | null;
    let alertWallMs = null as number | null;
    let firstAfterOnsetStoredAt = null as number | null;
    const watchForAlert = async () => {
      if (alertAfterOnsetMs !== null || firstAfterOnsetStoredAt === null) return;
      const alert = await db
        .selectFrom('listening_alerts')
        .select('window_end')
        .where('organisation_id', '=', organisation.id)
        .where('monitor_id', '=', monitors[0]!.id)
        .where('kind', '=', 'piek')
        .orderBy('window_end')
        .executeTakeFirst();
      if (alert) {
        alertAfterOnsetMs = alert.window_end.getTime() - onset;
        alertWallMs = performance.now() - firstAfterOnsetStoredAt;
      }
    };
    const jobsLeft = async () =>
      (await db.selectFrom('jobs').select('id').where('organisation_id', '=', organisation.id).where('status', 'in', ['queued', 'running']).limit(1).execute())
        .length > 0;
    const work = async (worker: Worker) => {
      while (true) {
        const ran = await worker.runOne();
        if (worker === runtime.worker) await watchForAlert();
        if (!ran) {
          // Done when nothing is left, also no attempt waiting for its retry: what failed counts in the time.
          if (!storing && !(await jobsLeft())) return;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
    };
    const working = workers.map(work);
    // What autovacuum does on a running server: a background process analyses a table once a tenth of it changed,
    // looking at most once a minute (autovacuum_naptime). The local test server runs without autovacuum, and without
    // statistics the planner takes a million-row table for a small one and reads a batch's messages by scanning the
    // organisation's rows instead of by key. Like autovacuum it runs beside the load, not in its way.
    const autoAnalyse = { at: 20_000, lastStartedAt: -Infinity, running: null as Promise<unknown> | null, runs: 0 };
    for (const batch of batches) {
      stored += (await db.transaction().execute((trx) => storeMessages(trx, systemClock, ingestAccount, batch, { stream: 'search' }))).length;
      if (stored >= autoAnalyse.at && !autoAnalyse.running && performance.now() - autoAnalyse.lastStartedAt >= 60_000) {
        autoAnalyse.lastStartedAt = performance.now();
        autoAnalyse.at = Math.ceil(stored * 1.1);
        autoAnalyse.runs++;
        autoAnalyse.running = sql`ANALYZE messages, listening_items, monitor_matches, jobs`.execute(db).finally(() => (autoAnalyse.running = null));
      }
      if (firstAfterOnsetStoredAt === null && batch.some((message) => message.postedAt.getTime() >= onset)) firstAfterOnsetStoredAt = performance.now();
    }
    storing = false;
    const storingSeconds = (performance.now() - started) / 1000;
    await Promise.all(working);
    await autoAnalyse.running;
    await watchForAlert();
    const pipelineSeconds = (performance.now() - started) / 1000;
    const pipelineWal = await walSince(db, walAtStart);
    const cpu = cpuSince(cpuAtStart);

    const csv = copyCsv(batches, { organisationId: organisation.id, accountId: copyAccount.id, municipalityId: municipality.id });
    const walBeforeCopy = await walPosition(db);
    const copyStarted = performance.now();
    const copyMethod = await copyRows(handle, csv);
    const copySeconds = (performance.now() - copyStarted) / 1000;
    const copyWal = await walSince(db, walBeforeCopy);

    const items = await db
      .selectFrom('listening_items')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organisation_id', '=', organisation.id)
      .executeTakeFirstOrThrow();
    const failedAttempts = await db
      .selectFrom('jobs')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organisation_id', '=', organisation.id)
      .where('last_error', 'is not', null)
      .executeTakeFirstOrThrow();
    const originals = await db
      .selectFrom('listening_items')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organisation_id', '=', organisation.id)
      .where('duplicate_of', 'is', null)
      .executeTakeFirstOrThrow();
    // What autovacuum does on a running server after a load this size: without fresh statistics the planner
    // guesses a search matches a handful of rows and picks a plan that reads them all.
    await sql`ANALYZE messages, listening_items`.execute(db);
    const searchSamples: number[] = [];
    for (let round = 0; round < 40; round++) {
      const searchStarted = performance.now();
      await findItems(db, organisation.id, { q: SEARCHES[round % SEARCHES.length] }, null, 51);
      searchSamples.push(performance.now() - searchStarted);
    }

    // Searching a year of listening rather than one folded burst: distinct items in an organisation of their own.
    const corpus = await benchOrganisation(db, 'zoeken');
    const corpusAccount = await corpus.account('zoeken');
    const corpusStarted = performance.now();
    await buildSearchCorpus(db, { organisationId: corpus.organisation.id, accountId: corpusAccount.id, municipalityId: corpus.municipality.id }, searchItems);
    const corpusSeconds = (performance.now() - corpusStarted) / 1000;
    const corpusSamples = new Map<string, number[]>();
    const corpusQueries = buildCorpusSearches(buildCorpusVocabulary());
    for (let round = 0; round < 5; round++) {
      for (const q of corpusQueries) {
        const searchStarted = performance.now();
        await findItems(db, corpus.organisation.id, { q }, null, 51);
        corpusSamples.set(q, [...(corpusSamples.get(q) ?? []), performance.now() - searchStarted]);
      }
    }
    const [slowestSearch, slowestSamples] = [...corpusSamples].sort((a, b) => p95(b[1]) - p95(a[1]))[0]!;

    const postsPerSecond = stored / pipelineSeconds;
    const copyPerSecond = stored / copySeconds;
    const ratio = postsPerSecond / copyPerSecond;
    return {
      name: 'ingest',
      figures: {
        database: handle.kind,
        posts: stored,
        'job workers': workerCount,
        'background ANALYZE runs (as autovacuum)': autoAnalyse.runs,
        'items (originals after folding)': `${items.n} (${originals.n})`,
        'failed job attempts (deadlocks, errors)': failedAttempts.n,
        'storing done after (s) / pipeline done after (s)': `${storingSeconds.toFixed(1)} / ${pipelineSeconds.toFixed(1)}`,
        'CPU while the pipeline ran: this process / whole machine (core-s of available)': cpu
          ? `${cpu.process.toFixed(1)} / ${cpu.machineBusy.toFixed(1)} of ${cpu.machineTotal.toFixed(1)}`
          : 'onbekend',
        'WAL per post: pipeline / COPY (bytes)':
          pipelineWal === null || copyWal === null ? 'onbekend' : `${Math.round(pipelineWal / stored)} / ${Math.round(copyWal / stored)}`,
        'pipeline posts/s': Math.round(postsPerSecond),
        [`${copyMethod} rows/s`]: Math.round(copyPerSecond),
        'full-text search p95 over the crisis items (ms)': p95(searchSamples).toFixed(1),
        'search corpus: distinct items (made in s)': `${searchItems} (${corpusSeconds.toFixed(0)})`,
        [`full-text search p95 over ${searchItems} distinct items (ms, target ≤ 300 at 1M)`]: p95([...corpusSamples.values()].flat()).toFixed(1),
        'slowest search there (p95 ms)': `${slowestSearch}: ${p95(slowestSamples).toFixed(1)}`,
        'crisis alert after onset (simulated s, target ≤ 60)': alertAfterOnsetMs === null ? 'geen' : (alertAfterOnsetMs / 1000).toFixed(1),
        'crisis alert after storing the first onset post (wall ms)': alertWallMs === null ? 'geen' : alertWallMs.toFixed(0),
      },
      summary: `ingest posts_per_s=${Math.round(postsPerSecond)} copy_ratio=${ratio.toFixed(3)}`,
    };
  } finally {
    await runtime.close();
  }
}
