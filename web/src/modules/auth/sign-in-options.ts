import type { SignInOptions } from '@contracts/oidc';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../app/api-client';

const STORAGE_KEY = 'plein.organisatie';
const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export function isOrganisationSlug(value: string): boolean {
  return SLUG.test(value);
}

export function toOrganisationSlug(value: string | null | undefined): string {
  return (value ?? '').trim().toLowerCase();
}

// Both the link a municipality hands its staff and a slug typed by hand end up here; only a possible slug is asked
// about, so a half-typed name costs no request and a 404 means "no such organisation".
export function useSignInOptions(slug: string) {
  return useQuery({
    queryKey: ['sign-in-options', slug],
    queryFn: () => api.get<SignInOptions>(`/api/v1/organisations/${encodeURIComponent(slug)}/sign-in-options`),
    enabled: isOrganisationSlug(slug),
    retry: false,
    staleTime: 5 * 60_000,
  });
}

// A session that expired, or a failed attempt at the provider, comes back to /inloggen without ?organisatie=;
// remembering the organisation keeps its button there.
export function recallOrganisation(): string {
  try {
    return toOrganisationSlug(localStorage.getItem(STORAGE_KEY));
  } catch {
    return '';
  }
}

export function rememberOrganisation(slug: string | null): void {
  try {
    if (slug) localStorage.setItem(STORAGE_KEY, slug);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private window): the link still works, only the reminder is lost.
  }
}

export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
