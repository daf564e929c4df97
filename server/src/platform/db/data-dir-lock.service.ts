import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirInUseError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// PGlite is a single-process database: a second process opening the same folder would corrupt it.
export function lockDataDir(dataDir: string): () => void {
  const lockFile = join(dataDir, 'plein.lock');
  try {
    const holder = Number(readFileSync(lockFile, 'utf8').trim());
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new DataDirInUseError(
        `De ingebouwde database in ${dataDir} is in gebruik door proces ${holder}. Stop Plein eerst, of gebruik DATABASE_URL met PostgreSQL.`,
      );
    }
  } catch (error) {
    if (error instanceof DataDirInUseError) throw error;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}
