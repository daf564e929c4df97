import type { MeldingCategory } from '@contracts/meldingen';
import type { Db } from '@platform/db/database.client';
import type { MeldingCategoryRow } from '@platform/db/database.schema';
import { findCategories, insertCategoryOnce } from './categories.repository';
import { DEFAULT_CATEGORIES, type DefaultCategory } from './default-categories.data';

export function toCategoryView(row: MeldingCategoryRow): MeldingCategory {
  return {
    id: row.id,
    parentId: row.parent_id,
    code: row.code,
    publicName: row.public_name,
    icon: row.icon,
    departments: row.departments,
    termijnDays: row.termijn_days,
    termijnKind: row.termijn_kind,
    servicePromise: row.service_promise,
    extraQuestions: row.extra_questions as MeldingCategory['extraQuestions'],
    active: row.active,
  };
}

async function insertDefault(
  db: Db,
  organisationId: string,
  category: Omit<DefaultCategory, 'children' | 'icon'> & { icon?: string },
  parentId: string | null,
  position: number,
) {
  return insertCategoryOnce(db, {
    organisation_id: organisationId,
    parent_id: parentId,
    code: category.code,
    public_name: category.publicName,
    icon: category.icon ?? null,
    departments: JSON.stringify(category.departments),
    termijn_days: category.termijnDays,
    termijn_kind: category.termijnKind,
    service_promise: category.servicePromise,
    extra_questions: JSON.stringify(category.extraQuestions ?? []),
    position,
  });
}

// An organisation without categories gets the default taxonomy the first time meldingen are used, so
// organisations created before the meldingen module have them too.
export async function ensureCategories(db: Db, organisationId: string): Promise<MeldingCategoryRow[]> {
  const existing = await findCategories(db, organisationId);
  if (existing.length > 0) return existing;
  for (const [index, main] of DEFAULT_CATEGORIES.entries()) {
    const parent = await insertDefault(db, organisationId, main, null, index);
    for (const [childIndex, child] of (main.children ?? []).entries()) {
      await insertDefault(db, organisationId, child, parent.id, childIndex);
    }
  }
  return findCategories(db, organisationId);
}

// What residents choose from: the main categories with their active subcategories; a main category
// without subcategories is chosen itself.
export function filterSelectableCategories(rows: MeldingCategoryRow[]): MeldingCategoryRow[] {
  const active = rows.filter((row) => row.active);
  return active.filter((row) => row.parent_id !== null || !active.some((child) => child.parent_id === row.id));
}
