import type { Klacht, KlachtDetail, KlachtReport } from '@contracts/klachten';
import { useQuery } from '@tanstack/react-query';
import { api, buildQueryString } from '../../app/api-client';
import type { KlachtFilters } from './klacht-logic';

export const klachtenQueryKey = ['klachten'] as const;

export function useKlachten(filters: KlachtFilters) {
  const query = { status: filters.status, municipalityId: filters.municipalityId, theme: filters.theme, overdue: filters.overdue };
  return useQuery({ queryKey: [...klachtenQueryKey, 'lijst', query], queryFn: () => api.get<Klacht[]>(`/api/v1/klachten${buildQueryString(query)}`) });
}

export function useKlacht(id: string) {
  return useQuery({ queryKey: [...klachtenQueryKey, id], queryFn: () => api.get<KlachtDetail>(`/api/v1/klachten/${id}`), retry: false });
}

export function buildReportQuery(municipalityId: string, year: number) {
  return buildQueryString({ municipalityId, year });
}

export function useKlachtReport(municipalityId: string, year: number) {
  return useQuery({
    queryKey: [...klachtenQueryKey, 'jaarverslag', municipalityId, year],
    queryFn: () => api.get<KlachtReport>(`/api/v1/klachten-jaarverslag${buildReportQuery(municipalityId, year)}`),
  });
}
