import { expect, it } from 'vitest';
import { listLastWeekStarts } from './weeks.rules';

it('geeft de maandagen van de laatste weken om middernacht Nederlandse tijd, ook over de overgang naar wintertijd', () => {
  // Sunday 1 November 2026, 23:30 local time (UTC+1): still the week that began on Monday 26 October.
  const weeks = listLastWeekStarts(new Date('2026-11-01T22:30:00Z'), 3, 'Europe/Amsterdam');
  expect(weeks.map((week) => week.toISOString())).toEqual(['2026-10-11T22:00:00.000Z', '2026-10-18T22:00:00.000Z', '2026-10-25T23:00:00.000Z']);
  // Monday 00:30 local time belongs to the new week.
  expect(listLastWeekStarts(new Date('2026-11-01T23:30:00Z'), 1, 'Europe/Amsterdam')[0]!.toISOString()).toBe('2026-11-01T23:00:00.000Z');
});
