import type { Clock } from '../clock.service';
import type { Db } from '../db/database.client';
import type { JobRow } from '../db/database.schema';

export interface JobContext {
  // The transaction the job's completion commits in: database effects written here happen exactly once.
  db: Db;
  clock: Clock;
  job: JobRow;
  payload: Record<string, unknown>;
  // What prepare returned (undefined without a prepare phase).
  prepared?: unknown;
}

export interface JobDefinition {
  name: string;
  // Slow work that must not hold a transaction (a call to a platform): runs before the handler,
  // outside the transaction, on the plain database. On PGlite a transaction holds the only session,
  // so a network call inside one would stall every request. If the process dies between the two
  // phases, the job runs again from prepare: its effects must be safe to repeat (idempotent platform
  // ids, or a check for what an interrupted attempt already did).
  prepare?: (ctx: Omit<JobContext, 'prepared'>) => Promise<unknown>;
  handler: (ctx: JobContext) => Promise<void>;
  maxAttempts?: number;
  // Jobs that may run as one: a worker that claims one also takes up to `maxJobs - 1` more of the same name and
  // organisation that are waiting, and runs the handler once on their merged payload, in one transaction. When
  // work piles up (a burst of small poll pages) each run handles more and the per-run costs are paid less often;
  // when it does not, a job runs alone as soon as it is due. A job that failed once runs alone from then on.
  coalesce?: { maxJobs: number; merge: (payloads: Record<string, unknown>[]) => Record<string, unknown> };
  // The payload fields that must not stay readable once the job is done (a mail's text with a reset, KTO, tracking or
  // partner link): removed from the stored row in the transaction that marks it done. Until then a retry needs them.
  forgetWhenDone?: (payload: Record<string, unknown>) => string[];
}

export class JobRegistry {
  private readonly definitions = new Map<string, JobDefinition>();

  register(definition: JobDefinition): void {
    if (this.definitions.has(definition.name)) throw new Error(`Job ${definition.name} is al geregistreerd`);
    this.definitions.set(definition.name, definition);
  }

  get(name: string): JobDefinition | undefined {
    return this.definitions.get(name);
  }

  names(): string[] {
    return [...this.definitions.keys()];
  }
}

// Exponential backoff with ±20% jitter so retries from many jobs do not arrive together.
export function computeBackoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + random() * 0.4));
}
