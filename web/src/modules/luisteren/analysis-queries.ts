import type { Analysis, AnalysisSchedule, AnalysisSummary } from '@contracts/analyses';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';

export const KIND_KEYS = { tamtam: 'kindTamtam', issue: 'kindIssue', reputatie: 'kindReputatie' } as const;
export const FIELD_KEYS = { media: 'fieldMedia', opiniemakers: 'fieldOpiniemakers', groepen: 'fieldGroepen', bevolking: 'fieldBevolking' } as const;

export const analysesKey = ['analyses'] as const;
export const schedulesKey = ['analyse-schema'] as const;

export function useAnalyses() {
  return useQuery({ queryKey: analysesKey, queryFn: () => api.get<AnalysisSummary[]>('/api/v1/analyses') });
}

export function useAnalysis(id: string) {
  return useQuery({ queryKey: [...analysesKey, id], queryFn: () => api.get<Analysis>(`/api/v1/analyses/${id}`) });
}

export function useAnalysisSchedules() {
  return useQuery({ queryKey: schedulesKey, queryFn: () => api.get<AnalysisSchedule[]>('/api/v1/analyse-schema') });
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});
export const formatAnalysisDate = (iso: string) => dateFormat.format(new Date(iso));
export const formatAnalysisMoment = (iso: string) => dateTimeFormat.format(new Date(iso));
