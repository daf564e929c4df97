import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openScratchDatabase, openTestDatabase } from '@test/harness';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from './database.client';
import { listMigrationFiles, migrate } from './migrate.service';

const realDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openScratchDatabase();
});
afterAll(async () => handle.close());

it('past elke migratie één keer toe, in volgorde, en een tweede keer niets', async () => {
  const first = await migrate(handle);
  expect(first.applied).toEqual(listMigrationFiles());
  const second = await migrate(handle);
  expect(second.applied).toEqual([]);
});

it('rolt een mislukte migratie helemaal terug en gaat niet verder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plein-migraties-'));
  for (const file of listMigrationFiles()) copyFileSync(join(realDir, file), join(dir, file));
  writeFileSync(join(dir, '9998_half_kapot.sql'), 'CREATE TABLE proef_een (organisation_id uuid);\nSELECT dit_bestaat_niet();\n');
  writeFileSync(join(dir, '9999_daarna.sql'), 'CREATE TABLE proef_twee (organisation_id uuid);\n');
  await expect(migrate(handle, dir)).rejects.toThrow();
  const tables = await sql<{ name: string | null }>`SELECT to_regclass('proef_een')::text AS name UNION ALL SELECT to_regclass('proef_twee')::text`.execute(
    handle.db,
  );
  expect(tables.rows.map((row) => row.name)).toEqual([null, null]);
  const recorded = await handle.db
    .selectFrom('schema_migrations' as never)
    .select('name' as never)
    .execute();
  expect(recorded.map((row) => (row as { name: string }).name)).not.toContain('9998_half_kapot.sql');
});

it('elke tabel draagt organisation_id in zijn primaire, unieke en verwijzende sleutels', async () => {
  const test = await openTestDatabase();
  try {
    const rows = await sql<{ table_name: string; columns: string }>`
      SELECT c.relname AS table_name, string_agg(a.attname, ',') AS columns
      FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(k.conkey)
      WHERE k.contype IN ('p', 'u', 'f') AND NOT c.relispartition
      GROUP BY c.relname, k.conname`.execute(test.db);
    const exempt = new Set(['organisations', 'schema_migrations']);
    const missing = rows.rows.filter((row) => !exempt.has(row.table_name) && !row.columns.split(',').includes('organisation_id'));
    expect(missing).toEqual([]);
    expect(rows.rows.length).toBeGreaterThan(10);
  } finally {
    await test.close();
  }
});
