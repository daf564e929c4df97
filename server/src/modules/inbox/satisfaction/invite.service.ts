import { createHash, randomBytes } from 'node:crypto';
import { CHANNEL_CAPABILITIES, checkLength, replyIsPublic } from '@contracts/channel-limits';
import type { Channel } from '@contracts/channels';
import type { ServiceContext } from '@platform/context.service';
import type { ConversationRow } from '@platform/db/database.schema';
import { findOrganisationById } from '@platform/organisations/organisations.repository';
import { findChannelAccount, storeOutboxItem } from '../../channels/index';
import { findBlockOf, hasRegisterEntry } from '../abuse/abuse.repository';
import { isBlockActive } from '../abuse/abuse.views';
import { findConversationMessages, insertConversationEvent } from '../conversations.repository';
import { findLastAnswerer, findSurveysOfConversation, insertSurvey } from './surveys.repository';

export interface SurveyLinks {
  publicUrl: string;
}

// The personal link is valid two weeks: the resident chose to open a form to give a score.
const VALID_DAYS = 14;
// A reply in the conversation counts as the answer for a week. Residents who answer do so within hours or a day
// or two; a week on, a short message in the same thread ("2 containers staan er nog") is more likely about the
// matter itself, and reading it as a score would swallow it. A reply not taken as an answer is an ordinary
// message that reopens the conversation, so an agent reads it: the safe way to be wrong.
export const THREAD_ANSWER_DAYS = 7;

export function hashSurveyToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

// Where only the resident reads our answer (e-mail, WhatsApp, a direct message): the personal link, or a
// reply with a number.
export function composeSurveyText(url: string) {
  return `Hoe tevreden bent u over ons contact? Antwoord op dit bericht met een cijfer van 1 tot 5, of geef uw cijfer en een toelichting via uw persoonlijke link: ${url}`;
}

// Under a public post a link would let anyone who reads the thread answer for the resident (and only one
// answer counts), so there the resident answers in the thread, where the platform says who wrote it.
export const SURVEY_TEXT_IN_THREAD =
  'Hoe tevreden bent u over ons contact? Antwoord op dit bericht met een cijfer van 1 (zeer ontevreden) tot 5 (zeer tevreden), als u wilt met een toelichting. Bijvoorbeeld: "4, snel geholpen".';

// Whether this conversation gets the question: the channel can answer, the account asks, an agent
// answered, and the resident is not someone we stopped engaging with (abuse, a block).
async function latestQuestionToAsk(tx: ServiceContext, conversation: ConversationRow) {
  const organisationId = tx.actor.organisationId;
  if (!CHANNEL_CAPABILITIES[conversation.channel as Channel]?.reply) return undefined;
  const account = await findChannelAccount(tx.db, organisationId, conversation.account_id);
  if (!account?.satisfaction_survey) return undefined;
  if (await hasRegisterEntry(tx.db, organisationId, conversation.id)) return undefined;
  const block = await findBlockOf(tx.db, organisationId, conversation.account_id, conversation.author_id);
  if (block && isBlockActive(block, tx.clock.now())) return undefined;
  const answerer = await findLastAnswerer(tx.db, organisationId, conversation.id);
  if (!answerer) return undefined;
  // Asked before: only again when an agent answered since. A "thanks!" after closing reopens the conversation;
  // closing it again must not bring a second questionnaire about the same answer.
  const asked = (await findSurveysOfConversation(tx.db, organisationId, conversation.id)).at(-1);
  if (asked && answerer.at <= asked.sent_at) return undefined;
  const latest = (await findConversationMessages(tx.db, organisationId, conversation.id)).filter((message) => message.direction === 'in').at(-1);
  // The demo's scenario engine makes thousands of residents; they are not asked.
  if (!latest || (latest.simulated && (latest.raw as { scenario?: string } | null)?.scenario)) return undefined;
  return { latest, answerer };
}

// Called in the transaction that closes a conversation. The outbox key holds the conversation and the
// close moment, so one closing asks once; closing again asks again only if an agent answered since.
export async function inviteForSatisfaction(tx: ServiceContext, links: SurveyLinks, conversation: ConversationRow) {
  if (conversation.state !== 'gesloten' || !conversation.closed_at) return;
  const target = await latestQuestionToAsk(tx, conversation);
  const organisation = target && (await findOrganisationById(tx.db, tx.actor.organisationId));
  if (!target || !organisation) return;
  // Every question has a token (its hash is the row's key for the form); in a public thread it is never shown.
  const token = randomBytes(24).toString('base64url');
  const inThread = replyIsPublic(conversation.channel as Channel, conversation.visibility);
  const text = inThread ? SURVEY_TEXT_IN_THREAD : composeSurveyText(`${links.publicUrl}/tevreden/${organisation.slug}/${token}`);
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
    expires_at: new Date(now.getTime() + (inThread ? THREAD_ANSWER_DAYS : VALID_DAYS) * 86_400_000),
  });
  await insertConversationEvent(tx.db, {
    organisation_id: tx.actor.organisationId,
    conversation_id: conversation.id,
    at: now,
    kind: 'tevredenheid',
    text: inThread
      ? 'Tevredenheidsvraag (1–5) in de wachtrij gezet; de inwoner antwoordt in het gesprek.'
      : 'Tevredenheidsvraag (1–5) met een persoonlijke link in de wachtrij gezet.',
    details: JSON.stringify({ outboxId: outbox.id, answerIn: inThread ? 'gesprek' : 'link' }),
    actor_user_id: null,
    actor_name: 'Plein (automatisch)',
  });
}
