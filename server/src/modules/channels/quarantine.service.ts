import type { QuarantinedMessage, QuarantineRetryOutcome } from '@contracts/channels';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { ChannelAccountRow, QuarantinedMessagesTable } from '@platform/db/database.schema';
import { notFound } from '@platform/http/http.errors';
import { actsForMunicipality, assertCan } from '@platform/tenancy/policy.rules';
import type { Selectable } from 'kysely';
import type { SecretKeys } from './account-secrets.rules';
import { findAccount } from './accounts.repository';
import type { NormalisedMessage } from './connector.types';
import { setDeliveryAside, storeBatch } from './ingest.service';
import { deleteQuarantineEntry, findQuarantineEntries, findQuarantineEntry } from './quarantine.repository';
import { parseQuarantinedPayload, summariseQuarantinedPayload } from './quarantine.rules';
import { readDeliveryAgain } from './webhooks.service';

// Messages of one channel account that PostgreSQL would not store (see ingest.service): what a beheerder sees in
// Beheer → Kanalen, tries again after an update of Plein, or removes.

function toQuarantinedView(row: Selectable<QuarantinedMessagesTable>): QuarantinedMessage {
  let summary = { author: '', excerpt: '' };
  try {
    summary = summariseQuarantinedPayload(parseQuarantinedPayload(row.payload));
  } catch {
    // A payload that no longer parses still shows its error and can be removed.
  }
  return {
    id: row.id,
    platformId: row.platform_id.slice(0, 500),
    stream: row.stream,
    ...summary,
    error: row.error,
    attempts: row.attempts,
    firstSeenAt: row.first_seen_at.toISOString(),
    lastTriedAt: row.last_tried_at.toISOString(),
  };
}

// A message is stored as it was made; a part of a delivery is first read again by the connector. What fails again
// stays set aside (one more attempt, the new error).
async function storeAgain(tx: ServiceContext, keys: SecretKeys, account: ChannelAccountRow, entry: Selectable<QuarantinedMessagesTable>) {
  const payload = parseQuarantinedPayload(entry.payload);
  if (payload.kind === 'message') {
    const { ids, setAside } = await storeBatch(tx.db, tx.clock, account, [payload.message], entry.stream);
    return { ids, stored: setAside.length === 0 };
  }
  let messages: NormalisedMessage[];
  try {
    messages = readDeliveryAgain(keys, account, payload.delivery);
  } catch (error) {
    await setDeliveryAside(tx.db, tx.clock, account, payload.delivery, error);
    return { ids: [], stored: false };
  }
  const { ids, setAside } = await storeBatch(tx.db, tx.clock, account, messages, entry.stream);
  return { ids, stored: setAside.length === 0 };
}

async function findOwnAccount(ctx: ServiceContext, accountId: string) {
  const account = await findAccount(ctx.db, ctx.actor.organisationId, accountId);
  if (!account || !actsForMunicipality(ctx.actor, account.municipality_id)) throw notFound('Het kanaalaccount');
  return account;
}

export async function listQuarantinedMessages(ctx: ServiceContext, accountId: string) {
  assertCan(ctx.actor, 'channels.read');
  const account = await findOwnAccount(ctx, accountId);
  return (await findQuarantineEntries(ctx.db, account.organisation_id, account.id)).map(toQuarantinedView);
}

// Stores the message as Plein would now; if it still cannot, it stays set aside with the new error and one more
// attempt. Either way the answer says what happened, so the person who clicked knows.
export async function retryQuarantinedMessage(ctx: ServiceContext, keys: SecretKeys, accountId: string, entryId: string): Promise<QuarantineRetryOutcome> {
  assertCan(ctx.actor, 'channels.manage');
  return runInTransaction(ctx, async (tx) => {
    const account = await findOwnAccount(tx, accountId);
    const entry = await findQuarantineEntry(tx.db, account.organisation_id, account.id, entryId);
    if (!entry) throw notFound('Het apart gezette bericht');
    const { ids, stored } = await storeAgain(tx, keys, account, entry);
    if (stored) await deleteQuarantineEntry(tx.db, account.organisation_id, entry.id);
    await recordAudit(tx, {
      action: stored ? 'kanaalbericht.alsnog-opgeslagen' : 'kanaalbericht.opnieuw-mislukt',
      recordType: 'kanaalaccount',
      recordId: account.id,
      details: { platformId: entry.platform_id.slice(0, 200), messageId: ids[0] ?? null },
    });
    if (stored) return { stored: true, messageId: ids[0] ?? null, entry: null };
    const again = await findQuarantineEntry(tx.db, account.organisation_id, account.id, entry.id);
    return { stored: false, messageId: null, entry: again ? toQuarantinedView(again) : null };
  });
}

export async function discardQuarantinedMessage(ctx: ServiceContext, accountId: string, entryId: string) {
  assertCan(ctx.actor, 'channels.manage');
  await runInTransaction(ctx, async (tx) => {
    const account = await findOwnAccount(tx, accountId);
    const entry = await findQuarantineEntry(tx.db, account.organisation_id, account.id, entryId);
    if (!entry) throw notFound('Het apart gezette bericht');
    await deleteQuarantineEntry(tx.db, account.organisation_id, entry.id);
    // What was removed stays traceable: the platform's id and the error, never the resident's text.
    await recordAudit(tx, {
      action: 'kanaalbericht.apart-gezet-verwijderd',
      recordType: 'kanaalaccount',
      recordId: account.id,
      details: { platformId: entry.platform_id.slice(0, 200), error: entry.error.slice(0, 300) },
    });
  });
}
