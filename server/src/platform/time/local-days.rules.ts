import { badRequest } from '../http/http.errors';

// Figures and reports count whole local days ("1 januari tot en met 30 juni" in Amsterdam), not UTC days.

// The instant a local calendar day starts in a time zone (also on the days DST adds or removes an hour).
export function startOfLocalDay(isoDate: string, timeZone: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, day);
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })
        .formatToParts(new Date(instant))
        .map((part) => [part.type, part.value]),
    );
    const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    return local - instant;
  };
  const first = guess - offsetAt(guess);
  return new Date(guess - offsetAt(first));
}

// The local date of an instant as "YYYY-MM-DD".
export function formatLocalIsoDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

// A report period from optional dates: by default 1 January of this year up to and including today.
// Returns the dates as asked and the instants [from, until) that bound it.
export function resolveReportPeriod(query: { from?: string; to?: string }, timeZone: string, now: Date) {
  const today = formatLocalIsoDate(now, timeZone);
  const period = { from: query.from ?? `${today.slice(0, 4)}-01-01`, to: query.to ?? today };
  if (period.to < period.from)
    throw badRequest('ongeldige-periode', 'De einddatum ligt vóór de begindatum.', [
      { name: 'to', code: 'voor-begin', reason: 'Kies een einddatum op of na de begindatum.' },
    ]);
  const dayAfter = new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { ...period, fromInstant: startOfLocalDay(period.from, timeZone), untilInstant: startOfLocalDay(dayAfter, timeZone) };
}
