import { randomBytes } from 'node:crypto';
import { KTO_REASONS, ktoReasonLabels } from '@contracts/meldingen';
import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { MeldingRow } from '@platform/db/database.schema';
import { AppError, notFound } from '@platform/http/http.errors';
import { answerOnce, type IdempotentCall } from '@platform/http/idempotency.service';
import { findOrganisationBySlug } from '@platform/organisations/organisations.repository';
import { findCategory } from './categories.repository';
import { answerKto, findKto, insertKto } from './kto.repository';
import { findMelding, insertEvent } from './meldingen.repository';
import { hashTrackingToken, type MeldingLinks } from './submit.service';

const VALID_DAYS = 14;

// Called when a melding is afgehandeld: a link for the reporter, valid 14 days, to say how it went.
export async function inviteForKto(db: Db, clock: Clock, links: MeldingLinks, slug: string, melding: MeldingRow) {
  const token = randomBytes(24).toString('base64url');
  const now = clock.now();
  await insertKto(db, {
    organisation_id: melding.organisation_id,
    melding_id: melding.id,
    token_hash: hashTrackingToken(token),
    sent_at: now,
    expires_at: new Date(now.getTime() + VALID_DAYS * 86_400_000),
  });
  return `${links.publicUrl}/tevredenheid/${slug}/${token}`;
}

async function ktoTarget(db: Db, clock: Clock, slug: string, token: string) {
  const organisation = await findOrganisationBySlug(db, slug);
  const kto = organisation && (await findKto(db, organisation.id, hashTrackingToken(token)));
  const melding = kto && (await findMelding(db, organisation.id, kto.melding_id));
  if (!organisation || !kto || !melding) throw notFound('Deze vragenlijst');
  if (kto.expires_at < clock.now()) throw new AppError(410, 'kto-verlopen', 'Verlopen', 'Deze vragenlijst is niet meer geldig: u kon hem 14 dagen invullen.');
  return { organisation, kto, melding };
}

export async function viewKto(db: Db, clock: Clock, slug: string, token: string) {
  const { organisation, kto, melding } = await ktoTarget(db, clock, slug, token);
  const category = await findCategory(db, organisation.id, melding.category_id);
  return {
    number: melding.number,
    category: category?.public_name ?? '',
    expiresAt: kto.expires_at.toISOString(),
    answered: kto.answered_at !== null,
    reasons: KTO_REASONS.map((code) => ({ code, label: ktoReasonLabels[code] })),
  };
}

// Stores the answer once. Unhappy with a comment becomes a request to reopen on the melding's timeline,
// for the handlers to act on; it does not reopen by itself.
export async function answerKtoForm(
  db: Db,
  clock: Clock,
  slug: string,
  token: string,
  answer: { satisfied: boolean; reasons: string[]; comment?: string },
  call: IdempotentCall,
) {
  const { organisation, melding } = await ktoTarget(db, clock, slug, token);
  return answerOnce(db, clock, organisation.id, call, async (trx) => {
    const now = clock.now();
    const stored = await answerKto(trx, organisation.id, hashTrackingToken(token), {
      answered_at: now,
      satisfied: answer.satisfied,
      reasons: JSON.stringify(answer.satisfied ? [] : answer.reasons),
      comment: answer.comment ?? null,
    });
    if (!stored) throw new AppError(409, 'kto-al-ingevuld', 'Al ingevuld', 'U heeft deze vragenlijst al ingevuld. Bedankt!');
    const summary = answer.satisfied
      ? 'Melder is tevreden.'
      : `Melder is niet tevreden${answer.reasons.length ? ` (${answer.reasons.map((code) => ktoReasonLabels[code as keyof typeof ktoReasonLabels]).join(', ')})` : ''}.`;
    await insertEvent(trx, {
      organisation_id: organisation.id,
      melding_id: melding.id,
      at: now,
      kind: 'kto',
      text: answer.comment ? `${summary} ${answer.comment}` : summary,
      actor_user_id: null,
      actor_name: 'Melder',
      from_status: null,
      to_status: null,
    });
    const reopenRequested = !answer.satisfied && Boolean(answer.comment?.trim());
    if (reopenRequested) {
      await insertEvent(trx, {
        organisation_id: organisation.id,
        melding_id: melding.id,
        at: now,
        kind: 'heropenverzoek',
        text: answer.comment!,
        actor_user_id: null,
        actor_name: 'Melder',
        from_status: null,
        to_status: null,
      });
    }
    return { received: true, reopenRequested };
  });
}
