// bench/ingest: the simulator's crisis script (a fire on an industrial estate) replayed through the whole
// listening pipeline — storeMessages in a transaction, then the jobs it queued (inbox sorting and
// luisteren.verwerken: language, tenor, duplicate folding, five monitors, alerts) — and in the same run a
// raw COPY of equally many rows into the same messages table with the same indexes: the floor no
// pipeline can beat. Also prints the Dutch full-text search p95 over what was stored and when the
// crisis monitor alerted. `npm run bench -- ingest --posts <N>`; uses DATABASE_URL when set.
import { appendFileSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { systemClock } from '../server/src/platform/clock';
import { loadConfig } from '../server/src/platform/config';
import { cliOrigin } from '../server/src/platform/context';
import { type DatabaseHandle, openDatabase } from '../server/src/platform/db/database';
import { createRuntime } from '../server/src/runtime';
import { Worker } from '../server/src/platform/jobs/worker';
import { operatorActor } from '../server/src/cli/operator';
import { createOrganisation } from '../server/src/modules/organisations/organisations.service';
import { insertAccount } from '../server/src/modules/channels/accounts.repository';
import { storeMessages } from '../server/src/modules/channels/ingest.service';
import type { NormalisedMessage } from '../server/src/modules/channels/connector';
import { simulate } from '../server/src/modules/channels/connectors/simulator/scenario';
import { simulationTarget } from '../server/src/modules/channels/connectors/simulator/simulator.connector';
import { createMonitor } from '../server/src/modules/luisteren/monitors/monitors.service';
import { findItems } from '../server/src/modules/luisteren/explore/explore.repository';

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
    ids.organisationId, ids.accountId, ids.municipalityId, 'gesimuleerd', 'in', `copy-${message.platformId}`, message.author.id, message.author.handle, message.author.displayName,
    message.author.followers, message.text, '[]', JSON.stringify(message.links), JSON.stringify(message.mentions), JSON.stringify(message.hashtags), message.geo?.lat, message.geo?.lon,
    message.language, message.visibility, message.postedAt.toISOString(), new Date().toISOString(), JSON.stringify(message.raw ?? {}), 'true', 'search',
  ]
    .map(csvField)
    .join(',');
}

const COPY_COLUMNS = 'organisation_id, account_id, municipality_id, channel, direction, platform_id, author_id, author_handle, author_name, author_followers, text, media, links, mentions, hashtags, geo_lat, geo_lon, language, visibility, posted_at, received_at, raw, simulated, stream';

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

