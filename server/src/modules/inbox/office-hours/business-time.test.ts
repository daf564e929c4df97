import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDueAt, computeNormDueAt, countElapsedOpenMinutes, isOpenAt } from './business-time.rules';
import { buildSchedule, type Schedule } from './schedule.rules';

const office = (extra: Partial<Parameters<typeof buildSchedule>[0]> = {}): Schedule =>
  buildSchedule({
    timeZone: 'Europe/Amsterdam',
    alwaysOpen: false,
    week: Object.fromEntries(['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag'].map((day) => [day, [{ from: '09:00', to: '17:00' }]])),
    holidaysClosed: true,
    exceptions: [],
    ...extra,
  });
const always = (extra: Partial<Parameters<typeof buildSchedule>[0]> = {}) => office({ alwaysOpen: true, holidaysClosed: false, ...extra });
const at = (iso: string) => new Date(iso);

describe('computeDueAt: de klok loopt alleen binnen openingstijden', () => {
  it('loopt door over een weekend: vrijdag 16:00 plus twee uur is maandag 10:00', () => {
    expect(computeDueAt(at('2026-11-20T16:00:00+01:00'), 120, office()).toISOString()).toBe(at('2026-11-23T10:00:00+01:00').toISOString());
  });

  it('start bij de volgende opening als het bericht buiten openingstijden komt', () => {
    expect(computeDueAt(at('2026-11-21T14:00:00+01:00'), 120, office())).toEqual(at('2026-11-23T11:00:00+01:00'));
    expect(computeDueAt(at('2026-11-23T07:30:00+01:00'), 30, office())).toEqual(at('2026-11-23T09:30:00+01:00'));
    expect(computeDueAt(at('2026-11-23T17:00:00+01:00'), 1, office())).toEqual(at('2026-11-24T09:01:00+01:00'));
  });

  it('slaat Goede Vrijdag, het paasweekend en Tweede Paasdag over (en de zomertijd begint ertussen)', () => {
    // Witte Donderdag 2 april 2026, 16:00: één uur die dag, dan dicht tot dinsdag 7 april.
    expect(computeDueAt(at('2026-04-02T16:00:00+02:00'), 120, office())).toEqual(at('2026-04-07T10:00:00+02:00'));
  });

  it('slaat Koningsdag over, ook als die op maandag valt', () => {
    expect(computeDueAt(at('2026-04-26T12:00:00+02:00'), 120, office())).toEqual(at('2026-04-28T11:00:00+02:00'));
  });

  it('telt met Kerst de korte kerstavond als uitzondering en slaat beide kerstdagen over', () => {
    const schedule = office({ exceptions: [{ date: '2026-12-24', hours: [{ from: '09:00', to: '12:00' }] }] });
    // Eén werkdag (8 uur): woensdag 15:00–17:00, donderdag 09:00–12:00, dan maandag 28 december nog 3 uur.
    expect(computeDueAt(at('2026-12-23T15:00:00+01:00'), 480, schedule)).toEqual(at('2026-12-28T12:00:00+01:00'));
    expect(isOpenAt(at('2026-12-24T12:30:00+01:00'), schedule)).toBe(false);
  });

  it('een uitzondering kan een feestdag openen of een gewone dag sluiten', () => {
    const schedule = office({
      exceptions: [
        { date: '2026-04-03', hours: [{ from: '09:00', to: '17:00' }] },
        { date: '2026-11-23', hours: [] },
      ],
    });
    expect(computeDueAt(at('2026-04-02T16:00:00+02:00'), 120, schedule)).toEqual(at('2026-04-03T10:00:00+02:00'));
    expect(computeDueAt(at('2026-11-20T16:00:00+01:00'), 120, schedule)).toEqual(at('2026-11-24T10:00:00+01:00'));
  });

  it('telt feestdagen als gewone dagen als het account dan open is', () => {
    expect(computeDueAt(at('2026-04-02T16:00:00+02:00'), 120, office({ holidaysClosed: false }))).toEqual(at('2026-04-03T10:00:00+02:00'));
  });

  it('telt meerdere tijdvakken per dag, met de lunchpauze dicht', () => {
    const schedule = office({
      week: {
        maandag: [
          { from: '09:00', to: '12:00' },
          { from: '13:00', to: '17:00' },
        ],
      },
    });
    expect(computeDueAt(at('2026-11-23T11:00:00+01:00'), 120, schedule)).toEqual(at('2026-11-23T14:00:00+01:00'));
    // Alleen maandag open: van maandag 16:00 is het een week verder.
    expect(computeDueAt(at('2026-11-23T16:00:00+01:00'), 120, schedule)).toEqual(at('2026-11-30T10:00:00+01:00'));
  });

  it('rekent over de wisseling naar zomertijd en terug in echte uren', () => {
    // Zaterdag 28 maart 23:00 wintertijd plus 4 uur: 02:00 wordt 03:00, dus 04:00 zomertijd.
    expect(computeDueAt(at('2026-03-28T23:00:00+01:00'), 240, always())).toEqual(at('2026-03-29T04:00:00+02:00'));
    // Zondag 25 oktober: 03:00 wordt 02:00; vier uur na 00:00 is 03:00 wintertijd.
    expect(computeDueAt(at('2026-10-25T00:00:00+02:00'), 240, always())).toEqual(at('2026-10-25T03:00:00+01:00'));
    // Kantoortijden blijven 09:00–17:00 op de klok: vrijdag voor de wisseling naar maandag erna.
    expect(computeDueAt(at('2026-03-27T16:00:00+01:00'), 120, office())).toEqual(at('2026-03-30T10:00:00+02:00'));
  });

  it('weigert een rooster zonder openingstijden', () => {
    expect(() => computeDueAt(at('2026-11-23T09:00:00+01:00'), 60, office({ week: {} }))).toThrow(RangeError);
  });
});

