import type { conversationDetailSchema, conversationPageSchema } from '@contracts/inbox';
import type { presenceSchema } from '@contracts/inbox-live';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, buildQueryString } from '../../app/api-client';

export type ConversationPage = z.infer<typeof conversationPageSchema>;
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;
export type ConversationItem = ConversationPage['items'][number];
export type Presence = z.infer<typeof presenceSchema>;

export interface InboxFilters {
  view: 'alle' | 'mijn' | 'team' | 'niet-toegewezen' | 'ter-controle';
  municipality: string;
  state: string;
  channel: string;
  q: string;
}

export const inboxQueryKey = ['inbox'] as const;
// Live events refetch at once; this is the fallback when the event stream cannot get through (a proxy).
const REFRESH_MS = 60_000;

export function readInboxFilters(params: URLSearchParams): InboxFilters {
  const view = params.get('weergave');
  return {
    view: view === 'mijn' || view === 'team' || view === 'niet-toegewezen' || view === 'ter-controle' ? view : 'alle',
    municipality: /^GM\d{4}$/.test(params.get('gemeente') ?? '') ? params.get('gemeente')! : '',
    state: params.get('toestand') ?? 'open',
    channel: params.get('kanaal') ?? '',
    q: params.get('zoek') ?? '',
  };
}

export function toInboxSearchParams(filters: InboxFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.view !== 'alle') params.set('weergave', filters.view);
  if (filters.municipality) params.set('gemeente', filters.municipality);
  if (filters.state !== 'open') params.set('toestand', filters.state || 'alle');
  if (filters.channel) params.set('kanaal', filters.channel);
  if (filters.q) params.set('zoek', filters.q);
  return params;
}

export function useConversations(filters: InboxFilters) {
  const query = {
    view: filters.view,
    municipality: filters.municipality || undefined,
    state: filters.state && filters.state !== 'alle' ? filters.state : undefined,
    channel: filters.channel || undefined,
    q: filters.q.trim().length >= 2 ? filters.q.trim() : undefined,
    limit: 50,
    messages: 1,
  };
  return useInfiniteQuery({
    queryKey: [...inboxQueryKey, 'lijst', query],
    queryFn: ({ pageParam }) => api.get<ConversationPage>(`/api/v1/conversations${buildQueryString({ ...query, before: pageParam || undefined })}`),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: REFRESH_MS,
  });
}

export function useConversation(id: string) {
  return useQuery({
    queryKey: [...inboxQueryKey, id],
    queryFn: () => api.get<ConversationDetail>(`/api/v1/conversations/${id}`),
    retry: false,
    refetchInterval: REFRESH_MS,
  });
}
