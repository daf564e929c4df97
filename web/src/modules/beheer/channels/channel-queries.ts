import type { ChannelRequirements } from '@contracts/channel-fields';
import type { ChannelCapabilities } from '@contracts/channel-limits';
import type { Channel, ChannelAccount, Message } from '@contracts/channels';
import { useQuery } from '@tanstack/react-query';
import { api, buildQueryString } from '../../../app/api-client';

export const channelAccountsQueryKey = ['channel-accounts'] as const;

export interface ChannelCatalogue {
  capabilities: Record<Channel, ChannelCapabilities>;
  requirements: Record<Channel, ChannelRequirements>;
}

// What each channel is called and asks for comes from the server, so the form always matches what it checks.
export function useChannelCatalogue() {
  return useQuery({ queryKey: ['channels'], queryFn: () => api.get<ChannelCatalogue>('/api/v1/channels'), staleTime: Infinity });
}

export function useChannelAccounts() {
  return useQuery({ queryKey: channelAccountsQueryKey, queryFn: () => api.get<ChannelAccount[]>('/api/v1/channel-accounts') });
}

export function useChannelAccount(id: string) {
  return useQuery({ queryKey: [...channelAccountsQueryKey, id], queryFn: () => api.get<ChannelAccount>(`/api/v1/channel-accounts/${id}`), retry: false });
}

export function useRecentMessages(accountId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['messages', { accountId, limit: 5 }],
    queryFn: () => api.get<{ messages: Message[]; nextCursor: string | null }>(`/api/v1/messages${buildQueryString({ accountId, limit: 5 })}`),
    enabled,
  });
}

// Webhook channels receive their messages from Meta at an address the beheerder enters in the Meta app settings.
export const WEBHOOK_CHANNELS: readonly Channel[] = ['facebook', 'instagram', 'whatsapp'];
