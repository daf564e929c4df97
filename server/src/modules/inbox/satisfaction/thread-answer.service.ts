import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { ConversationRow, MessageRow } from '@platform/db/database.schema';
import { sql } from 'kysely';
import { placeMessageInConversation } from '../../channels/index';
import { isAuthorBlocked } from '../abuse/blocked-inbound.service';
import { findConversation, insertConversationEvent, updateConversation } from '../conversations.repository';
import { makePreview, pickLater } from '../threading.rules';
import { recordAnswerEvent } from './answer.service';
import { THREAD_ANSWER_DAYS } from './invite.service';
import { parseSatisfactionReply } from './score-reply.rules';
import { answerSurveyById, findSentMessageByPlatformId, findSurveyOfClosing } from './surveys.repository';

type Survey = NonNullable<Awaited<ReturnType<typeof findSurveyOfClosing>>>;

// The reply can answer the question: the question went out, the reply came in after it and was posted within
// THREAD_ANSWER_DAYS. What it names as its parent is not required to be the question: comment threads on
// Facebook, Instagram and LinkedIn are flat (a reply to our comment has the resident's own comment as parent), and
// a resident may answer under their own post; the conversation (one person, one thread) and the score are the test.
function answersQuestion(message: MessageRow, survey: Survey): boolean {
  const sentAt = survey.question_sent_at;
  if (survey.question_status !== 'verzonden' || !sentAt) return false;
  if (message.posted_at.getTime() > sentAt.getTime() + THREAD_ANSWER_DAYS * 86_400_000) return false;
  return message.received_at >= sentAt;
}

// Called by the threading job for a resident's message into a conversation that exists (and by
// takeReplyToQuestion). A reply by the conversation's own resident that gives a score to the question asked at its
// closing is that question's answer: recorded once (the first one counts, also against the link), shown on the
// timeline, and the conversation stays closed. Returns false for anything else, which the job handles as a normal
// message; also for a score that comes with a question, after counting the score.
// Someone else's reply never gets here as an answer: a conversation is one person in one thread, so another
// author's "1" lands in a conversation of its own; the author check below keeps it so if that ever changes.
export async function takeSatisfactionReply(db: Db, clock: Clock, conversation: ConversationRow, message: MessageRow): Promise<boolean> {
  if (conversation.state !== 'gesloten' || !conversation.closed_at || message.author_id !== conversation.author_id) return false;
  const survey = await findSurveyOfClosing(db, message.organisation_id, conversation.id, conversation.closed_at);
  if (!survey || !answersQuestion(message, survey)) return false;
  const reply = parseSatisfactionReply(message.text);
  if (!reply) return false;
  // "2, maar wanneer komt de wagen nu?" is a score and a new question: the score counts, and the caller handles
  // the message as a resident's message, so the conversation opens again and an agent answers the question.
  const asksSomething = reply.comment?.includes('?') ?? false;

  if (!asksSomething) {
    await updateConversation(db, message.organisation_id, conversation.id, {
      message_count: sql`message_count + 1`,
      last_message_at: pickLater(message.received_at, conversation.last_message_at),
      last_inbound_at: message.received_at,
      preview: makePreview(message.text),
    });
  }
  const now = clock.now();
  const stored = await answerSurveyById(db, message.organisation_id, survey.id, {
    answered_at: message.received_at,
    score: reply.score,
    comment: reply.comment,
  });
  if (stored) {
    await recordAnswerEvent(db, now, conversation, { surveyId: survey.id, score: reply.score, comment: reply.comment, messageId: message.id });
    return !asksSomething;
  }
  // Answered before (through the link, or an earlier reply): the first answer counts; this one is only noted,
  // and a resident who says the same thing twice does not reopen the conversation.
  await insertConversationEvent(db, {
    organisation_id: message.organisation_id,
    conversation_id: conversation.id,
    at: now,
    kind: 'tevredenheid',
    text: `Nog een cijfer in het gesprek (${reply.score} van 5); het eerste antwoord telt.`,
    details: JSON.stringify({ score: reply.score, surveyId: survey.id, via: 'gesprek', messageId: message.id, counted: false }),
    actor_user_id: null,
    actor_name: 'Inwoner',
  });
  return !asksSomething;
}

// A direct reply to the question belongs to the question's conversation even where the connector could not name
// the thread's real root and gave the parent instead (Mastodon: the root would take a context call per status),
// which would otherwise start a conversation of its own. Only replies whose root is their parent are looked up,
// one indexed query; the platform id tells us the parent is the question we sent (its outbox item).
export async function takeReplyToQuestion(db: Db, clock: Clock, message: MessageRow): Promise<boolean> {
  if (!message.reply_to_platform_id || message.thread_root_platform_id !== message.reply_to_platform_id) return false;
  const parent = await findSentMessageByPlatformId(db, message.organisation_id, message.account_id, message.reply_to_platform_id);
  if (!parent?.conversation_id || !parent.outbox_id) return false;
  const conversation = await findConversation(db, message.organisation_id, parent.conversation_id, true);
  if (!conversation?.closed_at) return false;
  const survey = await findSurveyOfClosing(db, message.organisation_id, conversation.id, conversation.closed_at);
  if (survey?.outbox_id !== parent.outbox_id || (await isAuthorBlocked(db, message))) return false;
  if (!(await takeSatisfactionReply(db, clock, conversation, message))) return false;
  await placeMessageInConversation(db, message.organisation_id, message.id, conversation.id);
  return true;
}
