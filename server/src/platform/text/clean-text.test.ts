import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, findUncleanText, hasUncleanText, isCleanText } from './clean-text.rules';

describe('schone tekst', () => {
  it('herkent NUL en halve tekens, ook diep in invoer, en noemt het veld', () => {
    expect(isCleanText('Losse stoeptegel bij de Dorpsstraat 12 😀')).toBe(true);
    expect(isCleanText('tegel\u0000')).toBe(false);
    expect(isCleanText('half \uD83D teken')).toBe(false);
    expect(isCleanText('\uDE00 omgekeerd')).toBe(false);
    expect(findUncleanText({ description: 'goed', answers: { gevaar: ['ja', 'n\u0000ee'] } })).toBe('answers.gevaar.1');
    expect(findUncleanText({ 'sleutel\u0000': 'waarde' })).toBe('sleutel\u0000');
    expect(findUncleanText({ lat: 52.5, ok: true, list: [1, null] })).toBeNull();
    expect(hasUncleanText({ description: 'goed', answers: { gevaar: ['ja', 'n\u0000ee'] } })).toBe(true);
    expect(hasUncleanText({ 'sleutel\u0000': 'waarde' })).toBe(true);
    expect(hasUncleanText({ text: 'goed 😀', at: new Date(), list: [1, null, { a: 'b' }] })).toBe(false);
  });

  it('maakt de tekst van een platform opslagbaar zonder de rest te veranderen', () => {
    const at = new Date('2026-12-07T10:00:00Z');
    expect(cleanText({ text: 'a\u0000b', raw: { nested: ['x\u0000', 3, at], 'k\u0000': '\uD83D' } })).toEqual({
      text: 'ab',
      raw: { nested: ['x', 3, at], k: '\uFFFD' },
    });
  });

  it('laat na schoonmaken nooit iets onschoons over, en verandert schone tekst niet', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('a', ' ', '\u0000', '\uD83D', '\uDE00', '😀') })), (text) => {
        const cleaned = cleanText(text);
        expect(isCleanText(cleaned)).toBe(true);
        if (isCleanText(text)) expect(cleaned).toBe(text);
        expect(hasUncleanText({ text })).toBe(!isCleanText(text));
      }),
      { seed: 20261207, numRuns: 1_000 },
    );
  });
});
