import type { Organisation } from '@contracts/organisation';
import type { Team, User } from '@contracts/users';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';

export const organisationQueryKey = ['organisation'] as const;
export const usersQueryKey = ['users'] as const;
export const teamsQueryKey = ['teams'] as const;

export function useOrganisation() {
  return useQuery({ queryKey: organisationQueryKey, queryFn: () => api.get<Organisation>('/api/v1/organisation') });
}

export function useUsers() {
  return useQuery({ queryKey: usersQueryKey, queryFn: () => api.get<User[]>('/api/v1/users') });
}

export function useTeams() {
  return useQuery({ queryKey: teamsQueryKey, queryFn: () => api.get<Team[]>('/api/v1/teams') });
}
