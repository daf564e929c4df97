import { CHANNEL_CAPABILITIES, checkLength } from '@contracts/channel-limits';
import type { Channel } from '@contracts/channels';
import { recordAudit } from '@platform/audit/audit.service';
import type { Clock } from '@platform/clock.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { Db } from '@platform/db/database.client';
import type { ChannelAccountRow, OutboxRow } from '@platform/db/database.schema';
import { badRequest, conflict, notFound } from '@platform/http/http.errors';
import { enqueueJob } from '@platform/jobs/jobs.service';
import { actsForMunicipality, assertCan, scopeOf } from '@platform/tenancy/policy.rules';
import { findAccount, findAccounts } from './accounts.repository';
import { buildPlainMessage, type OutboundRequest, type SentResult } from './connector.types';
import { storeMessages } from './ingest.service';
import { findAttachment, findMessage } from './messages.repository';
import { findOutboxItem, findOutboxItems, findOutboxItemsAfter, insertOutboxOnce, updateOutboxItem } from './outbox.repository';

export const SEND_JOB = 'kanaal.versturen';

export interface OutboundInput {
  accountId: string;
  kind: 'post' | 'reply' | 'direct';
  text: string;
  replyToMessageId?: string;
  media?: { attachmentId: string; altText: string }[];
  idempotencyKey?: string;
  // A later part of a numbered thread: sent only once this earlier part has a platform id, in answer to it.
  afterOutboxId?: string;
}

export function toOutboxView(row: OutboxRow) {
  return {
    id: row.id,
    accountId: row.account_id,
    kind: row.kind,
    text: row.text,
    replyToMessageId: row.reply_to_message_id,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    platformId: row.platform_id,
    publicUrl: row.public_url,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
    afterOutboxId: row.after_outbox_id,
  };
}

async function accountFor(ctx: ServiceContext, accountId: string, field = 'accountId') {
  const account = await findAccount(ctx.db, ctx.actor.organisationId, accountId);
  if (!account || !actsForMunicipality(ctx.actor, account.municipality_id)) {
    throw badRequest('onbekend-account', 'Dit kanaalaccount bestaat niet of hoort niet bij uw gemeenten.', [
      { name: field, code: 'onbekend', reason: 'Kies een account van uw organisatie.' },
    ]);
  }
  return account;
}

// Checks what the platform would refuse before anything is queued: length counted the platform's way,
// kinds it cannot do, images without alt text or too many of them.
async function assertSendable(ctx: ServiceContext, account: ChannelAccountRow, input: OutboundInput) {
  const channel = account.channel as Channel;
  const capabilities = CHANNEL_CAPABILITIES[channel];
  const can = input.kind === 'post' ? capabilities.post : input.kind === 'reply' ? capabilities.reply : capabilities.direct;
  if (!can) {
    throw badRequest('kan-niet-op-kanaal', `Via ${capabilities.label} kan Plein dit niet versturen.`, [
      { name: 'kind', code: 'niet-mogelijk', reason: `${capabilities.label} ondersteunt "${input.kind}" niet.` },
    ]);
  }
  const length = checkLength(channel, input.text);
  if (!length.fits) {
    throw badRequest('tekst-te-lang', `De tekst is ${length.length} tekens; ${capabilities.label} staat er ${length.max} toe.`, [
      { name: 'text', code: 'te-lang', reason: `${length.length} van de ${length.max} tekens` },
    ]);
  }
  const media = input.media ?? [];
  if (media.length > 0 && input.kind !== 'post' && !capabilities.media.inReplies) {
    throw badRequest('afbeelding-niet-mogelijk', `Via ${capabilities.label} kan Plein geen afbeelding bij een antwoord meesturen.`, [
      { name: 'media', code: 'niet-mogelijk', reason: 'Verstuur het antwoord zonder afbeelding.' },
    ]);
  }
  if (media.length > capabilities.media.maxImages) {
    throw badRequest('te-veel-afbeeldingen', `${capabilities.label} staat ${capabilities.media.maxImages} afbeeldingen toe.`, [
      { name: 'media', code: 'te-veel', reason: `Hoogstens ${capabilities.media.maxImages}` },
    ]);
  }
  for (const [index, item] of media.entries()) {
    const file = await findAttachment(ctx.db, ctx.actor.organisationId, item.attachmentId);
    if (!file)
      throw badRequest('onbekende-bijlage', 'Deze afbeelding bestaat niet.', [
        { name: `media.${index}.attachmentId`, code: 'onbekend', reason: 'Upload de afbeelding opnieuw.' },
      ]);
    if (!capabilities.media.types.includes(file.content_type) || file.size_bytes > capabilities.media.maxBytes) {
      throw badRequest('afbeelding-past-niet', `${file.filename} past niet op ${capabilities.label} (soort of grootte).`, [
        {
          name: `media.${index}.attachmentId`,
          code: 'past-niet',
          reason: `Toegestaan: ${capabilities.media.types.join(', ')}, tot ${capabilities.media.maxBytes} bytes`,
        },
      ]);
    }
  }
  if (input.kind !== 'post' && !input.replyToMessageId) {
    throw badRequest('antwoord-zonder-bericht', 'Een antwoord hoort bij een bericht.', [
      { name: 'replyToMessageId', code: 'verplicht', reason: 'Kies het bericht waarop u antwoordt.' },
    ]);
  }
  if (input.replyToMessageId) {
    const original = await findMessage(ctx.db, ctx.actor.organisationId, input.replyToMessageId);
    if (!original || original.account_id !== account.id) {
      throw badRequest('onbekend-bericht', 'Dit bericht hoort niet bij dit account.', [
        { name: 'replyToMessageId', code: 'onbekend', reason: 'Antwoord vanaf het account dat het bericht ontving.' },
      ]);
    }
  }
}

