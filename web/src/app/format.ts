// Dutch conventions regardless of interface language: 23-11-2026, 09:05 (24 hours), Europe/Amsterdam.
const TIME_ZONE = 'Europe/Amsterdam';

const dateFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const numberFormat = new Intl.NumberFormat('nl-NL');

function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

export function formatDate(value: string | Date): string {
  return dateFormat.format(toDate(value));
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '–';
  const date = toDate(value);
  return `${dateFormat.format(date)} ${timeFormat.format(date)}`;
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

function amsterdamOffset(isoDate: string): string {
  // 00:00 UTC lies before both DST switches (01:00 UTC), so its offset is the one of local midnight.
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' }).formatToParts(new Date(`${isoDate}T00:00:00Z`));
  const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const offset = name.replace('GMT', '');
  return offset === '' ? '+00:00' : offset;
}

// "2026-11-23" (from <input type="date">) → the moment that day starts in Amsterdam, as ISO 8601 with offset.
export function startOfDayInAmsterdam(isoDate: string): string {
  return `${isoDate}T00:00:00${amsterdamOffset(isoDate)}`;
}

export function addOneDay(isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

// "23-11-2026" (also 23/11/2026 or 23.11.2026, one-digit day or month) → "2026-11-23"; null when no such day exists.
export function parseDutchDate(text: string): string | null {
  const match = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export function formatIsoDateAsDutch(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return year && month && day ? `${day}-${month}-${year}` : isoDate;
}
