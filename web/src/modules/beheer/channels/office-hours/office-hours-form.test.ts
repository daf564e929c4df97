import { describe, expect, it } from 'vitest';
import { formatExceptions, parseExceptions, parseNorm, parseRanges } from './office-hours-form';

describe('openingstijden als tekst', () => {
  it('leest tijdvakken zoals mensen ze typen, en weigert wat de server ook weigert', () => {
    expect(parseRanges('9:00 - 12:00, 13:00–17:00')).toEqual({
      ranges: [
        { from: '09:00', to: '12:00' },
        { from: '13:00', to: '17:00' },
      ],
    });
    expect(parseRanges('')).toEqual({ ranges: [] });
    expect(parseRanges('gesloten')).toEqual({ ranges: [] });
    expect(parseRanges('09:00-25:00')).toEqual({ error: expect.stringContaining('00:00 tot en met 24:00') });
    expect(parseRanges('17:00-09:00')).toEqual({ error: expect.stringContaining('einde moet na het begin') });
    expect(parseRanges('09:00-13:00, 12:00-17:00')).toEqual({ error: '12:00–17:00 overlapt met 09:00–13:00' });
    expect(parseRanges('ochtend')).toEqual({ error: expect.stringContaining('geen tijdvak') });
  });

  it('leest uitzonderingen met Nederlandse datums en schrijft ze zo terug', () => {
    const text = '24-12-2026 09:00-12:00 Kerstavond\n31-12-2026 gesloten';
    const parsed = parseExceptions(text);
    expect(parsed).toEqual({
      exceptions: [
        { date: '2026-12-24', hours: [{ from: '09:00', to: '12:00' }], description: 'Kerstavond' },
        { date: '2026-12-31', hours: [] },
      ],
    });
    expect(formatExceptions('exceptions' in parsed ? parsed.exceptions : [])).toBe(text);
    expect(parseExceptions('30-02-2026 gesloten')).toEqual({ error: expect.stringContaining('Regel 1') });
  });

  it('rekent een norm in uren om naar minuten; leeg is geen norm', () => {
    expect(parseNorm({ amount: '2', unit: 'uren', counting: 'altijd' })).toEqual({ norm: { minutes: 120, counting: 'altijd' } });
    expect(parseNorm({ amount: '1,5', unit: 'uren', counting: 'openingstijden' })).toEqual({ norm: { minutes: 90, counting: 'openingstijden' } });
    expect(parseNorm({ amount: '', unit: 'uren', counting: 'altijd' })).toEqual({ norm: null });
    expect(parseNorm({ amount: '-1', unit: 'minuten', counting: 'altijd' })).toHaveProperty('error');
  });
});
