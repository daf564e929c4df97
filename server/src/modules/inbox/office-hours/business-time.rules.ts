import type { Norm } from '@contracts/office-hours';
import { getDayNumber, openIntervalsOn, type Schedule } from './schedule.rules';

// Norm clocks that run only while an account is open: pure functions over a Schedule, in real elapsed time
// (an hour on a DST day is an hour), never in wall-clock arithmetic.

const MS_PER_MINUTE = 60_000;
// A schedule with no opening hours at all would search forever; three years without one is a bug.
const SEARCH_DAYS = 3 * 366;

// The moment `minutes` of opening time after `start` have passed. Starting while closed, the clock starts
// at the next opening: a message on Saturday with a 2-hour norm and Monday 09:00 opening is due Monday 11:00.
export function computeDueAt(start: Date, minutes: number, schedule: Schedule): Date {
  let remaining = minutes * MS_PER_MINUTE;
  const from = start.getTime();
  const firstDay = getDayNumber(start, schedule.timeZone);
  for (let day = firstDay; day <= firstDay + SEARCH_DAYS; day++) {
    for (const interval of openIntervalsOn(day, schedule)) {
      if (interval.end <= from) continue;
      const begin = Math.max(interval.start, from);
      if (remaining <= interval.end - begin) return new Date(begin + remaining);
      remaining -= interval.end - begin;
    }
  }
  throw new RangeError('Dit rooster heeft geen openingstijden: een norm in openingstijden loopt nooit af.');
}

// Opening time between two moments, in minutes (fractions included): how long a resident waited by the
// clock that counts. Negative ranges count as nothing.
export function countElapsedOpenMinutes(from: Date, to: Date, schedule: Schedule): number {
  if (to.getTime() <= from.getTime()) return 0;
  let total = 0;
  const lastDay = getDayNumber(to, schedule.timeZone);
  for (let day = getDayNumber(from, schedule.timeZone); day <= lastDay; day++) {
    for (const interval of openIntervalsOn(day, schedule)) {
      const begin = Math.max(interval.start, from.getTime());
      const end = Math.min(interval.end, to.getTime());
      if (end > begin) total += end - begin;
    }
  }
  return total / MS_PER_MINUTE;
}

export function isOpenAt(instant: Date, schedule: Schedule): boolean {
  const at = instant.getTime();
  return openIntervalsOn(getDayNumber(instant, schedule.timeZone), schedule).some((interval) => interval.start <= at && at < interval.end);
}

// When a norm is due: in opening time, or around the clock (Rotterdam: 2 hours, evenings and weekends too).
export function computeNormDueAt(start: Date, norm: Norm, schedule: Schedule): Date {
  if (norm.counting === 'altijd') return new Date(start.getTime() + norm.minutes * MS_PER_MINUTE);
  return computeDueAt(start, norm.minutes, schedule);
}
