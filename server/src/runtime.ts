import { type Clock, systemClock } from '@platform/clock.service';
import type { Config } from '@platform/config.service';
import { type DatabaseHandle, openDatabase } from '@platform/db/database.client';
import { migrate } from '@platform/db/migrate.service';
import { EventHub } from '@platform/events/event-hub.service';
import { buildApp } from '@platform/http/app.server';
import { createGuardedFetch, createOutboundPolicy } from '@platform/http/outbound.client';
import { JobRegistry } from '@platform/jobs/job-registry.service';
import { registerPlatformJobs } from '@platform/jobs/platform.jobs';
import { Worker } from '@platform/jobs/worker.service';
import { buildLoggerOptions } from '@platform/logging.service';
import { createMailer, mailJob } from '@platform/mail/mailer.client';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { type DestinationStream, pino } from 'pino';
import { StreamSupervisor } from './modules/channels/index';
import { registerModuleJobs, registerModules, subscribeModulesToStoredMessages } from './modules/index';

export interface Runtime {
  app: FastifyInstance;
  database: DatabaseHandle;
  worker: Worker;
  // The worker above and any more this process runs (PLEIN_WORKERS).
  workers: Worker[];
  registry: JobRegistry;
  streams: StreamSupervisor;
  close(): Promise<void>;
}

// The fetch for what tenants configure: guarded (http/outbound.client.ts); a test may observe it through `wrap`.
function createOutboundFetch(config: Config, wrap: (guarded: typeof fetch) => typeof fetch = (guarded) => guarded) {
  const policy = createOutboundPolicy(config.outboundAllow);
  return { policy, fetch: wrap(createGuardedFetch(policy)) };
}

export function buildJobRegistry(config: Config, outbound = createOutboundFetch(config)): JobRegistry {
  const registry = new JobRegistry();
  subscribeModulesToStoredMessages();
  const logger = pino(buildLoggerOptions(config.logLevel));
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, logger });
  const mailDomain = new URL(config.publicUrl).hostname;
  registry.register(mailJob(mailer, mailDomain));
  registerPlatformJobs(registry);
  registerModuleJobs(registry, {
    publicUrl: config.publicUrl,
    keys: { current: config.secretKey, previous: config.previousSecretKeys },
    fetch: outbound.fetch,
    outbound: outbound.policy,
    mailer,
    mailDomain,
    platformTimeoutMs: config.platformTimeoutMs,
  });
  return registry;
}

// Everything `npm start` and the tests need: database, migrations, HTTP app and a job worker.
export async function createRuntime(
  config: Config,
  options: { clock?: Clock; database?: DatabaseHandle; logStream?: DestinationStream; wrapOutboundFetch?: (guarded: typeof fetch) => typeof fetch } = {},
): Promise<Runtime> {
  const clock = options.clock ?? systemClock;
  const database = options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrate(database);
  const outbound = createOutboundFetch(config, options.wrapOutboundFetch);
  const registry = buildJobRegistry(config, outbound);
  const events = new EventHub(database);
  await events.start();
  const app = await buildApp({
    db: database.db,
    clock,
    config,
    registerModules,
    readyCheck: async () => {
      await sql`SELECT 1`.execute(database.db);
    },
    defaultMetrics: true,
    logStream: options.logStream,
    events,
    outboundFetch: outbound.fetch,
  });
  const worker = new Worker({ db: database.db, clock, registry, logger: app.log as never });
  // More job loops in this process (PLEIN_WORKERS=2 or more): on PostgreSQL they take jobs side by side, so a burst
  // of listening uses a second core. On PGlite one session serves all, so they would only take turns.
  const moreWorkers = Array.from({ length: Math.max(0, config.workers - 1) }, () => new Worker({ db: database.db, clock, registry, logger: app.log as never }));
  const streams = new StreamSupervisor({
    db: database.db,
    clock,
    keys: { current: config.secretKey, previous: config.previousSecretKeys },
    fetch: outbound.fetch,
    logger: app.log as never,
  });
  return {
    app,
    database,
    worker,
    workers: [worker, ...moreWorkers],
    registry,
    streams,
    async close() {
      await streams.stop();
      for (const each of [worker, ...moreWorkers]) await each.stop();
      await app.close();
      await events.close();
      await database.close();
    },
  };
}
