import { isNearDuplicate, splitSimhashBands } from '../analysis/duplicates.rules';

export interface Fingerprint {
  id: string;
  exactKey: string;
  simhash: bigint;
  reach: number;
}

export interface Original {
  id: string;
  exactKey: string;
  simhash: bigint;
}

// Decides per new item whether it is a copy of an earlier original (stored, or earlier in this same
// batch: a burst of reposts arrives together) and what each original gains. Exact keys are looked up
// first; near duplicates only among originals that share a simhash band, so the cost stays per item.
export function foldDuplicates(items: Fingerprint[], stored: Original[]) {
  const byExact = new Map<string, Original>();
  const byBand = new Map<string, Original[]>();
  const remember = (original: Original) => {
    if (!byExact.has(original.exactKey)) byExact.set(original.exactKey, original);
    for (const band of splitSimhashBands(original.simhash)) {
      const list = byBand.get(band);
      if (list) list.push(original);
      else byBand.set(band, [original]);
    }
  };
  stored.forEach(remember);

  const duplicateOf = new Map<string, string>();
  const gains = new Map<string, { copies: number; reach: number }>();
  for (const item of items) {
    const original = byExact.get(item.exactKey) ?? nearOriginal(item, byBand);
    if (!original) {
      remember({ id: item.id, exactKey: item.exactKey, simhash: item.simhash });
      continue;
    }
    duplicateOf.set(item.id, original.id);
    const gain = gains.get(original.id) ?? { copies: 0, reach: 0 };
    gain.copies += 1;
    gain.reach += item.reach;
    gains.set(original.id, gain);
  }
  return { duplicateOf, gains };
}

function nearOriginal(item: Fingerprint, byBand: Map<string, Original[]>): Original | undefined {
  for (const band of splitSimhashBands(item.simhash)) {
    const found = byBand.get(band)?.find((candidate) => isNearDuplicate(candidate.simhash, item.simhash));
    if (found) return found;
  }
  return undefined;
}
