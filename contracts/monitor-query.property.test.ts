import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMonitorQuery, MAX_QUERY_LENGTH, parseMonitorQuery, type QueryNode } from './monitor-query';
import { foldText, HANDLE_VALUE, HASHTAG_VALUE, tokenise } from './monitor-query-text';

// Pieces of the language, so random queries reach deep into the parser instead of stopping at the
// first odd character.
const fragment = fc.constantFrom(
  '(',
  ')',
  '"',
  '-',
  ' ',
  '  ',
  '\n',
  '*',
  ':',
  '#',
  '@',
  '~',
  ',',
  'OF',
  'EN',
  'NIET',
  'OR',
  'AND',
  'NOT',
  'afval',
  'Gft',
  'café',
  'ĳs',
  '½',
  'auteur:',
  'bron:',
  'taal:',
  'gemeente:',
  'lijst:',
  'plaats:',
  'stad:',
  'bluesky',
  'GM0383',
  '52.37,4.89~5km',
  '500m',
  'x',
  '@hattem',
  '#Afval',
  'raadsleden',
  'ß',
  '\u0301',
  '🏳️‍🌈',
);
const queryLike = fc
  .array(fc.tuple(fragment, fc.constantFrom(' ', ' ', '')), { maxLength: 30 })
  .map((parts) => parts.map(([piece, separator]) => piece + separator).join(''));
const anyUtf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 60 });
const anyText = fc.oneof(queryLike, fc.string({ unit: 'binary', maxLength: 60 }), anyUtf16);

describe('monitorzoekvraag: eigenschappen', () => {
  it('de parser gooit nooit; een fout is Nederlands en wijst binnen de tekst', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const result = parseMonitorQuery(input);
        if (result.ok) return;
        const { message, position, length } = result.error;
        expect(message).not.toBe('De zoekvraag kon niet worden gelezen');
        expect(message.length).toBeGreaterThan(0);
        expect(position).toBeGreaterThanOrEqual(0);
        expect(length).toBeGreaterThanOrEqual(0);
        expect(position + length).toBeLessThanOrEqual(input.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('ook heel lange en diep geneste invoer geeft een fout in plaats van een crash', () => {
    expect(parseMonitorQuery('('.repeat(MAX_QUERY_LENGTH)).ok).toBe(false);
    expect(parseMonitorQuery(`${'-'.repeat(MAX_QUERY_LENGTH - 1)}a`).ok).toBe(false);
    expect(parseMonitorQuery('x'.repeat(MAX_QUERY_LENGTH + 1)).ok).toBe(false);
  });

  it('afgedrukt en opnieuw gelezen geeft dezelfde boom (uit willekeurige invoer)', () => {
    fc.assert(
      fc.property(queryLike, (input) => {
        const result = parseMonitorQuery(input);
        if (!result.ok) return;
        expect(parseMonitorQuery(formatMonitorQuery(result.query))).toEqual({ ok: true, query: result.query });
      }),
      { numRuns: 3000 },
    );
  });

  it('afgedrukt en opnieuw gelezen geeft dezelfde boom (uit willekeurige bomen)', () => {
    fc.assert(
      fc.property(queryTree, (query) => {
        const printed = formatMonitorQuery(query);
        const result = parseMonitorQuery(printed);
        // A generated tree may only exclude; the parser rightly refuses those.
        fc.pre(result.ok || !result.error.message.includes('sluit alleen uit'));
        expect(result).toEqual({ ok: true, query });
      }),
      { numRuns: 2000 },
    );
  });

  it('vouwen is stabiel: een gevouwen woord vouwt en tokeniseert naar zichzelf', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), anyUtf16), (text) => {
        const folded = foldText(text);
        expect(foldText(folded)).toBe(folded);
        for (const word of tokenise(text)) expect(tokenise(word)).toEqual([word]);
      }),
      { numRuns: 3000 },
    );
  });
});

// Trees as the parser builds them: folded values, AND/OR with two or more children and never directly
// inside the same kind (the parser flattens those).
const word = fc
  .string({
    unit: fc.oneof(fc.constantFrom('a', 'e', 'é', 'ĳ', 'Z', '1', 'ß', 'ø', 'Ω'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
    minLength: 1,
    maxLength: 8,
  })
  .map((text) => tokenise(text)[0])
  .filter((token): token is string => token !== undefined);
const hashtag = word.map((value) => foldText(value)).filter((value) => HASHTAG_VALUE.test(value));
const handle = fc
  .tuple(word, fc.constantFrom('', '.bsky.social', '@social.overheid.nl', '_x', '-y'))
  .map(([name, suffix]) => `${name}${suffix}`)
  .filter((value) => HANDLE_VALUE.test(value));
const coordinate = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true }).map((value) => Math.round(value * 1e6) / 1e6 || 0);
const radius = fc.integer({ min: 10, max: 1_000_000 }).map((metres) => metres / 1000);

const leaf: fc.Arbitrary<QueryNode> = fc.oneof(
  word.map((value) => ({ kind: 'term' as const, value, prefix: false })),
  word.filter((value) => value.length >= 2).map((value) => ({ kind: 'term' as const, value, prefix: true })),
  fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => ({ kind: 'phrase' as const, words })),
  hashtag.map((value) => ({ kind: 'hashtag' as const, value })),
  handle.map((value) => ({ kind: 'mention' as const, value })),
  handle.map((value) => ({ kind: 'field' as const, field: 'auteur' as const, value })),
  fc.constantFrom('bluesky', 'x', 'gesimuleerd', 'webformulier').map((value) => ({ kind: 'field' as const, field: 'bron' as const, value })),
  fc.constantFrom('nl', 'en', 'fy', 'pap').map((value) => ({ kind: 'field' as const, field: 'taal' as const, value })),
  fc.integer({ min: 0, max: 9999 }).map((n) => ({ kind: 'field' as const, field: 'gemeente' as const, value: `GM${String(n).padStart(4, '0')}` })),
  fc.constantFrom('raadsleden', 'Pers regio', 'a(b)', 'Ω').map((value) => ({ kind: 'field' as const, field: 'lijst' as const, value })),
  fc.constantFrom('GM0383', 'GM0244').map((value) => ({ kind: 'field' as const, field: 'plaats' as const, value })),
  fc.tuple(coordinate(90), coordinate(180), radius).map(([lat, lon, radiusKm]) => ({
    kind: 'field' as const,
    field: 'plaats' as const,
    value: `${lat},${lon}~${radiusKm}km`,
    near: { lat, lon, radiusKm },
  })),
);

const queryTree: fc.Arbitrary<QueryNode> = fc.letrec<{ node: QueryNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    tie('node').map((child) => ({ kind: 'not' as const, child })),
    fc
      .array(tie('node'), { minLength: 2, maxLength: 4 })
      .map((children) => ({ kind: 'and' as const, children: children.flatMap((c) => (c.kind === 'and' ? c.children : [c])) })),
    fc
      .array(tie('node'), { minLength: 2, maxLength: 4 })
      .map((children) => ({ kind: 'or' as const, children: children.flatMap((c) => (c.kind === 'or' ? c.children : [c])) })),
  ),
})).node;
