import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

// Plein as an operator runs it (server/src/main.ts), as separate processes on one database: for the load benchmark
// and the chaos test. A process is killed like a crashing machine (SIGKILL) and started again on the same port.

export interface PleinProcess {
  url: string;
  port: number;
  child: ChildProcess;
  env: Record<string, string>;
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// Resolves once the process answers /readyz (database reachable, migrations done).
export async function startPleinProcess(env: Record<string, string>, port?: number): Promise<PleinProcess> {
  const chosen = port ?? (await findFreePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, PLEIN_LOG_LEVEL: 'warn', PLEIN_DEMO: '0', ...env, PORT: String(chosen), PUBLIC_URL: `http://127.0.0.1:${chosen}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${chosen}`;
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`Een Plein-proces stopte bij het starten (${child.exitCode ?? child.signalCode})`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { url, port: chosen, child, env };
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000) {
      child.kill('SIGKILL');
      throw new Error('Een Plein-proces startte niet binnen 120 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// As a power cut would: no shutdown, no cleanup, leases left behind.
export async function killPleinProcess(target: PleinProcess): Promise<void> {
  if (target.child.exitCode !== null || target.child.signalCode !== null) return;
  const exited = new Promise((resolve) => target.child.once('exit', resolve));
  target.child.kill('SIGKILL');
  await exited;
}

export async function stopPleinProcesses(processes: PleinProcess[]): Promise<void> {
  await Promise.all(processes.map((each) => killPleinProcess(each)));
}
