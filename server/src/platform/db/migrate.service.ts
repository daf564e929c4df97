import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DatabaseHandle } from './database.client';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

// Any fixed number works; it only has to be the same for every Plein process.
const MIGRATION_LOCK_ID = 748_201_311;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export function listMigrationFiles(directory = migrationsDir): string[] {
  return readdirSync(directory)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort();
}

// Forward-only: each file runs once, inside one transaction together with its bookkeeping row.
// An advisory lock lets several processes start against one PostgreSQL at the same time.
export async function migrate(handle: DatabaseHandle, directory = migrationsDir): Promise<MigrationResult> {
  return handle.db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_ID})`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
        name text PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`.execute(conn);
      const done = await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(conn);
      const doneNames = new Set(done.rows.map((row) => row.name));
      const applied: string[] = [];
      for (const file of listMigrationFiles(directory)) {
        if (doneNames.has(file)) continue;
        const text = readFileSync(join(directory, file), 'utf8');
        await handle.runScriptInTransaction(text, {
          sql: 'INSERT INTO schema_migrations (name) VALUES ($1)',
          params: [file],
        });
        applied.push(file);
      }
      return { applied, alreadyApplied: doneNames.size };
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_ID})`.execute(conn);
    }
  });
}
