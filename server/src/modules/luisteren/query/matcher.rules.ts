import type { QueryNode } from '@contracts/monitor-query';
import { foldListName } from '@contracts/monitor-query-text';
import { type Boundary, buildBoundaryTest, buildRadiusTest } from './geo.rules';
import { isPreparedItem, type MatchableItem, type PreparedItem, prepareItem } from './prepared-item.rules';

export type { Boundary } from './geo.rules';
export { type MatchableItem, type PreparedItem, type PreparedText, prepareItem, prepareText } from './prepared-item.rules';

export interface CompiledQuery {
  // Takes a prepared item (prepareItem, once per item for all monitors) or a plain one.
  matches(item: MatchableItem | PreparedItem): boolean;
  // plaats:GM… codes whose boundary was not in the context; those parts match nothing.
  readonly missingBoundaries: readonly string[];
}

export interface CompileContext {
  // Keyed by CBS code (GM0383).
  boundaries?: Map<string, Boundary>;
}

type Predicate = (item: PreparedItem) => boolean;
type Compiled = { test: Predicate; cost: number };

// The query becomes a tree of closures once per monitor; matching then allocates nothing and builds
// no regular expressions.
export function compileMonitorQuery(query: QueryNode, context: CompileContext = {}): CompiledQuery {
  const missingBoundaries = new Set<string>();
  const { test } = compile(query, context.boundaries ?? new Map(), missingBoundaries);
  return {
    matches: (item) => test(isPreparedItem(item) ? item : prepareItem(item)),
    missingBoundaries: [...missingBoundaries],
  };
}

// cost orders the operands of EN and OF: cheap set look-ups run first, polygons last.
function compile(node: QueryNode, boundaries: Map<string, Boundary>, missing: Set<string>): Compiled {
  switch (node.kind) {
    case 'term': {
      const { value } = node;
      if (node.prefix) return { test: (item) => hasWordStartingWith(item.sortedWords(), value), cost: 3 };
      return { test: (item) => item.words.has(value), cost: 1 };
    }
    case 'phrase':
      return { test: phraseTest(node.words), cost: 4 };
    case 'hashtag': {
      const { value } = node;
      return { test: (item) => item.hashtags.has(value), cost: 1 };
    }
    case 'mention': {
      const { value } = node;
      return { test: (item) => item.author === value || item.mentions.has(value), cost: 1 };
    }
    case 'field':
      return compileField(node, boundaries, missing);
    case 'not': {
      const child = compile(node.child, boundaries, missing);
      return { test: (item) => !child.test(item), cost: child.cost };
    }
    case 'and':
    case 'or': {
      const children = node.children.map((child) => compile(child, boundaries, missing)).sort((a, b) => a.cost - b.cost);
      const tests = children.map((child) => child.test);
      const cost = children.reduce((sum, child) => sum + child.cost, 0);
      return { test: node.kind === 'and' ? every(tests) : some(tests), cost };
    }
    default:
      throw new Error(`Onbekend onderdeel in een monitorzoekvraag: ${JSON.stringify(node)}`);
  }
}

function compileField(node: Extract<QueryNode, { kind: 'field' }>, boundaries: Map<string, Boundary>, missing: Set<string>): Compiled {
  const { value } = node;
  switch (node.field) {
    case 'auteur':
      return { test: (item) => item.author === value, cost: 1 };
    case 'bron':
      return { test: (item) => item.channel === value, cost: 1 };
    case 'taal':
      return { test: (item) => item.language === value, cost: 1 };
    case 'gemeente':
      return { test: (item) => item.municipalityCode === value, cost: 1 };
    case 'lijst': {
      const name = foldListName(value);
      return { test: (item) => item.lists.has(name), cost: 1 };
    }
    case 'plaats': {
      if (node.near) {
        const inside = buildRadiusTest(node.near, node.near.radiusKm);
        return { test: (item) => item.geo !== null && inside(item.geo), cost: 3 };
      }
      const boundary = boundaries.get(value);
      if (!boundary) {
        missing.add(value);
        return { test: () => false, cost: 0 };
      }
      const inside = buildBoundaryTest(boundary);
      return { test: (item) => item.geo !== null && inside(item.geo), cost: 10 };
    }
  }
}

function every(tests: Predicate[]): Predicate {
  const [first, second] = tests;
  if (tests.length === 2 && first && second) return (item) => first(item) && second(item);
  return (item) => {
    for (const test of tests) if (!test(item)) return false;
    return true;
  };
}

function some(tests: Predicate[]): Predicate {
  const [first, second] = tests;
  if (tests.length === 2 && first && second) return (item) => first(item) || second(item);
  return (item) => {
    for (const test of tests) if (test(item)) return true;
    return false;
  };
}

// Consecutive words; the set look-up rules out most items before the scan.
function phraseTest(words: string[]): Predicate {
  const [first = ''] = words;
  const length = words.length;
  return (item) => {
    for (const word of words) if (!item.words.has(word)) return false;
    const { tokens } = item;
    for (let start = tokens.indexOf(first); start !== -1 && start + length <= tokens.length; start = tokens.indexOf(first, start + 1)) {
      let index = 1;
      while (index < length && tokens[start + index] === words[index]) index++;
      if (index === length) return true;
    }
    return false;
  };
}

// Binary search for the first word ≥ prefix; it starts with the prefix if any word does.
function hasWordStartingWith(sorted: readonly string[], prefix: string): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) < prefix) low = middle + 1;
    else high = middle;
  }
  return sorted[low]?.startsWith(prefix) ?? false;
}