// Queues a message to send: stored and enqueued in one transaction, sent by the worker exactly once.
// The same idempotency key twice returns the first item and sends nothing more.
export async function queueOutbound(ctx: ServiceContext, input: OutboundInput) {
  assertCan(ctx.actor, 'channels.send');
  const account = await accountFor(ctx, input.accountId);
  await assertSendable(ctx, account, input);
  return runInTransaction(ctx, async (tx) => {
    const { row, created } = await storeOutboxItem(tx.db, tx.clock, tx.actor.organisationId, {
      ...input,
      accountId: account.id,
      createdBy: tx.actor.userId || null,
    });
    if (!created) {
      if (row.account_id !== account.id || row.text !== input.text) {
        throw conflict('sleutel-al-gebruikt', 'Deze idempotency-sleutel is al gebruikt voor een ander bericht.');
      }
      return { item: toOutboxView(row), created };
    }
    await recordAudit(tx, {
      action: 'bericht.in-wachtrij',
      recordType: 'uitgaand-bericht',
      recordId: row.id,
      details: { accountId: account.id, kind: input.kind },
    });
    return { item: toOutboxView(row), created };
  });
}

// Stores an outbox item and its send job in the caller's transaction; an idempotency key already used
// returns the first item and queues nothing.
export async function storeOutboxItem(db: Db, clock: Clock, organisationId: string, input: OutboundInput & { createdBy: string | null }) {
  const now = clock.now();
  const { row, created } = await insertOutboxOnce(db, {
    organisation_id: organisationId,
    account_id: input.accountId,
    kind: input.kind,
    idempotency_key: input.idempotencyKey ?? crypto.randomUUID(),
    text: input.text,
    reply_to_message_id: input.replyToMessageId ?? null,
    media: JSON.stringify(input.media ?? []),
    created_by: input.createdBy,
    created_at: now,
    after_outbox_id: input.afterOutboxId ?? null,
  });
  // A later part of a thread gets its send job when the part before it is recorded as sent (recordSent).
  if (created && !input.afterOutboxId)
    await enqueueJob(db, { organisationId, name: SEND_JOB, payload: { outboxId: row.id }, runAt: now, uniqueKey: `versturen:${row.id}`, maxAttempts: 3 });
  return { row, created };
}

