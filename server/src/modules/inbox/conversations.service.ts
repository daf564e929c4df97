import type { Conversation, conversationListQuery } from '@contracts/inbox';
import type { ServiceContext } from '@platform/context.service';
import type { ConversationEventRow, ConversationRow, MessageRow } from '@platform/db/database.schema';
import { badRequest } from '@platform/http/http.errors';
import { findMunicipalities } from '@platform/organisations/organisations.repository';
import { assertCan, narrowScope, scopeOf } from '@platform/tenancy/policy.rules';
import { findTeamIdsOfUser } from '@platform/users/teams.repository';
import type { z } from 'zod';
import { findRepliesToMessages, toOutboxView } from '../channels/index';
import { findVisibleConversation } from './conversation-access.service';
import {
  findConversationEvents,
  findConversationMessages,
  findConversations,
  findOtherConversationsOf,
  findReads,
  findRecentMessages,
  markRead,
} from './conversations.repository';
import { isOverdue } from './office-hours/overdue.rules';
import { listConversationDrafts } from './review/review.service';

type ListQuery = z.infer<typeof conversationListQuery>;

function toMessageView(row: MessageRow) {
  return {
    id: row.id,
    accountId: row.account_id,
    channel: row.channel as Conversation['channel'],
    direction: row.direction,
    platformId: row.platform_id,
    author: { id: row.author_id, handle: row.author_handle, displayName: row.author_name, followers: row.author_followers },
    text: row.text,
    subject: row.subject,
    media: row.media as never,
    publicUrl: row.public_url,
    visibility: row.visibility as 'openbaar' | 'prive',
    postedAt: row.posted_at.toISOString(),
    simulated: row.simulated,
  };
}

export function toConversationView(row: ConversationRow, cbsCodes: Map<string, string>, readAt: Date | undefined, now: Date): Conversation {
  return {
    id: row.id,
    accountId: row.account_id,
    handlingAccountId: row.handling_account_id,
    municipalityId: row.municipality_id,
    municipality: cbsCodes.get(row.municipality_id) ?? '',
    channel: row.channel as Conversation['channel'],
    author: { id: row.author_id, handle: row.author_handle, displayName: row.author_name },
    subject: row.subject,
    visibility: row.visibility,
    state: row.state,
    priority: row.priority,
    labels: row.labels,
    assignedTeamId: row.assigned_team_id,
    assignedUserId: row.assigned_user_id,
    snoozedUntil: row.snoozed_until?.toISOString() ?? null,
    startedAt: row.started_at.toISOString(),
    lastMessageAt: row.last_message_at.toISOString(),
    waitingSince: row.waiting_since?.toISOString() ?? null,
    firstResponseAt: row.first_response_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    firstResponseDueAt: row.first_response_due_at?.toISOString() ?? null,
    resolutionDueAt: row.resolution_due_at?.toISOString() ?? null,
    partnerDueAt: row.handoff_due_at?.toISOString() ?? null,
    overdue: isOverdue(row, now),
    messageCount: row.message_count,
    preview: row.preview,
    unread: !readAt || (row.last_inbound_at !== null && row.last_inbound_at > readAt),
    simulated: row.simulated,
  };
}

function toEventView(row: ConversationEventRow) {
  return { id: row.id, at: row.at.toISOString(), kind: row.kind, text: row.text, details: row.details, mentions: row.mentions, actorName: row.actor_name };
}

async function cbsCodesOf(ctx: ServiceContext) {
  return new Map((await findMunicipalities(ctx.db, ctx.actor.organisationId)).map((m) => [m.id, m.cbs_code]));
}

function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()))
    throw badRequest('ongeldige-cursor', 'Deze cursor is ongeldig; begin opnieuw zonder "before".', [
      { name: 'before', code: 'ongeldig', reason: 'Gebruik nextCursor uit het vorige antwoord.' },
    ]);
  return { at: date, id };
}

export async function listConversations(ctx: ServiceContext, query: ListQuery) {
  assertCan(ctx.actor, 'inbox.read');
  const organisationId = ctx.actor.organisationId;
  const codes = await cbsCodesOf(ctx);
  // The header's switch names a municipality by CBS code; a code that is not the organisation's lists nothing.
  const wanted = query.municipality ? ([...codes].find(([, code]) => code === query.municipality)?.[0] ?? null) : undefined;
  const rows = await findConversations(ctx.db, narrowScope(scopeOf(ctx.actor), wanted), {
    state: query.state,
    channel: query.channel,
    accountId: query.accountId,
    label: query.label,
    search: query.q,
    assignedUserId: query.view === 'mijn' ? ctx.actor.userId : undefined,
    teamIds: query.view === 'team' ? await findTeamIdsOfUser(ctx.db, organisationId, ctx.actor.userId) : undefined,
    unassigned: query.view === 'niet-toegewezen',
    overdueAt: query.view === 'te-laat' ? ctx.clock.now() : undefined,
    reviewFor: query.view === 'ter-controle' ? ctx.actor.userId : undefined,
    before: decodeCursor(query.before),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const ids = page.map((row) => row.id);
  const [messages, reads] = await Promise.all([
    findRecentMessages(ctx.db, organisationId, ids, query.messages),
    findReads(ctx.db, organisationId, ctx.actor.userId, ids),
  ]);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...toConversationView(row, codes, reads.get(row.id), ctx.clock.now()),
      messages: messages.filter((message) => message.conversation_id === row.id).map(toMessageView),
    })),
    nextCursor: rows.length > query.limit && last ? Buffer.from(`${last.last_message_at.toISOString()}|${last.id}`).toString('base64url') : null,
  };
}

// One conversation with all its messages, its events, replies still in the outbox and the person's other
// conversations. Opening it marks it read for this agent.
export async function getConversation(ctx: ServiceContext, conversationId: string) {
  assertCan(ctx.actor, 'inbox.read');
  const organisationId = ctx.actor.organisationId;
  const row = await findVisibleConversation(ctx, conversationId);
  const [messages, events, others, codes] = await Promise.all([
    findConversationMessages(ctx.db, organisationId, row.id),
    findConversationEvents(ctx.db, organisationId, row.id),
    findOtherConversationsOf(ctx.db, organisationId, row),
    cbsCodesOf(ctx),
  ]);
  const outbox = await findRepliesToMessages(
    ctx.db,
    organisationId,
    messages.map((message) => message.id),
  );
  const drafts = await listConversationDrafts(ctx, row.id);
  if (ctx.actor.userId) await markRead(ctx.db, organisationId, row.id, ctx.actor.userId, ctx.clock.now());
  return {
    ...toConversationView(row, codes, ctx.clock.now(), ctx.clock.now()),
    messages: messages.map(toMessageView),
    events: events.map(toEventView),
    outbox: outbox.filter((item) => item.status !== 'verzonden').map(toOutboxView),
    drafts,
    history: others.map((other) => ({
      id: other.id,
      channel: other.channel as Conversation['channel'],
      state: other.state,
      startedAt: other.started_at.toISOString(),
      preview: other.preview,
    })),
  };
}
