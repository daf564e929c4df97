import type { MeldingCategory } from '@contracts/meldingen';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import type { Translate } from '../../../app/i18n';

export const meldingCategoriesQueryKey = ['beheer', 'melding-categories'] as const;

// All categories of the organisation, inactive ones included.
export function useMeldingCategories() {
  return useQuery({ queryKey: meldingCategoriesQueryKey, queryFn: () => api.get<MeldingCategory[]>('/api/v1/melding-categories') });
}

export interface CategoryGroup {
  main: MeldingCategory;
  subs: MeldingCategory[];
}

// Main categories in the order the API gives them, each with its subcategories.
export function groupByMain(categories: MeldingCategory[]): CategoryGroup[] {
  return categories
    .filter((category) => category.parentId === null)
    .map((main) => ({ main, subs: categories.filter((category) => category.parentId === main.id) }));
}

type TermijnKey = 'termijn.werkdagen' | 'termijn.werkdagen.one' | 'termijn.kalenderdagen' | 'termijn.kalenderdagen.one';

export function formatTermijn(t: Translate<TermijnKey>, category: Pick<MeldingCategory, 'termijnDays' | 'termijnKind'>): string {
  return category.termijnDays === 1 ? t(`termijn.${category.termijnKind}.one`) : t(`termijn.${category.termijnKind}`, { count: category.termijnDays });
}

// "Wegen, Verkeer" ↔ ['Wegen', 'Verkeer']; empty parts are dropped.
export function parseDepartments(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}
