import { createHash, randomBytes } from 'node:crypto';
import { CHANNEL_CAPABILITIES, checkLength } from '../../../../../contracts/channel-limits';
import type { Channel } from '../../../../../contracts/channels';
import type { ServiceContext } from '../../../platform/context';
import type { ConversationRow } from '../../../platform/db/schema';
import { findAccount } from '../../channels/accounts.repository';
import { storeOutboxItem } from '../../channels/outbox.service';
import { findOrganisationById } from '../../organisations/organisations.repository';
import { findConversationMessages, insertConversationEvent } from '../conversations.repository';
import { findBlockOf, hasRegisterEntry } from '../abuse/abuse.repository';
import { isBlockActive } from '../abuse/abuse-views';
import { findLastAnswerer, insertSurvey } from './surveys.repository';

export interface SurveyLinks {
  publicUrl: string;
}

const VALID_DAYS = 14;

export function hashSurveyToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

export function surveyText(url: string) {
  return `Hoe tevreden bent u over ons contact? Geef een cijfer van 1 tot 5 (en als u wilt een toelichting): ${url}`;
}

// Whether this conversation gets the question: the channel can answer, the account asks, an agent
// answered, and the resident is not someone we stopped engaging with (abuse, a block).
async function latestQuestionToAsk(tx: ServiceContext, conversation: ConversationRow) {
  const organisationId = tx.actor.organisationId;
  if (!CHANNEL_CAPABILITIES[conversation.channel as Channel]?.reply) return undefined;
  const account = await findAccount(tx.db, organisationId, conversation.account_id);
  if (!account?.satisfaction_survey) return undefined;
  if (await hasRegisterEntry(tx.db, organisationId, conversation.id)) return undefined;
  const block = await findBlockOf(tx.db, organisationId, conversation.account_id, conversation.author_id);
  if (block && isBlockActive(block, tx.clock.now())) return undefined;
  const answerer = await findLastAnswerer(tx.db, organisationId, conversation.id);
  if (!answerer) return undefined;
  const latest = (await findConversationMessages(tx.db, organisationId, conversation.id)).filter((message) => message.direction === 'in').at(-1);
  // The demo's scenario engine makes thousands of residents; they are not asked.
  if (!latest || (latest.simulated && (latest.raw as { scenario?: string } | null)?.scenario)) return undefined;
  return { latest, answerer };
}

// Called in the transaction that closes a conversation. The outbox key holds the conversation and the
// close moment, so one closing asks once; closing again after the resident came back asks again.
export async function inviteForSatisfaction(tx: ServiceContext, links: SurveyLinks, conversation: ConversationRow) {
  if (conversation.state !== 'gesloten' || !conversation.closed_at) return;
  const target = await latestQuestionToAsk(tx, conversation);
  const organisation = target && (await findOrganisationById(tx.db, tx.actor.organisationId));
  if (!target || !organisation) return;
  const token = randomBytes(24).toString('base64url');
  const text = surveyText(`${links.publicUrl}/tevreden/${organisation.slug}/${token}`);
  if (!checkLength(conversation.channel as Channel, text).fits) return;
  const now = tx.clock.now();
  const { row: outbox, created } = await storeOutboxItem(tx.db, tx.clock, tx.actor.organisationId, {
    accountId: conversation.account_id,
    kind: 'reply',
    text,
    replyToMessageId: target.latest.id,
    idempotencyKey: `tevredenheid:${conversation.id}:${conversation.closed_at.toISOString()}`,
    createdBy: tx.actor.userId || null,
  });
  if (!created) return;
  await insertSurvey(tx.db, {
    organisation_id: tx.actor.organisationId,
    conversation_id: conversation.id,
    account_id: conversation.account_id,
    municipality_id: conversation.municipality_id,
    closed_at: conversation.closed_at,
    closed_by_user_id: tx.actor.userId || null,
    answered_by_user_id: target.answerer.userId,
    team_id: conversation.assigned_team_id,
    token_hash: hashSurveyToken(token),
    outbox_id: outbox.id,
    sent_at: now,
    expires_at: new Date(now.getTime() + VALID_DAYS * 86_400_000),
  });
  await insertConversationEvent(tx.db, {
    organisation_id: tx.actor.organisationId,
    conversation_id: conversation.id,
    at: now,
    kind: 'tevredenheid',
    text: 'Tevredenheidsvraag (1–5) in de wachtrij gezet.',
    details: JSON.stringify({ outboxId: outbox.id }),
    actor_user_id: null,
    actor_name: 'Plein (automatisch)',
  });
}
