import { findPlaceholders, type MeldingPlaceholder } from '@contracts/melding-texts';
import { MELDING_STATUSES, MELDING_TRANSITIONS, type Melding, type MeldingStatus } from '@contracts/meldingen';
import { addOneDay, startOfDayInAmsterdam } from '../../app/format';

// The filters as they stand in the address bar (Dutch names, ISO dates), so a filtered list can be bookmarked and shared.
export interface MeldingFilters {
  status: MeldingStatus | '';
  categoryId: string;
  municipalityId: string;
  overdue: 'ja' | 'nee' | '';
  from: string;
  until: string;
}

export type MeldingView = 'lijst' | 'kaart';

export const EMPTY_FILTERS: MeldingFilters = { status: '', categoryId: '', municipalityId: '', overdue: '', from: '', until: '' };

const PARAM: Record<keyof MeldingFilters, string> = {
  status: 'status',
  categoryId: 'categorie',
  municipalityId: 'gemeente',
  overdue: 'te-laat',
  from: 'van',
  until: 'tot',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readMeldingFilters(params: URLSearchParams): MeldingFilters {
  const status = params.get(PARAM.status) ?? '';
  const overdue = params.get(PARAM.overdue) ?? '';
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return ISO_DATE.test(value) ? value : '';
  };
  return {
    status: (MELDING_STATUSES as readonly string[]).includes(status) ? (status as MeldingStatus) : '',
    categoryId: params.get(PARAM.categoryId) ?? '',
    municipalityId: params.get(PARAM.municipalityId) ?? '',
    overdue: overdue === 'ja' || overdue === 'nee' ? overdue : '',
    from: date(PARAM.from),
    until: date(PARAM.until),
  };
}

export function readMeldingView(params: URLSearchParams): MeldingView {
  return params.get('weergave') === 'kaart' ? 'kaart' : 'lijst';
}

export function toMeldingSearchParams(filters: MeldingFilters, view: MeldingView): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAM) as Array<keyof MeldingFilters>) {
    if (filters[key]) params.set(PARAM[key], filters[key]);
  }
  if (view === 'kaart') params.set('weergave', 'kaart');
  return params;
}

export const LIST_LIMIT = 500;

// "Tot en met 24-11" means up to the start of 25-11 in Amsterdam.
export function toApiQuery(filters: MeldingFilters) {
  return {
    status: filters.status || undefined,
    categoryId: filters.categoryId || undefined,
    municipalityId: filters.municipalityId || undefined,
    overdue: filters.overdue || undefined,
    from: filters.from ? startOfDayInAmsterdam(filters.from) : undefined,
    until: filters.until ? startOfDayInAmsterdam(addOneDay(filters.until)) : undefined,
    limit: LIST_LIMIT,
  };
}

// Only the moves every selected melding may make, in the order of the status flow.
export function findCommonTransitions(statuses: MeldingStatus[]): MeldingStatus[] {
  if (statuses.length === 0) return [];
  return MELDING_STATUSES.filter((next) => statuses.every((current) => MELDING_TRANSITIONS[current].includes(next)));
}

// The values the server fills in too, so the handler sees the text as the reporter will read it.
export function collectPlaceholderValues(
  melding: Pick<Melding, 'number' | 'categoryName' | 'address' | 'createdAt' | 'deadline'>,
  municipalityName: string,
  actorName: string,
): Record<MeldingPlaceholder, string> {
  return {
    nummer: melding.number,
    categorie: melding.categoryName,
    adres: melding.address ?? 'de plek op de kaart',
    gemeente: municipalityName,
    meldingsdatum: formatLongDate(melding.createdAt),
    afhandeldatum: formatLongDate(melding.deadline),
    medewerker: actorName,
  };
}

const longDate = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const formatLongDate = (iso: string) => longDate.format(new Date(iso));

// Whatever still looks like {iets} after filling in: the handler must see it before the reporter does.
export function findUnfilledPlaceholders(text: string): string[] {
  return [...new Set(findPlaceholders(text).map((found) => `{${found.name}}`))];
}

// Status colours on the map and in the legend; the legend and the list name the status in words too.
export const STATUS_COLOURS: Record<MeldingStatus, string> = {
  gemeld: '#b3000c',
  heropend: '#a3155c',
  'in-behandeling': '#b35c00',
  ingepland: '#6b4e9b',
  'wacht-op-informatie': '#8a6d00',
  'doorgezet-naar-extern': '#0b5a9c',
  afgehandeld: '#2f7a24',
  geannuleerd: '#545454',
};

// A symbol per status, so the status never depends on seeing colour alone.
export const STATUS_SYMBOLS: Record<MeldingStatus, string> = {
  gemeld: '●',
  heropend: '↺',
  'in-behandeling': '▶',
  ingepland: '◷',
  'wacht-op-informatie': '?',
  'doorgezet-naar-extern': '→',
  afgehandeld: '✓',
  geannuleerd: '✕',
};
