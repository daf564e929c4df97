import { CHANNEL_CAPABILITIES, checkLength } from '@contracts/channel-limits';
import type { Channel } from '@contracts/channels';
import { ANSWER_PLACEHOLDER } from '@contracts/office-hours';
import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { ConversationRow, MessageRow } from '@platform/db/database.schema';
import { storeOutboxItem } from '../../channels/index';
import { insertConversationEvent, updateConversation } from '../conversations.repository';
import { computeNormDueAt, isOpenAt } from './business-time.rules';
import { findOutboxKey } from './office-hours.repository';
import { loadAccountNorms } from './office-hours.service';
import { formatDayNumber, getDayNumber } from './schedule.rules';

const ACKNOWLEDGEMENT_KEY = 'ontvangstbevestiging';

const weekdayAndDate = (timeZone: string) => new Intl.DateTimeFormat('nl-NL', { timeZone, weekday: 'long', day: 'numeric', month: 'long' });
const clockTime = (timeZone: string) => new Intl.DateTimeFormat('nl-NL', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

// "vandaag om 11:00", "morgen om 11:00" or "maandag 30 november om 11:00", seen from `now` in the zone.
export function formatAnswerMoment(due: Date, now: Date, timeZone: string): string {
  const days = getDayNumber(due, timeZone) - getDayNumber(now, timeZone);
  const day = days === 0 ? 'vandaag' : days === 1 ? 'morgen' : weekdayAndDate(timeZone).format(due);
  return `${day} om ${clockTime(timeZone).format(due)}`;
}

// Due moments for a conversation a resident's message just joined. The first-response clock starts each
// time the resident starts waiting (a new conversation, a new question after our answer, or a reopened
// one); the resolution clock when the conversation starts or reopens after it was closed. Outside opening hours the
// resident gets an acknowledgement saying when the answer comes.
export async function applyNorms(db: Db, clock: Clock, change: { before: ConversationRow | null; after: ConversationRow; message: MessageRow }) {
  const { before, message } = change;
  const norms = await loadAccountNorms(db, change.after.organisation_id, change.after.account_id);
  if (!norms) return;
  const { settings, schedule } = norms;
  let conversation = change.after;
  // A closed conversation that reopens is a new question: both clocks start again from this message,
  // also when the resident never got an answer before it was closed.
  const restarts = !before || before.state === 'gesloten';
  const startsWaiting = restarts || before.waiting_since === null;
  const waitingSince = restarts ? message.received_at : (conversation.waiting_since ?? message.received_at);
  if ((startsWaiting && settings.firstResponse) || (restarts && settings.resolution)) {
    conversation = await updateConversation(db, conversation.organisation_id, conversation.id, {
      ...(startsWaiting && settings.firstResponse && { first_response_due_at: computeNormDueAt(waitingSince, settings.firstResponse, schedule) }),
      ...(restarts && settings.resolution && { resolution_due_at: computeNormDueAt(message.received_at, settings.resolution, schedule) }),
    });
  }
  if (!settings.acknowledgement.enabled || !settings.firstResponse || isOpenAt(message.received_at, schedule)) return;
  const due = conversation.first_response_due_at ?? computeNormDueAt(waitingSince, settings.firstResponse, schedule);
  const text = settings.acknowledgement.text.replaceAll(ANSWER_PLACEHOLDER, formatAnswerMoment(due, message.received_at, schedule.timeZone));
  await acknowledge(db, clock, conversation, message, text, formatDayNumber(getDayNumber(message.received_at, schedule.timeZone)), due);
}

// At most once per conversation per calendar day: the idempotency key holds the conversation and the
// local date, so the outbox stores (and sends) it once, and the event is written only with the item.
async function acknowledge(db: Db, clock: Clock, conversation: ConversationRow, message: MessageRow, text: string, localDate: string, due: Date) {
  const channel = conversation.channel as Channel;
  if (!CHANNEL_CAPABILITIES[channel]?.reply || !checkLength(channel, text).fits) return;
  // The demo's scenario engine makes thousands of residents; they get no acknowledgements. Messages on a
  // simulated account that a test or a person made do.
  if (message.simulated && (message.raw as { scenario?: string } | null)?.scenario) return;
  const { row, created } = await storeOutboxItem(db, clock, conversation.organisation_id, {
    accountId: conversation.account_id,
    kind: 'reply',
    text,
    replyToMessageId: message.id,
    idempotencyKey: `${ACKNOWLEDGEMENT_KEY}:${conversation.id}:${localDate}`,
    createdBy: null,
  });
  if (!created) return;
  await insertConversationEvent(db, {
    organisation_id: conversation.organisation_id,
    conversation_id: conversation.id,
    at: clock.now(),
    kind: 'ontvangstbevestiging',
    text,
    details: JSON.stringify({ outboxId: row.id, dueAt: due.toISOString() }),
    actor_user_id: null,
    actor_name: 'Plein (automatisch)',
  });
}

// Our acknowledgement, once sent, joins the conversation as a message but is no answer: the resident
// still waits, so the threading job leaves the waiting time and the first response alone.
export async function isAcknowledgement(db: Db, message: MessageRow): Promise<boolean> {
  const outboxId = (message.raw as { outboxId?: string } | null)?.outboxId;
  if (!outboxId) return false;
  return (await findOutboxKey(db, message.organisation_id, outboxId))?.startsWith(`${ACKNOWLEDGEMENT_KEY}:`) ?? false;
}
