import type { agreementSchema, authorListSchema, ItemFilter, ListeningAlert, ListeningItem, ListeningOverview, Monitor } from '@contracts/luisteren';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import { api, buildQueryString } from '../../app/api-client';

export type Agreement = z.infer<typeof agreementSchema>;
export type AuthorList = z.infer<typeof authorListSchema>;
export type ItemPage = { items: ListeningItem[]; nextCursor: string | null };
export type ThreadMessage = { messageId: string; direction: 'in' | 'uit'; author: string; text: string; postedAt: string; publicUrl: string | null };
export type ItemDetail = { item: ListeningItem; thread: ThreadMessage[]; authorHistory: ListeningItem[] };

export const luisterenKey = ['luisteren'] as const;
export const monitorsKey = [...luisterenKey, 'monitors'] as const;
export const alertsKey = [...luisterenKey, 'signalen'] as const;
export const listsKey = [...luisterenKey, 'lijsten'] as const;

const BACKFILL_POLL_MS = 2_000;

// While a monitor's stored messages are searched, its progress is asked again every two seconds.
export function useMonitors() {
  return useQuery({
    queryKey: monitorsKey,
    queryFn: () => api.get<Monitor[]>('/api/v1/monitors'),
    refetchInterval: (query) => (query.state.data?.some((monitor) => monitor.backfill.state !== 'klaar') ? BACKFILL_POLL_MS : false),
  });
}

export function useMonitor(id: string | undefined) {
  return useQuery({
    queryKey: [...monitorsKey, id],
    queryFn: () => api.get<Monitor>(`/api/v1/monitors/${id}`),
    enabled: Boolean(id),
    retry: false,
    refetchInterval: (query) => (query.state.data && query.state.data.backfill.state !== 'klaar' ? BACKFILL_POLL_MS : false),
  });
}

export function useOverview(filter: ItemFilter) {
  const search = buildQueryString(filter);
  return useQuery({ queryKey: [...luisterenKey, 'overzicht', search], queryFn: () => api.get<ListeningOverview>(`/api/v1/luisteren/overzicht${search}`) });
}

export function useItemDetail(messageId: string) {
  return useQuery({
    queryKey: [...luisterenKey, 'bericht', messageId],
    queryFn: () => api.get<ItemDetail>(`/api/v1/luisteren/items/${messageId}`),
    retry: false,
  });
}

export function useAlerts(limit = 50) {
  return useQuery({ queryKey: [...alertsKey, limit], queryFn: () => api.get<ListeningAlert[]>(`/api/v1/luisteren/signalen${buildQueryString({ limit })}`) });
}

export function useAgreement(period: { van?: string; tot?: string }) {
  const search = buildQueryString(period);
  return useQuery({ queryKey: [...luisterenKey, 'overeenstemming', search], queryFn: () => api.get<Agreement>(`/api/v1/luisteren/overeenstemming${search}`) });
}

export function useAuthorLists() {
  return useQuery({ queryKey: listsKey, queryFn: () => api.get<AuthorList[]>('/api/v1/auteurslijsten') });
}

export function fetchItems(filter: ItemFilter, before?: string) {
  return api.get<ItemPage>(`/api/v1/luisteren/items${buildQueryString({ ...filter, before, limit: ITEM_PAGE_SIZE })}`);
}

export const ITEM_PAGE_SIZE = 50;

// A new alert arrives as a server-sent event; the lists that show alerts are fetched again. EventSource
// reconnects by itself after a dropped connection (the server asks for 3 seconds).
export function useLiveAlerts() {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/luisteren/stream');
    const refresh = () => void queryClient.invalidateQueries({ queryKey: alertsKey });
    source.addEventListener('signaal', refresh);
    return () => source.close();
  }, [queryClient]);
}
