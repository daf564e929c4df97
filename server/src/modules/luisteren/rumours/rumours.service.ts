import type { RumourChange, rumourCreateSchema, rumourMessagesAddSchema } from '@contracts/rumours';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import { conflict, notFound } from '@platform/http/http.errors';
import { actsForMunicipality, assertCan } from '@platform/tenancy/policy.rules';
import type { z } from 'zod';
import { findVisibleItem } from '../explore/explore.service';
import { toRumourView } from './rumour.views';
import {
  countRumourMessages,
  findLink,
  findMessage,
  findMessages,
  findRumour,
  findRumours,
  insertRumour,
  linkMessages,
  touchRumour,
  unlinkMessage,
  updateRumour,
} from './rumours.repository';

// Geruchten: an analyst marks an item as a rumour, works through the checklist and links the correction.
// A rumour belongs to the municipality of its first message, like the item it started from (its title is often
// that item's text); one whose first message is gone stays visible to the organisation.

export async function listRumours(ctx: ServiceContext, filter: { bericht?: string } = {}) {
  assertCan(ctx.actor, 'listening.read');
  const organisationId = ctx.actor.organisationId;
  const rows = (await findRumours(ctx.db, organisationId, filter.bericht)).filter((row) => visibleRumour(ctx, row));
  const counts = await countRumourMessages(ctx.db, organisationId);
  const messages = await findVisibleMessages(
    ctx,
    rows.flatMap((row) => [row.origin_message_id, row.correction_message_id]),
  );
  return rows.map((row) =>
    toRumourView(row, messages.get(row.origin_message_id ?? '') ?? null, messages.get(row.correction_message_id ?? '') ?? null, counts.get(row.id) ?? 0),
  );
}

export async function getRumour(ctx: ServiceContext, rumourId: string) {
  assertCan(ctx.actor, 'listening.read');
  const row = await findRumourOr404(ctx, rumourId);
  const messages = await findVisibleMessages(ctx, [row.origin_message_id, row.correction_message_id]);
  const counts = await countRumourMessages(ctx.db, ctx.actor.organisationId, rumourId);
  return toRumourView(row, messages.get(row.origin_message_id ?? '') ?? null, messages.get(row.correction_message_id ?? '') ?? null, counts.get(row.id) ?? 0);
}

export async function createRumour(ctx: ServiceContext, input: z.infer<typeof rumourCreateSchema>) {
  assertCan(ctx.actor, 'listening.manage');
  const rumourId = await runInTransaction(ctx, async (tx) => {
    const item = await findVisibleItem(tx, input.messageId);
    const at = tx.clock.now();
    const title = input.title ?? titleFrom(item.text);
    const id = await insertRumour(tx.db, tx.actor.organisationId, { title, originMessageId: item.message_id, createdBy: tx.actor.userId || null, at });
    await linkMessages(tx.db, tx.actor.organisationId, id, [item.message_id], { userId: tx.actor.userId || null, at, origin: true });
    // Marking a repost means the wave it belongs to: its original (and so every copy) is part of the rumour.
    if (item.duplicate_of) await linkMessages(tx.db, tx.actor.organisationId, id, [item.duplicate_of], { userId: tx.actor.userId || null, at, origin: false });
    await recordAudit(tx, { action: 'gerucht.aangemaakt', recordType: 'gerucht', recordId: id, details: { messageId: item.message_id } });
    return id;
  });
  return getRumour(ctx, rumourId);
}