// Withdraws a message Plein sent (a post with a mistake in it): the platform deletes it through the
// outbox, once, however often someone presses the button.
export async function queueWithdrawal(ctx: ServiceContext, messageId: string) {
  assertCan(ctx.actor, 'channels.send');
  const message = await findMessage(ctx.db, ctx.actor.organisationId, messageId);
  if (!message || !actsForMunicipality(ctx.actor, message.municipality_id)) throw notFound('Het bericht');
  const account = await accountFor(ctx, message.account_id);
  const capabilities = CHANNEL_CAPABILITIES[account.channel as Channel];
  if (message.direction !== 'uit') throw conflict('niet-van-ons', 'Alleen berichten die Plein zelf verstuurde kunnen worden ingetrokken.');
  if (!capabilities.delete) throw conflict('kan-niet-intrekken', `Via ${capabilities.label} kan een verstuurd bericht niet worden ingetrokken.`);
  return runInTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const { row, created } = await insertOutboxOnce(tx.db, {
      organisation_id: tx.actor.organisationId,
      account_id: account.id,
      kind: 'delete',
      idempotency_key: `intrekken:${message.id}`,
      target_platform_id: message.platform_id,
      reply_to_message_id: null,
      media: JSON.stringify([]),
      created_by: tx.actor.userId || null,
      created_at: now,
    });
    if (created) {
      await enqueueJob(tx.db, {
        organisationId: row.organisation_id,
        name: SEND_JOB,
        payload: { outboxId: row.id },
        runAt: now,
        uniqueKey: `versturen:${row.id}`,
        maxAttempts: 3,
      });
      await recordAudit(tx, { action: 'bericht.ingetrokken', recordType: 'bericht', recordId: message.id, details: { outboxId: row.id } });
    }
    return { item: toOutboxView(row), created };
  });
}

export async function listOutbox(ctx: ServiceContext, filter: { accountId?: string; limit: number }) {
  assertCan(ctx.actor, 'channels.read');
  const accounts = await findAccounts(ctx.db, scopeOf(ctx.actor));
  const rows = await findOutboxItems(ctx.db, ctx.actor.organisationId, {
    accountId: filter.accountId,
    accountIds: accounts.map((a) => a.id),
    limit: filter.limit,
  });
  return rows.map(toOutboxView);
}

export async function getOutboxItem(ctx: ServiceContext, outboxId: string) {
  assertCan(ctx.actor, 'channels.read');
  const row = await findOutboxItem(ctx.db, ctx.actor.organisationId, outboxId);
  const account = row && (await findAccount(ctx.db, ctx.actor.organisationId, row.account_id));
  if (!row || !account || !actsForMunicipality(ctx.actor, account.municipality_id)) throw notFound('Het uitgaande bericht');
  return toOutboxView(row);
}

// A failed item goes back in the queue with the same idempotency key: it is still one message. The last
// error stays until it is sent, so the send job first asks the platform whether it arrived after all.
export async function retryOutboxItem(ctx: ServiceContext, outboxId: string) {
  assertCan(ctx.actor, 'channels.send');
  const current = await getOutboxItem(ctx, outboxId);
  if (current.status !== 'mislukt') throw conflict('niet-mislukt', 'Alleen een mislukt bericht kan opnieuw worden verstuurd.');
  return runInTransaction(ctx, async (tx) => {
    // A person asks again, after checking the platform where an earlier attempt's outcome was unknown.
    const row = await updateOutboxItem(tx.db, tx.actor.organisationId, outboxId, { status: 'wachtend', attempts: 0, send_started_at: null });
    await enqueueJob(tx.db, {
      organisationId: row.organisation_id,
      name: SEND_JOB,
      payload: { outboxId },
      runAt: tx.clock.now(),
      uniqueKey: `versturen:${outboxId}:opnieuw:${tx.clock.now().getTime()}`,
      maxAttempts: 3,
    });
    await recordAudit(tx, { action: 'bericht.opnieuw-versturen', recordType: 'uitgaand-bericht', recordId: outboxId });
    return toOutboxView(row);
  });
}

