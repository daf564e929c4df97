import { createHash } from 'node:crypto';

const BASE32_SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';

// An AT Protocol TID (13 characters: 53 bits of microseconds, 10 bits of clock id) that is the same
// every time for the same outbox item. The record key then names the item: a retry after a crash
// writes to the same key instead of posting a second time.
export function deriveDeterministicTid(createdAt: Date, seed: string): string {
  const hash = createHash('sha256').update(seed).digest();
  // Sub-millisecond digits and the clock id both come from the seed, so two items queued in the
  // same millisecond still get different keys.
  const micros = BigInt(createdAt.getTime()) * 1000n + BigInt(hash.readUInt16BE(0) % 1000);
  const clockId = BigInt(hash.readUInt16BE(2) & 0x3ff);
  let value = (micros << 10n) | clockId;
  let tid = '';
  for (let i = 0; i < 13; i++) {
    tid = BASE32_SORTABLE[Number(value & 31n)] + tid;
    value >>= 5n;
  }
  return tid;
}
