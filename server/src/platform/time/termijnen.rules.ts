// The afhandeltermijn of a melding: when it has to be done, and whether it was.
//
// Instants are Dates; every day-level question ("which day was this filed on", "is that a working day")
// is asked in the municipality's time zone. Day arithmetic runs on civil dates (a day number, no clock),
// so a DST change can never shift a deadline by an hour or a day; only turning a civil date back into an
// instant looks at the zone's offset, and it does so for that date itself.
//
// Which days are not working days: Saturdays, Sundays and the "algemeen erkende feestdagen" of the
// Algemene termijnenwet (Atw), art. 3:
//   lid 1: Nieuwjaarsdag, Tweede Paasdag, Hemelvaartsdag, Tweede Pinksterdag, Eerste en Tweede Kerstdag,
//          "de dag waarop de verjaardag van de Koning wordt gevierd" (Koningsdag) and 5 mei;
//   lid 2: Goede Vrijdag is gelijkgesteld with those days.
// So Goede Vrijdag IS in the list, although it is no general day off: the Atw is the rule for counting
// termijnen, not for who has a day off. Bevrijdingsdag counts every year, not only every fifth (that
// is a cao matter). Eerste Paasdag and Eerste Pinksterdag are Sundays and so already excluded.
// Not included: the days the government gelijkstelt per besluit under lid 3 (e.g. a Friday after
// Hemelvaartsdag); they differ per three-year besluit and cannot be computed.
//
// We compute these dates ourselves instead of filtering date-holidays: its 'public' type for NL leaves
// out Goede Vrijdag and Bevrijdingsdag (it marks them 'school'), so it does not match the Atw. The tests
// check our Easter dates and Koningsdag against date-holidays for a range of years.

export type TermijnKind = 'werkdagen' | 'kalenderdagen';

export interface Termijn {
  days: number;
  kind: TermijnKind;
}

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

const MS_PER_DAY = 86_400_000;

// A civil date as a number of days since 1970-01-01, free of any clock or zone.
type DayNumber = number;

export function computeDeadline(filedAt: Date, termijn: Termijn, timeZone = DEFAULT_TIME_ZONE): Date {
  assertValidDate(filedAt, 'filedAt');
  if (!Number.isInteger(termijn.days) || termijn.days < 0) {
    throw new RangeError(`Een termijn is een heel, niet-negatief aantal dagen, niet ${termijn.days}.`);
  }
  const filedOn = localDayNumber(filedAt, timeZone);
  const lastDay = termijn.kind === 'kalenderdagen' ? filedOn + termijn.days : addWorkingDays(firstWorkingDayFrom(filedOn), termijn.days);
  return endOfLocalDay(lastDay, timeZone);
}

// Whether a melding was (or, still open, still is) handled within its termijn.
// An open melding is within its termijn until the deadline has passed at `now`.
export function isWithinTermijn(filedAt: Date, doneAt: Date | null, deadline: Date, now: Date = new Date()): boolean {
  assertValidDate(filedAt, 'filedAt');
  assertValidDate(deadline, 'deadline');
  if (doneAt === null) return now.getTime() <= deadline.getTime();
  assertValidDate(doneAt, 'doneAt');
  // Done before it was filed is a bug in the data, not a fast municipality: say so instead of counting it.
  if (doneAt.getTime() < filedAt.getTime()) {
    throw new RangeError(`Afgehandeld (${doneAt.toISOString()}) vóór de melding binnenkwam (${filedAt.toISOString()}).`);
  }
  return doneAt.getTime() <= deadline.getTime();
}

// Working days after a's local date, up to and including b's: Friday to Monday is 1, a day to itself 0.
// This is the same count computeDeadline uses, so a melding filed on a working day and done at its
// werkdagen-deadline took exactly `days` working days. Negative when b lies before a.
export function countWorkingDaysBetween(a: Date, b: Date, timeZone = DEFAULT_TIME_ZONE): number {
  assertValidDate(a, 'a');
  assertValidDate(b, 'b');
  const from = localDayNumber(a, timeZone);
  const to = localDayNumber(b, timeZone);
  if (to < from) return -countWorkingDays(to, from);
  return countWorkingDays(from, to);
}

// Whole local days from a's date to b's date (23:59 to 00:01 the next day is 1). Negative when b lies before a.
export function countCalendarDaysBetween(a: Date, b: Date, timeZone = DEFAULT_TIME_ZONE): number {
  assertValidDate(a, 'a');
  assertValidDate(b, 'b');
  return localDayNumber(b, timeZone) - localDayNumber(a, timeZone);
}

