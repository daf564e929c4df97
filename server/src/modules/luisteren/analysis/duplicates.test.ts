import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeDuplicateFingerprints,
  computeExactDuplicateKey,
  computeSimhash64,
  isNearDuplicate,
  normaliseForDuplicates,
  splitSimhashBands,
} from './duplicates.rules';

const petition =
  'Ik maak bezwaar tegen de bouw van de windmolens in de polder omdat ze het landschap aantasten, geluidsoverlast ' +
  'veroorzaken voor de bewoners en de natuur verstoren. Ik verzoek de gemeenteraad dringend om dit besluit te ' +
  'heroverwegen en eerst met de inwoners in gesprek te gaan.';

describe('normaliseForDuplicates and exactDuplicateKey', () => {
  it('folds a retweet and a post with a link into one key', () => {
    const retweet = 'RT @gemeente: Let op: de N11 is dicht';
    const withLink = 'Let op: de N11 is dicht https://t.co/xyz';
    expect(normaliseForDuplicates(retweet)).toBe('let op de n11 is dicht');
    expect(computeExactDuplicateKey(retweet)).toBe(computeExactDuplicateKey(withLink));
    expect(computeExactDuplicateKey(retweet)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('strips "via @x", leading mentions, emoji, punctuation, case and accents', () => {
    expect(normaliseForDuplicates('@jan @piet Één   probleem!! 😡 (via @rtvwest)')).toBe('een probleem');
    expect(normaliseForDuplicates('RT @a: RT @b: Café dicht via @omroep')).toBe('cafe dicht');
    expect(normaliseForDuplicates('Kijk www.gemeente.nl/afval voor de data')).toBe('kijk voor de data');
  });

  it('keeps mentions inside the text: they are part of what is said', () => {
    expect(normaliseForDuplicates('Dank @brandweer voor de snelle hulp')).toBe('dank brandweer voor de snelle hulp');
  });

  it('gives different keys to different posts, also to different emoji-only posts', () => {
    expect(computeExactDuplicateKey('De N11 is dicht')).not.toBe(computeExactDuplicateKey('De N11 is open'));
    expect(computeExactDuplicateKey('👍')).not.toBe(computeExactDuplicateKey('😡'));
  });

  it('is idempotent, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const once = normaliseForDuplicates(text);
        expect(normaliseForDuplicates(once)).toBe(once);
      }),
      { numRuns: 2_000 },
    );
  });

  it('is idempotent on post-like text too', () => {
    const word = fc.constantFrom('RT', '@gemeente', 'via', '@x:', 'https://t.co/a', 'Één', 'café', '😡', '!!', 'de', 'N11', 'www.a.nl', ':', '#alphen');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (words) => {
        const once = normaliseForDuplicates(words.join(' '));
        expect(normaliseForDuplicates(once)).toBe(once);
      }),
    );
  });
});

describe('computeSimhash64 and isNearDuplicate', () => {
  it('folds a copy-paste with one word changed', () => {
    const changed = petition.replace('polder', 'duinen');
    expect(isNearDuplicate(computeSimhash64(petition), computeSimhash64(changed))).toBe(true);
  });

  it('folds most one-word changes in a 40-word text, over many random changes', () => {
    const words = petition.split(' ');
    let folded = 0;
    fc.assert(
      fc.property(fc.nat(words.length - 1), fc.constantFrom('gemeente', 'dorp', 'weiland', 'zeker', 'nooit'), (at, replacement) => {
        const changed = words.slice();
        changed[at] = replacement;
        if (isNearDuplicate(computeSimhash64(petition), computeSimhash64(changed.join(' ')))) folded += 1;
      }),
      { numRuns: 200, seed: 42 },
    );
    expect(folded / 200).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps short posts with a different word apart', () => {
    expect(isNearDuplicate(computeSimhash64('Let op: de N11 is dicht'), computeSimhash64('Let op: de N11 is open'))).toBe(false);
  });

  it('does not fold unrelated posts', () => {
    const posts = [
      petition,
      'De gemeenteraad vergadert donderdag over het bestemmingsplan voor de nieuwe woonwijk aan de rand van het dorp',
      'Al weken ligt er een berg afval naast de container in onze straat en er wordt helemaal niks aan gedaan door de gemeente',
      'Dikke pluim voor de mensen van de reiniging, na het feest was alles voor acht uur weer schoon in het centrum',
      'Ik maak bezwaar tegen de kap van de bomen aan de Dorpsweg omdat ze oud en gezond zijn en vogels er nestelen',
      'Let op: de N11 is vanaf maandag zes uur afgesloten in beide richtingen, volg de omleiding via de A4',
    ];
    for (let a = 0; a < posts.length; a += 1) {
      for (let b = a + 1; b < posts.length; b += 1) expect(isNearDuplicate(computeSimhash64(posts[a]!), computeSimhash64(posts[b]!)), `${a}-${b}`).toBe(false);
    }
  });

  it('folds whatever has the same exact key', () => {
    const noise = fc.constantFrom('RT @gemeente: ', '', '@jan ', 'rt @a: @b ');
    const tail = fc.constantFrom('', ' https://t.co/xyz', ' via @omroep', ' 😡!!', '...');
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), noise, tail, (text, before, after) => {
        const other = `${before}${text}${after}`;
        fc.pre(computeExactDuplicateKey(text) === computeExactDuplicateKey(other));
        expect(isNearDuplicate(computeSimhash64(text), computeSimhash64(other))).toBe(true);
      }),
    );
  });

  it('is an unsigned 64-bit value, stable across calls', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const hash = computeSimhash64(text);
        expect(hash).toBeGreaterThanOrEqual(0n);
        expect(hash).toBeLessThan(1n << 64n);
        expect(computeSimhash64(text)).toBe(hash);
        expect(isNearDuplicate(hash, hash)).toBe(true);
      }),
    );
  });
});

describe('computeDuplicateFingerprints', () => {
  it('gives the same key and fingerprint as the separate functions', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        expect(computeDuplicateFingerprints(text)).toEqual({ exactKey: computeExactDuplicateKey(text), simhash: computeSimhash64(text) });
      }),
    );
  });
});

describe('splitSimhashBands', () => {
  it('splits the fingerprint into four numbered 16-bit bands', () => {
    expect(splitSimhashBands(0x0123_4567_89ab_cdefn)).toEqual(['0:cdef', '1:89ab', '2:4567', '3:0123']);
  });

  it('near duplicates always share a band, so a band lookup finds them', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (a, b) => {
        fc.pre(isNearDuplicate(a, b));
        const shared = splitSimhashBands(a).filter((band) => splitSimhashBands(b).includes(band));
        expect(shared.length).toBeGreaterThanOrEqual(1);
      }),
    );
    const fingerprint = computeSimhash64(petition);
    const changed = computeSimhash64(petition.replace('polder', 'duinen'));
    expect(splitSimhashBands(fingerprint).filter((band) => splitSimhashBands(changed).includes(band)).length).toBeGreaterThanOrEqual(3);
  });
});
