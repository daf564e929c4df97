// The contact form's spam check: find a nonce so that SHA-256("<challenge>:<nonce>") starts with `difficulty`
// zero bits. About 16,000 hashes for 14 bits: a moment for one resident, costly for a bot sending thousands.

const BATCH_SIZE = 256;

export function countLeadingZeroBits(hash: Uint8Array): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export class ProofOfWorkUnavailable extends Error {}

export interface ProofOfWorkOptions {
  signal?: AbortSignal;
  // Called after every batch with the number of hashes tried, for a progress indication.
  onProgress?: (tried: number) => void;
}

// Hashes in batches and gives the browser a turn between them, so typing and screen readers never stall.
export async function solveProofOfWork(challenge: string, difficulty: number, options: ProofOfWorkOptions = {}): Promise<string> {
  // crypto.subtle exists only in secure contexts (https or localhost).
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new ProofOfWorkUnavailable('crypto.subtle ontbreekt');
  const encoder = new TextEncoder();
  for (let start = 0; ; start += BATCH_SIZE) {
    if (options.signal?.aborted) throw new DOMException('Afgebroken', 'AbortError');
    const nonces = Array.from({ length: BATCH_SIZE }, (_, index) => String(start + index));
    const hashes = await Promise.all(nonces.map((nonce) => subtle.digest('SHA-256', encoder.encode(`${challenge}:${nonce}`))));
    const found = hashes.findIndex((hash) => countLeadingZeroBits(new Uint8Array(hash)) >= difficulty);
    if (found >= 0) return nonces[found] as string;
    options.onProgress?.(start + BATCH_SIZE);
    await nextTurn();
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
