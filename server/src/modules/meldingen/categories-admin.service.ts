import type { meldingCategoryChangeSchema, meldingCategoryCreateSchema } from '@contracts/meldingen';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import { isUniqueViolation } from '@platform/db/db-errors.rules';
import { badRequest, conflict, notFound } from '@platform/http/http.errors';
import { assertCan } from '@platform/tenancy/policy.rules';
import type { z } from 'zod';
import { findCategory, insertCategory, updateCategory } from './categories.repository';
import { ensureCategories, toCategoryView } from './categories.service';

type CategoryCreate = z.infer<typeof meldingCategoryCreateSchema>;
type CategoryChange = z.infer<typeof meldingCategoryChangeSchema>;

export async function listAllCategories(ctx: ServiceContext) {
  assertCan(ctx.actor, 'meldingen.read');
  return (await ensureCategories(ctx.db, ctx.actor.organisationId)).map(toCategoryView);
}

// Two levels: a new category is a main category or sits under one. Existing meldingen keep the
// promise and termijn they were filed with; a change applies to new meldingen only.
export async function createCategory(ctx: ServiceContext, input: CategoryCreate) {
  assertCan(ctx.actor, 'meldingen.categories');
  await ensureCategories(ctx.db, ctx.actor.organisationId);
  if (input.parentId) {
    const parent = await findCategory(ctx.db, ctx.actor.organisationId, input.parentId);
    if (!parent || parent.parent_id !== null) {
      throw badRequest('ongeldige-hoofdcategorie', 'Een subcategorie hoort onder een hoofdcategorie.', [
        { name: 'parentId', code: 'ongeldig', reason: 'Kies een hoofdcategorie.' },
      ]);
    }
  }
  return runInTransaction(ctx, async (tx) => {
    const row = await insertCategory(tx.db, {
      organisation_id: tx.actor.organisationId,
      parent_id: input.parentId,
      code: input.code,
      public_name: input.publicName,
      icon: input.icon,
      departments: JSON.stringify(input.departments),
      termijn_days: input.termijnDays,
      termijn_kind: input.termijnKind,
      service_promise: input.servicePromise,
      extra_questions: JSON.stringify(input.extraQuestions),
      position: 1_000,
    }).catch((error) => {
      if (isUniqueViolation(error)) throw conflict('code-bestaat-al', `Er is al een categorie met de code "${input.code}".`);
      throw error;
    });
    await recordAudit(tx, { action: 'meldingcategorie.aangemaakt', recordType: 'meldingcategorie', recordId: row.id, details: { code: row.code } });
    return toCategoryView(row);
  });
}

export async function changeCategory(ctx: ServiceContext, categoryId: string, input: CategoryChange) {
  assertCan(ctx.actor, 'meldingen.categories');
  return runInTransaction(ctx, async (tx) => {
    const current = await findCategory(tx.db, tx.actor.organisationId, categoryId);
    if (!current) throw notFound('De categorie');
    const changes = {
      ...(input.publicName !== undefined && { public_name: input.publicName }),
      ...(input.icon !== undefined && { icon: input.icon }),
      ...(input.departments !== undefined && { departments: JSON.stringify(input.departments) }),
      ...(input.termijnDays !== undefined && { termijn_days: input.termijnDays }),
      ...(input.termijnKind !== undefined && { termijn_kind: input.termijnKind }),
      ...(input.servicePromise !== undefined && { service_promise: input.servicePromise }),
      ...(input.extraQuestions !== undefined && { extra_questions: JSON.stringify(input.extraQuestions) }),
      ...(input.active !== undefined && { active: input.active }),
    };
    if (Object.keys(changes).length === 0) return toCategoryView(current);
    const row = (await updateCategory(tx.db, tx.actor.organisationId, categoryId, changes))!;
    await recordAudit(tx, { action: 'meldingcategorie.gewijzigd', recordType: 'meldingcategorie', recordId: row.id, details: { ...input } });
    return toCategoryView(row);
  });
}
