import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { systemClock } from '@platform/clock.service';
import { type DatabaseHandle, openDatabase } from '@platform/db/database.client';
import { migrate } from '@platform/db/migrate.service';
import { createOrganisation } from '@platform/organisations/organisations.service';
import { buildChannelAccount, TEST_SECRET_KEY } from '@test/factories';
import { LOCAL_PLATFORMS } from '@test/harness';
import { PG_SERVER, runAdminQuery, startWorkerProcess } from '@test/worker-processes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { countMessages } from './messages.repository';

// Real worker processes on the local PostgreSQL (also in the PGlite CI pass: two processes need a
// shared server). One is killed with SIGKILL while its poll waits for the platform; the other takes
// over after the lease, and every article is stored exactly once.
const databaseName = `plein_kanalen_${randomBytes(4).toString('hex')}`;
const databaseUrl = `${PG_SERVER}/${databaseName}`;
let handle: DatabaseHandle;
let feed: Server;
let feedUrl: string;
const children: ChildProcess[] = [];
const served: string[] = [];
let slowFirst = true;

function startWorker(id: string): Promise<ChildProcess> {
  return startWorkerProcess(
    'channel-worker.ts',
    { DATABASE_URL: databaseUrl, WORKER_ID: id, LEASE_SECONDS: '2', PLEIN_SECRET_KEY: TEST_SECRET_KEY.toString('hex'), PLEIN_OUTBOUND_ALLOW: LOCAL_PLATFORMS },
    children,
  );
}

beforeAll(async () => {
  await runAdminQuery(`CREATE DATABASE ${databaseName}`);
  handle = await openDatabase({ databaseUrl });
  await migrate(handle);
  const items = Array.from({ length: 40 }, (_, i) => `<item><guid>artikel-${i}</guid><title>Artikel ${i}</title></item>`).join('');
  feed = createServer((request, response) => {
    served.push(request.url ?? '');
    const send = () =>
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<rss version="2.0"><channel><title>Krant</title>${items}</channel></rss>`);
    // The first request hangs long enough for the test to kill the worker that made it.
    if (slowFirst) {
      slowFirst = false;
      setTimeout(send, 10_000);
    } else send();
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/rss`;
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  feed?.closeAllConnections();
  await new Promise<void>((resolve) => feed?.close(() => resolve()));
  await handle?.close();
  await runAdminQuery(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
});

it('een worker die tijdens het ophalen wordt gedood verliest niets en niets komt dubbel binnen', async () => {
  const { organisation, municipalities } = await createOrganisation(handle.db, {
    slug: `kanalen-${randomBytes(3).toString('hex')}`,
    name: 'Kanalenproef',
    municipalities: [{ name: 'Heiloo', cbsCode: 'GM0399', inhabitants: 24_000 }],
  });
  // Adding the account enqueues its first poll; the first worker to claim it is killed mid-request.
  const account = await buildChannelAccount(handle.db, systemClock, organisation.id, {
    municipalityId: municipalities[0]!.id,
    channel: 'rss',
    handle: 'Krant',
    serviceUrl: feedUrl,
  });
  const first = await startWorker('A');
  const deadline = Date.now() + 30_000;
  let claimed = false;
  while (Date.now() < deadline && !claimed) {
    const job = await handle.db
      .selectFrom('jobs')
      .select(['status', 'locked_by'])
      .where('organisation_id', '=', organisation.id)
      .where('name', '=', 'kanaal.ophalen')
      .executeTakeFirst();
    claimed = job?.status === 'running' && served.length > 0;
    if (!claimed) await sleep(25);
  }
  expect(claimed).toBe(true);
  first.kill('SIGKILL');
  await new Promise((resolve) => first.once('exit', resolve));
  expect(await countMessages(handle.db, organisation.id, account.id)).toBe(0);

  await startWorker('B');
  const until = Date.now() + 40_000;
  while (Date.now() < until && (await countMessages(handle.db, organisation.id, account.id)) < 40) await sleep(100);
  expect(await countMessages(handle.db, organisation.id, account.id)).toBe(40);
  const job = await handle.db
    .selectFrom('jobs')
    .select(['status', 'attempts', 'locked_by'])
    .where('organisation_id', '=', organisation.id)
    .where('name', '=', 'kanaal.ophalen')
    .executeTakeFirstOrThrow();
  expect(job).toMatchObject({ status: 'done', attempts: 2, locked_by: 'B' });
  const cursor = await handle.db.selectFrom('channel_cursors').select('cursor').where('account_id', '=', account.id).executeTakeFirst();
  expect(cursor).toBeDefined();
}, 120_000);
