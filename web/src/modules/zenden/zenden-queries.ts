import type { Publication } from '@contracts/publications';
import { useQuery } from '@tanstack/react-query';
import { api, buildQueryString } from '../../app/api-client';

export const publicationsQueryKey = ['publications'] as const;

export function usePublications(period: { from: string; to: string; municipalityId?: string }) {
  return useQuery({
    queryKey: [...publicationsQueryKey, 'lijst', period],
    queryFn: () => api.get<Publication[]>(`/api/v1/publications${buildQueryString(period)}`),
  });
}

export function usePublication(id: string) {
  return useQuery({ queryKey: [...publicationsQueryKey, id], queryFn: () => api.get<Publication>(`/api/v1/publications/${id}`), retry: false });
}