export async function changeRumour(ctx: ServiceContext, rumourId: string, input: RumourChange) {
  assertCan(ctx.actor, 'listening.manage');
  await runInTransaction(ctx, async (tx) => {
    await findRumourOr404(tx, rumourId);
    if (input.correctionMessageId) await findVisibleMessage(tx, input.correctionMessageId);
    const { checklist } = input;
    await updateRumour(tx.db, tx.actor.organisationId, rumourId, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.status !== undefined && { status: input.status }),
      ...(input.correctionMessageId !== undefined && { correction_message_id: input.correctionMessageId }),
      ...(input.correctionUrl !== undefined && { correction_url: input.correctionUrl }),
      ...(checklist?.author?.checked !== undefined && { author_checked: checklist.author.checked }),
      ...(checklist?.author?.note !== undefined && { author_note: checklist.author.note }),
      ...(checklist?.time?.checked !== undefined && { time_checked: checklist.time.checked }),
      ...(checklist?.time?.note !== undefined && { time_note: checklist.time.note }),
      ...(checklist?.context?.checked !== undefined && { context_checked: checklist.context.checked }),
      ...(checklist?.context?.note !== undefined && { context_note: checklist.context.note }),
      ...(checklist?.satire?.checked !== undefined && { satire_checked: checklist.satire.checked }),
      ...(checklist?.satire?.note !== undefined && { satire_note: checklist.satire.note }),
      updated_at: tx.clock.now(),
    });
    // The notes are the analyst's findings and may name people: the audit says what changed, not the text.
    const changed = Object.entries(input)
      .filter(([, value]) => value !== undefined)
      .map(([key]) => key);
    await recordAudit(tx, {
      action: 'gerucht.gewijzigd',
      recordType: 'gerucht',
      recordId: rumourId,
      details: { changed, status: input.status, checklist: checklist && Object.keys(checklist) },
    });
  });
  return getRumour(ctx, rumourId);
}

export async function addRumourMessages(ctx: ServiceContext, rumourId: string, input: z.infer<typeof rumourMessagesAddSchema>) {
  assertCan(ctx.actor, 'listening.manage');
  await runInTransaction(ctx, async (tx) => {
    await findRumourOr404(tx, rumourId);
    const ids = [...new Set(input.messageIds)];
    for (const id of ids) await findVisibleItem(tx, id);
    const at = tx.clock.now();
    const added = await linkMessages(tx.db, tx.actor.organisationId, rumourId, ids, { userId: tx.actor.userId || null, at, origin: false });
    await touchRumour(tx.db, tx.actor.organisationId, rumourId, at);
    await recordAudit(tx, { action: 'gerucht.berichten-toegevoegd', recordType: 'gerucht', recordId: rumourId, details: { messageIds: ids, added } });
  });
  return getRumour(ctx, rumourId);
}

export async function removeRumourMessage(ctx: ServiceContext, rumourId: string, messageId: string) {
  assertCan(ctx.actor, 'listening.manage');
  await runInTransaction(ctx, async (tx) => {
    await findRumourOr404(tx, rumourId);
    const link = await findLink(tx.db, tx.actor.organisationId, rumourId, messageId);
    if (!link) throw notFound('Het bericht');
    await findVisibleMessage(tx, messageId);
    if (link.origin) throw conflict('oorsprong-blijft', 'Het bericht waar het gerucht mee begon hoort er altijd bij. Maak zo nodig een nieuw gerucht.');
    await unlinkMessage(tx.db, tx.actor.organisationId, rumourId, messageId);
    await touchRumour(tx.db, tx.actor.organisationId, rumourId, tx.clock.now());
    await recordAudit(tx, { action: 'gerucht.bericht-verwijderd', recordType: 'gerucht', recordId: rumourId, details: { messageId } });
  });
}

export async function findRumourOr404(ctx: ServiceContext, rumourId: string) {
  const row = await findRumour(ctx.db, ctx.actor.organisationId, rumourId);
  if (!row || !visibleRumour(ctx, row)) throw notFound('Het gerucht');
  return row;
}

const visibleRumour = (ctx: ServiceContext, row: { origin_municipality_id: string | null }) =>
  row.origin_municipality_id === null || actsForMunicipality(ctx.actor, row.origin_municipality_id);

async function findVisibleMessage(ctx: ServiceContext, messageId: string) {
  const row = await findMessage(ctx.db, ctx.actor.organisationId, messageId);
  if (!row || !actsForMunicipality(ctx.actor, row.municipality_id)) throw notFound('Het bericht');
  return row;
}

export async function findVisibleMessages(ctx: ServiceContext, ids: Array<string | null>) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const rows = await findMessages(ctx.db, ctx.actor.organisationId, wanted);
  return new Map(rows.filter((row) => actsForMunicipality(ctx.actor, row.municipality_id)).map((row) => [row.id, row]));
}

function titleFrom(text: string) {
  const line = text.replace(/\s+/g, ' ').trim();
  return (line.length > 80 ? `${line.slice(0, 79)}…` : line) || 'Gerucht';
}
