import type { Clock } from './clock.service';
import type { Db } from './db/database.client';
import type { Actor } from './tenancy/policy.rules';

// Where a change came from; written to the audit log.
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

// What every use case receives explicitly: no globals, no Fastify.
export interface ServiceContext {
  db: Db;
  clock: Clock;
  actor: Actor;
  origin: RequestOrigin;
}

export const cliOrigin: RequestOrigin = { ip: null, userAgent: 'plein-cli', requestId: null };

export function withDb(ctx: ServiceContext, db: Db): ServiceContext {
  return { ...ctx, db };
}

// Runs work and its audit record in one transaction, so a change is never without its trace.
export async function runInTransaction<T>(ctx: ServiceContext, work: (tx: ServiceContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return ctx.db.transaction().execute((trx) => work(withDb(ctx, trx)));
}
