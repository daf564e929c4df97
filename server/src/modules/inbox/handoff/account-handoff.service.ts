import type { RoutingActions, RoutingConditions } from '@contracts/routing';
import { recordAudit } from '@platform/audit/audit.service';
import type { ServiceContext } from '@platform/context.service';
import type { ConversationRow } from '@platform/db/database.schema';
import { badRequest, conflict } from '@platform/http/http.errors';
import { findTeam } from '@platform/users/teams.repository';
import { findChannelAccount } from '../../channels/index';
import { findConversationMessages, updateConversation } from '../conversations.repository';
import { replyToConversation } from '../handling.service';
import { announceConversation } from '../live/announce.service';
import { decide } from '../routing/routing.rules';
import { findRules } from '../routing/rules.repository';
import { recordHandoffEvent } from './handoff-events.service';
import { insertHandoff } from './handoffs.repository';

export interface AccountHandoffInput {
  accountId: string;
  teamId?: string;
  note?: string;
  reply?: { text: string; private?: boolean; confirmedWarnings?: boolean };
}

// Without a team named, the organisation's routing rules decide, as if the resident's latest message had
// come in on the new account: a rule "account @Afval → team Afval" is where that account's questions go.
async function routedAssignment(tx: ServiceContext, conversation: ConversationRow, account: { id: string; channel: string }) {
  const messages = await findConversationMessages(tx.db, tx.actor.organisationId, conversation.id);
  const latest = messages.filter((message) => message.direction === 'in').at(-1);
  const rules = await findRules(tx.db, tx.actor.organisationId, true);
  if (!latest || rules.length === 0) return {};
  const decision = decide(
    rules.map((rule) => ({ name: rule.name, conditions: rule.conditions as RoutingConditions, actions: rule.actions as RoutingActions })),
    {
      channel: account.channel,
      accountId: account.id,
      municipalityId: conversation.municipality_id,
      text: latest.text,
      subject: latest.subject,
      authorId: latest.author_id,
      authorHandle: latest.author_handle,
      language: latest.language,
      visibility: latest.visibility,
      receivedAt: latest.received_at,
    },
  );
  return { teamId: decision.assignTeamId, userId: decision.assignUserId };
}

// The conversation moves to another account's queue and team; the thread itself stays where the resident
// wrote (replies keep leaving through account_id). Runs inside the caller's transaction.
export async function handOffToAccount(tx: ServiceContext, conversation: ConversationRow, input: AccountHandoffInput) {
  const organisationId = tx.actor.organisationId;
  const target = await findChannelAccount(tx.db, organisationId, input.accountId);
  if (!target)
    throw badRequest('onbekend-account', 'Dit account bestaat niet.', [
      { name: 'accountId', code: 'onbekend', reason: 'Kies een account van uw organisatie.' },
    ]);
  const current = conversation.handling_account_id ?? conversation.account_id;
  if (target.id === current) throw conflict('zelfde-account', 'Het gesprek hoort al bij dit account. Kies een ander account.');
  const named = input.teamId ? await findTeam(tx.db, organisationId, input.teamId) : undefined;
  if (input.teamId && !named)
    throw badRequest('onbekend-team', 'Dit team bestaat niet.', [{ name: 'teamId', code: 'onbekend', reason: 'Kies een team van uw organisatie.' }]);
  const routed = named ? { teamId: named.id, userId: undefined } : await routedAssignment(tx, conversation, target);
  const team = named ?? (routed.teamId ? await findTeam(tx.db, organisationId, routed.teamId) : undefined);

  // The resident hears it from the account they wrote to, before the new team takes over.
  if (input.reply) await replyToConversation(tx, conversation.id, { ...input.reply, idempotencyKey: `overdracht:${conversation.id}:${crypto.randomUUID()}` });

  const now = tx.clock.now();
  const handoff = await insertHandoff(tx.db, {
    organisation_id: organisationId,
    conversation_id: conversation.id,
    kind: 'account',
    status: 'overgedragen',
    from_account_id: current,
    to_account_id: target.id,
    to_team_id: team?.id ?? null,
    context: input.note ?? null,
    created_at: now,
    created_by_user_id: tx.actor.userId || null,
    created_by_name: tx.actor.name,
    status_changed_at: now,
  });
  const updated = await updateConversation(tx.db, organisationId, conversation.id, {
    // Back to the account it came in on: no separate queue any more.
    handling_account_id: target.id === conversation.account_id ? null : target.id,
    assigned_team_id: team?.id ?? null,
    assigned_user_id: routed.userId ?? null,
    // The new team has to act: a conversation parked by the previous one comes back into view.
    ...(conversation.state !== 'open' && { state: 'open', snoozed_until: null }),
  });
  await recordHandoffEvent(tx.db, {
    organisationId,
    conversationId: conversation.id,
    at: now,
    handoffId: handoff.id,
    status: handoff.status,
    text: `Overgedragen aan ${target.handle}${team ? ` (team ${team.name})` : ''}.${input.note ? ` ${input.note}` : ''}`,
    actorUserId: tx.actor.userId || null,
    actorName: tx.actor.name,
  });
  await recordAudit(tx, {
    action: 'gesprek.overgedragen',
    recordType: 'gesprek',
    recordId: conversation.id,
    details: { handoffId: handoff.id, to: 'account', accountId: target.id, teamId: team?.id ?? null },
  });
  await announceConversation(tx.db, updated);
  return handoff;
}
