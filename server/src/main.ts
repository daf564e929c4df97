import { withEmbeddedSecretKey } from '@platform/auth/embedded-secret-key.service';
import { ConfigError, loadConfig } from '@platform/config.service';
import { startPlein } from './start';

async function main() {
  const config = withEmbeddedSecretKey(loadConfig(), (line) => process.stdout.write(`${line}\n`));
  const { runtime, demoCredentials } = await startPlein(config);
  if (demoCredentials) printDemoCredentials(demoCredentials);
  const where = runtime.database.kind === 'pglite' ? `ingebouwde database in ${config.dataDir}` : 'PostgreSQL';
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
