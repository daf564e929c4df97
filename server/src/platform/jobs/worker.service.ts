import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Clock } from '../clock.service';
import type { Db } from '../db/database.client';
import type { JobRow } from '../db/database.schema';
import { computeBackoffDelayMs, type JobRegistry } from './job-registry.service';
import { claimDueJob, claimJobsToCoalesce, lockClaimedJob, markJobFailedAttempt, markJobsDone, renewLeases } from './jobs.repository';
import { runDueSchedules } from './scheduler.service';

export interface WorkerOptions {
  db: Db;
  clock: Clock;
  registry: JobRegistry;
  logger?: Logger;
  pollIntervalMs?: number;
  workerId?: string;
  // How long a claim holds before another worker may take over a job whose worker vanished (killed, machine gone).
  // A running worker renews it every third of that, so only a dead one loses its jobs.
  leaseSeconds?: number;
  // How often the lease is renewed, in real milliseconds (tests shorten it); a third of the lease by default.
  renewEveryMs?: number;
}

// Short enough that a killed worker's job is taken over within half a minute, long enough that a renewal that is
// a few seconds late (a busy event loop) does not hand a living worker's job to another.
export const DEFAULT_LEASE_SECONDS = 30;

class LeaseLostError extends Error {}

// Each worker claims one job at a time (or several that coalesce into one run); run several processes for more
// throughput.
export class Worker {
  readonly workerId: string;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly options: WorkerOptions) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.runLoop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  // Runs schedules and jobs until nothing is due; tests call this instead of waiting for the loop.
  async drain(maxJobs = 1_000): Promise<number> {
    let processed = 0;
    await runDueSchedules(this.options.db, this.options.clock);
    while (processed < maxJobs && (await this.runOne())) processed++;
    return processed;
  }

  async runOne(): Promise<boolean> {
    const { db, clock, registry } = this.options;
    const now = clock.now();
    const names = registry.names();
    if (names.length === 0) return false;
    const leaseSeconds = this.options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
    const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000);
    const job = await claimDueJob(db, { names, workerId: this.workerId, now, leaseUntil });
    if (!job) return false;
    const definition = registry.get(job.name);
    if (!definition) return true;
    const jobs = [job];
    if (definition.coalesce && job.attempts === 1) {
      const limit = definition.coalesce.maxJobs - 1;
      jobs.push(...(await claimJobsToCoalesce(db, { name: job.name, organisationId: job.organisation_id, workerId: this.workerId, now, leaseUntil, limit })));
    }
    const payload = definition.coalesce && jobs.length > 1 ? definition.coalesce.merge(jobs.map((claimed) => claimed.payload)) : job.payload;
    try {
      const prepared = definition.prepare ? await this.keepingLeases(jobs, leaseSeconds, () => definition.prepare!({ db, clock, job, payload })) : undefined;
      // In the transaction the job rows are locked (lockClaimedJob): other workers skip them, lease or not.
      await db.transaction().execute(async (trx) => {
        for (const claimed of jobs) if (!(await lockClaimedJob(trx, claimed))) throw new LeaseLostError();
        await definition.handler({ db: trx, clock, job, payload, prepared });
        await markJobsDone(trx, jobs, clock.now(), definition.forgetWhenDone?.(payload));
      });
    } catch (error) {
      if (error instanceof LeaseLostError) return true;
      const message = error instanceof Error ? error.message : String(error);
      for (const claimed of jobs) {
        const maxAttempts = Math.min(claimed.max_attempts, definition.maxAttempts ?? claimed.max_attempts);
        const retryAt = claimed.attempts < maxAttempts ? new Date(clock.now().getTime() + computeBackoffDelayMs(claimed.attempts)) : null;
        this.options.logger?.warn(
          { job: claimed.id, name: claimed.name, attempt: claimed.attempts, together: jobs.length, retry: retryAt !== null, err: message },
          'taak mislukt',
        );
        await markJobFailedAttempt(db, claimed, { error: message, retryAt, now: clock.now() });
      }
    }
    return true;
  }

  // Renews the claim on these jobs while `work` runs outside a transaction (a platform call may take long).
  private async keepingLeases<T>(jobs: Pick<JobRow, 'organisation_id' | 'id' | 'lease_token'>[], leaseSeconds: number, work: () => Promise<T>): Promise<T> {
    const { db, clock, logger } = this.options;
    const renew = () =>
      renewLeases(db, jobs, new Date(clock.now().getTime() + leaseSeconds * 1000)).catch((error) =>
        logger?.warn({ err: error, jobs: jobs.map((job) => job.id) }, 'claim op taak niet verlengd'),
      );
    const timer = setInterval(renew, this.options.renewEveryMs ?? (leaseSeconds * 1000) / 3);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  private async runLoop(): Promise<void> {
    const interval = this.options.pollIntervalMs ?? 1_000;
    // Schedules have minute precision: checking them once per poll interval is enough, also while busy with jobs.
    let schedulesCheckedAt = Number.NEGATIVE_INFINITY;
    while (this.running) {
      let worked = false;
      try {
        if (performance.now() - schedulesCheckedAt >= interval) {
          schedulesCheckedAt = performance.now();
          await runDueSchedules(this.options.db, this.options.clock);
        }
        worked = await this.runOne();
      } catch (error) {
        this.options.logger?.error({ err: error }, 'takenlus fout');
      }
      if (!worked && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, interval);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }
}
