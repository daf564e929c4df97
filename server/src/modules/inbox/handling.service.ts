import { CONVERSATION_STATE_LABELS, type conversationChangeSchema, type conversationReplySchema } from '@contracts/inbox';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { ConversationRow } from '@platform/db/database.schema';
import { badRequest } from '@platform/http/http.errors';
import { assertCan } from '@platform/tenancy/policy.rules';
import { findTeam } from '@platform/users/teams.repository';
import { findUser, findUsers } from '@platform/users/users.repository';
import type { z } from 'zod';
import { queueOutbound } from '../channels/index';
import { assertPublicReplyAllowed } from './abuse/abuse.service';
import { findVisibleConversation } from './conversation-access.service';
import { findConversationMessages, insertConversationEvent, updateConversation } from './conversations.repository';
import { getConversation } from './conversations.service';
import { replyMediaFor } from './images/reply-images.service';
import { announceConversation } from './live/announce.service';
import { assertReplyPasses } from './reply-checks.service';
import { inviteForSatisfaction, type SurveyLinks } from './satisfaction/invite.service';

type Change = z.infer<typeof conversationChangeSchema>;
type Reply = z.infer<typeof conversationReplySchema>;

// Who wrote a reply; for a reply a colleague approved, the author, not the one who approved it.
export interface ReplyAuthor {
  userId: string | null;
  name: string;
}

function event(
  tx: ServiceContext,
  conversation: ConversationRow,
  kind: 'toestand' | 'toegewezen' | 'notitie' | 'labels' | 'prioriteit' | 'antwoord',
  text: string,
  details: Record<string, unknown> = {},
  mentions: string[] = [],
  author?: ReplyAuthor,
) {
  return insertConversationEvent(tx.db, {
    organisation_id: tx.actor.organisationId,
    conversation_id: conversation.id,
    at: tx.clock.now(),
    kind,
    text,
    details: JSON.stringify(details),
    mentions,
    actor_user_id: author ? author.userId : tx.actor.userId || null,
    actor_name: author ? author.name : tx.actor.name,
  });
}

async function checkAssignment(tx: ServiceContext, input: Change) {
  const organisationId = tx.actor.organisationId;
  if (input.assignedTeamId && !(await findTeam(tx.db, organisationId, input.assignedTeamId))) {
    throw badRequest('onbekend-team', 'Dit team bestaat niet.', [{ name: 'assignedTeamId', code: 'onbekend', reason: 'Kies een team van uw organisatie.' }]);
  }
  const user = input.assignedUserId ? await findUser(tx.db, organisationId, input.assignedUserId) : undefined;
  if (input.assignedUserId && !user) {
    throw badRequest('onbekende-gebruiker', 'Deze persoon bestaat niet.', [
      { name: 'assignedUserId', code: 'onbekend', reason: 'Kies een medewerker van uw organisatie.' },
    ]);
  }
  return user;
}

// State, snooze, priority, labels and assignment; each change is an event on the conversation.
export async function changeConversation(ctx: ServiceContext, conversationId: string, input: Change, links: SurveyLinks) {
  assertCan(ctx.actor, 'inbox.handle');
  return runInTransaction(ctx, async (tx) => {
    const row = await findVisibleConversation(tx, conversationId, true);
    const now = tx.clock.now();
    if (input.state === 'gesnoozed' && (!input.snoozedUntil || !(new Date(input.snoozedUntil) > now))) {
      throw badRequest('snooze-zonder-tijd', 'Geef aan tot wanneer het gesprek gesnoozed blijft (een moment in de toekomst).', [
        { name: 'snoozedUntil', code: 'verplicht', reason: 'Kies een moment in de toekomst.' },
      ]);
    }
    const user = await checkAssignment(tx, input);
    let current = row;
    if (input.state && input.state !== row.state) {
      current = await updateConversation(tx.db, tx.actor.organisationId, row.id, {
        state: input.state,
        snoozed_until: input.state === 'gesnoozed' ? new Date(input.snoozedUntil!) : null,
        closed_at: input.state === 'gesloten' ? now : null,
      });
      await event(tx, current, 'toestand', `${CONVERSATION_STATE_LABELS[row.state]} → ${CONVERSATION_STATE_LABELS[input.state]}`, {
        from: row.state,
        to: input.state,
      });
      // Closed: the resident is asked once how it went (klanttevredenheid webcare), where the channel can.
      if (input.state === 'gesloten') await inviteForSatisfaction(tx, links, current);
    }
    if (input.priority && input.priority !== row.priority) {
      current = await updateConversation(tx.db, tx.actor.organisationId, row.id, { priority: input.priority });
      await event(tx, current, 'prioriteit', `Prioriteit: ${input.priority}`, { from: row.priority, to: input.priority });
    }
    if (input.labels) {
      const labels = [...new Set(input.labels)];
      current = await updateConversation(tx.db, tx.actor.organisationId, row.id, { labels });
      await event(tx, current, 'labels', labels.length > 0 ? `Labels: ${labels.join(', ')}` : 'Geen labels', { labels });
    }
    if (input.assignedTeamId !== undefined || input.assignedUserId !== undefined) {
      current = await updateConversation(tx.db, tx.actor.organisationId, row.id, {
        ...(input.assignedTeamId !== undefined && { assigned_team_id: input.assignedTeamId }),
        ...(input.assignedUserId !== undefined && { assigned_user_id: input.assignedUserId }),
      });
      const team = current.assigned_team_id ? await findTeam(tx.db, tx.actor.organisationId, current.assigned_team_id) : undefined;
      const person = user ?? (current.assigned_user_id ? await findUser(tx.db, tx.actor.organisationId, current.assigned_user_id) : undefined);
      await event(tx, current, 'toegewezen', `Team: ${team?.name ?? 'geen'}; behandelaar: ${person?.name ?? 'geen'}`, {
        teamId: current.assigned_team_id,
        userId: current.assigned_user_id,
      });
    }
    await recordAudit(tx, { action: 'gesprek.gewijzigd', recordType: 'gesprek', recordId: row.id, details: { ...input } });
    await announceConversation(tx.db, row);
    return getConversation(tx, row.id);
  });
}

