import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.service';
import type { Database } from './database.schema';
import { PGliteDialect } from './pglite-dialect.client';

export type Db = Kysely<Database>;

// Work that must be all or nothing, inside the caller's transaction when there is one (Kysely cannot nest them), so a
// service can be called on its own or as part of something larger (an idempotent request, a job).
export function runInDbTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

// Work that may fail without failing the caller's transaction: a savepoint inside one (PostgreSQL aborts the whole
// transaction on an error otherwise), a transaction of its own outside one. The name is unique per call, so nested
// uses do not release each other's savepoints.
let savepoints = 0;
export async function runInSavepoint<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (!db.isTransaction) return db.transaction().execute(work);
  const name = sql.raw(`plein_${++savepoints}`);
  await sql`SAVEPOINT ${name}`.execute(db);
  try {
    const result = await work(db);
    await sql`RELEASE SAVEPOINT ${name}`.execute(db);
    return result;
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(db);
    throw error;
  }
}

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  // The embedded engine itself, for dumps (test templates, backups); absent on PostgreSQL.
  pglite?: PGlite;
  // Runs a multi-statement SQL script and a bookkeeping statement in one transaction.
  runScriptInTransaction(script: string, after: { sql: string; params: unknown[] }): Promise<void>;
  // Receives NOTIFY payloads on a channel, from this process and (on PostgreSQL) from every other one.
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

// Timestamps come back as Date, bigint counts as number: the same on both drivers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
  // A dumped PGlite data dir to start from; tests use a migrated template (initdb takes seconds).
  template?: Blob;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (error) => process.emitWarning(`PostgreSQL-verbinding verbroken: ${error.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      runScriptInTransaction: async (script, after) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query(script);
          await client.query(after.sql, after.params);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        } finally {
          client.release();
        }
      },
      listen: (channel, onPayload) => listenOnPostgres(options.databaseUrl!, channel, onPayload),
      close: () => db.destroy(),
    };
  }
  // No data dir means an in-memory database (tests).
  let dataDir: string | undefined;
  let unlock = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
    dataDir = `${options.dataDir.replace(/\/$/, '')}/pglite`;
  }
  const pglite = await PGlite.create({ dataDir, loadDataDir: options.template });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    pglite,
    runScriptInTransaction: async (script, after) => {
      await pglite.transaction(async (tx) => {
        await tx.exec(script);
        await tx.query(after.sql, after.params);
      });
    },
    listen: async (channel, onPayload) => {
      const stop = await pglite.listen(channel, onPayload);
      return async () => {
        if (!pglite.closed) await stop();
      };
    },
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      unlock();
    },
  };
}

// One connection of its own per listener: a pooled connection would lose its LISTEN when returned. A
// dropped connection is replaced after a second, so a database restart only pauses the notifications.
async function listenOnPostgres(connectionString: string, channel: string, onPayload: (payload: string) => void) {
  let client: pg.Client | null = null;
  let stopped = false;
  const connect = async () => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    next.on('error', () => {
      next.end().catch(() => {});
      if (!stopped) setTimeout(() => void connect().catch(() => {}), 1_000).unref();
    });
    await next.connect();
    await next.query(`LISTEN "${channel.replace(/"/g, '')}"`);
    client = next;
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => {});
  };
}
