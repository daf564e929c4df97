import { describe, expect, it } from 'vitest';
import { addOneDay, formatDate, formatDateTime, parseDutchDate, startOfDayInAmsterdam } from './format';

describe('Nederlandse datums en tijden', () => {
  it('toont dd-mm-jjjj en 24-uurs tijd in Europe/Amsterdam', () => {
    expect(formatDate('2026-11-22T23:30:00Z')).toBe('23-11-2026');
    expect(formatDateTime('2026-07-01T21:05:00Z')).toBe('01-07-2026 23:05');
    expect(formatDateTime(null)).toBe('–');
  });

  it('begint een dag om middernacht Amsterdamse tijd, ook rond de zomertijdwissel', () => {
    expect(startOfDayInAmsterdam('2026-11-23')).toBe('2026-11-23T00:00:00+01:00');
    expect(startOfDayInAmsterdam('2026-07-01')).toBe('2026-07-01T00:00:00+02:00');
    expect(startOfDayInAmsterdam('2026-03-29')).toBe('2026-03-29T00:00:00+01:00');
    expect(startOfDayInAmsterdam('2026-10-25')).toBe('2026-10-25T00:00:00+02:00');
    expect(addOneDay('2026-12-31')).toBe('2027-01-01');
  });

  it('leest dd-mm-jjjj en weigert dagen die niet bestaan', () => {
    expect(parseDutchDate('23-11-2026')).toBe('2026-11-23');
    expect(parseDutchDate('1/2/2026')).toBe('2026-02-01');
    expect(parseDutchDate('31-02-2026')).toBeNull();
    expect(parseDutchDate('2026-11-23')).toBeNull();
  });
});
