import { setImmediate as nextTurn } from 'node:timers/promises';

// Maps a long list in slices and gives the event loop a turn between them. A job that analyses a coalesced burst (ten
// thousand posts) would otherwise hold the process for a tenth of a second and more at a time: sign-ins, the inbox and
// the other job loops of the same process (among them the stream that stores the burst) would wait for it.
export async function mapInSlices<T, R>(items: readonly T[], map: (item: T) => R, slice = 500): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += slice) {
    if (start > 0) await nextTurn();
    const end = Math.min(items.length, start + slice);
    for (let index = start; index < end; index++) results.push(map(items[index]!));
  }
  return results;
}
