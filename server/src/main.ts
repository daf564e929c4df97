import { ConfigError, loadConfig } from './platform/config';
import { systemClock } from './platform/clock';
import { seedDemoIfEmpty } from './modules/demo/demo.service';
import { definePlatformSchedules, ensureAuditPartitions } from './platform/jobs/platform-jobs';
import { createRuntime } from './runtime';

async function main() {
  const config = loadConfig();
  const runtime = await createRuntime(config);
  const { app, database, worker } = runtime;
  await ensureAuditPartitions(database.db, systemClock.now());
  await definePlatformSchedules(database.db, systemClock);
  if (config.demo) {
    const credentials = await seedDemoIfEmpty(database.db, systemClock);
    if (credentials) printDemoCredentials(credentials);
  }
  if (config.workers) worker.start();
  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === 'pglite' ? `ingebouwde database in ${config.dataDir}` : 'PostgreSQL';
  process.stdout.write(`Plein draait op ${config.publicUrl} (${where}).\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      await runtime.close();
      process.exit(0);
    });
  }
}

function printDemoCredentials(credentials: { email: string; password: string; role: string }[]) {
  const lines = [
    '',
    'Demo-organisatie "Werkorganisatie Kustgemeenten" aangemaakt. Inloggegevens (worden maar één keer getoond):',
    ...credentials.map((c) => `  ${c.role.padEnd(22)} ${c.email.padEnd(42)} ${c.password}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Plein kon niet starten: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
