import type { Me } from '@contracts/auth';
import type { Municipality } from '@contracts/organisation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { api, ProblemError, setCsrfToken } from './api-client';
import { applyAccent } from './theme';

export const ME_QUERY_KEY = ['me'] as const;

export interface SignInInput {
  email: string;
  password: string;
  organisation?: string;
}

interface AuthState {
  me: Me | null;
  loading: boolean;
  activeMunicipality: Municipality | null;
  can: (permission: string) => boolean;
  signIn: (input: SignInInput) => Promise<Me>;
  signOut: () => Promise<void>;
  switchMunicipality: (municipalityId: string) => Promise<Me>;
  switching: boolean;
  // True after this tab signed out, so the sign-in page can confirm it.
  signedOut: boolean;
}

const AuthContext = createContext<AuthState | null>(null);

async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/v1/me');
  } catch (error) {
    if (error instanceof ProblemError && error.status === 401) return null;
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const meQuery = useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 60_000, retry: 1 });
  const me = meQuery.data ?? null;
  const [signedOut, setSignedOut] = useState(false);
  const activeMunicipality = me?.municipalities.find((m) => m.id === me.activeMunicipalityId) ?? null;

  useEffect(() => {
    setCsrfToken(me?.csrfToken ?? null);
  }, [me?.csrfToken]);

  useEffect(() => {
    applyAccent(activeMunicipality?.houseColour);
  }, [activeMunicipality?.houseColour]);

  const switchMutation = useMutation({
    mutationFn: (municipalityId: string) => api.put<Me>('/api/v1/me/active-municipality', { municipalityId }),
    onSuccess: (next) => {
      queryClient.setQueryData(ME_QUERY_KEY, next);
      // Everything else on screen belongs to the municipality that was active before.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
    },
  });

  const value = useMemo<AuthState>(
    () => ({
      me,
      loading: meQuery.isPending,
      activeMunicipality,
      can: (permission) => me?.permissions.includes(permission) ?? false,
      async signIn(input) {
        const next = await api.post<Me>('/api/v1/sessions', input);
        setCsrfToken(next.csrfToken);
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
        queryClient.setQueryData(ME_QUERY_KEY, next);
        setSignedOut(false);
        return next;
      },
      async signOut() {
        try {
          await api.delete('/api/v1/sessions/current');
        } finally {
          setCsrfToken(null);
          queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
          queryClient.setQueryData(ME_QUERY_KEY, null);
          setSignedOut(true);
        }
      },
      switchMunicipality: (municipalityId) => switchMutation.mutateAsync(municipalityId),
      switching: switchMutation.isPending,
      signedOut,
    }),
    [me, meQuery.isPending, activeMunicipality, queryClient, switchMutation, signedOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth buiten AuthProvider');
  return state;
}

// Pages below RequireAuth may rely on a signed-in person.
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe zonder ingelogde gebruiker');
  return me;
}
