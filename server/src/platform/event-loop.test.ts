import { describe, expect, it } from 'vitest';
import { mapInSlices } from './event-loop.service';

describe('mapInSlices', () => {
  it('geeft alles in volgorde terug en laat tussen de plakken ander werk voor', async () => {
    const order: string[] = [];
    const items = Array.from({ length: 7 }, (_, index) => index);
    // Scheduled before the mapping starts: it runs after the first slice, not after the whole list.
    setImmediate(() => order.push('ander werk'));
    const mapped = await mapInSlices(
      items,
      (item) => {
        order.push(`item ${item}`);
        return item * 2;
      },
      3,
    );
    expect(mapped).toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(order.indexOf('ander werk')).toBe(3);
  });

  it('geeft een lege lijst zonder te wachten', async () => {
    expect(await mapInSlices([], (item) => item)).toEqual([]);
  });
});
