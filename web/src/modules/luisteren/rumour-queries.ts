import type { Rumour, RumourDetail } from '@contracts/rumours';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { luisterenKey } from './luisteren-queries';

export const rumoursKey = [...luisterenKey, 'geruchten'] as const;

export function useRumours() {
  return useQuery({ queryKey: rumoursKey, queryFn: () => api.get<Rumour[]>('/api/v1/geruchten') });
}

export function useRumoursOfItem(messageId: string) {
  return useQuery({ queryKey: [...rumoursKey, 'bericht', messageId], queryFn: () => api.get<Rumour[]>(`/api/v1/geruchten?bericht=${messageId}`) });
}

// Copies keep arriving while a rumour is followed, so an open rumour page asks again every minute.
export function useRumour(id: string) {
  return useQuery({ queryKey: [...rumoursKey, id], queryFn: () => api.get<RumourDetail>(`/api/v1/geruchten/${id}`), retry: false, refetchInterval: 60_000 });
}
