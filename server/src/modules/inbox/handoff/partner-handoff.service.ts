import { createHash, randomBytes } from 'node:crypto';
import { CHANNEL_CAPABILITIES } from '@contracts/channel-limits';
import type { Channel } from '@contracts/channels';
import { recordAudit } from '@platform/audit/audit.service';
import type { ServiceContext } from '@platform/context.service';
import type { ConversationRow } from '@platform/db/database.schema';
import { badRequest, conflict } from '@platform/http/http.errors';
import { enqueueJob } from '@platform/jobs/jobs.service';
import { findMunicipality, findOrganisationById } from '@platform/organisations/organisations.repository';
import { computeDeadline } from '@platform/time/termijnen.rules';
import { updateConversation } from '../conversations.repository';
import { announceConversation } from '../live/announce.service';
import { recordHandoffEvent } from './handoff-events.service';
import { findOpenPartnerHandoff, insertHandoff } from './handoffs.repository';
import { composePartnerMailText } from './partner.mail';
import { findPartner } from './partners.repository';

export interface HandoffLinks {
  publicUrl: string;
}

export interface PartnerHandoffInput {
  partnerId: string;
  question: string;
  context?: string;
}

// Long enough for a partner who answers late; the link stops working after that (410).
export const PARTNER_LINK_DAYS = 30;

export function hashHandoffToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

// The question goes to the partner by e-mail with a secret link (only its hash is kept); the conversation
// waits until the partner answers, and shows as late after the partner's number of working days.
export async function handOffToPartner(tx: ServiceContext, links: HandoffLinks, conversation: ConversationRow, input: PartnerHandoffInput) {
  const organisationId = tx.actor.organisationId;
  const partner = await findPartner(tx.db, organisationId, input.partnerId);
  if (!partner)
    throw badRequest('onbekende-partner', 'Deze partner bestaat niet.', [
      { name: 'partnerId', code: 'onbekend', reason: 'Kies een partner uit de lijst onder Beheer.' },
    ]);
  if (partner.municipality_id && partner.municipality_id !== conversation.municipality_id) {
    throw badRequest('partner-andere-gemeente', 'Deze partner werkt niet voor de gemeente van dit gesprek.', [
      { name: 'partnerId', code: 'andere-gemeente', reason: 'Kies een partner van deze gemeente.' },
    ]);
  }
  if (await findOpenPartnerHandoff(tx.db, organisationId, conversation.id)) {
    throw conflict('overdracht-loopt-al', 'Dit gesprek ligt al bij een partner. Wacht op het antwoord voordat u het opnieuw doorzet.');
  }
  const [organisation, municipality] = await Promise.all([
    findOrganisationById(tx.db, organisationId),
    findMunicipality(tx.db, organisationId, conversation.municipality_id),
  ]);
  const now = tx.clock.now();
  const token = randomBytes(24).toString('base64url');
  const dueAt = computeDeadline(now, { days: partner.answer_days, kind: 'werkdagen' }, municipality?.time_zone);
  const expiresAt = new Date(now.getTime() + PARTNER_LINK_DAYS * 86_400_000);
  const handoff = await insertHandoff(tx.db, {
    organisation_id: organisationId,
    conversation_id: conversation.id,
    kind: 'partner',
    status: 'verstuurd',
    from_account_id: conversation.handling_account_id ?? conversation.account_id,
    partner_id: partner.id,
    partner_name: partner.name,
    partner_email: partner.email,
    question: input.question,
    context: input.context ?? null,
    token_hash: hashHandoffToken(token),
    expires_at: expiresAt,
    due_at: dueAt,
    created_at: now,
    created_by_user_id: tx.actor.userId || null,
    created_by_name: tx.actor.name,
    status_changed_at: now,
  });
  const mail = composePartnerMailText({
    partnerName: partner.name,
    organisation: organisation?.name ?? 'de gemeente',
    municipality: municipality?.name ?? 'de gemeente',
    channel: CHANNEL_CAPABILITIES[conversation.channel as Channel]?.label ?? conversation.channel,
    question: input.question,
    context: input.context ?? null,
    agentName: tx.actor.name,
    answerDays: partner.answer_days,
    dueAt,
    expiresAt,
    link: `${links.publicUrl}/overdracht/${organisation?.slug}/${token}`,
  });
  // Keyed by the hand-off: however often this is retried, the partner gets one mail.
  await enqueueJob(tx.db, {
    organisationId,
    name: 'mail.versturen',
    runAt: now,
    uniqueKey: `overdracht:${handoff.id}`,
    payload: { to: partner.email, ...mail, secret: true },
  });
  const updated = await updateConversation(tx.db, organisationId, conversation.id, { state: 'wachtend', snoozed_until: null, handoff_due_at: dueAt });
  await recordHandoffEvent(tx.db, {
    organisationId,
    conversationId: conversation.id,
    at: now,
    handoffId: handoff.id,
    status: handoff.status,
    text: `Doorgezet naar ${partner.name}; antwoord verwacht binnen ${partner.answer_days} ${partner.answer_days === 1 ? 'werkdag' : 'werkdagen'}.`,
    actorUserId: tx.actor.userId || null,
    actorName: tx.actor.name,
  });
  await recordAudit(tx, {
    action: 'gesprek.overgedragen',
    recordType: 'gesprek',
    recordId: conversation.id,
    details: { handoffId: handoff.id, to: 'partner', partnerId: partner.id },
  });
  await announceConversation(tx.db, updated);
  return handoff;
}
