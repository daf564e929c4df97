import { KLACHT_TERM_WEEKS } from '@contracts/klachten';
import { formatLocalIsoDate as localDate, startOfLocalDay as startOfDay } from '@platform/time/local-days.rules';
import { computeDeadline, DEFAULT_TIME_ZONE } from '@platform/time/termijnen.rules';

const MS_PER_DAY = 86_400_000;

// Awb 9:11: decide within six weeks after receipt, or within the extended term (at most four weeks more,
// counted on from the end of the six weeks). Algemene termijnenwet art. 1: a term that ends on a Saturday,
// Sunday or feestdag ends on the next working day. Returns the end of that day in the municipality's zone.
export function computeKlachtDeadline(receivedAt: Date, extensionWeeks = 0, timeZone = DEFAULT_TIME_ZONE): Date {
  const lastDay = computeDeadline(receivedAt, { days: (KLACHT_TERM_WEEKS + extensionWeeks) * 7, kind: 'kalenderdagen' }, timeZone);
  // Zero working days from a day is that day if it is a working day, otherwise the next one: the Atw shift.
  return computeDeadline(lastDay, { days: 0, kind: 'werkdagen' }, timeZone);
}

// "2026-11-13" → the instant that day starts in the zone (the receipt date is a day, not a moment).
export function startOfLocalDay(isoDate: string, timeZone = DEFAULT_TIME_ZONE): Date {
  return startOfDay(isoDate, timeZone);
}

// The local date of an instant as "YYYY-MM-DD".
export function formatLocalIsoDate(instant: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return localDate(instant, timeZone);
}

// Calendar days from receipt to closing, on local dates: received and closed on the same day is 0.
export function countLeadTimeDays(receivedAt: Date, closedAt: Date, timeZone = DEFAULT_TIME_ZONE): number {
  const from = Date.parse(`${formatLocalIsoDate(receivedAt, timeZone)}T00:00:00Z`);
  const to = Date.parse(`${formatLocalIsoDate(closedAt, timeZone)}T00:00:00Z`);
  return Math.round((to - from) / MS_PER_DAY);
}