export async function benchIngest(posts: number, workerCount = 1) {
  const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
  const config = loadConfig({ PLEIN_LOG_LEVEL: 'silent', PLEIN_DEMO: '0', PLEIN_WORKERS: '0', PORT: '0', PUBLIC_URL: 'http://bench.plein', DATABASE_URL: process.env.DATABASE_URL ?? '' });
  const runtime = await createRuntime(config, { database: handle });
  try {
    const db = handle.db;
    const { organisation, municipalities } = await createOrganisation(db, {
      slug: `bench-ingest-${Date.now().toString(36)}`,
      name: 'Bench ingest',
      municipalities: [{ name: 'Castricum', cbsCode: 'GM0383', inhabitants: 36_500 }],
    });
    const municipality = municipalities[0]!;
    const account = (name: string) => insertAccount(db, organisation.id, { municipality_id: municipality.id, channel: 'gesimuleerd', handle: name, settings: JSON.stringify({}), secrets_sealed: null, service_url: null, owner_user_id: null });
    const ingestAccount = await account('gemeentecastricum');
    const copyAccount = await account('kopie');
    const ctx = { db, clock: systemClock, actor: operatorActor(organisation.id), origin: cliOrigin };
    const monitors: Awaited<ReturnType<typeof createMonitor>>[] = [];
    for (const monitor of MONITORS) monitors.push(await createMonitor(ctx, { ...monitor, municipalityId: null, alertsEnabled: true, alertEmails: [] }));
    await runtime.worker.drain();

    // The crisis starts a day ago (minute 5 is the onset); the base rate makes 700,000 posts take hours, as in Alphen.
    const startedAt = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 24 * 3_600_000);
    const onset = startedAt.getTime() + 5 * 60_000;
    const target = simulationTarget({
      id: ingestAccount.id, organisationId: organisation.id, municipalityId: municipality.id, channel: 'gesimuleerd', handle: 'gemeentecastricum', serviceUrl: null, secrets: {},
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

    // As in a running server: the stream stores batch after batch while the worker processes (one per
    // process by default; `--workers 2` is what a second process adds) work through the jobs it queued.
    const workers = [runtime.worker, ...Array.from({ length: workerCount - 1 }, () => new Worker({ db, clock: systemClock, registry: runtime.registry }))];
    const started = performance.now();
    let stored = 0;
    let storing = true;
    // Set from the workers' loop: typed wide, or TypeScript narrows them to null for the code after it.
    let alertAfterOnsetMs = null as number | null;
    let alertWallMs = null as number | null;
    let firstAfterOnsetStoredAt = null as number | null;
    const watchForAlert = async () => {
      if (alertAfterOnsetMs !== null || firstAfterOnsetStoredAt === null) return;
      const alert = await db.selectFrom('listening_alerts').select('window_end').where('organisation_id', '=', organisation.id).where('monitor_id', '=', monitors[0]!.id).where('kind', '=', 'piek').orderBy('window_end').executeTakeFirst();
      if (alert) {
        alertAfterOnsetMs = alert.window_end.getTime() - onset;
        alertWallMs = performance.now() - firstAfterOnsetStoredAt;
      }
    };
    const work = async (worker: Worker) => {
      while (true) {
        const ran = await worker.runOne();
        if (worker === runtime.worker) await watchForAlert();
        if (!ran) {
          if (!storing) return;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
    };
    const working = workers.map(work);
    // What autovacuum does on a running server (it analyses a table once a tenth of it changed). The local test
    // server runs without autovacuum; without statistics the planner takes a million-row table for a small one
    // and reads a batch's messages by scanning the organisation's rows instead of by key.
    let analyseAt = 20_000;
    for (const batch of batches) {
      stored += (await db.transaction().execute((trx) => storeMessages(trx, systemClock, ingestAccount, batch, { stream: 'search' }))).length;
      if (stored >= analyseAt) {
        await sql`ANALYZE messages, listening_items, monitor_matches, jobs`.execute(db);
        analyseAt = Math.ceil(stored * 1.1);
      }
      if (firstAfterOnsetStoredAt === null && batch.some((message) => message.postedAt.getTime() >= onset)) firstAfterOnsetStoredAt = performance.now();
    }
    storing = false;
    await Promise.all(working);
    await watchForAlert();
    const pipelineSeconds = (performance.now() - started) / 1000;

    const csv = copyCsv(batches, { organisationId: organisation.id, accountId: copyAccount.id, municipalityId: municipality.id });
    const copyStarted = performance.now();
    const copyMethod = await copyRows(handle, csv);
    const copySeconds = (performance.now() - copyStarted) / 1000;

    const items = await db.selectFrom('listening_items').select(sql<number>`count(*)::int`.as('n')).where('organisation_id', '=', organisation.id).executeTakeFirstOrThrow();
    const originals = await db.selectFrom('listening_items').select(sql<number>`count(*)::int`.as('n')).where('organisation_id', '=', organisation.id).where('duplicate_of', 'is', null).executeTakeFirstOrThrow();
    // What autovacuum does on a running server after a load this size: without fresh statistics the planner
    // guesses a search matches a handful of rows and picks a plan that reads them all.
    await sql`ANALYZE messages, listening_items`.execute(db);
    const searchSamples: number[] = [];
    for (let round = 0; round < 40; round++) {
      const searchStarted = performance.now();
      await findItems(db, organisation.id, { q: SEARCHES[round % SEARCHES.length] }, null, 51);
      searchSamples.push(performance.now() - searchStarted);
    }

    const postsPerSecond = stored / pipelineSeconds;
    const copyPerSecond = stored / copySeconds;
    const ratio = postsPerSecond / copyPerSecond;
    return {
      name: 'ingest',
      figures: {
        database: handle.kind,
        posts: stored,
        'job workers': workerCount,
        'items (originals after folding)': `${items.n} (${originals.n})`,
        'pipeline posts/s': Math.round(postsPerSecond),
        [`${copyMethod} rows/s`]: Math.round(copyPerSecond),
        'full-text search p95 (ms, target ≤ 300 at 1M)': p95(searchSamples).toFixed(1),
        'crisis alert after onset (simulated s, target ≤ 60)': alertAfterOnsetMs === null ? 'geen' : (alertAfterOnsetMs / 1000).toFixed(1),
        'crisis alert after storing the first onset post (wall ms)': alertWallMs === null ? 'geen' : alertWallMs.toFixed(0),
      },
      summary: `ingest posts_per_s=${Math.round(postsPerSecond)} copy_ratio=${ratio.toFixed(3)}`,
    };
  } finally {
    await runtime.close();
  }
}
