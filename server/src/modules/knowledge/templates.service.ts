import type { ReplyTemplate, replyTemplateChangeSchema, replyTemplateCreateSchema, replyTemplateSearchQuery } from '@contracts/knowledge';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { ReplyTemplateRow } from '@platform/db/database.schema';
import { notFound } from '@platform/http/http.errors';
import { assertActsForOwnMunicipality } from '@platform/organisations/organisations.service';
import { assertCan } from '@platform/tenancy/policy.rules';
import type { z } from 'zod';
import { deleteTemplate, findTemplate, insertTemplate, searchTemplates, updateTemplate } from './templates.repository';

type TemplateCreate = z.infer<typeof replyTemplateCreateSchema>;
type TemplateChange = z.infer<typeof replyTemplateChangeSchema>;

function toTemplateView(row: Omit<ReplyTemplateRow, 'search'>): ReplyTemplate {
  return { id: row.id, municipalityId: row.municipality_id, title: row.title, body: row.body, labels: row.labels, updatedAt: row.updated_at.toISOString() };
}

export async function listTemplates(ctx: ServiceContext, query: z.infer<typeof replyTemplateSearchQuery>) {
  assertCan(ctx.actor, 'inbox.read');
  return (await searchTemplates(ctx.db, ctx.actor.organisationId, query)).map(toTemplateView);
}

async function existingTemplate(ctx: ServiceContext, templateId: string) {
  const row = await findTemplate(ctx.db, ctx.actor.organisationId, templateId);
  if (!row) throw notFound('De standaardtekst');
  return row;
}

export async function createTemplate(ctx: ServiceContext, input: TemplateCreate) {
  assertCan(ctx.actor, 'knowledge.manage');
  await assertActsForOwnMunicipality(ctx, input.municipalityId);
  return runInTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const row = await insertTemplate(tx.db, {
      organisation_id: tx.actor.organisationId,
      municipality_id: input.municipalityId,
      title: input.title,
      body: input.body,
      labels: [...new Set(input.labels)],
      created_at: now,
      updated_at: now,
    });
    await recordAudit(tx, {
      action: 'webcaretekst.aangemaakt',
      recordType: 'webcaretekst',
      recordId: row.id,
      details: { municipalityId: row.municipality_id },
    });
    return toTemplateView(row);
  });
}

export async function changeTemplate(ctx: ServiceContext, templateId: string, input: TemplateChange) {
  assertCan(ctx.actor, 'knowledge.manage');
  if (input.municipalityId !== undefined) await assertActsForOwnMunicipality(ctx, input.municipalityId);
  return runInTransaction(ctx, async (tx) => {
    const current = await existingTemplate(tx, templateId);
    await assertActsForOwnMunicipality(tx, current.municipality_id);
    const row = await updateTemplate(tx.db, tx.actor.organisationId, templateId, {
      ...(input.municipalityId !== undefined && { municipality_id: input.municipalityId }),
      ...(input.title !== undefined && { title: input.title }),
      ...(input.body !== undefined && { body: input.body }),
      ...(input.labels !== undefined && { labels: [...new Set(input.labels)] }),
      updated_at: tx.clock.now(),
    });
    await recordAudit(tx, { action: 'webcaretekst.gewijzigd', recordType: 'webcaretekst', recordId: row.id, details: { ...input } });
    return toTemplateView(row);
  });
}

export async function removeTemplate(ctx: ServiceContext, templateId: string) {
  assertCan(ctx.actor, 'knowledge.manage');
  return runInTransaction(ctx, async (tx) => {
    const current = await existingTemplate(tx, templateId);
    await assertActsForOwnMunicipality(tx, current.municipality_id);
    await deleteTemplate(tx.db, tx.actor.organisationId, templateId);
    await recordAudit(tx, { action: 'webcaretekst.verwijderd', recordType: 'webcaretekst', recordId: templateId, details: {} });
  });
}
