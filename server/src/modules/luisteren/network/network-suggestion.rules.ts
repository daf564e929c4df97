import type { NetworkGroup } from '@contracts/network';
import { NETWORK_KEYWORDS, type NetworkKeyword } from './network-keywords.data';

export interface AuthorFacts {
  handle: string;
  name: string | null;
  bio: string | null;
  // Names of the organisation's author lists the author is on.
  lists: string[];
}

export interface NetworkSuggestion {
  group: NetworkGroup | null;
  // What led to the group, so the screen can say why: keywords found, or the lists.
  words: string[];
  lists: string[];
}

// A bio is weaker evidence than the name the account chose: a resident's "voetballiefhebber" does not make
// them a sports club. One specific word in the name or handle suffices; in the bio it takes two.
const BIO_FACTOR = 0.5;
const THRESHOLD = 1.5;
// When two groups score the same, the one an analyst would most want to know about first.
const PRECEDENCE: NetworkGroup[] = ['politiek-overheid', 'media', 'non-profit', 'kunst-cultuur', 'sport', 'bedrijfsleven', 'verenigingsleven'];

// Splits names and handles into lower-case words without accents: "OmroepCastricum" and "VVCastricum" are
// two words each, "Café" is "cafe", underscores, dots and hyphens separate words.
export function splitWords(text: string): string[] {
  return text
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function tokenMatches(token: string, keyword: NetworkKeyword): boolean {
  if (keyword.unless?.some((word) => token.includes(word))) return false;
  switch (keyword.place) {
    case 'woord':
      return token === keyword.word;
    case 'begin':
      return token.startsWith(keyword.word);
    case 'eind':
      return token.endsWith(keyword.word);
    case 'deel':
      return token.includes(keyword.word);
  }
}

const SINGLE_WORDS = NETWORK_KEYWORDS.filter((keyword) => !keyword.word.includes(' '));
const PHRASES = NETWORK_KEYWORDS.filter((keyword) => keyword.word.includes(' '));

// The keywords found in a text. Per word and group only the longest keyword counts, so "historische"
// is not also "historisch" and "kunstenaar" not also "kunst". A phrase ("kamer van koophandel") matches its
// words in a row; its last word may go on ("goede doelen"), except for place 'woord'.
function keywordsIn(words: string[]): NetworkKeyword[] {
  const matched = new Set<NetworkKeyword>();
  for (const token of words) {
    const longest = new Map<NetworkGroup, NetworkKeyword>();
    for (const keyword of SINGLE_WORDS) {
      const current = longest.get(keyword.group);
      if (tokenMatches(token, keyword) && (!current || keyword.word.length > current.word.length)) longest.set(keyword.group, keyword);
    }
    for (const keyword of longest.values()) matched.add(keyword);
  }
  const text = ` ${words.join(' ')} `;
  for (const keyword of PHRASES) if (text.includes(keyword.place === 'woord' ? ` ${keyword.word} ` : ` ${keyword.word}`)) matched.add(keyword);
  return [...matched];
}

function score(sources: Array<{ words: string[]; factor: number }>) {
  const factors = new Map<NetworkKeyword, number>();
  for (const source of sources) {
    for (const keyword of keywordsIn(source.words)) factors.set(keyword, Math.max(factors.get(keyword) ?? 0, source.factor));
  }
  const totals = new Map<NetworkGroup, { score: number; words: string[] }>();
  for (const [keyword, factor] of factors) {
    const total = totals.get(keyword.group) ?? { score: 0, words: [] };
    total.score += keyword.weight * factor;
    if (!total.words.includes(keyword.word)) total.words.push(keyword.word);
    totals.set(keyword.group, total);
  }
  let best: { group: NetworkGroup; score: number; words: string[] } | null = null;
  for (const group of PRECEDENCE) {
    const total = totals.get(group);
    if (total && total.score >= THRESHOLD && (!best || total.score > best.score)) best = { group, ...total };
  }
  return best;
}

// The automatic proposal for an author's network group. A list the organisation keeps says most (someone
// on "Raadsleden" is politics, on "Pers" media, whatever their name); then the name and handle; then the bio.
export function suggestNetworkGroup(author: AuthorFacts): NetworkSuggestion {
  const byList = author.lists
    .map((list) => ({ list, best: score([{ words: splitWords(list), factor: 1 }]) }))
    .filter((entry) => entry.best !== null)
    .sort((a, b) => PRECEDENCE.indexOf(a.best!.group) - PRECEDENCE.indexOf(b.best!.group));
  if (byList.length > 0) {
    const group = byList[0]!.best!.group;
    return { group, words: [], lists: byList.filter((entry) => entry.best!.group === group).map((entry) => entry.list) };
  }
  const best = score([
    { words: [...splitWords(author.name ?? ''), ...splitWords(author.handle)], factor: 1 },
    { words: splitWords(author.bio ?? ''), factor: BIO_FACTOR },
  ]);
  return best ? { group: best.group, words: best.words, lists: [] } : { group: null, words: [], lists: [] };
}

// Where platforms put an account's own description in what Plein keeps of a message (`messages.raw`):
// X and Bluesky as author.description, Mastodon as account.note (HTML). The repository reads these paths.
export const BIO_PATHS = [
  ['author', 'description'],
  ['account', 'note'],
  ['user', 'description'],
] as const;

export function cleanBio(text: string | null): string | null {
  if (!text) return null;
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain ? plain.slice(0, 500) : null;
}
