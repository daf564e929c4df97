import type { StandardText, standardTextChangeSchema, standardTextCreateSchema } from '@contracts/melding-texts';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { MeldingStandardTextRow } from '@platform/db/database.schema';
import { badRequest, notFound } from '@platform/http/http.errors';
import { assertCan } from '@platform/tenancy/policy.rules';
import type { z } from 'zod';
import { findCategory } from './categories.repository';
import { deleteStandardText, findStandardText, findStandardTexts, insertStandardText, updateStandardText } from './standard-texts.repository';

type StandardTextCreate = z.infer<typeof standardTextCreateSchema>;
type StandardTextChange = z.infer<typeof standardTextChangeSchema>;

export function toStandardTextView(row: MeldingStandardTextRow): StandardText {
  return {
    id: row.id,
    categoryId: row.category_id,
    status: row.status as StandardText['status'],
    title: row.title,
    body: row.body,
    updatedAt: row.updated_at.toISOString(),
  };
}

async function assertCategory(ctx: ServiceContext, categoryId: string | null | undefined) {
  if (!categoryId) return;
  if (!(await findCategory(ctx.db, ctx.actor.organisationId, categoryId))) {
    throw badRequest('onbekende-categorie', 'Deze categorie bestaat niet.', [
      { name: 'categoryId', code: 'onbekend', reason: 'Kies een categorie uit de lijst, of geen voor alle categorieën.' },
    ]);
  }
}

// The texts that apply to a melding of this category: its own, its main category's and those for all.
export async function listStandardTexts(ctx: ServiceContext, query: { status?: string; categoryId?: string }) {
  assertCan(ctx.actor, 'meldingen.manage');
  let categoryIds: string[] | undefined;
  if (query.categoryId) {
    const category = await findCategory(ctx.db, ctx.actor.organisationId, query.categoryId);
    categoryIds = category ? [category.id, ...(category.parent_id ? [category.parent_id] : [])] : [];
  }
  return (await findStandardTexts(ctx.db, ctx.actor.organisationId, { status: query.status, categoryIds })).map(toStandardTextView);
}

export async function createStandardText(ctx: ServiceContext, input: StandardTextCreate) {
  assertCan(ctx.actor, 'meldingen.categories');
  await assertCategory(ctx, input.categoryId);
  return runInTransaction(ctx, async (tx) => {
    const row = await insertStandardText(tx.db, {
      organisation_id: tx.actor.organisationId,
      category_id: input.categoryId,
      status: input.status,
      title: input.title,
      body: input.body,
      updated_at: tx.clock.now(),
    });
    await recordAudit(tx, {
      action: 'standaardtekst.aangemaakt',
      recordType: 'standaardtekst',
      recordId: row.id,
      details: { status: row.status, categoryId: row.category_id },
    });
    return toStandardTextView(row);
  });
}

export async function changeStandardText(ctx: ServiceContext, textId: string, input: StandardTextChange) {
  assertCan(ctx.actor, 'meldingen.categories');
  await assertCategory(ctx, input.categoryId);
  return runInTransaction(ctx, async (tx) => {
    const current = await findStandardText(tx.db, tx.actor.organisationId, textId);
    if (!current) throw notFound('De standaardtekst');
    const row = await updateStandardText(tx.db, tx.actor.organisationId, textId, {
      ...(input.categoryId !== undefined && { category_id: input.categoryId }),
      ...(input.status !== undefined && { status: input.status }),
      ...(input.title !== undefined && { title: input.title }),
      ...(input.body !== undefined && { body: input.body }),
      updated_at: tx.clock.now(),
    });
    await recordAudit(tx, { action: 'standaardtekst.gewijzigd', recordType: 'standaardtekst', recordId: row.id, details: { ...input } });
    return toStandardTextView(row);
  });
}

export async function removeStandardText(ctx: ServiceContext, textId: string) {
  assertCan(ctx.actor, 'meldingen.categories');
  return runInTransaction(ctx, async (tx) => {
    if (!(await findStandardText(tx.db, tx.actor.organisationId, textId))) throw notFound('De standaardtekst');
    await deleteStandardText(tx.db, tx.actor.organisationId, textId);
    await recordAudit(tx, { action: 'standaardtekst.verwijderd', recordType: 'standaardtekst', recordId: textId, details: {} });
  });
}
