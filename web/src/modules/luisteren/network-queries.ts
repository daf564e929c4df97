import type { AuthorProfile, NetworkGroupFilter, NetworkPage } from '@contracts/network';
import { useQuery } from '@tanstack/react-query';
import { api, buildQueryString } from '../../app/api-client';
import { luisterenKey } from './luisteren-queries';

export const networkKey = [...luisterenKey, 'netwerk'] as const;

// How far back the network looks; the API's own default is twelve weeks.
export const NETWORK_PERIODS = [4, 12, 26, 52] as const;
export const DEFAULT_WEEKS = 12;

export interface NetworkFilter {
  weken?: (typeof NETWORK_PERIODS)[number];
  groep?: NetworkGroupFilter;
  zoek?: string;
  pagina?: number;
}

export function useNetwork(filter: NetworkFilter) {
  // The server counts the weeks back from its own clock.
  const search = buildQueryString({ ...filter });
  return useQuery({ queryKey: [...networkKey, 'lijst', search], queryFn: () => api.get<NetworkPage>(`/api/v1/auteurs${search}`) });
}

export function useAuthorProfile(handle: string) {
  return useQuery({
    queryKey: [...networkKey, 'auteur', handle],
    queryFn: () => api.get<AuthorProfile>(`/api/v1/auteurs/${encodeURIComponent(handle)}`),
    retry: false,
  });
}

// The address of an author's profile: handles go in lower case without @, as the network knows them.
export const buildAuthorPath = (handle: string) => `/luisteren/auteurs/${encodeURIComponent(handle.replace(/^@+/, '').toLowerCase())}`;
