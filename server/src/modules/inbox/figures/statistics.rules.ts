// Averages and percentiles of durations in minutes, rounded to one decimal; null when there is nothing.
const round = (value: number) => Math.round(value * 10) / 10;

// Nearest-rank percentile: the smallest value with at least p% of the values at or below it.
export function computePercentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return round(sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!);
}

export function summariseDurations(minutes: number[]) {
  const sorted = [...minutes].sort((a, b) => a - b);
  return {
    count: sorted.length,
    averageMinutes: sorted.length === 0 ? null : round(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
    medianMinutes: computePercentile(sorted, 50),
    p90Minutes: computePercentile(sorted, 90),
  };
}

export const computePercentage = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);
