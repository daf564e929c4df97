import { CHANNEL_CAPABILITIES } from '@contracts/channel-limits';
import type { Channel } from '@contracts/channels';
import { HANDOFF_STATUS_LABELS, type HandoffStatus, type partnerHandoffUpdateSchema } from '@contracts/handoff';
import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { ConversationHandoffRow } from '@platform/db/database.schema';
import { AppError, conflict, notFound } from '@platform/http/http.errors';
import { answerOnce, type IdempotentCall } from '@platform/http/idempotency.service';
import { findMunicipality, findOrganisationBySlug } from '@platform/organisations/organisations.repository';
import type { z } from 'zod';
import { findConversation, updateConversation } from '../conversations.repository';
import { announceConversation } from '../live/announce.service';
import { recordHandoffEvent } from './handoff-events.service';
import { findHandoffByToken, moveHandoffStatus } from './handoffs.repository';
import { hashHandoffToken, PARTNER_LINK_DAYS } from './partner-handoff.service';

type PartnerUpdate = z.infer<typeof partnerHandoffUpdateSchema>;

// Which statuses the partner may move from, per status asked for; afgehandeld and teruggegeven are final.
const FROM: Record<PartnerUpdate['status'], HandoffStatus[]> = {
  'in-behandeling': ['verstuurd', 'geopend'],
  afgehandeld: ['verstuurd', 'geopend', 'in-behandeling'],
  teruggegeven: ['verstuurd', 'geopend', 'in-behandeling'],
};

async function linkTarget(db: Db, clock: Clock, slug: string, token: string) {
  const organisation = await findOrganisationBySlug(db, slug);
  const handoff = organisation && (await findHandoffByToken(db, organisation.id, hashHandoffToken(token)));
  const conversation = handoff && (await findConversation(db, organisation.id, handoff.conversation_id));
  if (!organisation || !handoff || !conversation) throw notFound('Deze vraag');
  if (handoff.expires_at && handoff.expires_at < clock.now()) {
    throw new AppError(
      410,
      'overdracht-verlopen',
      'Verlopen',
      `Deze link is niet meer geldig: hij werkte ${PARTNER_LINK_DAYS} dagen. Neem contact op met de gemeente als u nog wilt antwoorden.`,
    );
  }
  return { organisation, handoff, conversation };
}

function partnerEvent(db: Db, handoff: ConversationHandoffRow, at: Date, text: string) {
  return recordHandoffEvent(db, {
    organisationId: handoff.organisation_id,
    conversationId: handoff.conversation_id,
    at,
    handoffId: handoff.id,
    status: handoff.status,
    text,
    actorUserId: null,
    actorName: handoff.partner_name ?? 'Partner',
  });
}

// Opening the link the first time is news for the agent ("geopend"); later views change nothing.
export async function viewPartnerHandoff(db: Db, clock: Clock, slug: string, token: string) {
  const { organisation, conversation, handoff: found } = await linkTarget(db, clock, slug, token);
  let handoff = found;
  if (handoff.status === 'verstuurd') {
    handoff = await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const opened = await moveHandoffStatus(trx, organisation.id, found.id, ['verstuurd'], { status: 'geopend', status_changed_at: now, opened_at: now });
      if (!opened) return found;
      await partnerEvent(trx, opened, now, `${opened.partner_name} heeft de vraag geopend.`);
      await announceConversation(trx, conversation);
      return opened;
    });
  }
  const municipality = await findMunicipality(db, organisation.id, conversation.municipality_id);
  return {
    partnerName: handoff.partner_name ?? '',
    organisation: organisation.name,
    municipality: municipality?.name ?? organisation.name,
    channel: CHANNEL_CAPABILITIES[conversation.channel as Channel]?.label ?? conversation.channel,
    question: handoff.question ?? '',
    context: handoff.context,
    sentAt: handoff.created_at.toISOString(),
    dueAt: handoff.due_at?.toISOString() ?? null,
    expiresAt: handoff.expires_at!.toISOString(),
    status: handoff.status,
    answer: handoff.answer,
  };
}

// The partner's reaction goes on the timeline and is announced live. With a final answer the conversation
// is the agent's again: back to open, so the answer reaches the resident.
export async function updatePartnerHandoff(db: Db, clock: Clock, slug: string, token: string, input: PartnerUpdate, call: IdempotentCall) {
  const { organisation, handoff, conversation } = await linkTarget(db, clock, slug, token);
  await answerOnce(db, clock, organisation.id, call, async (trx) => {
    const now = clock.now();
    const answer = input.answer?.trim() || null;
    const moved = await moveHandoffStatus(trx, organisation.id, handoff.id, FROM[input.status], {
      status: input.status,
      status_changed_at: now,
      ...(answer && { answer }),
    });
    if (!moved)
      throw conflict(
        'overdracht-al-afgerond',
        `Deze vraag staat al op "${HANDOFF_STATUS_LABELS[handoff.status].toLowerCase()}". Dat kunt u niet meer veranderen.`,
      );
    const final = input.status !== 'in-behandeling';
    const current = await findConversation(trx, organisation.id, conversation.id, true);
    if (final && current) {
      await updateConversation(trx, organisation.id, current.id, {
        handoff_due_at: null,
        ...(current.state === 'wachtend' || current.state === 'gesnoozed' ? { state: 'open', snoozed_until: null } : {}),
      });
    }
    const what = { 'in-behandeling': 'neemt de vraag in behandeling', afgehandeld: 'heeft de vraag afgehandeld', teruggegeven: 'geeft de vraag terug' }[
      input.status
    ];
    await partnerEvent(trx, moved, now, `${moved.partner_name} ${what}.${answer ? ` Antwoord: ${answer}` : ''}`);
    await announceConversation(trx, conversation);
  });
  return viewPartnerHandoff(db, clock, slug, token);
}
