import type { KnowledgeArticle, KnowledgeArticleVersion, ReplyTemplate, ToneCode } from '@contracts/knowledge';
import { useQuery } from '@tanstack/react-query';
import { api, buildQueryString } from '../../../app/api-client';

// One key prefix for everything in the knowledge base, so a change refreshes every list that shows it.
export const knowledgeQueryKey = ['kennisbank'] as const;

export function useArticles(filter: { q?: string; municipalityId?: string; archived?: boolean }) {
  return useQuery({
    queryKey: [...knowledgeQueryKey, 'artikelen', filter],
    queryFn: () =>
      api.get<KnowledgeArticle[]>(
        `/api/v1/knowledge-articles${buildQueryString({ q: filter.q || undefined, municipalityId: filter.municipalityId || undefined, archived: filter.archived ? 'ja' : undefined })}`,
      ),
  });
}

export function useArticle(id: string) {
  return useQuery({ queryKey: [...knowledgeQueryKey, 'artikel', id], queryFn: () => api.get<KnowledgeArticle>(`/api/v1/knowledge-articles/${id}`) });
}

export function useArticleVersions(id: string) {
  return useQuery({
    queryKey: [...knowledgeQueryKey, 'versies', id],
    queryFn: () => api.get<KnowledgeArticleVersion[]>(`/api/v1/knowledge-articles/${id}/versions`),
  });
}

export function useReplyTemplates(filter: { q?: string; municipalityId?: string } = {}) {
  return useQuery({
    queryKey: [...knowledgeQueryKey, 'webcareteksten', filter],
    queryFn: () =>
      api.get<ReplyTemplate[]>(`/api/v1/reply-templates${buildQueryString({ q: filter.q || undefined, municipalityId: filter.municipalityId || undefined })}`),
  });
}

export function useToneCode() {
  return useQuery({ queryKey: [...knowledgeQueryKey, 'toonkader'], queryFn: () => api.get<ToneCode>('/api/v1/tone-code') });
}

export function parseLabels(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((label) => label.trim())
        .filter(Boolean),
    ),
  ];
}
