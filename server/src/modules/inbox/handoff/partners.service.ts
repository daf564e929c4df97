import type { HandoffPartner, handoffPartnerChangeSchema, handoffPartnerCreateSchema } from '@contracts/handoff';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { HandoffPartnerRow } from '@platform/db/database.schema';
import { badRequest, conflict, notFound } from '@platform/http/http.errors';
import { findMunicipality } from '@platform/organisations/organisations.repository';
import { assertCan } from '@platform/tenancy/policy.rules';
import type { z } from 'zod';
import { deletePartner, findPartner, findPartnerByName, findPartners, insertPartner, updatePartner } from './partners.repository';

type PartnerInput = z.infer<typeof handoffPartnerCreateSchema>;
type PartnerChange = z.infer<typeof handoffPartnerChangeSchema>;

export function toPartnerView(row: HandoffPartnerRow): HandoffPartner {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    municipalityId: row.municipality_id,
    answerDays: row.answer_days,
    createdAt: row.created_at.toISOString(),
  };
}

// Agents choose from the list when they hand off, so everyone who handles the inbox reads it.
export async function listPartners(ctx: ServiceContext) {
  assertCan(ctx.actor, 'inbox.read');
  return (await findPartners(ctx.db, ctx.actor.organisationId)).map(toPartnerView);
}

async function checkMunicipality(ctx: ServiceContext, municipalityId: string | null | undefined) {
  if (!municipalityId || (await findMunicipality(ctx.db, ctx.actor.organisationId, municipalityId))) return;
  throw badRequest('onbekende-gemeente', 'Deze gemeente hoort niet bij uw organisatie.', [
    { name: 'municipalityId', code: 'onbekend', reason: 'Kies een gemeente van uw organisatie, of geen.' },
  ]);
}

const nameTaken = () => conflict('partner-bestaat-al', 'Er is al een partner met deze naam.');

export async function createPartner(ctx: ServiceContext, input: PartnerInput) {
  assertCan(ctx.actor, 'handoff.partners');
  await checkMunicipality(ctx, input.municipalityId);
  return runInTransaction(ctx, async (tx) => {
    const row = await insertPartner(tx.db, {
      organisation_id: tx.actor.organisationId,
      name: input.name,
      email: input.email,
      municipality_id: input.municipalityId,
      answer_days: input.answerDays,
      created_at: tx.clock.now(),
    });
    if (!row) throw nameTaken();
    await recordAudit(tx, { action: 'partner.aangemaakt', recordType: 'overdrachtpartner', recordId: row.id, details: { name: row.name } });
    return toPartnerView(row);
  });
}

export async function changePartner(ctx: ServiceContext, partnerId: string, input: PartnerChange) {
  assertCan(ctx.actor, 'handoff.partners');
  return runInTransaction(ctx, async (tx) => {
    const organisationId = tx.actor.organisationId;
    if (!(await findPartner(tx.db, organisationId, partnerId))) throw notFound('De partner');
    await checkMunicipality(tx, input.municipalityId);
    const other = input.name ? await findPartnerByName(tx.db, organisationId, input.name) : undefined;
    if (other && other.id !== partnerId) throw nameTaken();
    const row = await updatePartner(tx.db, organisationId, partnerId, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.email !== undefined && { email: input.email }),
      ...(input.municipalityId !== undefined && { municipality_id: input.municipalityId }),
      ...(input.answerDays !== undefined && { answer_days: input.answerDays }),
    });
    if (!row) throw notFound('De partner');
    await recordAudit(tx, { action: 'partner.gewijzigd', recordType: 'overdrachtpartner', recordId: row.id, details: { ...input } });
    return toPartnerView(row);
  });
}

export async function removePartner(ctx: ServiceContext, partnerId: string) {
  assertCan(ctx.actor, 'handoff.partners');
  await runInTransaction(ctx, async (tx) => {
    if (!(await deletePartner(tx.db, tx.actor.organisationId, partnerId))) throw notFound('De partner');
    await recordAudit(tx, { action: 'partner.verwijderd', recordType: 'overdrachtpartner', recordId: partnerId });
  });
}