describe('computeNormDueAt: openingstijden of de klok rond', () => {
  it('een norm "altijd" loopt ook ’s avonds, in het weekend en op feestdagen', () => {
    const saturdayEvening = at('2026-11-21T20:00:00+01:00');
    expect(computeNormDueAt(saturdayEvening, { minutes: 120, counting: 'altijd' }, office())).toEqual(at('2026-11-21T22:00:00+01:00'));
    expect(computeNormDueAt(at('2026-12-25T10:00:00+01:00'), { minutes: 120, counting: 'altijd' }, office())).toEqual(at('2026-12-25T12:00:00+01:00'));
    expect(computeNormDueAt(saturdayEvening, { minutes: 120, counting: 'openingstijden' }, office())).toEqual(at('2026-11-23T11:00:00+01:00'));
  });
});

describe('countElapsedOpenMinutes', () => {
  it('telt alleen open tijd: van vrijdag 16:00 tot maandag 10:00 is twee uur', () => {
    expect(countElapsedOpenMinutes(at('2026-11-20T16:00:00+01:00'), at('2026-11-23T10:00:00+01:00'), office())).toBe(120);
  });

  it('telt niets op feestdagen en nul voor een omgekeerd interval', () => {
    expect(countElapsedOpenMinutes(at('2026-12-25T00:00:00+01:00'), at('2026-12-27T00:00:00+01:00'), office())).toBe(0);
    expect(countElapsedOpenMinutes(at('2026-11-23T12:00:00+01:00'), at('2026-11-23T10:00:00+01:00'), office())).toBe(0);
  });

  it('een zondag met de wisseling naar zomertijd duurt 23 uur, die naar wintertijd 25', () => {
    expect(countElapsedOpenMinutes(at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'), always())).toBe(23 * 60);
    expect(countElapsedOpenMinutes(at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'), always())).toBe(25 * 60);
  });

  it('is het omgekeerde van dueAt, voor elk begin en elke norm', () => {
    const schedule = office({ exceptions: [{ date: '2026-12-24', hours: [{ from: '09:00', to: '12:00' }] }] });
    const start = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 * 60 }), fc.integer({ min: 1, max: 5 * 480 }), (offsetMinutes, minutes) => {
        const from = new Date(start + offsetMinutes * 60_000);
        const due = computeDueAt(from, minutes, schedule);
        expect(countElapsedOpenMinutes(from, due, schedule)).toBeCloseTo(minutes, 6);
        expect(isOpenAt(new Date(due.getTime() - 1), schedule)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
