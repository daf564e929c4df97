// bench/startup: cold `npm start` on an empty data folder until the sign-in page is served.
// Baseline in the same run: creating an empty PGlite database in a folder, the part no code of ours can skip.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function timeColdStart(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plein-bench-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, PORT: String(port), PLEIN_DATA_DIR: dataDir, PLEIN_LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Plein stopte met code ${child.exitCode}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/inloggen`, { headers: { accept: 'text/html' } });
        if (response.ok && (await response.text()).includes('<html')) return (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (performance.now() - started > 120_000) throw new Error('Plein startte niet binnen 120 s');
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function timeBaseline(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plein-bench-base-'));
  const started = performance.now();
  const pglite = await PGlite.create(join(dataDir, 'pglite'));
  await pglite.query('SELECT 1');
  const seconds = (performance.now() - started) / 1000;
  await pglite.close();
  rmSync(dataDir, { recursive: true, force: true });
  return seconds;
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

export async function benchStartup(runs: number) {
  const starts: number[] = [];
  const baselines: number[] = [];
  for (let i = 0; i < runs; i++) {
    baselines.push(await timeBaseline());
    starts.push(await timeColdStart());
  }
  const start = median(starts);
  const baseline = median(baselines);
  return {
    name: 'startup',
    figures: {
      'koude start tot inlogpagina (s)': start.toFixed(2),
      'basislijn: lege PGlite-database maken (s)': baseline.toFixed(2),
      'verhouding start / basislijn': (start / baseline).toFixed(2),
      doel: '≤ 10 s',
      runs,
    },
  };
}
