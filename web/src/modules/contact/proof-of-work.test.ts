import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { countLeadingZeroBits, solveProofOfWork } from './proof-of-work';

describe('controle tegen spam (proof of work)', () => {
  it('telt voorloopnullen zoals de server', () => {
    expect(countLeadingZeroBits(new Uint8Array([0, 0, 0x80]))).toBe(16);
    expect(countLeadingZeroBits(new Uint8Array([0, 0x01]))).toBe(15);
    expect(countLeadingZeroBits(new Uint8Array([0xff]))).toBe(0);
  });

  it('vindt een nonce die de server accepteert', async () => {
    const challenge = '2b0a6c1e-8d4f-4f57-9f65-7a1de1d0c3b2';
    const nonce = await solveProofOfWork(challenge, 10);
    expect(nonce).toMatch(/^\d+$/);
    expect(countLeadingZeroBits(createHash('sha256').update(`${challenge}:${nonce}`).digest())).toBeGreaterThanOrEqual(10);
  });
});
