import { formatLocalIsoDate, startOfLocalDay } from '@platform/time/local-days.rules';

// The starts (Monday 00:00 local time) of the last `count` weeks up to and including the week of `now`,
// oldest first. Computed on calendar dates, so a week across a DST change still starts at local midnight.
export function listLastWeekStarts(now: Date, count: number, timeZone: string): Date[] {
  const today = formatLocalIsoDate(now, timeZone);
  const todayUtc = Date.parse(`${today}T00:00:00Z`);
  const sinceMonday = (new Date(todayUtc).getUTCDay() + 6) % 7;
  const monday = todayUtc - sinceMonday * 86_400_000;
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(monday - (count - 1 - index) * 7 * 86_400_000).toISOString().slice(0, 10);
    return startOfLocalDay(date, timeZone);
  });
}
