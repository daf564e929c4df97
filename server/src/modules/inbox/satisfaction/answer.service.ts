import { CHANNEL_CAPABILITIES } from '@contracts/channel-limits';
import type { Channel } from '@contracts/channels';
import type { satisfactionAnswerSchema } from '@contracts/conversation-satisfaction';
import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { ConversationRow } from '@platform/db/database.schema';
import { AppError, notFound } from '@platform/http/http.errors';
import { answerOnce, type IdempotentCall } from '@platform/http/idempotency.service';
import { findMunicipality, findOrganisationBySlug } from '@platform/organisations/organisations.repository';
import type { z } from 'zod';
import { findConversation, insertConversationEvent } from '../conversations.repository';
import { announceConversation } from '../live/announce.service';
import { hashSurveyToken } from './invite.service';
import { answerSurvey, findSurveyByToken } from './surveys.repository';

type Answer = z.infer<typeof satisfactionAnswerSchema>;

// The resident follows the link from the reply: no account, only the token, whose hash is all we keep.
async function surveyTarget(db: Db, clock: Clock, slug: string, token: string) {
  const organisation = await findOrganisationBySlug(db, slug);
  const survey = organisation && (await findSurveyByToken(db, organisation.id, hashSurveyToken(token)));
  const conversation = survey && (await findConversation(db, organisation.id, survey.conversation_id));
  if (!organisation || !survey || !conversation) throw notFound('Deze vraag');
  if (survey.expires_at < clock.now())
    throw new AppError(410, 'tevredenheid-verlopen', 'Verlopen', 'Deze vraag is niet meer geldig: u kon hem 14 dagen beantwoorden.');
  return { organisation, survey, conversation };
}

export async function viewSurvey(db: Db, clock: Clock, slug: string, token: string) {
  const { organisation, survey, conversation } = await surveyTarget(db, clock, slug, token);
  const municipality = await findMunicipality(db, organisation.id, survey.municipality_id);
  return {
    municipality: municipality?.name ?? organisation.name,
    channel: CHANNEL_CAPABILITIES[conversation.channel as Channel]?.label ?? conversation.channel,
    expiresAt: survey.expires_at.toISOString(),
    answered: survey.answered_at !== null,
  };
}

// The answer on the conversation's timeline, the same whether it came through the link or as a reply in
// the conversation (then with the message it came in).
export async function recordAnswerEvent(
  db: Db,
  at: Date,
  conversation: Pick<ConversationRow, 'organisation_id' | 'id'>,
  answer: { surveyId: string; score: number; comment: string | null; messageId?: string },
) {
  await insertConversationEvent(db, {
    organisation_id: conversation.organisation_id,
    conversation_id: conversation.id,
    at,
    kind: 'tevredenheid',
    text: `Tevredenheid: ${answer.score} van 5.${answer.comment ? ` ${answer.comment}` : ''}`,
    details: JSON.stringify({
      score: answer.score,
      surveyId: answer.surveyId,
      via: answer.messageId ? 'gesprek' : 'link',
      ...(answer.messageId && { messageId: answer.messageId }),
    }),
    actor_user_id: null,
    actor_name: 'Inwoner',
  });
}

// Stores the answer once and tells the conversation; it does not reopen it.
export async function answerSurveyForm(db: Db, clock: Clock, slug: string, token: string, answer: Answer, call: IdempotentCall) {
  const { organisation, conversation } = await surveyTarget(db, clock, slug, token);
  return answerOnce(db, clock, organisation.id, call, async (trx) => {
    const now = clock.now();
    const comment = answer.comment?.trim() || null;
    const stored = await answerSurvey(trx, organisation.id, hashSurveyToken(token), { answered_at: now, score: answer.score, comment });
    if (!stored) throw new AppError(409, 'tevredenheid-al-ingevuld', 'Al ingevuld', 'U heeft deze vraag al beantwoord. Bedankt!');
    await recordAnswerEvent(trx, now, conversation, { surveyId: stored.id, score: answer.score, comment });
    await announceConversation(trx, conversation);
    return { received: true };
  });
}
