import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../app/api-client';
import type { Presence } from './conversation-queries';
import { inboxQueryKey } from './conversation-queries';

// Listens to the server's live changes: a new message, a reply or a change refetches what is on screen.
// EventSource reconnects by itself after a dropped connection (the server asks for 3 seconds).
export function useLiveInbox() {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/inbox/stream');
    const refresh = (event: MessageEvent<string>) => {
      const id = (JSON.parse(event.data) as { id: string }).id;
      void queryClient.invalidateQueries({ queryKey: [...inboxQueryKey, 'lijst'] });
      void queryClient.invalidateQueries({ queryKey: [...inboxQueryKey, id] });
    };
    const presence = (event: MessageEvent<string>) => {
      const id = (JSON.parse(event.data) as { id: string }).id;
      void queryClient.invalidateQueries({ queryKey: [...inboxQueryKey, id, 'aanwezig'] });
    };
    source.addEventListener('gesprek', refresh);
    source.addEventListener('aanwezigheid', presence);
    return () => source.close();
  }, [queryClient]);
}

const HEARTBEAT_MS = 20_000;

// Tells colleagues this agent has the conversation open (and whether they are typing), and returns who
// else has it open: the collision warning. A colleague's heartbeat arrives as a live event, which
// invalidates the list of who is there.
export function usePresence(conversationId: string, composing: boolean): Presence[] {
  const others = useQuery({
    queryKey: [...inboxQueryKey, conversationId, 'aanwezig'],
    queryFn: () => api.get<Presence[]>(`/api/v1/conversations/${conversationId}/presence`),
    refetchInterval: HEARTBEAT_MS,
  });
  useEffect(() => {
    const beat = () => void api.post(`/api/v1/conversations/${conversationId}/presence`, { composing }).catch(() => {});
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [conversationId, composing]);
  useEffect(
    () => () => {
      void api.post(`/api/v1/conversations/${conversationId}/presence`, { leaving: true }).catch(() => {});
    },
    [conversationId],
  );
  return others.data ?? [];
}
