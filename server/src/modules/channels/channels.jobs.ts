import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { ChannelAccountRow } from '@platform/db/database.schema';
import type { OutboundPolicy } from '@platform/http/outbound.client';
import { computeBackoffDelayMs, type JobRegistry } from '@platform/jobs/job-registry.service';
import { deleteFinishedJobs } from '@platform/jobs/jobs.repository';
import { enqueueJob } from '@platform/jobs/jobs.service';
import type { Mailer } from '@platform/mail/mailer.client';
import { recordAccountFailure, recordAccountSuccess, SENDING_STREAM } from './account-health.service';
import { openAccountSecrets, type SecretKeys, sealAccountSecrets } from './account-secrets.rules';
import { findAccount, findPollableAccounts, lockAccount, updateAccount } from './accounts.repository';
import { ChannelError, type ConnectorAccount, type ConnectorDeps, type PollResult, type SentResult } from './connector.types';
import { findConnector, listPollingChannels } from './connectors/connectors.registry';
import { enqueuePollsFor, POLL_JOB, storeMessages } from './ingest.service';
import { advanceCursor, findCursor } from './messages.repository';
import { lockOutboxItem, markOutboxSendStarted, updateOutboxItem } from './outbox.repository';
import { loadOutboundRequest, recordSent, SEND_JOB } from './outbox.service';

export const PLAN_JOB = 'kanalen.plannen';
const MAX_SEND_ATTEMPTS = 8;

export interface ChannelKit {
  keys: SecretKeys;
  fetch: typeof fetch;
  outbound?: OutboundPolicy;
  mailer?: Mailer;
  mailDomain?: string;
  timeoutMs?: number;
}

export function buildConnectorAccount(keys: SecretKeys, row: ChannelAccountRow): ConnectorAccount {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    municipalityId: row.municipality_id,
    channel: row.channel as ConnectorAccount['channel'],
    handle: row.handle,
    serviceUrl: row.service_url,
    settings: row.settings,
    secrets: openAccountSecrets(keys, row.organisation_id, row.id, row.secrets_sealed),
  };
}

function asChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  return new ChannelError('transient', error instanceof Error ? error.message : String(error));
}

function blockedUntil(account: ChannelAccountRow, now: Date): Date | null {
  return account.rate_limited_until && account.rate_limited_until > now ? account.rate_limited_until : null;
}

async function storeRefreshedSecrets(db: Db, keys: SecretKeys, account: ChannelAccountRow, fresh: Record<string, string> | undefined) {
  if (!fresh) return;
  const merged = { ...openAccountSecrets(keys, account.organisation_id, account.id, account.secrets_sealed), ...fresh };
  await updateAccount(db, account.organisation_id, account.id, { secrets_sealed: sealAccountSecrets(keys, account.organisation_id, account.id, merged) });
}

type PollPrepared = { skip: true } | { cursor: unknown; sealedUsed: string | null; result?: PollResult; error?: ChannelError };

// Another process renewed the account's tokens while this one was working with the old ones (X rotates
// the refresh token on every use, so the slower of two refreshes is refused). That is no reason to
// mark the account as needing attention: the next attempt uses the new tokens.
function staleCredentials(error: ChannelError, account: ChannelAccountRow, sealedUsed: string | null): ChannelError {
  if (error.kind !== 'auth' || account.secrets_sealed === sealedUsed) return error;
  return new ChannelError('transient', 'De tokens waren intussen door een ander proces vernieuwd; volgende keer opnieuw.');
}