function isWorkingDay(day: DayNumber): boolean {
  const weekday = new Date(day * MS_PER_DAY).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !atwHolidays(new Date(day * MS_PER_DAY).getUTCFullYear()).has(day);
}

// The Atw feestdagen of a year as 'YYYY-MM-DD', in calendar order; exported for tests and for showing them.
export function listAtwHolidayDates(year: number): string[] {
  return [...atwHolidays(year)].sort((x, y) => x - y).map((day) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10));
}

// A melding filed on a Saturday, Sunday or feestdag is taken as received on the next working day,
// so its termijn is counted from there: filed Saturday with 1 werkdag is due Tuesday, like one filed Monday.
function firstWorkingDayFrom(day: DayNumber): DayNumber {
  let current = day;
  while (!isWorkingDay(current)) current += 1;
  return current;
}

function addWorkingDays(start: DayNumber, count: number): DayNumber {
  let current = start;
  for (let added = 0; added < count; ) {
    current += 1;
    if (isWorkingDay(current)) added += 1;
  }
  return current;
}

// Working days in (from, to].
function countWorkingDays(from: DayNumber, to: DayNumber): number {
  let count = 0;
  for (let day = from + 1; day <= to; day += 1) if (isWorkingDay(day)) count += 1;
  return count;
}

const holidaysByYear = new Map<number, Set<DayNumber>>();

function atwHolidays(year: number): Set<DayNumber> {
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const holidays = new Set<DayNumber>([
    dayNumber(year, 1, 1), // Nieuwjaarsdag
    easter - 2, // Goede Vrijdag (art. 3 lid 2)
    easter + 1, // Tweede Paasdag
    kingsDay(year),
    dayNumber(year, 5, 5), // 5 mei
    easter + 39, // Hemelvaartsdag
    easter + 50, // Tweede Pinksterdag
    dayNumber(year, 12, 25), // Eerste Kerstdag
    dayNumber(year, 12, 26), // Tweede Kerstdag
  ]);
  holidaysByYear.set(year, holidays);
  return holidays;
}

// Koningsdag is 27 April, or Saturday 26 April when the 27th is a Sunday (Wet viering Koningsdag, since 2014).
// Before 2014 it was Koninginnedag on 30 April, moved to the 29th when that was a Sunday; kept so that
// figures over old meldingen stay right.
function kingsDay(year: number): DayNumber {
  const day = year >= 2014 ? dayNumber(year, 4, 27) : dayNumber(year, 4, 30);
  return new Date(day * MS_PER_DAY).getUTCDay() === 0 ? day - 1 : day;
}

// Gregorian Easter Sunday (the anonymous algorithm of Meeus/Jones/Butcher).
function easterSunday(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, day);
}

function dayNumber(year: number, month: number, day: number): DayNumber {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

function localDayNumber(instant: Date, timeZone: string): DayNumber {
  const wall = toWallClock(instant, timeZone);
  return dayNumber(wall.year, wall.month, wall.day);
}

// 23:59:59.999 local time on the given date, as an instant.
function endOfLocalDay(day: DayNumber, timeZone: string): Date {
  const wallMs = (day + 1) * MS_PER_DAY - 1;
  // The offset depends on the instant we are looking for; a second pass settles it on the day of a DST change.
  let instantMs = wallMs - getOffsetMs(new Date(wallMs), timeZone);
  instantMs = wallMs - getOffsetMs(new Date(instantMs), timeZone);
  return new Date(instantMs);
}

// How far the zone's wall clock is ahead of UTC at this instant (Amsterdam: 1 or 2 hours).
// Exported for the inbox's office hours, which count in the same zones.
export function getOffsetMs(instant: Date, timeZone: string): number {
  const wall = toWallClock(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const instantToTheSecond = Math.floor(instant.getTime() / 1000) * 1000;
  return wallAsUtc - instantToTheSecond;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function toWallClock(instant: Date, timeZone: string): WallClock {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown zone, which is what a misconfigured municipality should get.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? NaN,
    month: parts.month ?? NaN,
    day: parts.day ?? NaN,
    hour: parts.hour ?? NaN,
    minute: parts.minute ?? NaN,
    second: parts.second ?? NaN,
  };
}

function assertValidDate(value: Date, name: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new RangeError(`${name} is geen geldig tijdstip.`);
}
