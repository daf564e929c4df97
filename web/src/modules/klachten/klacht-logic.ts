import { KLACHT_STATUSES, KLACHT_THEMES, type KlachtStatus, type KlachtTheme } from '@contracts/klachten';

// The filters as they stand in the address bar (Dutch names), so a filtered list can be bookmarked and shared.
export interface KlachtFilters {
  status: KlachtStatus | '';
  municipalityId: string;
  theme: KlachtTheme | '';
  overdue: 'ja' | 'nee' | '';
}

export const EMPTY_KLACHT_FILTERS: KlachtFilters = { status: '', municipalityId: '', theme: '', overdue: '' };

const PARAM: Record<keyof KlachtFilters, string> = { status: 'status', municipalityId: 'gemeente', theme: 'thema', overdue: 'te-laat' };

export function readKlachtFilters(params: URLSearchParams): KlachtFilters {
  const status = params.get(PARAM.status) ?? '';
  const theme = params.get(PARAM.theme) ?? '';
  const overdue = params.get(PARAM.overdue) ?? '';
  return {
    status: (KLACHT_STATUSES as readonly string[]).includes(status) ? (status as KlachtStatus) : '',
    municipalityId: params.get(PARAM.municipalityId) ?? '',
    theme: (KLACHT_THEMES as readonly string[]).includes(theme) ? (theme as KlachtTheme) : '',
    overdue: overdue === 'ja' || overdue === 'nee' ? overdue : '',
  };
}

export function toKlachtSearchParams(filters: KlachtFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAM) as Array<keyof KlachtFilters>) {
    if (filters[key]) params.set(PARAM[key], filters[key]);
  }
  return params;
}

// "14:00" → minutes valid; used by the hearing form.
export function isTime(text: string): boolean {
  return /^([01]?\d|2[0-3]):[0-5]\d$/.test(text.trim());
}
