import { type ChildProcess, spawn } from 'node:child_process';
import { runAdminStatementOn } from './pg-admin';

// For tests with real worker processes: they need a database server both processes reach, so these
// always use the local PostgreSQL, also in the PGlite pass.
export const PG_SERVER = process.env.PLEIN_TEST_PG_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

export async function runAdminQuery(statement: string) {
  await runAdminStatementOn(PG_SERVER, statement);
}

// Starts a fixture from test/fixtures/ and resolves once it printed that it runs; the caller kills it.
export function startWorkerProcess(fixture: string, env: Record<string, string>, children: ChildProcess[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', `test/fixtures/${fixture}`], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${fixture} (${env.WORKER_ID ?? ''}) stopte met ${code}`)));
  });
}
