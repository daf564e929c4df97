// bench/load: a working day's peak on PostgreSQL. Staff (200 at full size) work the inbox and the meldingen — list,
// filter, open, reply — at a person's pace, while residents file 50 meldingen a second through the public form, for a
// few minutes, against two web processes (requests alternate, as behind a load balancer) and two worker processes.
// Baseline in the same run: every request type alone, one at a time, on the same idle installation.
// Always on PostgreSQL (several processes share one database): a fresh database on PLEIN_BENCH_PG_SERVER (default the
// local server), dropped afterwards.
import { randomBytes } from 'node:crypto';
import { systemClock } from '@platform/clock.service';
import { loadConfig } from '@platform/config.service';
import { cliOrigin } from '@platform/context.service';
import { openDatabase } from '@platform/db/database.client';
import { createOrganisation } from '@platform/organisations/organisations.service';
import { createUser } from '@platform/users/users.service';
import { sql } from 'kysely';
import pg from 'pg';
import { makeOperatorActor } from '../server/src/cli/operator.service';
import { insertAccount } from '../server/src/modules/channels/accounts.repository';
import { createRuntime } from '../server/src/runtime';
import { type PleinProcess, startPleinProcess, stopPleinProcesses } from '../test/plein-processes';

export interface LoadSize {
  staff: number;
  submissionsPerSecond: number;
  seconds: number;
  conversations: number;
}

const PG_SERVER = process.env.PLEIN_BENCH_PG_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const PASSWORD = 'bench-wachtwoord-lang-genoeg-2026';
// Castricum, inside its CBS boundary.
const PLACE = { lat: 52.548, lon: 4.669 };

type RequestType = 'inbox-lijst' | 'inbox-filter' | 'gesprek-openen' | 'antwoorden' | 'meldingen-lijst' | 'melding-openen' | 'melding-indienen';

interface Sample {
  type: RequestType;
  ms: number;
  ok: boolean;
}

interface Staff {
  cookie: string;
  csrf: string;
}

interface World {
  slug: string;
  categoryId: string;
  conversationIds: string[];
  meldingIds: string[];
  staff: Staff[];
}

async function runAdmin(statement: string) {
  const client = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function percentile(values: number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * share) - 1)]!;
}

// Every resident and staff member from an address of their own (the installation trusts the bench as its proxy), so
// the per-address limits meant for abuse do not decide the figures.
let addressCounter = 0;
function nextAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

// The database as a municipality has it after a while: conversations in the inbox, meldingen, staff with passwords.
async function prepareDatabase(databaseUrl: string, size: LoadSize, secretKey: string) {
  const handle = await openDatabase({ databaseUrl });
  const config = loadConfig({
    PLEIN_LOG_LEVEL: 'silent',
    PLEIN_DEMO: '0',
    PLEIN_WORKERS: '0',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    PLEIN_SECRET_KEY: secretKey,
  });
  const runtime = await createRuntime(config, { database: handle });
  try {
    const db = handle.db;
    const { organisation, municipalities } = await createOrganisation(db, {
      slug: `bench-load-${Date.now().toString(36)}`,
      name: 'Bench belasting',
      municipalities: [
        { name: 'Bergen', cbsCode: 'GM0373', inhabitants: 29_900 },
        { name: 'Castricum', cbsCode: 'GM0383', inhabitants: 36_500 },
      ],
    });
    // Simulated accounts: a reply is "sent" at once, so the workers do the whole outbound path without a platform.
    const accounts = [];
    for (const municipality of municipalities) {
      accounts.push(
        await insertAccount(db, organisation.id, {
          municipality_id: municipality.id,
          channel: 'gesimuleerd',
          handle: `oefen-${municipality.cbs_code}`,
          settings: JSON.stringify({ scenario: 'alledaags', startedAt: new Date().toISOString() }),
          secrets_sealed: null,
          service_url: null,
          owner_user_id: null,
          status: 'verbonden',
        }),
      );
    }
    const accountIds = accounts.map((account) => account.id);
    const municipalityIds = accounts.map((account) => account.municipality_id);
    await sql`
      INSERT INTO conversations (organisation_id, account_id, municipality_id, channel, thread_key, author_id, author_handle, author_name,
        visibility, state, labels, started_at, last_message_at, last_inbound_at, waiting_since, message_count, preview)
      SELECT ${organisation.id}::uuid, (${accountIds}::uuid[])[1 + i % 2], (${municipalityIds}::uuid[])[1 + i % 2], 'gesimuleerd', 'l|' || i,
        'inwoner-' || i, '@inwoner' || i, 'Inwoner ' || i, 'openbaar',
        CASE WHEN i % 3 = 0 THEN 'gesloten' ELSE 'open' END, CASE WHEN i % 5 = 0 THEN ARRAY['afval'] ELSE ARRAY[]::text[] END,
        now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval,
        CASE WHEN i % 3 <> 0 THEN now() - (i || ' minutes')::interval END, 1, 'Vraag over afval nummer ' || i
      FROM generate_series(1, ${size.conversations}::int) AS i`.execute(db);
    await sql`
      INSERT INTO messages (organisation_id, account_id, municipality_id, channel, direction, platform_id, author_id, author_handle, text,
        posted_at, received_at, conversation_id)
      SELECT c.organisation_id, c.account_id, c.municipality_id, c.channel, 'in', c.thread_key, c.author_id, c.author_handle, c.preview,
        c.started_at, c.started_at, c.id
      FROM conversations c WHERE c.organisation_id = ${organisation.id}::uuid`.execute(db);
    const conversationIds = (
      await db.selectFrom('conversations').select('id').where('organisation_id', '=', organisation.id).where('state', '=', 'open').limit(2_000).execute()
    ).map((row) => row.id);

    const ctx = { db, clock: systemClock, actor: makeOperatorActor(organisation.id), origin: cliOrigin };
    const emails: string[] = [];
    for (let i = 0; i < size.staff; i++) {
      const email = `medewerker-${i}@bench.example.nl`;
      await createUser(ctx, { email, name: `Medewerker ${i}`, roles: ['webcare', 'kcc'], municipalityIds, password: PASSWORD });
      emails.push(email);
    }

    const base = `/api/v1/organisations/${organisation.slug}/municipalities/GM0383`;
    const { categories } = (await runtime.app.inject({ method: 'GET', url: `${base}/melding-categories` })).json() as {
      categories: { id: string; code: string }[];
    };
    const categoryId = categories.find((category) => category.code === 'verlichting-lantaarnpaal')!.id;
    for (let i = 0; i < Math.max(20, size.staff); i++) {
      const response = await runtime.app.inject({
        method: 'POST',
        url: `${base}/meldingen`,
        remoteAddress: nextAddress(),
        payload: { categoryId, description: `Lantaarnpaal ${i} brandt niet.`, ...PLACE },
      });
      if (response.statusCode !== 201) throw new Error(`Melding klaarzetten mislukt: ${response.body}`);
    }
    const meldingIds = (await db.selectFrom('meldingen').select('id').where('organisation_id', '=', organisation.id).execute()).map((row) => row.id);
    await sql`ANALYZE`.execute(db);
    return { slug: organisation.slug, categoryId, conversationIds, meldingIds, emails };
  } finally {
    await runtime.close();
  }
}

