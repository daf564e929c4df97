import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EMBEDDED_SECRET_KEY_FILE } from '@platform/auth/embedded-secret-key.service';
import { decodeSecretKey } from '@platform/config.service';
import { DataDirInUseError, lockDataDir } from '@platform/db/data-dir-lock.service';
import { openDatabase } from '@platform/db/database.client';
import { type MigrationResult, migrate } from '@platform/db/migrate.service';
import { BackupError } from './backup.errors';
import { readArchive, writeArchive } from './backup-archive.service';

// openDatabase keeps the embedded database in this folder of the data folder.
const DATABASE_FOLDER = 'pglite';
const MANIFEST = 'plein-backup.json';
const DATABASE_DUMP = 'pglite.tar';

interface BackupManifest {
  format: 'plein-backup';
  version: 1;
  database: 'pglite';
  createdAt: string;
  secretKey: boolean;
}

function hasEmbeddedDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, DATABASE_FOLDER, 'PG_VERSION'));
}

// PGlite is one process's database, locked by the running Plein (plein.lock). A copy of its files while it runs
// would catch pages and log at different moments, so the backup opens the database itself, which only works while
// Plein is stopped, and dumps it between statements: a consistent whole, with the key that opens its sealed secrets.
export async function writeEmbeddedBackup(dataDir: string, path: string, now: Date): Promise<{ secretKey: boolean }> {
  if (!hasEmbeddedDatabase(dataDir)) {
    throw new BackupError(
      `In ${resolve(dataDir)} staat geen ingebouwde database. Zet PLEIN_DATA_DIR op de datamap van Plein, of DATABASE_URL voor PostgreSQL.`,
    );
  }
  const unlock = lockFor(dataDir, 'Een back-up van de ingebouwde database kan alleen terwijl Plein stilstaat.');
  let dump: Blob;
  let key: Buffer | undefined;
  try {
    const handle = await openDatabase({ dataDir });
    try {
      dump = await handle.pglite!.dumpDataDir('none');
      key = readIfPresent(join(dataDir, EMBEDDED_SECRET_KEY_FILE));
    } finally {
      await handle.close();
    }
  } finally {
    unlock();
  }
  const manifest: BackupManifest = { format: 'plein-backup', version: 1, database: 'pglite', createdAt: now.toISOString(), secretKey: key !== undefined };
  await writeArchive(
    path,
    [
      { name: MANIFEST, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
      ...(key ? [{ name: EMBEDDED_SECRET_KEY_FILE, data: key }] : []),
      { name: DATABASE_DUMP, data: Buffer.from(await dump.arrayBuffer()) },
    ],
    now,
  );
  return { secretKey: key !== undefined };
}

// Only into a data folder without a database: restoring over live data must never happen by accident. All or nothing:
// when loading or migrating fails, what this restore wrote is removed again.
export async function restoreEmbeddedBackup(dataDir: string, file: string): Promise<{ secretKey: boolean; migration: MigrationResult }> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const unlock = lockFor(dataDir, 'Herstel gaat alleen in een lege datamap terwijl Plein stilstaat.');
  try {
    // Checked before the archive is read: a refusal should not wait for a large file to be unpacked.
    assertNoDatabase(dataDir);
    const archive = await readArchive(file);
    const manifest = parseManifest(archive.get(MANIFEST), file);
    const dump = archive.get(DATABASE_DUMP);
    if (!dump) throw new BackupError(`${file} is onvolledig: de database ontbreekt.`);
    const key = archive.get(EMBEDDED_SECRET_KEY_FILE);
    if (manifest.secretKey && !key) throw new BackupError(`${file} is onvolledig: secret.key ontbreekt.`);
    assertKeyFits(dataDir, key);
    const keyPath = join(dataDir, EMBEDDED_SECRET_KEY_FILE);
    const writesKey = key !== undefined && !existsSync(keyPath);
    try {
      if (writesKey) writeFileSync(keyPath, key, { mode: 0o600, flag: 'wx' });
      const handle = await openDatabase({ dataDir, template: new Blob([dump], { type: 'application/x-tar' }) });
      try {
        return { secretKey: key !== undefined, migration: await migrate(handle) };
      } finally {
        await handle.close();
      }
    } catch (error) {
      rmSync(join(dataDir, DATABASE_FOLDER), { recursive: true, force: true });
      if (writesKey) rmSync(keyPath, { force: true });
      throw error;
    }
  } finally {
    unlock();
  }
}

function assertNoDatabase(dataDir: string) {
  const folder = join(dataDir, DATABASE_FOLDER);
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    throw new BackupError(
      `In ${resolve(dataDir)} staat al een database. Herstel gaat alleen in een lege datamap: kies met PLEIN_DATA_DIR een nieuwe map, ` +
        'of verplaats deze datamap eerst (zo blijft ze bewaard als het herstel niet is wat u verwachtte).',
    );
  }
}

function assertKeyFits(dataDir: string, key: Buffer | undefined) {
  const existing = readIfPresent(join(dataDir, EMBEDDED_SECRET_KEY_FILE));
  if (existing && key && !isSameKey(existing, key)) {
    throw new BackupError(
      `In ${resolve(dataDir)} staat al een secret.key die niet bij deze back-up hoort. Verplaats hem eerst; de sleutel uit de back-up opent de opgeslagen tokens.`,
    );
  }
}

// The same key may be written as hex or base64, with or without a newline.
function isSameKey(a: Buffer, b: Buffer): boolean {
  const [first, second] = [decodeSecretKey(a.toString('utf8')), decodeSecretKey(b.toString('utf8'))];
  return first && second ? first.equals(second) : a.equals(b);
}

function parseManifest(data: Buffer | undefined, file: string): BackupManifest {
  let manifest: Partial<BackupManifest> | undefined;
  try {
    manifest = data ? (JSON.parse(data.toString('utf8')) as Partial<BackupManifest>) : undefined;
  } catch {
    manifest = undefined;
  }
  if (manifest?.format !== 'plein-backup' || manifest.database !== 'pglite') {
    throw new BackupError(`${file} is geen back-up van de ingebouwde database van Plein.`);
  }
  if (manifest.version !== 1) throw new BackupError(`${file} heeft versie ${manifest.version} van het back-upformaat; deze Plein kent alleen versie 1.`);
  return manifest as BackupManifest;
}

// The lock's own message says which process holds the data folder; this adds why that matters here.
function lockFor(dataDir: string, why: string): () => void {
  try {
    return lockDataDir(dataDir);
  } catch (error) {
    if (error instanceof DataDirInUseError) throw new DataDirInUseError(`${error.message} ${why}`);
    throw error;
  }
}

function readIfPresent(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
