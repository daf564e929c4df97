import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { ChannelAccountRow } from '@platform/db/database.schema';
import { enqueueJob } from '@platform/jobs/jobs.service';
import { findAlertRecipients } from '@platform/users/users.repository';
import { updateAccount } from './accounts.repository';
import type { ChannelError } from './connector.types';
import { findFailingStreams, recordStreamError, recordStreamSuccess } from './stream-health.repository';

// The part of an account a platform call was for: a polled stream's name (X's 'mentions', 'dm'), or one of these.
export const LIVE_STREAM = 'live';
export const SENDING_STREAM = 'versturen';

// What a failed platform call means for the account, the same for polling and sending:
// a 429 pauses the account until the platform allows it again, and so does a 5xx with Retry-After (RFC 9110 §10.2.3:
// "unavailable until then"; polls have no backoff of their own and would otherwise ask again at the next slot); an
// expired or revoked token marks it as needing attention and tells its owner once, as does an address Plein may not
// connect to; anything else is shown as the last error. The error is also kept for the part that failed (`stream`).
export async function recordAccountFailure(db: Db, clock: Clock, account: ChannelAccountRow, error: ChannelError, stream: string) {
  const now = clock.now();
  const base = { last_error: error.message.slice(0, 1000), last_error_at: now };
  await recordStreamError(db, { organisationId: account.organisation_id, accountId: account.id, stream }, base.last_error, now);
  if (error.kind === 'rate-limited' || (error.kind === 'transient' && error.retryAfterMs)) {
    await updateAccount(db, account.organisation_id, account.id, {
      ...base,
      rate_limited_until: new Date(now.getTime() + (error.retryAfterMs ?? 60_000)),
    });
    return;
  }
  if (error.kind === 'auth' || error.needsAttention) {
    await updateAccount(db, account.organisation_id, account.id, { ...base, status: 'aandacht-nodig' });
    if (account.status !== 'aandacht-nodig') await alertOwners(db, clock, account, error.message);
    return;
  }
  await updateAccount(db, account.organisation_id, account.id, base);
}

// A success clears the error of that part only: X's direct messages arriving say nothing about its mentions, which
// may still fail. The account keeps showing the most recent error of a part that has not succeeded since.
export async function recordAccountSuccess(db: Db, clock: Clock, account: ChannelAccountRow, stream: string) {
  const now = clock.now();
  await recordStreamSuccess(db, { organisationId: account.organisation_id, accountId: account.id, stream }, now);
  const stillFailing = account.last_error === null ? undefined : await findFailingStreams(db, account.organisation_id, [account.id]);
  const shown = stillFailing?.get(account.id)?.[0];
  await updateAccount(db, account.organisation_id, account.id, {
    last_success_at: now,
    ...(account.status === 'nieuw' && { status: 'verbonden' }),
    ...(account.last_error !== null && { last_error: shown?.last_error ?? null, last_error_at: shown?.last_error_at ?? account.last_error_at }),
  });
}

async function alertOwners(db: Db, clock: Clock, account: ChannelAccountRow, reason: string) {
  const recipients = await findAlertRecipients(db, account.organisation_id, account.owner_user_id);
  for (const recipient of recipients) {
    await enqueueJob(db, {
      organisationId: account.organisation_id,
      name: 'mail.versturen',
      runAt: clock.now(),
      uniqueKey: `kanaal-aandacht:${account.id}:${recipient.id}:${clock.now().toISOString().slice(0, 10)}`,
      payload: {
        to: recipient.email,
        subject: `Plein: ${account.channel}-account ${account.handle} heeft aandacht nodig`,
        text: [
          `Beste ${recipient.name},`,
          '',
          `Plein kan het ${account.channel}-account "${account.handle}" niet meer gebruiken: ${reason}`,
          'Er worden geen berichten meer opgehaald of verstuurd tot iemand het account opnieuw koppelt.',
          '',
          'Ga in Plein naar Beheer → Kanalen, kies het account en vul een nieuw token of wachtwoord in.',
        ].join('\n'),
      },
    });
  }
}
