import type { StandardText } from '@contracts/melding-texts';
import type { Melding, MeldingCategory, meldingDetailSchema } from '@contracts/meldingen';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, buildQueryString } from '../../app/api-client';
import { useMe } from '../../app/auth-context';
import { type MeldingFilters, toApiQuery } from './melding-logic';

export type MeldingDetail = z.infer<typeof meldingDetailSchema>;

export const meldingenQueryKey = ['meldingen'] as const;

export function useMeldingen(filters: MeldingFilters) {
  const query = toApiQuery(filters);
  return useQuery({ queryKey: [...meldingenQueryKey, 'lijst', query], queryFn: () => api.get<Melding[]>(`/api/v1/meldingen${buildQueryString(query)}`) });
}

export function useMelding(id: string) {
  return useQuery({ queryKey: [...meldingenQueryKey, id], queryFn: () => api.get<MeldingDetail>(`/api/v1/meldingen/${id}`), retry: false });
}

// The taxonomy belongs to the organisation; any of the user's municipalities gives the same list.
export function useMeldingCategories() {
  const me = useMe();
  const cbsCode = me.municipalities[0]?.cbsCode;
  return useQuery({
    queryKey: ['melding-categories', me.organisation.slug],
    queryFn: () => api.get<{ categories: MeldingCategory[] }>(`/api/v1/organisations/${me.organisation.slug}/municipalities/${cbsCode}/melding-categories`),
    select: (data) => data.categories,
    enabled: Boolean(cbsCode),
    staleTime: 5 * 60_000,
  });
}

export const buildMeldingPhotoUrl = (meldingId: string, photoId: string) => `/api/v1/meldingen/${meldingId}/photos/${photoId}`;

export { buildQueryString };

// The organisation's standard texts that apply to a melding of this category (its own, its main category's, for all).
export function useStandardTexts(categoryId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['melding-standaardteksten', categoryId ?? 'alle'],
    queryFn: () => api.get<StandardText[]>(`/api/v1/melding-standard-texts${buildQueryString({ categoryId })}`),
    enabled,
    staleTime: 60_000,
  });
}
