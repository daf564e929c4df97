import { parseMinutesOfDay, type TimeRange, WEEKDAYS } from '@contracts/office-hours';
import { getOffsetMs, listAtwHolidayDates, toWallClock } from '@platform/time/termijnen.rules';

// An account's opening hours as the calculator needs them. Days are civil dates in the account's zone
// (a day number, as termijn.ts counts them); a DST change only matters when a day's ranges become instants.
export interface Schedule {
  timeZone: string;
  alwaysOpen: boolean;
  // Index 0 is Monday, as in WEEKDAYS.
  week: TimeRange[][];
  holidaysClosed: boolean;
  // Exceptions by 'YYYY-MM-DD': other hours that day, [] for closed. They win over weekdays and holidays.
  exceptions: Map<string, TimeRange[]>;
}

export interface OpenInterval {
  start: number;
  end: number;
}

const MS_PER_DAY = 86_400_000;
const WHOLE_DAY: TimeRange[] = [{ from: '00:00', to: '24:00' }];

export function buildSchedule(input: {
  timeZone: string;
  alwaysOpen: boolean;
  week: Partial<Record<string, TimeRange[]>>;
  holidaysClosed: boolean;
  exceptions: { date: string; hours: TimeRange[] }[];
}): Schedule {
  return {
    timeZone: input.timeZone,
    alwaysOpen: input.alwaysOpen,
    week: WEEKDAYS.map((day) => input.week[day] ?? []),
    holidaysClosed: input.holidaysClosed,
    exceptions: new Map(input.exceptions.map((exception) => [exception.date, exception.hours])),
  };
}

export function getDayNumber(instant: Date, timeZone: string): number {
  const wall = toWallClock(instant, timeZone);
  return Math.floor(Date.UTC(wall.year, wall.month - 1, wall.day) / MS_PER_DAY);
}

export function formatDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

const holidaysByYear = new Map<number, Set<string>>();

export function isPublicHoliday(day: number): boolean {
  const year = new Date(day * MS_PER_DAY).getUTCFullYear();
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidays = new Set(listAtwHolidayDates(year));
    holidaysByYear.set(year, holidays);
  }
  return holidays.has(formatDayNumber(day));
}

// The instant a wall-clock time of a civil date has in the zone. The offset is looked up for that moment
// itself (twice, to settle on DST days), so 09:00 is 09:00 in summer and in winter. A time that a DST
// change skips (02:30 on the last Sunday of March) lands an hour later, as a wall clock would show it.
export function computeInstantAt(day: number, minuteOfDay: number, timeZone: string): number {
  const wallMs = day * MS_PER_DAY + minuteOfDay * 60_000;
  const firstGuess = wallMs - getOffsetMs(new Date(wallMs), timeZone);
  return wallMs - getOffsetMs(new Date(firstGuess), timeZone);
}

export function getHoursOn(day: number, schedule: Schedule): TimeRange[] {
  const exception = schedule.exceptions.get(formatDayNumber(day));
  if (exception) return exception;
  if (schedule.holidaysClosed && isPublicHoliday(day)) return [];
  if (schedule.alwaysOpen) return WHOLE_DAY;
  // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
  return schedule.week[(new Date(day * MS_PER_DAY).getUTCDay() + 6) % 7] ?? [];
}

// The open intervals of one civil date as instants (ms), in order; an empty range (made empty by a DST
// change) is left out.
export function openIntervalsOn(day: number, schedule: Schedule): OpenInterval[] {
  return getHoursOn(day, schedule)
    .map((range) => ({
      start: computeInstantAt(day, parseMinutesOfDay(range.from), schedule.timeZone),
      end: computeInstantAt(day, parseMinutesOfDay(range.to), schedule.timeZone),
    }))
    .filter((interval) => interval.end > interval.start)
    .sort((a, b) => a.start - b.start);
}