// "@Sanne" or "@sanne.devries" names a colleague: by first name, full name without spaces, or the part of
// their e-mail address before the @.
export function findMentionedUserIds(text: string, users: { id: string; name: string; email: string }[]): string[] {
  const handles = [...text.matchAll(/@([\p{L}\p{N}._-]+)/gu)].map((match) => match[1]!.toLowerCase());
  const found = users.filter((user) => {
    const names = [user.name.split(/\s+/)[0]!, user.name.replace(/\s+/g, ''), user.email.split('@')[0]!].map((name) => name.toLowerCase());
    return handles.some((handle) => names.includes(handle));
  });
  return [...new Set(found.map((user) => user.id))];
}

export async function addConversationNote(ctx: ServiceContext, conversationId: string, text: string) {
  assertCan(ctx.actor, 'inbox.handle');
  return runInTransaction(ctx, async (tx) => {
    const row = await findVisibleConversation(tx, conversationId);
    const users = await findUsers(tx.db, tx.actor.organisationId);
    await event(tx, row, 'notitie', text, {}, findMentionedUserIds(text, users));
    await announceConversation(tx.db, row);
    return getConversation(tx, row.id);
  });
}

// The answer goes out through the channel's outbox, once: in reply to the resident's latest message,
// publicly or privately as the agent chose and the channel allows.
export async function replyToConversation(ctx: ServiceContext, conversationId: string, input: Reply) {
  assertCan(ctx.actor, 'inbox.handle');
  const row = await findVisibleConversation(ctx, conversationId);
  return queueConversationReply(ctx, row, input, input.idempotencyKey ?? `gesprek:${row.id}:${crypto.randomUUID()}`);
}

// Checks a reply and queues it, also for a reply a colleague approved (review/). The same key twice queues
// nothing more and records nothing new.
export async function queueConversationReply(
  ctx: ServiceContext,
  row: ConversationRow,
  input: Omit<Reply, 'idempotencyKey'>,
  key: string,
  author?: ReplyAuthor,
) {
  await assertPublicReplyAllowed(ctx, row, input.private);
  // The composer's pre-send checks, run again here: blocking problems and unconfirmed warnings stop it.
  const parts = assertReplyPasses(row, input);
  const media = await replyMediaFor(ctx, row.id, input.media);
  const messages = await findConversationMessages(ctx.db, ctx.actor.organisationId, row.id);
  const latest = messages.filter((message) => message.direction === 'in').at(-1);
  if (!latest) throw badRequest('geen-bericht', 'Dit gesprek heeft geen bericht van een inwoner om op te antwoorden.');
  // The queued reply and its event commit together (queueOutbound joins this transaction).
  return runInTransaction(ctx, async (tx) => {
    // A long reply on a channel with threads goes out as numbered parts (1/3), each once under its own key,
    // each part in answer to the one before it (sent when that one has a platform id). Images go with part 1.
    const queued = [];
    let before: string | undefined;
    for (const [index, text] of parts.entries()) {
      const part = await queueOutbound(tx, {
        accountId: row.account_id,
        kind: input.private ? 'direct' : 'reply',
        text,
        replyToMessageId: latest.id,
        idempotencyKey: index === 0 ? key : `${key}:${index + 1}`,
        ...(index === 0 && media.length > 0 && { media }),
        ...(before && { afterOutboxId: before }),
      });
      before = part.item.id;
      queued.push(part);
    }
    const { item, created } = queued[0]!;
    if (created) {
      await event(
        tx,
        row,
        'antwoord',
        input.text,
        { outboxId: item.id, ...(queued.length > 1 && { outboxIds: queued.map((part) => part.item.id) }), ...(media.length > 0 && { images: media.length }) },
        [],
        author,
      );
      await announceConversation(tx.db, row);
    }
    return { item, message: { text: item.text, status: item.status }, thread: queued.map((part) => part.item), created };
  });
}
