import type { Db } from '@platform/db/database.client';
import { sql } from 'kysely';

// Tables and views of any schema but PostgreSQL's own: a restore only goes into a database that has none.
export async function countTables(db: Db): Promise<number> {
  const result = await sql<{ tables: number }>`
    SELECT count(*)::int AS tables FROM information_schema.tables
    WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`.execute(db);
  return result.rows[0]?.tables ?? 0;
}
