import { type Clock, systemClock } from '@platform/clock.service';
import type { Config } from '@platform/config.service';
import type { DatabaseHandle } from '@platform/db/database.client';
import { ensureAuditPartitions } from '@platform/jobs/upkeep.repository';
import { type DemoCredentials, seedDemoIfEmpty } from './modules/demo/index';
import { defineSchedules } from './modules/index';
import { createRuntime, type Runtime } from './runtime';

export interface StartedPlein {
  runtime: Runtime;
  address: string;
  // Sign-in details of the demo users, only when this start created the demo organisation.
  demoCredentials: DemoCredentials[] | null;
}

// What `npm start` does, as a function tests can call: prepare the database, seed the demo, listen, work.
export async function startPlein(config: Config, options: { clock?: Clock; database?: DatabaseHandle } = {}): Promise<StartedPlein> {
  const clock = options.clock ?? systemClock;
  const runtime = await createRuntime(config, { clock, database: options.database });
  const { app, database } = runtime;
  await ensureAuditPartitions(database.db, clock.now());
  await defineSchedules(database.db, clock);
  const demoCredentials = config.demo ? await seedDemoIfEmpty(database.db, clock, config.publicUrl) : null;
  if (config.workers > 0) {
    for (const each of runtime.workers) each.start();
    // Live streams (Mastodon) belong with the workers: a web-only process keeps no connections open.
    runtime.streams.start();
  }
  const address = await app.listen({ port: config.port, host: config.host });
  return { runtime, address, demoCredentials };
}