// Everything a connector needs to send one outbox item, read outside the sending transaction.
export async function loadOutboundRequest(db: Db, organisationId: string, outboxId: string) {
  const item = await findOutboxItem(db, organisationId, outboxId);
  if (!item) return null;
  const account = await findAccount(db, organisationId, item.account_id);
  if (!account) return null;
  const original = item.reply_to_message_id ? await findMessage(db, organisationId, item.reply_to_message_id) : undefined;
  // A later part of a thread answers the part before it, once that part is on the platform.
  const before = item.after_outbox_id ? await findOutboxItem(db, organisationId, item.after_outbox_id) : undefined;
  const blocked = before !== undefined && (before.status !== 'verzonden' || !before.platform_id);
  const previous = before?.sent_message_id && !blocked ? await findMessage(db, organisationId, before.sent_message_id) : undefined;
  const answered = previous ?? original;
  const media: OutboundRequest['media'] = [];
  for (const entry of item.media as { attachmentId: string; altText: string }[]) {
    const file = await findAttachment(db, organisationId, entry.attachmentId);
    if (file) media.push({ filename: file.filename, contentType: file.content_type, bytes: file.content, altText: entry.altText });
  }
  const request: OutboundRequest = {
    outboxId: item.id,
    idempotencyKey: item.idempotency_key,
    kind: item.kind,
    text: item.text,
    replyTo: answered
      ? {
          platformId: answered.platform_id,
          threadRootPlatformId: answered.thread_root_platform_id,
          authorId: answered.author_id,
          authorHandle: answered.author_handle,
          subject: answered.subject,
          postedAt: answered.posted_at,
          raw: answered.raw,
        }
      : null,
    media,
    targetPlatformId: item.target_platform_id,
    createdAt: item.created_at,
  };
  // blocked: the part before it is not sent (yet, or it failed): this one must wait.
  return { item, account, request, blocked };
}

// Records the platform's id on the outbox item and keeps the sent message in the thread it answers.
export async function recordSent(db: Db, clock: Clock, account: ChannelAccountRow, item: OutboxRow, result: SentResult) {
  if (item.kind === 'delete') {
    await updateOutboxItem(db, item.organisation_id, item.id, {
      status: 'verzonden',
      platform_id: item.target_platform_id,
      sent_at: clock.now(),
      last_error: null,
    });
    return;
  }
  const original = item.reply_to_message_id ? await findMessage(db, item.organisation_id, item.reply_to_message_id) : undefined;
  const before = item.after_outbox_id ? await findOutboxItem(db, item.organisation_id, item.after_outbox_id) : undefined;
  const [messageId] = await storeMessages(db, clock, account, [
    buildPlainMessage({
      platformId: result.platformId,
      direction: 'uit',
      author: { id: account.handle, handle: account.handle, displayName: account.display_name, followers: null },
      text: item.text,
      replyToPlatformId: before?.platform_id ?? original?.platform_id ?? null,
      threadRootPlatformId: original ? (original.thread_root_platform_id ?? original.platform_id) : null,
      language: 'nl',
      publicUrl: result.publicUrl,
      // An answer to a private message (e-mail, WhatsApp, a DM, the web form) is private too.
      visibility: item.kind === 'direct' || original?.visibility === 'prive' ? 'prive' : 'openbaar',
      postedAt: clock.now(),
      // What the platform said about the post (Bluesky: uri, cid, record), so the next part can answer it.
      raw: { ...result.raw, outboxId: item.id },
    }),
  ]);
  await updateOutboxItem(db, item.organisation_id, item.id, {
    status: 'verzonden',
    platform_id: result.platformId,
    public_url: result.publicUrl,
    sent_at: clock.now(),
    sent_message_id: messageId ?? null,
    last_error: null,
  });
  // The next part of a thread may go now, in answer to this one: queued in the transaction that records
  // this part as sent, so a crash in between loses nothing and the key keeps it to one job.
  for (const next of await findOutboxItemsAfter(db, item.organisation_id, item.id)) {
    if (next.status === 'wachtend') {
      await enqueueJob(db, {
        organisationId: next.organisation_id,
        name: SEND_JOB,
        payload: { outboxId: next.id },
        runAt: clock.now(),
        uniqueKey: `versturen:${next.id}`,
        maxAttempts: 3,
      });
    }
  }
}
