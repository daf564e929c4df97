import { type ItemFilter, TENORS, type Tenor } from '@contracts/luisteren';
import { NETWORK_GROUP_FILTERS, type NetworkGroupFilter } from '@contracts/network-groups';
import { addOneDay, formatDateTime, parseDutchDate, startOfDayInAmsterdam } from '../../app/format';

// The filters of Luisteren live in the address bar under the API's own names, so a link from an alert
// (/luisteren?monitor=…&van=…&tot=…) opens exactly the burst, and a filtered view can be bookmarked or shared.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function filterFromParams(params: URLSearchParams): ItemFilter {
  const filter: ItemFilter = {};
  const text = (name: string, max: number) => {
    const value = params.get(name)?.trim();
    return value && value.length <= max ? value : undefined;
  };
  const id = (name: string) => {
    const value = params.get(name);
    return value && UUID.test(value) ? value : undefined;
  };
  const moment = (name: string) => {
    const value = params.get(name);
    return value && !Number.isNaN(Date.parse(value)) && /T.*([+-]\d\d:\d\d|Z)$/.test(value) ? value : undefined;
  };
  filter.q = text('q', 200);
  filter.monitor = id('monitor');
  filter.bron = text('bron', 30);
  const tenor = params.get('tenor');
  filter.tenor = (TENORS as readonly string[]).includes(tenor ?? '') ? (tenor as Tenor) : undefined;
  filter.van = moment('van');
  filter.tot = moment('tot');
  filter.auteur = text('auteur', 100);
  filter.lijst = id('lijst');
  const group = params.get('groep');
  filter.groep = (NETWORK_GROUP_FILTERS as readonly string[]).includes(group ?? '') ? (group as NetworkGroupFilter) : undefined;
  filter.gerucht = id('gerucht');
  filter.gemeente = id('gemeente');
  filter.metPlaats = params.get('metPlaats') === 'ja' ? 'ja' : undefined;
  const reviewed = params.get('beoordeeld');
  filter.beoordeeld = reviewed === 'ja' || reviewed === 'nee' ? reviewed : undefined;
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as ItemFilter;
}

export function toExploreSearchParams(filter: ItemFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  return params;
}

// The form shows moments the Dutch way: "23-11-2026" for a whole day, "23-11-2026 14:30" for a moment.
// "Tot en met 23-11-2026" is stored as the start of the next day, because the API's tot is exclusive.
export function formatMoment(iso: string | undefined, end: boolean): string {
  if (!iso) return '';
  const [date, time] = formatDateTime(iso).split(' ');
  if (time !== '00:00' || !date) return formatDateTime(iso);
  if (!end) return date;
  const previous = new Date(Date.parse(iso) - 12 * 3600_000);
  return formatDateTime(previous).split(' ')[0] ?? date;
}

// null when the text is no existing date (with an optional time hh:mm).
export function parseMoment(text: string, end: boolean): string | null {
  const match = /^\s*(\S+)(?:\s+(\d{1,2})[:.](\d{2}))?\s*$/.exec(text);
  const day = match?.[1] ? parseDutchDate(match[1]) : null;
  if (!match || !day) return null;
  if (match[2] === undefined) return startOfDayInAmsterdam(end ? addOneDay(day) : day);
  const [hours, minutes] = [Number(match[2]), Number(match[3])];
  if (hours > 23 || minutes > 59) return null;
  // The offset of local midnight; only the hours around a DST switch (at night) could be off by one.
  const offset = startOfDayInAmsterdam(day).slice(19);
  return `${day}T${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:00${offset}`;
}
