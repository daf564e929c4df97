import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { computeDeadline, countCalendarDaysBetween, countWorkingDaysBetween, isWithinTermijn, listAtwHolidayDates } from './termijnen.rules.ts';

const werkdagen = (days: number) => ({ days, kind: 'werkdagen' as const });
const kalenderdagen = (days: number) => ({ days, kind: 'kalenderdagen' as const });

// Deadlines are written as local Amsterdam time with their offset, so a wrong DST offset shows as a wrong hour.
const deadline = (filedAt: string, termijn: { days: number; kind: 'werkdagen' | 'kalenderdagen' }) => computeDeadline(new Date(filedAt), termijn).toISOString();
const iso = (local: string) => new Date(local).toISOString();

describe('listAtwHolidayDates', () => {
  it('lists the Algemene termijnenwet feestdagen of 2026, Goede Vrijdag and 5 mei included', () => {
    expect(listAtwHolidayDates(2026)).toEqual([
      '2026-01-01', // Nieuwjaarsdag
      '2026-04-03', // Goede Vrijdag
      '2026-04-06', // Tweede Paasdag
      '2026-04-27', // Koningsdag
      '2026-05-05', // Bevrijdingsdag
      '2026-05-14', // Hemelvaartsdag
      '2026-05-25', // Tweede Pinksterdag
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('lists those of 2027', () => {
    expect(listAtwHolidayDates(2027)).toEqual([
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-04-27',
      '2027-05-05',
      '2027-05-06',
      '2027-05-17',
      '2027-12-25',
      '2027-12-26',
    ]);
  });

  it('moves Koningsdag to Saturday 26 April when 27 April is a Sunday (2025)', () => {
    expect(listAtwHolidayDates(2025)).toContain('2025-04-26');
    expect(listAtwHolidayDates(2025)).not.toContain('2025-04-27');
  });

  it('agrees with date-holidays on every date it has, for 2000 to 2040', () => {
    // date-holidays types Goede Vrijdag and Bevrijdingsdag as 'school', not 'public', so we match by name.
    const atwNames = new Set([
      'Nieuwjaar',
      'Goede Vrijdag',
      'Tweede paasdag',
      'Koningsdag',
      'Koninginnedag',
      'Bevrijdingsdag',
      'Hemelvaartsdag',
      'Tweede pinksterdag',
      'Kerstmis',
      'Tweede kerstdag',
    ]);
    const nl = new Holidays('NL');
    for (let year = 2000; year <= 2040; year += 1) {
      const theirs = nl
        .getHolidays(year)
        .filter((holiday) => atwNames.has(holiday.name))
        .map((holiday) => holiday.date.slice(0, 10));
      // A Set: in 2005 and 2016 Hemelvaartsdag fell on 5 mei.
      expect(listAtwHolidayDates(year), String(year)).toEqual([...new Set(theirs)].sort());
    }
  });
});

describe('computeDeadline in werkdagen', () => {
  it('skips Pinksteren for a melding filed on the Friday before (2026)', () => {
    expect(deadline('2026-05-22T10:00:00+02:00', werkdagen(1))).toBe(iso('2026-05-26T23:59:59.999+02:00'));
    expect(deadline('2026-05-22T10:00:00+02:00', werkdagen(3))).toBe(iso('2026-05-28T23:59:59.999+02:00'));
  });

  it('skips Pinksteren for a melding filed on the Friday before (2027)', () => {
    expect(deadline('2027-05-14T16:45:00+02:00', werkdagen(1))).toBe(iso('2027-05-18T23:59:59.999+02:00'));
  });

  it('skips Goede Vrijdag and Tweede Paasdag', () => {
    expect(deadline('2026-04-02T09:00:00+02:00', werkdagen(1))).toBe(iso('2026-04-07T23:59:59.999+02:00'));
  });

  it('skips Hemelvaartsdag but not the Friday after it', () => {
    expect(deadline('2026-05-13T09:00:00+02:00', werkdagen(1))).toBe(iso('2026-05-15T23:59:59.999+02:00'));
  });

  it('skips Koningsdag and 5 mei (2026)', () => {
    expect(deadline('2026-04-24T09:00:00+02:00', werkdagen(5))).toBe(iso('2026-05-04T23:59:59.999+02:00'));
    expect(deadline('2026-04-24T09:00:00+02:00', werkdagen(6))).toBe(iso('2026-05-06T23:59:59.999+02:00'));
  });

  it('skips Koningsdag on a Tuesday and 5 mei followed by Hemelvaartsdag (2027)', () => {
    expect(deadline('2027-04-26T09:00:00+02:00', werkdagen(2))).toBe(iso('2027-04-29T23:59:59.999+02:00'));
    expect(deadline('2027-05-04T09:00:00+02:00', werkdagen(2))).toBe(iso('2027-05-10T23:59:59.999+02:00'));
  });

  it('treats the Monday after a Sunday 27 April as a working day (2025)', () => {
    expect(deadline('2025-04-25T09:00:00+02:00', werkdagen(1))).toBe(iso('2025-04-28T23:59:59.999+02:00'));
  });

  it('skips Kerst and Nieuwjaar', () => {
    expect(deadline('2026-12-24T09:00:00+01:00', werkdagen(1))).toBe(iso('2026-12-28T23:59:59.999+01:00'));
    expect(deadline('2026-12-31T09:00:00+01:00', werkdagen(1))).toBe(iso('2027-01-04T23:59:59.999+01:00'));
  });

  it('counts a melding filed on a weekend or feestdag from the next working day', () => {
    // Saturday: taken as received Monday, so 1 werkdag is Tuesday, like a melding filed on Monday.
    expect(deadline('2026-06-06T11:00:00+02:00', werkdagen(1))).toBe(iso('2026-06-09T23:59:59.999+02:00'));
    expect(deadline('2026-06-08T08:00:00+02:00', werkdagen(1))).toBe(iso('2026-06-09T23:59:59.999+02:00'));
    expect(deadline('2026-06-06T11:00:00+02:00', werkdagen(0))).toBe(iso('2026-06-08T23:59:59.999+02:00'));
    // Tweede Pinksterdag: received Tuesday.
    expect(deadline('2026-05-25T11:00:00+02:00', werkdagen(1))).toBe(iso('2026-05-27T23:59:59.999+02:00'));
  });

  it('takes the filing day in the municipality, not in UTC', () => {
    // 00:30 on Friday in Amsterdam is still Thursday in UTC.
    expect(deadline('2026-06-05T00:30:00+02:00', werkdagen(1))).toBe(iso('2026-06-08T23:59:59.999+02:00'));
    // 23:30 on Friday in Amsterdam is Friday in UTC too, and must give the same deadline.
    expect(deadline('2026-06-05T23:30:00+02:00', werkdagen(1))).toBe(iso('2026-06-08T23:59:59.999+02:00'));
  });

  it('keeps 23:59:59.999 local across the October DST change', () => {
    // Sunday 25 October 2026 the clocks go back: filed in summer time, due in winter time.
    expect(deadline('2026-10-23T12:00:00+02:00', werkdagen(2))).toBe(iso('2026-10-27T23:59:59.999+01:00'));
  });

  it('keeps 23:59:59.999 local across the March DST change', () => {
    // Sunday 29 March 2026 the clocks go forward.
    expect(deadline('2026-03-27T09:00:00+01:00', werkdagen(1))).toBe(iso('2026-03-30T23:59:59.999+02:00'));
    // 28 March 2027 is both Easter Sunday and the DST change: Goede Vrijdag and Tweede Paasdag around it.
    expect(deadline('2027-03-25T09:00:00+01:00', werkdagen(3))).toBe(iso('2027-04-01T23:59:59.999+02:00'));
  });

  it('uses the given time zone for the day boundaries (Caribisch Nederland)', () => {
    // 02:00 UTC on Friday is still Thursday 22:00 on Bonaire.
    const due = computeDeadline(new Date('2026-06-05T02:00:00Z'), werkdagen(1), 'America/Kralendijk');
    expect(due.toISOString()).toBe(iso('2026-06-05T23:59:59.999-04:00'));
  });

  it('gives exactly `days` working days for every weekday filing in 2026 and 2027', () => {
    for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2028, 0, 1); day += 86_400_000) {
      const filedAt = new Date(day + 10 * 3_600_000);
      if (countWorkingDaysBetween(new Date(filedAt.getTime() - 86_400_000), filedAt) !== 1) continue; // not a working day
      for (const days of [0, 1, 5, 10]) {
        expect(countWorkingDaysBetween(filedAt, computeDeadline(filedAt, werkdagen(days)))).toBe(days);
      }
    }
  });
});

describe('computeDeadline in kalenderdagen', () => {
  it('counts every day, feestdagen included', () => {
    expect(deadline('2026-04-01T10:00:00+02:00', kalenderdagen(14))).toBe(iso('2026-04-15T23:59:59.999+02:00'));
    expect(deadline('2026-06-06T10:00:00+02:00', kalenderdagen(2))).toBe(iso('2026-06-08T23:59:59.999+02:00'));
    expect(deadline('2026-06-06T10:00:00+02:00', kalenderdagen(0))).toBe(iso('2026-06-06T23:59:59.999+02:00'));
  });

  it('ends the day in the right offset across the October DST change', () => {
    expect(deadline('2026-10-24T23:30:00+02:00', kalenderdagen(1))).toBe(iso('2026-10-25T23:59:59.999+01:00'));
    // 02:30 summer time, before the clocks go back at 03:00.
    expect(deadline('2026-10-25T00:30:00Z', kalenderdagen(0))).toBe(iso('2026-10-25T23:59:59.999+01:00'));
  });

  it('ends the day in the right offset across the March DST change', () => {
    expect(deadline('2026-03-28T23:30:00+01:00', kalenderdagen(1))).toBe(iso('2026-03-29T23:59:59.999+02:00'));
    expect(deadline('2026-03-28T23:30:00Z', kalenderdagen(0))).toBe(iso('2026-03-29T23:59:59.999+02:00'));
  });

  it('gives exactly `days` calendar days for every filing in 2026, DST days included', () => {
    for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
      const filedAt = new Date(day + 23 * 3_600_000); // 00:00 or 01:00 local the next day
      for (const days of [0, 1, 7, 30]) {
        const due = computeDeadline(filedAt, kalenderdagen(days));
        expect(countCalendarDaysBetween(filedAt, due)).toBe(days);
        // One millisecond later is the next local day.
        expect(countCalendarDaysBetween(filedAt, new Date(due.getTime() + 1))).toBe(days + 1);
      }
    }
  });
});

describe('computeDeadline refuses nonsense', () => {
  it('rejects negative, fractional and non-numeric days', () => {
    const filedAt = new Date('2026-06-01T10:00:00Z');
    expect(() => computeDeadline(filedAt, werkdagen(-1))).toThrow(RangeError);
    expect(() => computeDeadline(filedAt, kalenderdagen(1.5))).toThrow(RangeError);
    expect(() => computeDeadline(filedAt, werkdagen(Number.NaN))).toThrow(RangeError);
  });

  it('rejects an invalid date and an unknown time zone', () => {
    expect(() => computeDeadline(new Date('gisteren'), werkdagen(1))).toThrow(RangeError);
    expect(() => computeDeadline(new Date(), werkdagen(1), 'Europe/Plein')).toThrow(RangeError);
  });
});

describe('isWithinTermijn', () => {
  const filedAt = new Date('2026-05-22T10:00:00+02:00');
  const due = computeDeadline(filedAt, werkdagen(1));

  it('is within when done by the deadline, to the millisecond', () => {
    expect(isWithinTermijn(filedAt, new Date('2026-05-26T12:00:00+02:00'), due)).toBe(true);
    expect(isWithinTermijn(filedAt, due, due)).toBe(true);
    expect(isWithinTermijn(filedAt, new Date(due.getTime() + 1), due)).toBe(false);
  });

  it('judges an open melding against now', () => {
    expect(isWithinTermijn(filedAt, null, due, new Date('2026-05-26T20:00:00+02:00'))).toBe(true);
    expect(isWithinTermijn(filedAt, null, due, new Date('2026-05-27T00:00:00+02:00'))).toBe(false);
  });

  it('refuses a melding done before it was filed', () => {
    expect(() => isWithinTermijn(filedAt, new Date('2026-05-21T10:00:00+02:00'), due)).toThrow(RangeError);
  });
});

describe('countWorkingDaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    const friday = new Date('2026-05-22T16:00:00+02:00');
    expect(countWorkingDaysBetween(friday, new Date('2026-05-22T17:00:00+02:00'))).toBe(0);
    expect(countWorkingDaysBetween(friday, new Date('2026-05-25T09:00:00+02:00'))).toBe(0); // Tweede Pinksterdag
    expect(countWorkingDaysBetween(friday, new Date('2026-05-26T09:00:00+02:00'))).toBe(1);
    expect(countWorkingDaysBetween(new Date('2026-01-01T12:00:00+01:00'), new Date('2026-12-31T12:00:00+01:00'))).toBe(253);
  });

  it('is negative when the second date lies before the first', () => {
    expect(countWorkingDaysBetween(new Date('2026-05-26T09:00:00+02:00'), new Date('2026-05-22T16:00:00+02:00'))).toBe(-1);
  });
});

describe('countCalendarDaysBetween', () => {
  it('counts local dates, not 24-hour periods', () => {
    expect(countCalendarDaysBetween(new Date('2026-06-01T23:59:00+02:00'), new Date('2026-06-02T00:01:00+02:00'))).toBe(1);
    // 23 hours apart across the March change, 25 hours within the October change day.
    expect(countCalendarDaysBetween(new Date('2026-03-28T12:00:00+01:00'), new Date('2026-03-29T12:00:00+02:00'))).toBe(1);
    expect(countCalendarDaysBetween(new Date('2026-10-25T00:30:00+02:00'), new Date('2026-10-25T23:30:00+01:00'))).toBe(0);
    expect(countCalendarDaysBetween(new Date('2026-06-02T10:00:00+02:00'), new Date('2026-06-01T10:00:00+02:00'))).toBe(-1);
  });
});
