import { hostname } from 'node:os';
import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { ChannelAccountRow } from '@platform/db/database.schema';
import { computeBackoffDelayMs } from '@platform/jobs/job-registry.service';
import type { Logger } from 'pino';
import { LIVE_STREAM, recordAccountFailure, recordAccountSuccess } from './account-health.service';
import type { SecretKeys } from './account-secrets.rules';
import { findAccount, findStreamingAccounts, lockAccount } from './accounts.repository';
import { buildConnectorAccount } from './channels.jobs';
import type { ChannelError, LiveStream } from './connector.types';
import { findConnector, listStreamingChannels } from './connectors/connectors.registry';
import { storeMessages } from './ingest.service';
import { claimStreamLease, releaseStreamLease } from './stream-leases.repository';

const LEASE_MS = 60_000;

interface Running {
  stream: LiveStream;
  organisationId: string;
}

// Keeps one live stream per streaming account across all processes: each round it takes or renews
// leases, opens streams it holds and closes those it lost or that should stop (paused, needs attention).
// Messages from a stream take the same path as polls; the regular poll fills whatever a dropped
// connection missed, so a stream only makes Plein faster, never the only way in.
export class StreamSupervisor {
  private readonly running = new Map<string, Running>();
  private readonly retryAt = new Map<string, number>();
  // Consecutive failures per account, for the reconnect backoff; reset by the first stored batch.
  private readonly failures = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  readonly holder = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

  constructor(private readonly options: { db: Db; clock: Clock; keys: SecretKeys; fetch: typeof fetch; logger?: Logger; intervalMs?: number }) {}

  start(): void {
    if (this.timer || listStreamingChannels().length === 0) return;
    const tick = () => {
      this.round = this.superviseOnce().catch((error) => this.options.logger?.error({ err: error }, 'stroombewaking mislukt'));
    };
    tick();
    this.timer = setInterval(tick, this.options.intervalMs ?? 20_000);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.round;
    await Promise.all([...this.running.keys()].map((key) => this.closeStream(key)));
  }

  openStreams(): string[] {
    return [...this.running.keys()];
  }

  async superviseOnce(): Promise<void> {
    const { db, clock } = this.options;
    const accounts = await findStreamingAccounts(db, listStreamingChannels());
    const wanted = new Set(accounts.map((account) => account.id));
    for (const key of this.running.keys()) if (!wanted.has(key)) await this.closeStream(key);
    const now = clock.now();
    for (const account of accounts) {
      const held = await claimStreamLease(
        db,
        { organisationId: account.organisation_id, accountId: account.id },
        this.holder,
        now,
        new Date(now.getTime() + LEASE_MS),
      );
      if (!held) {
        if (this.running.has(account.id)) await this.closeStream(account.id, false);
        continue;
      }
      if (!this.running.has(account.id) && (this.retryAt.get(account.id) ?? 0) <= now.getTime()) this.openStream(account);
    }
  }

  private openStream(account: ChannelAccountRow) {
    const connector = findConnector(account.channel);
    if (!connector?.stream) return;
    const { db, clock, keys } = this.options;
    const stream = connector.stream(
      buildConnectorAccount(keys, account),
      { fetch: this.options.fetch, clock },
      {
        onMessages: async (messages) => {
          await db.transaction().execute(async (trx) => {
            await storeMessages(trx, clock, account, messages);
            const current = await lockAccount(trx, account.organisation_id, account.id);
            if (current) await recordAccountSuccess(trx, clock, current, LIVE_STREAM);
          });
          this.failures.delete(account.id);
        },
        onError: (error) => void this.onStreamError(account, error),
      },
    );
    this.running.set(account.id, { stream, organisationId: account.organisation_id });
    // A connection that ends by itself is reopened at a later round, after a backoff.
    void stream.ended.then(() => {
      if (this.running.get(account.id)?.stream !== stream) return;
      this.running.delete(account.id);
      const failures = (this.failures.get(account.id) ?? 0) + 1;
      this.failures.set(account.id, failures);
      this.retryAt.set(account.id, clock.now().getTime() + computeBackoffDelayMs(failures));
    });
  }

  private async onStreamError(account: ChannelAccountRow, error: ChannelError) {
    this.options.logger?.warn({ account: account.id, err: error.message }, 'stroom onderbroken');
    const current = await findAccount(this.options.db, account.organisation_id, account.id);
    if (current) await recordAccountFailure(this.options.db, this.options.clock, current, error, LIVE_STREAM);
    if (error.kind === 'auth' || error.kind === 'permanent') await this.closeStream(account.id);
  }

  private async closeStream(accountId: string, release = true) {
    const entry = this.running.get(accountId);
    this.running.delete(accountId);
    if (!entry) return;
    await entry.stream.close();
    if (release) await releaseStreamLease(this.options.db, { organisationId: entry.organisationId, accountId }, this.holder);
  }
}
