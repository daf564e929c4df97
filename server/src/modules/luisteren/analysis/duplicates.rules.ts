import { createHash } from 'node:crypto';
import { foldText, joinApostrophes } from './tokenize.rules';

// Folding reposts and copy-paste: an exact key for "the same words after removing what reposting
// adds", and a 64-bit fingerprint for "nearly the same words".

// Leading "RT @x:" (possibly stacked), "via @x" anywhere, links, and the @mentions a reply starts with.
const REPOST_PREFIX = /^(?:\s*rt\s*@[\p{L}\p{N}_]+\s*:?)+/u;
const VIA_MENTION = /[([]?\s*\bvia\s+@[\p{L}\p{N}_]+\s*[)\]]?/gu;
const LINK = /(?:https?:\/\/|www\.)\S+/gu;
const LEADING_MENTIONS = /^(?:\s*[.]?@[\p{L}\p{N}_]+[,:]?)+/u;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

export function normaliseForDuplicates(text: string): string {
  const folded = joinApostrophes(foldText(text));
  return folded
    .replace(REPOST_PREFIX, ' ')
    .replace(VIA_MENTION, ' ')
    .replace(LINK, ' ')
    .replace(LEADING_MENTIONS, ' ')
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim();
}

// Posts that normalise to nothing (only emoji, only a link) would otherwise all share one key and fold
// into each other; they keep their raw text as the key instead.
export function computeExactDuplicateKey(text: string): string {
  return keyOfNormalised(normaliseForDuplicates(text), text);
}

// Both fingerprints from one normalisation, for the ingest pipeline's hot path.
export function computeDuplicateFingerprints(text: string): { exactKey: string; simhash: bigint } {
  const normalised = normaliseForDuplicates(text);
  return { exactKey: keyOfNormalised(normalised, text), simhash: fingerprintOfNormalised(normalised, text) };
}

function keyOfNormalised(normalised: string, text: string): string {
  const keyed = normalised.length > 0 ? normalised : `\u0000${text.trim()}`;
  return createHash('sha1').update(keyed).digest('hex').slice(0, 16);
}

// The near-duplicate fingerprint: four 16-bit MinHash bands over the word pairs (with start and end
// markers) of the normalised text. Band i is a 16-bit hash of the word pair with the smallest value under
// the i-th hash function, so two texts agree on a band with probability equal to the Jaccard similarity
// of their word-pair sets (Broder 1997).
//
// Why not a Charikar simhash with Hamming distance ≤ 3, which the API was first sketched around: that
// threshold comes from web pages with hundreds of features. Measured on posts, one changed word in a
// 45-word copy-paste left the simhashes within 3 bits only ~24% of the time (mean distance ~5; ~7 at
// 12 words), so copy-paste campaigns would not fold. The sketch keeps the same shape (a 64-bit value,
// four 16-bit bands for indexed lookup) and the function names the pipeline uses.
export function computeSimhash64(text: string): bigint {
  return fingerprintOfNormalised(normaliseForDuplicates(text), text);
}

function fingerprintOfNormalised(normalised: string, text: string): bigint {
  const words = normalised.length > 0 ? normalised.split(' ') : [...text.trim()];
  const minimums = [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff];
  const winners = [0, 0, 0, 0];
  if (words.length < MIN_WORDS_FOR_NEAR_DUPLICATES) winners.fill(hash32(words.join(' ')));
  else
    for (let index = 0; index <= words.length; index += 1) {
      const shingle = hash32(`${index === 0 ? '\u0002' : words[index - 1]} ${index === words.length ? '\u0003' : words[index]}`);
      for (let band = 0; band < 4; band += 1) {
        const value = mix32(shingle ^ BAND_SEEDS[band]!);
        if (value < minimums[band]!) {
          minimums[band] = value;
          winners[band] = shingle;
        }
      }
    }
  let fingerprint = 0n;
  for (let band = 0; band < 4; band += 1) {
    const bandValue = mix32(winners[band]! ^ BAND_SEEDS[band + 4]!) & 0xffff;
    fingerprint |= BigInt(bandValue) << BigInt(band * 16);
  }
  return fingerprint;
}

// In a post of a few words one changed word changes the message ("de N11 is dicht" / "de N11 is open"),
// so below this length every band is taken from the whole text: short posts fold only when identical.
export const MIN_WORDS_FOR_NEAR_DUPLICATES = 8;

const BAND_SEEDS = [0x9e3779b9, 0x7f4a7c15, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f, 0x165667b1, 0xd3a2646c, 0xfd7046c5];

// The four band values as strings ('0:ab12'), for an indexed lookup of candidates: a candidate must
// share at least one band.
export function splitSimhashBands(hash: bigint): string[] {
  const bands: string[] = [];
  for (let band = 0; band < 4; band += 1) {
    const value = Number((hash >> BigInt(band * 16)) & 0xffffn);
    bands.push(`${band}:${value.toString(16).padStart(4, '0')}`);
  }
  return bands;
}

// Near duplicate: at least 3 of the 4 bands agree. For word-pair Jaccard similarity J that happens with
// probability J⁴ + 4J³(1 − J): one changed word in a 40-word copy-paste (J ≈ 0.9) folds ~95% of the
// time, in a 20-word post (J ≈ 0.83) ~85%, in an 8-word post about half the time; two unrelated
// posts (J < 0.1) practically never (< 0.4% even at J = 0.1). Posts under MIN_WORDS_FOR_NEAR_DUPLICATES
// words fold only when identical after normalisation.
export const NEAR_DUPLICATE_MIN_BANDS = 3;

export function isNearDuplicate(a: bigint, b: bigint): boolean {
  let agreeing = 0;
  for (let band = 0n; band < 64n; band += 16n) if (((a >> band) & 0xffffn) === ((b >> band) & 0xffffn)) agreeing += 1;
  return agreeing >= NEAR_DUPLICATE_MIN_BANDS;
}

// FNV-1a over UTF-16 code units with a final avalanche (FNV's low bits mix poorly for short inputs).
// Fingerprints are stored, so this hash must never change.
function hash32(feature: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < feature.length; index += 1) hash = Math.imul(hash ^ feature.charCodeAt(index), 0x01000193);
  return mix32(hash);
}

function mix32(value: number): number {
  let mixed = value;
  mixed ^= mixed >>> 16;
  mixed = Math.imul(mixed, 0x85ebca6b);
  mixed ^= mixed >>> 13;
  mixed = Math.imul(mixed, 0xc2b2ae35);
  mixed ^= mixed >>> 16;
  return mixed >>> 0;
}
