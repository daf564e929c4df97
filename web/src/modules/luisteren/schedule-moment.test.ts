import { describe, expect, it } from 'vitest';
import { buildCron, isScheduleTime, readCron } from './schedule-moment';

describe('planning van analyses: dag en tijd als cron', () => {
  it('maakt van een dag en een tijd een cron-uitdrukking en leest die terug', () => {
    expect(buildCron('1', '08:00')).toBe('0 8 * * 1');
    expect(buildCron('1-5', '07:45')).toBe('45 7 * * 1-5');
    expect(buildCron('0', '23:59')).toBe('59 23 * * 0');
    expect(readCron('0 8 * * 1')).toEqual({ day: '1', time: '08:00' });
    expect(readCron('45 7 * * 1-5')).toEqual({ day: '1-5', time: '07:45' });
    expect(readCron(buildCron('4', '16:30'))).toEqual({ day: '4', time: '16:30' });
  });

  it('leest een uitdrukking die het formulier niet schrijft niet, en weigert een onmogelijke tijd', () => {
    expect(readCron('0 8 1 * *')).toBeNull();
    expect(readCron('*/5 * * * *')).toBeNull();
    expect(readCron('0 25 * * 1')).toBeNull();
    expect(readCron('0 8 * * 1 2027')).toBeNull();
    expect(isScheduleTime('08:00')).toBe(true);
    expect(isScheduleTime('24:00')).toBe(false);
    expect(isScheduleTime('8:00')).toBe(false);
    expect(() => buildCron('1', 'acht uur')).toThrow();
  });
});
