// When is a monitor's volume a spike? Pure functions, so the thresholds can be tested without a database.
//
// Each window is compared with what is normal for the monitor at this hour of the week (the same hour in
// the previous four weeks) and with its average over the last week, whichever is higher: a monitor that
// is always busy on Monday morning does not alert every Monday. The threshold is a multiple of the
// expectation plus a Poisson-style margin, with a floor so a quiet monitor does not alert on a handful of
// posts. Several windows: a short one reacts within a minute to a real burst, a longer one catches a
// steady climb.
export interface SpikeWindow {
  minutes: number;
  minimum: number;
}

export const SPIKE_WINDOWS: readonly SpikeWindow[] = [
  { minutes: 1, minimum: 10 },
  { minutes: 5, minimum: 20 },
  { minutes: 15, minimum: 30 },
];

export function computeSpikeThreshold(expected: number, minimum: number): number {
  return Math.max(minimum, Math.ceil(4 * expected + 4 * Math.sqrt(Math.max(expected, 1))));
}

// Expected count in a window of `minutes`: the highest of the hour-of-week average, the rate over the
// week before (over the part of it the monitor has history for) and the rate of the two hours before the
// last quarter (a monitor without history, or traffic that is busier today, is not a spike by itself).
export function estimateExpectedCount(input: { sameHourCounts: number[]; weekCount: number; weekMinutes: number; earlier: number; minutes: number }): number {
  const perMinuteSameHour =
    input.sameHourCounts.length > 0 ? input.sameHourCounts.reduce((sum, count) => sum + count, 0) / input.sameHourCounts.length / 60 : 0;
  const perMinuteWeek = input.weekMinutes >= 60 ? input.weekCount / input.weekMinutes : 0;
  const perMinuteEarlier = input.earlier / EARLIER_MINUTES;
  return Math.max(perMinuteSameHour, perMinuteWeek, perMinuteEarlier) * input.minutes;
}

// The stretch before the windows: from two hours ago to a quarter of an hour ago.
export const EARLIER_MINUTES = 105;

// A spike ten times what is normal and at least fifty posts looks like a crisis: offer crisis mode.
export function isCrisisLike(observed: number, expected: number): boolean {
  return observed >= 50 && observed >= 10 * Math.max(expected, 1);
}

// A sudden shift to negative: most of the last hour is kritiek, clearly more than the week before.
export function isNegativeShift(input: { recentCritical: number; recentTotal: number; weekCritical: number; weekTotal: number }): boolean {
  if (input.recentTotal < 20) return false;
  const recentShare = input.recentCritical / input.recentTotal;
  const weekShare = input.weekTotal > 0 ? input.weekCritical / input.weekTotal : 0;
  return recentShare >= 0.6 && recentShare >= weekShare + 0.3;
}

// A news wave: several news items (feeds, or authors on a press list) in two hours where a week
// brought almost none.
export function isNewsWave(input: { recentNews: number; weekNews: number }): boolean {
  const expected = (input.weekNews / (7 * 24)) * 2;
  return input.recentNews >= 3 && input.recentNews >= 3 * Math.max(expected, 1);
}

export interface RecentCounts {
  last1: number;
  last5: number;
  last15: number;
  lastHour: number;
  lastHourCritical: number;
  // From two hours to a quarter of an hour ago.
  earlier: number;
  news: number;
  // Counts are kept per minute, and each window ends with the minute that is still filling: it covers its
  // whole minutes plus this much of a minute (0 to 1), and what is expected is scaled to match.
  partialMinute?: number;
  // Whole minutes since the monitor's first counted minute in the last two hours (absent: unknown).
  historyMinutes?: number;
}

export interface BaselineCounts {
  week: number;
  // How much of that week the monitor has history for (a new monitor: less than a week).
  weekMinutes: number;
  weekCritical: number;
  weekNews: number;
  sameHourCounts: number[];
}

export interface Finding {
  kind: 'piek' | 'negatief' | 'nieuwsgolf';
  minutes: number;
  observed: number;
  expected: number;
  crisisLike: boolean;
}

// Cheap first look at the last two hours: only when a floor is reached is the baseline worth counting.
export function isWorthALook(recent: RecentCounts): boolean {
  const observed = [recent.last1, recent.last5, recent.last15];
  return SPIKE_WINDOWS.some((window, index) => (observed[index] ?? 0) >= window.minimum) || recent.lastHour >= 20 || recent.news >= 3;
}

// A monitor with no history before its first quarter of an hour (new, or new to this traffic) cannot tell its
// normal from a spike: a handful of posts a minute would cross the floors within minutes. Until then only a
// crisis-like burst is a spike, and a negative shift is not judged.
export const WARM_UP_MINUTES = 15;
function warmingUp(recent: RecentCounts, baseline: BaselineCounts): boolean {
  return baseline.weekMinutes < 60 && baseline.sameHourCounts.length === 0 && recent.historyMinutes !== undefined && recent.historyMinutes < WARM_UP_MINUTES;
}

export function judgeMonitor(recent: RecentCounts, baseline: BaselineCounts): Finding[] {
  const findings: Finding[] = [];
  const young = warmingUp(recent, baseline);
  const observed = [recent.last1, recent.last5, recent.last15];
  const covered = (minutes: number) => minutes + (recent.partialMinute ?? 0);
  const expectedIn = (minutes: number) =>
    estimateExpectedCount({
      sameHourCounts: baseline.sameHourCounts,
      weekCount: baseline.week,
      weekMinutes: baseline.weekMinutes,
      earlier: recent.earlier,
      minutes: covered(minutes),
    });
  for (const [index, window] of SPIKE_WINDOWS.entries()) {
    const count = observed[index] ?? 0;
    const expected = expectedIn(window.minutes);
    if (count >= computeSpikeThreshold(expected, window.minimum)) {
      const crisisLike = isCrisisLike(recent.last15, expectedIn(15));
      if (young && !crisisLike) continue;
      findings.push({ kind: 'piek', minutes: window.minutes, observed: count, expected, crisisLike });
      break;
    }
  }
  if (
    !young &&
    isNegativeShift({ recentCritical: recent.lastHourCritical, recentTotal: recent.lastHour, weekCritical: baseline.weekCritical, weekTotal: baseline.week })
  ) {
    const share = baseline.week > 0 ? baseline.weekCritical / baseline.week : 0;
    findings.push({ kind: 'negatief', minutes: 60, observed: recent.lastHourCritical, expected: share * recent.lastHour, crisisLike: false });
  }
  if (isNewsWave({ recentNews: recent.news, weekNews: baseline.weekNews })) {
    findings.push({ kind: 'nieuwsgolf', minutes: 120, observed: recent.news, expected: (baseline.weekNews / (7 * 24)) * 2, crisisLike: false });
  }
  return findings;
}
