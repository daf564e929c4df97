import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BackupError } from './backup.errors';

const runFile = promisify(execFile);

// pg_dump and pg_restore read the connection from a libpq URL. A password on their command line would be visible to
// everyone on the machine (ps), so it travels in PGPASSWORD; node-postgres' own SSL switches are said in libpq's words.
function toLibpqConnection(databaseUrl: string): { url: string; env: Record<string, string> } {
  const url = new URL(databaseUrl);
  const env: Record<string, string> = {};
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  url.password = '';
  const ssl = url.searchParams.get('ssl');
  url.searchParams.delete('ssl');
  if ((ssl === 'true' || ssl === '1') && !url.searchParams.has('sslmode')) url.searchParams.set('sslmode', 'require');
  if (url.searchParams.get('sslmode') === 'no-verify') url.searchParams.set('sslmode', 'require');
  return { url: url.toString(), env };
}

// "plein op 127.0.0.1:5432": which database, for messages, without user or password.
export function describeDatabase(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1)) || '(standaard)';
  return url.host ? `${name} op ${url.host}` : name;
}

// Started without a shell, so nothing in the URL or a file name is ever read as a command.
export async function runPgTool(tool: 'pg_dump' | 'pg_restore', databaseUrl: string, args: string[]): Promise<void> {
  const connection = toLibpqConnection(databaseUrl);
  try {
    await runFile(tool, [`--dbname=${connection.url}`, ...args], { env: { ...process.env, ...connection.env }, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new BackupError(
        `${tool} is niet gevonden. Installeer de PostgreSQL-clientprogramma's, van dezelfde of een nieuwere versie dan de server ` +
          `(Debian/Ubuntu: apt-get install postgresql-client), zodat ${tool} in het zoekpad (PATH) staat.`,
      );
    }
    throw new BackupError(`${tool} is mislukt: ${(failure.stderr || failure.message).trim()}`);
  }
}
