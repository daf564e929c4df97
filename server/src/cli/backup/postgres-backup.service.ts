import { resolve } from 'node:path';
import { openDatabase } from '@platform/db/database.client';
import { type MigrationResult, migrate } from '@platform/db/migrate.service';
import { BackupError } from './backup.errors';
import { countTables } from './catalog.repository';
import { describeDatabase, runPgTool } from './pg-tools.client';

// pg_dump reads the whole database in one snapshot, so Plein may keep running; the custom format is compressed and
// lets pg_restore pick parts (pg_restore --list).
export async function writePostgresBackup(databaseUrl: string, path: string): Promise<void> {
  await runPgTool('pg_dump', databaseUrl, ['--format=custom', `--file=${resolve(path)}`]);
}

// Only into a database without tables: restoring over live data must never happen by accident. One transaction that
// stops at the first error, so a failed restore leaves the database as empty as it was. Owners are not restored:
// everything belongs to the user of DATABASE_URL, as after "plein migrate".
export async function restorePostgresBackup(databaseUrl: string, file: string): Promise<MigrationResult> {
  const handle = await openDatabase({ databaseUrl });
  try {
    const tables = await countTables(handle.db);
    if (tables > 0) {
      throw new BackupError(
        `De database ${describeDatabase(databaseUrl)} is niet leeg (${tables} tabellen). Herstel gaat alleen in een nieuwe, lege database ` +
          '(bijvoorbeeld: createdb --owner plein plein_hersteld) met DATABASE_URL daarnaar.',
      );
    }
    await runPgTool('pg_restore', databaseUrl, ['--no-owner', '--exit-on-error', '--single-transaction', resolve(file)]);
    return await migrate(handle);
  } finally {
    await handle.close();
  }
}