export function registerChannelJobs(registry: JobRegistry, kit: ChannelKit): void {
  const depsFor = (clock: Clock): ConnectorDeps => ({
    fetch: kit.fetch,
    outbound: kit.outbound,
    clock,
    mailer: kit.mailer,
    mailDomain: kit.mailDomain,
    timeoutMs: kit.timeoutMs,
  });

  // Every minute: one poll per pollable account and stream that is due. Unique keys per time slot
  // make this safe to run in every process.
  registry.register({
    name: PLAN_JOB,
    handler: async ({ db, clock }) => {
      const now = clock.now();
      for (const account of await findPollableAccounts(db, listPollingChannels())) {
        await enqueuePollsFor(db, { now: () => now }, account);
      }
      // A poll a minute per stream adds up: finished polls are kept a day (long enough for a look in
      // Beheer → Taken, and longer than any poll interval, so a slot's unique key is never reused).
      await deleteFinishedJobs(db, POLL_JOB, new Date(now.getTime() - 86_400_000), 5_000);
    },
  });

  registry.register({
    name: POLL_JOB,
    maxAttempts: 3,
    // The platform call happens here, outside the transaction; the handler stores what it brought.
    prepare: async ({ db, clock, job, payload }): Promise<PollPrepared> => {
      const account = await findAccount(db, job.organisation_id, String(payload.accountId));
      const connector = account && findConnector(account.channel);
      if (!account || !connector?.poll || account.paused || account.status === 'aandacht-nodig' || blockedUntil(account, clock.now())) {
        return { skip: true };
      }
      const stream = String(payload.stream);
      const cursor = (await findCursor(db, account.organisation_id, account.id, stream))?.cursor ?? null;
      try {
        return {
          cursor,
          sealedUsed: account.secrets_sealed,
          result: await connector.poll(buildConnectorAccount(kit.keys, account), stream, cursor, depsFor(clock)),
        };
      } catch (error) {
        return { cursor, sealedUsed: account.secrets_sealed, error: asChannelError(error) };
      }
    },
    handler: async ({ db, clock, job, payload, prepared }) => {
      const outcome = prepared as PollPrepared;
      if ('skip' in outcome) return;
      const account = await lockAccount(db, job.organisation_id, String(payload.accountId));
      if (!account) return;
      if (outcome.error) {
        await storeRefreshedSecrets(db, kit.keys, account, outcome.error.secrets);
        await recordAccountFailure(db, clock, account, staleCredentials(outcome.error, account, outcome.sealedUsed), String(payload.stream));
        return;
      }
      const result = outcome.result!;
      const stream = String(payload.stream);
      await storeMessages(db, clock, account, result.messages, { stream });
      const moved = await advanceCursor(
        db,
        { organisationId: account.organisation_id, accountId: account.id, stream },
        outcome.cursor,
        result.cursor,
        clock.now(),
      );
      await storeRefreshedSecrets(db, kit.keys, account, result.secrets);
      await recordAccountSuccess(db, clock, account, stream);
      // More waiting at the platform: fetch the next page now instead of at the next minute.
      if (moved && result.more) {
        await enqueueJob(db, {
          organisationId: account.organisation_id,
          name: POLL_JOB,
          payload: { accountId: account.id, stream },
          runAt: clock.now(),
          uniqueKey: `ophalen:${account.id}:${stream}:vervolg:${job.id}`,
          maxAttempts: 3,
        });
      }
    },
  });

  type SendPrepared =
    | { skip: true }
    | { deferUntil: Date }
    | { uncertain: true }
    | { result: SentResult; recovered: boolean }
    | { error: ChannelError; sealedUsed?: string | null };

  registry.register({
    name: SEND_JOB,
    maxAttempts: 3,
    prepare: async ({ db, clock, job, payload }): Promise<SendPrepared> => {
      const loaded = await loadOutboundRequest(db, job.organisation_id, String(payload.outboxId));
      // A later part of a thread whose earlier part is not sent waits: recordSent queues it when that part goes.
      if (loaded?.item.status !== 'wachtend' || loaded.blocked) return { skip: true };
      const { account, request } = loaded;
      const connector = findConnector(account.channel);
      if (!connector?.send) return { error: new ChannelError('permanent', `Plein kan niet versturen via ${account.channel}.`) };
      if (account.paused) return { error: new ChannelError('permanent', 'Het account is gepauzeerd.') };
      const until = blockedUntil(account, clock.now());
      if (until) return { deferUntil: until };
      try {
        const target = buildConnectorAccount(kit.keys, account);
        // In doubt whether an earlier attempt reached the platform: a second run of this job (the first
        // died), or an earlier job for this item that failed with a timeout or a 5xx, after which the
        // platform may still have published it. Then ask before sending again.
        const inDoubt = job.attempts > 1 || loaded.item.attempts > 0 || loaded.item.last_error !== null;
        if (inDoubt && connector.findSent) {
          const found = await connector.findSent(target, request, depsFor(clock));
          if (found) return { result: found, recovered: true };
        }
        // A platform that cannot be asked afterwards: an attempt that began and never ended (the process died during
        // the call, or no answer came) may have reached it. Sending again could reach the resident twice; a person
        // looks instead. The mark is committed before the call, outside the job's transaction.
        if (!connector.findSent) {
          if (loaded.item.send_started_at) return { uncertain: true };
          await markOutboxSendStarted(db, loaded.item.organisation_id, loaded.item.id, clock.now());
        }
        return { result: await connector.send(target, request, depsFor(clock)), recovered: false };
      } catch (error) {
        return { error: asChannelError(error), sealedUsed: account.secrets_sealed };
      }
    },
    handler: async ({ db, clock, job, payload, prepared }) => {
      const outcome = prepared as SendPrepared;
      if ('skip' in outcome) return;
      const item = await lockOutboxItem(db, job.organisation_id, String(payload.outboxId));
      if (item?.status !== 'wachtend') return;
      const account = await lockAccount(db, item.organisation_id, item.account_id);
      if (!account) return;
      const retry = async (at: Date) =>
        enqueueJob(db, {
          organisationId: item.organisation_id,
          name: SEND_JOB,
          payload: { outboxId: item.id },
          runAt: at,
          uniqueKey: `versturen:${item.id}:${job.id}`,
          maxAttempts: 3,
        });
      if ('deferUntil' in outcome) {
        await retry(outcome.deferUntil);
        return;
      }
      if ('uncertain' in outcome) {
        await updateOutboxItem(db, item.organisation_id, item.id, {
          status: 'mislukt',
          last_error:
            'Onzeker of dit bericht is aangekomen: Plein werd onderbroken tijdens het versturen en dit platform kan dat niet navragen. ' +
            'Kijk in het gesprek op het platform en verstuur het alleen opnieuw als het er niet staat.',
        });
        return;
      }
      if ('result' in outcome) {
        await storeRefreshedSecrets(db, kit.keys, account, outcome.result.secrets);
        await recordSent(db, clock, account, item, outcome.result);
        await recordAccountSuccess(db, clock, account, SENDING_STREAM);
        return;
      }
      const error = outcome.sealedUsed === undefined ? outcome.error : staleCredentials(outcome.error, account, outcome.sealedUsed);
      await storeRefreshedSecrets(db, kit.keys, account, error.secrets ?? outcome.error.secrets);
      if (!account.paused) await recordAccountFailure(db, clock, account, error, SENDING_STREAM);
      const attempts = item.attempts + 1;
      // The platform answered (a status) that it did not take the message, or no connection was ever made: sending
      // again is safe. Without an answer on a connection that was made (a timeout, a cut) the mark stays and the next
      // attempt asks a person.
      if ((error.status !== undefined || error.neverConnected) && item.send_started_at) {
        await updateOutboxItem(db, item.organisation_id, item.id, { send_started_at: null });
      }
      const retryable = error.kind === 'transient' || error.kind === 'rate-limited';
      if (retryable && attempts < MAX_SEND_ATTEMPTS) {
        await updateOutboxItem(db, item.organisation_id, item.id, { attempts, last_error: error.message });
        const delay = error.retryAfterMs ?? computeBackoffDelayMs(attempts);
        await retry(new Date(clock.now().getTime() + delay));
        return;
      }
      await updateOutboxItem(db, item.organisation_id, item.id, { attempts, last_error: error.message, status: 'mislukt' });
    },
  });
}
