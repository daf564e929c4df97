import { describe, expect, it } from 'vitest';
import { loadScenario, type SimulationTarget, simulate } from '../../channels/index';
import { type BaselineCounts, computeSpikeThreshold, isWorthALook, judgeMonitor, type RecentCounts } from './spike-detector.rules';

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;

// Post times of the simulator's traffic, as a monitor that matches every message of the account sees it.
function postTimes(scenario: string, startedAt: Date, from: Date, until: Date, perHour: number) {
  const target: SimulationTarget = {
    accountId: `bench-${scenario}`,
    accountHandle: 'gemeente',
    municipalityName: 'Castricum',
    scenario: loadScenario(scenario),
    perHour,
    startedAt,
    centre: { lat: 52.55, lon: 4.67 },
  };
  const times: number[] = [];
  for (let second = from.getTime() / 1000; second < until.getTime() / 1000; ) {
    const { messages, nextSecond } = simulate(target, second, until.getTime() / 1000, 10_000);
    for (const message of messages) times.push(message.postedAt.getTime());
    second = nextSecond;
  }
  return times.sort((a, b) => a - b);
}

// Counts in (from, to] over sorted times, by binary search: the same windows the database counts.
function counter(times: number[]) {
  const upTo = (at: number) => {
    let low = 0;
    let high = times.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (times[middle]! <= at) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return (from: number, to: number) => upTo(to) - upTo(from);
}

function judgeAt(count: (from: number, to: number) => number, reference: number, firstPost: number) {
  const recent: RecentCounts = {
    last1: count(reference - MINUTE, reference),
    last5: count(reference - 5 * MINUTE, reference),
    last15: count(reference - 15 * MINUTE, reference),
    lastHour: count(reference - 60 * MINUTE, reference),
    lastHourCritical: 0,
    earlier: count(reference - 120 * MINUTE, reference - 15 * MINUTE),
    news: 0,
  };
  if (!isWorthALook(recent)) return [];
  const recentStart = reference - 120 * MINUTE;
  const baseline: BaselineCounts = {
    week: count(recentStart - WEEK, recentStart),
    weekMinutes: (recentStart - Math.max(recentStart - WEEK, firstPost)) / MINUTE,
    weekCritical: 0,
    weekNews: 0,
    sameHourCounts: [1, 2, 3, 4]
      .filter((weeks) => firstPost <= reference - weeks * WEEK)
      .map((weeks) => count(reference - weeks * WEEK - 30 * MINUTE, reference - weeks * WEEK + 30 * MINUTE)),
  };
  return judgeMonitor(recent, baseline);
}

describe('signalen: pieken tegen de eigen basislijn', () => {
  it('legt de drempel boven wat gewoon is, met een ondergrens voor stille monitors', () => {
    expect(computeSpikeThreshold(0, 10)).toBe(10);
    expect(computeSpikeThreshold(0.5, 10)).toBe(10);
    expect(computeSpikeThreshold(25, 20)).toBe(120);
  });

  it('geeft een maand gewoon verkeer van de simulator geen enkel signaal, ook niet bij elk nieuw bericht', () => {
    const start = new Date('2026-10-01T00:00:00Z');
    const until = new Date(start.getTime() + 30 * 24 * 60 * MINUTE);
    const times = postTimes('alledaags', start, start, until, 60);
    expect(times.length).toBeGreaterThan(40_000);
    const count = counter(times);
    const alerts = times.filter((at) => judgeAt(count, at, times[0]!).length > 0);
    expect(alerts).toEqual([]);
  });

  it('geeft het crisisscript binnen 60 seconden na het begin een piek, die op een crisis lijkt', () => {
    const onset = new Date('2026-11-20T14:05:00Z');
    const startedAt = new Date(onset.getTime() - 5 * MINUTE);
    // A week of everyday traffic of the same account first, so the baseline is the real one.
    const before = postTimes('alledaags', startedAt, new Date(startedAt.getTime() - WEEK), startedAt, 60);
    const crisis = postTimes('crisis-brand', startedAt, startedAt, new Date(onset.getTime() + 30 * MINUTE), 60);
    const times = [...before, ...crisis];
    const count = counter(times);
    const first = crisis.find((at) => at >= onset.getTime() && judgeAt(count, at, times[0]!).some((finding) => finding.kind === 'piek'));
    expect(first, 'geen piek in het crisisscript').toBeDefined();
    expect(first! - onset.getTime()).toBeLessThanOrEqual(60_000);
    const later = judgeAt(count, onset.getTime() + 15 * MINUTE, times[0]!);
    expect(later.find((finding) => finding.kind === 'piek')?.crisisLike).toBe(true);
  });
});

describe('een nieuwe monitor', () => {
  const noHistory: BaselineCounts = { week: 0, weekMinutes: 0, weekCritical: 0, weekNews: 0, sameHourCounts: [] };
  // Five posts a minute for four minutes, most of them critical: what a busy account brings a monitor made just now.
  const steady: RecentCounts = { last1: 5, last5: 24, last15: 24, lastHour: 24, lastHourCritical: 20, earlier: 0, news: 0, partialMinute: 0.9 };

  it('slaat in zijn eerste kwartier geen alarm bij gewoon verkeer, wel daarna', () => {
    expect(judgeMonitor({ ...steady, historyMinutes: 4 }, noHistory)).toEqual([]);
    expect(judgeMonitor({ ...steady, historyMinutes: 20 }, noHistory).map((finding) => finding.kind)).toEqual(['piek', 'negatief']);
  });

  it('meldt in zijn eerste kwartier wel een uitbarsting die op een crisis lijkt', () => {
    const findings = judgeMonitor({ ...steady, last1: 120, last5: 140, last15: 140, lastHour: 140, historyMinutes: 4 }, noHistory);
    expect(findings).toEqual([expect.objectContaining({ kind: 'piek', crisisLike: true })]);
  });

  it('is niet nieuw als er geschiedenis van vóór de laatste twee uur is', () => {
    expect(judgeMonitor({ ...steady, historyMinutes: 4 }, { ...noHistory, weekMinutes: 600, week: 60 }).map((finding) => finding.kind)).toContain('piek');
  });
});