async function signIn(url: string, email: string): Promise<Staff> {
  const response = await fetch(`${url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': nextAddress() },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 201) throw new Error(`Inloggen mislukt (${response.status}): ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;

// One request of a type, timed from sending to the last byte of the answer.
async function send(urls: string[], world: World, type: RequestType, staff: Staff | null): Promise<Sample> {
  const url = urls[addressCounter % urls.length]!;
  const headers: Record<string, string> = { 'x-forwarded-for': nextAddress() };
  if (staff) headers.cookie = staff.cookie;
  let path: string;
  let body: unknown;
  switch (type) {
    case 'inbox-lijst':
      path = '/api/v1/conversations?state=open&limit=50';
      break;
    case 'inbox-filter':
      path = '/api/v1/conversations?municipality=GM0383&label=afval&state=open&limit=50';
      break;
    case 'gesprek-openen':
      path = `/api/v1/conversations/${pick(world.conversationIds)}`;
      break;
    case 'antwoorden':
      path = `/api/v1/conversations/${pick(world.conversationIds)}/reply`;
      body = { text: 'Dank voor uw bericht; we pakken het op. ^MW', idempotencyKey: randomBytes(12).toString('hex') };
      break;
    case 'meldingen-lijst':
      path = '/api/v1/meldingen?status=gemeld&limit=50';
      break;
    case 'melding-openen':
      path = `/api/v1/meldingen/${pick(world.meldingIds)}`;
      break;
    case 'melding-indienen':
      path = `/api/v1/organisations/${world.slug}/municipalities/GM0383/meldingen`;
      body = { categoryId: world.categoryId, description: `Lantaarnpaal brandt niet (${randomBytes(4).toString('hex')}).`, ...PLACE };
      break;
  }
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    if (staff) headers['x-csrf-token'] = staff.csrf;
  }
  const started = performance.now();
  try {
    const response = await fetch(`${url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await response.text();
    if (response.status >= 400 && process.env.PLEIN_BENCH_DEBUG) process.stderr.write(`${type} ${response.status} ${answer.slice(0, 300)}\n`);
    return { type, ms: performance.now() - started, ok: response.status < 400 };
  } catch {
    return { type, ms: performance.now() - started, ok: false };
  }
}

// What a webcare or KCC colleague does most: look at the list, filter it, open a conversation; now and then answer,
// look at the meldingen or open one.
const STAFF_MIX: [RequestType, number][] = [
  ['inbox-lijst', 30],
  ['inbox-filter', 15],
  ['gesprek-openen', 25],
  ['antwoorden', 10],
  ['meldingen-lijst', 10],
  ['melding-openen', 10],
];

function pickStaffAction(): RequestType {
  let roll = Math.random() * 100;
  for (const [type, weight] of STAFF_MIX) {
    roll -= weight;
    if (roll < 0) return type;
  }
  return 'inbox-lijst';
}

async function measureIdle(urls: string[], world: World, rounds: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const [type] of [...STAFF_MIX, ['melding-indienen', 0] as [RequestType, number]]) {
    for (let i = 0; i < rounds; i++) samples.push(await send(urls, world, type, type === 'melding-indienen' ? null : world.staff[i % world.staff.length]!));
  }
  return samples;
}

async function runPeak(urls: string[], world: World, size: LoadSize): Promise<Sample[]> {
  const samples: Sample[] = [];
  const until = performance.now() + size.seconds * 1000;
  // Staff at a person's pace: an action, then one to three seconds to read it.
  const colleagues = world.staff.map(async (staff) => {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 2_000));
    while (performance.now() < until) {
      samples.push(await send(urls, world, pickStaffAction(), staff));
      await new Promise((resolve) => setTimeout(resolve, 1_000 + Math.random() * 2_000));
    }
  });
  // Residents arrive at a steady rate whatever the answers take (an open loop), as they do on the street.
  const residents: Promise<void>[] = [];
  const interval = 1_000 / size.submissionsPerSecond;
  const started = performance.now();
  for (let sent = 0; performance.now() < until; sent++) {
    residents.push(send(urls, world, 'melding-indienen', null).then((sample) => void samples.push(sample)));
    const next = started + (sent + 1) * interval;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  await Promise.all([...colleagues, ...residents]);
  return samples;
}

export async function benchLoad(size: LoadSize) {
  const database = `plein_bench_load_${Date.now()}`;
  const databaseUrl = `${PG_SERVER}/${database}`;
  const secretKey = randomBytes(32).toString('hex');
  const processes: PleinProcess[] = [];
  const start = async (env: Record<string, string>) => {
    const started = await startPleinProcess(env);
    processes.push(started);
    return started.url;
  };
  await runAdmin(`CREATE DATABASE ${database}`);
  try {
    const prepared = await prepareDatabase(databaseUrl, size, secretKey);
    const shared = { DATABASE_URL: databaseUrl, PLEIN_SECRET_KEY: secretKey, PLEIN_TRUST_PROXY: '127.0.0.1' };
    const urls = await Promise.all([start({ ...shared, PLEIN_WORKERS: '0' }), start({ ...shared, PLEIN_WORKERS: '0' })]);
    await Promise.all([start({ ...shared, PLEIN_WORKERS: '1' }), start({ ...shared, PLEIN_WORKERS: '1' })]);
    const staff: Staff[] = [];
    for (const email of prepared.emails) staff.push(await signIn(urls[staff.length % 2]!, email));
    const world: World = { ...prepared, staff };

    const idle = await measureIdle(urls, world, size.staff >= 100 ? 30 : 10);
    const peak = await runPeak(urls, world, size);
    const figures: Record<string, unknown> = {
      medewerkers: size.staff,
      'meldingen per seconde (doel)': size.submissionsPerSecond,
      'duur (s)': size.seconds,
      processen: '2 web + 2 workers op PostgreSQL',
    };
    const types = [...new Set(peak.map((sample) => sample.type))].sort();
    for (const type of types) {
      const under = peak.filter((sample) => sample.type === type);
      const alone = idle.filter((sample) => sample.type === type);
      const p99 = percentile(
        under.map((sample) => sample.ms),
        0.99,
      );
      const idleP99 = percentile(
        alone.map((sample) => sample.ms),
        0.99,
      );
      figures[type] =
        `${under.length} verzoeken, p50 ${percentile(
          under.map((sample) => sample.ms),
          0.5,
        ).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, fouten ${under.filter((sample) => !sample.ok).length}` +
        ` · rustig: p50 ${percentile(
          alone.map((sample) => sample.ms),
          0.5,
        ).toFixed(0)} ms, p99 ${idleP99.toFixed(0)} ms · verhouding p99 ${(p99 / Math.max(idleP99, 0.1)).toFixed(1)}`;
    }
    const all = peak.map((sample) => sample.ms);
    const errors = peak.filter((sample) => !sample.ok).length;
    const achieved = peak.filter((sample) => sample.type === 'melding-indienen').length / size.seconds;
    figures['meldingen per seconde (gehaald)'] = achieved.toFixed(1);
    figures.doel = 'p99 ≤ 500 ms, 0 fouten';
    return {
      name: 'load',
      figures,
      summary: `load requests=${peak.length} p50_ms=${percentile(all, 0.5).toFixed(0)} p99_ms=${percentile(all, 0.99).toFixed(0)} errors=${errors}`,
    };
  } finally {
    await stopPleinProcesses(processes);
    await runAdmin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}
