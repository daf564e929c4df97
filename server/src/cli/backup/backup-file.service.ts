import { chmodSync, closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../cli.errors';
import { BackupError } from './backup.errors';

export type BackupKind = 'pglite' | 'postgres';

// A backup holds personal data (and on the embedded database the secret key), so it is readable by its owner only
// from its first byte. It is written beside its final name and renamed when whole: a backup that broke off halfway
// never looks like one, and an existing backup is never overwritten.
export async function writePrivateFile(path: string, write: (partPath: string) => Promise<void>): Promise<{ path: string; bytes: number }> {
  const target = resolve(path);
  if (existsSync(target)) throw new BackupError(`${target} bestaat al. Kies een andere naam met --out, of verwijder het oude bestand eerst.`);
  const part = `${target}.part`;
  try {
    closeSync(openSync(part, 'wx', 0o600));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new BackupError(`${part} bestaat al: loopt er nog een back-up? Zo niet, verwijder het en probeer het opnieuw.`);
    if (code === 'ENOENT') throw new BackupError(`De map van ${target} bestaat niet.`);
    throw new BackupError(`${target} kan niet worden geschreven (${code}).`);
  }
  try {
    await write(part);
    chmodSync(part, 0o600);
    renameSync(part, target);
  } catch (error) {
    rmSync(part, { force: true });
    throw error;
  }
  return { path: target, bytes: statSync(target).size };
}

// What a file holds, by its first bytes: our archive of the embedded database is gzip, pg_dump's custom format
// starts with "PGDMP".
export function detectBackupKind(file: string): BackupKind | null {
  const head = Buffer.alloc(5);
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch {
    throw new UsageError('bestand', `Het bestand "${file}" kan niet worden gelezen.`);
  }
  try {
    readSync(descriptor, head, 0, head.length, 0);
  } finally {
    closeSync(descriptor);
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  return null;
}

// plein-backup-20261123-090000.tar.gz: sorts by time, and says which kind it is.
export function composeBackupFileName(kind: BackupKind, now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `plein-backup-${day}-${time}.${kind === 'pglite' ? 'tar.gz' : 'dump'}`;
}

export function formatFileSize(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
