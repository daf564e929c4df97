import type { RoutingActions, RoutingConditions } from '@contracts/routing';
import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { ConversationRow, MessageRow } from '@platform/db/database.schema';
import { findTeam } from '@platform/users/teams.repository';
import { findUser } from '@platform/users/users.repository';
import { loadListeningFacts } from '../../luisteren/index';
import { insertConversationEvent, updateConversation } from '../conversations.repository';
import { decide } from './routing.rules';
import { findRules } from './rules.repository';

const PRIORITY_ORDER = ['laag', 'normaal', 'hoog', 'urgent'];

// A new conversation goes where the organisation's rules send it. What a person already decided (an
// assignment, a higher priority) is not overruled; labels are added.
export async function applyRoutingRules(db: Db, clock: Clock, conversation: ConversationRow, message: MessageRow) {
  const rules = (await findRules(db, conversation.organisation_id, true)).map((rule) => ({
    name: rule.name,
    conditions: rule.conditions as RoutingConditions,
    actions: rule.actions as RoutingActions,
  }));
  if (rules.length === 0) return conversation;
  // Rules on monitors or tenor need listening's view of the message; it is made now if its job has not run yet.
  const needsListening = rules.some((rule) => rule.conditions.monitorIds?.length || rule.conditions.tenors?.length);
  const facts = needsListening ? await loadListeningFacts(db, clock, message) : null;
  const decision = decide(rules, {
    ...(facts && { monitorIds: facts.monitorIds, tenor: facts.tenor }),
    channel: message.channel,
    accountId: message.account_id,
    municipalityId: message.municipality_id,
    text: message.text,
    subject: message.subject,
    authorId: message.author_id,
    authorHandle: message.author_handle,
    language: message.language ?? facts?.language ?? null,
    visibility: message.visibility,
    receivedAt: message.received_at,
  });
  if (decision.ruleNames.length === 0) return conversation;
  const unassigned = conversation.assigned_team_id === null && conversation.assigned_user_id === null;
  const assign = unassigned && (decision.assignTeamId || decision.assignUserId);
  const labels = [...new Set([...conversation.labels, ...decision.labels])];
  const raise = decision.priority && PRIORITY_ORDER.indexOf(decision.priority) > PRIORITY_ORDER.indexOf(conversation.priority);
  const updated = await updateConversation(db, conversation.organisation_id, conversation.id, {
    labels,
    ...(assign && { assigned_team_id: decision.assignTeamId ?? null, assigned_user_id: decision.assignUserId ?? null }),
    ...(raise && { priority: decision.priority }),
  });
  const team = assign && decision.assignTeamId ? await findTeam(db, conversation.organisation_id, decision.assignTeamId) : undefined;
  const person = assign && decision.assignUserId ? await findUser(db, conversation.organisation_id, decision.assignUserId) : undefined;
  const parts = [
    ...(team ? [`team ${team.name}`] : []),
    ...(person ? [`behandelaar ${person.name}`] : []),
    ...(decision.labels.length > 0 ? [`labels ${decision.labels.join(', ')}`] : []),
    ...(raise ? [`prioriteit ${decision.priority}`] : []),
  ];
  await insertConversationEvent(db, {
    organisation_id: conversation.organisation_id,
    conversation_id: conversation.id,
    at: clock.now(),
    kind: 'toegewezen',
    text: `Verdeelregel ${decision.ruleNames.join(', ')}: ${parts.join('; ') || 'geen wijziging'}`,
    details: JSON.stringify({ rules: decision.ruleNames, teamId: updated.assigned_team_id, userId: updated.assigned_user_id }),
    actor_user_id: null,
    actor_name: 'Verdeelregels',
  });
  return updated;
}
