import type { QueryNode } from '@contracts/monitor-query';
import { tokenise } from '@contracts/monitor-query-text';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMonitorQuery, type MatchableItem, prepareItem } from './matcher.rules';

const item = (text: string): MatchableItem => ({
  text,
  subject: null,
  hashtags: [],
  mentions: [],
  authorHandle: 'a',
  channel: 'bluesky',
  language: null,
  municipalityCode: 'GM0244',
  geo: null,
  authorLists: [],
});

const text = fc.oneof(
  fc
    .array(fc.constantFrom('afval', 'Afvalbak', 'café', 'gft', '-', ' ', '#', '@', '.', 'ĳs', '½', 'ß', '\u0301', '🏳️‍🌈', '\n'), { maxLength: 30 })
    .map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 80 }),
);
const term = (value: string, prefix = false): QueryNode => ({ kind: 'term', value, prefix });

describe('monitor matcher: eigenschappen', () => {
  it('elk woord, elk begin van een woord en elk stuk opeenvolgende woorden van een tekst wordt gevonden', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (message, from, size) => {
        const prepared = prepareItem(item(message));
        const words = tokenise(message);
        for (const word of words) {
          expect(compileMonitorQuery(term(word)).matches(prepared)).toBe(true);
          expect(compileMonitorQuery(term(word.slice(0, Math.max(2, Math.ceil(word.length / 2))), true)).matches(prepared)).toBe(true);
        }
        if (words.length === 0) return;
        const start = from % words.length;
        const slice = words.slice(start, start + 1 + (size % 4));
        expect(compileMonitorQuery({ kind: 'phrase', words: slice }).matches(prepared)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('een woord dat niet als heel woord in de tekst staat, wordt niet gevonden', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('afval', 'cafe', 'gft', 'ijs', 'ss'), (message, word) => {
        const expected = tokenise(message).includes(word);
        expect(compileMonitorQuery(term(word)).matches(item(message))).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('NIET, EN en OF gedragen zich als de logica (ook na het herordenen op kosten)', () => {
    const leaf = fc.constantFrom<QueryNode>(
      term('afval'),
      term('afval', true),
      term('gft'),
      { kind: 'phrase', words: ['afval', 'gft'] },
      { kind: 'hashtag', value: 'afval' },
      { kind: 'field', field: 'bron', value: 'bluesky' },
    );
    fc.assert(
      fc.property(text, leaf, leaf, (message, a, b) => {
        const prepared = prepareItem(item(message));
        const test = (node: QueryNode) => compileMonitorQuery(node).matches(prepared);
        expect(test({ kind: 'not', child: a })).toBe(!test(a));
        expect(test({ kind: 'and', children: [a, b] })).toBe(test(a) && test(b));
        expect(test({ kind: 'or', children: [a, b] })).toBe(test(a) || test(b));
        expect(test({ kind: 'and', children: [a, b, { kind: 'not', child: b }] })).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
