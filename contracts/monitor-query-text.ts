// One way to turn text into comparable words, used for the query (contracts, in the browser) and for
// every incoming message (server matcher): if the two ever differed, a monitor would silently miss posts.

const COMBINING_MARKS = /\p{M}+/gu;
const ASCII_ONLY = /^\p{ASCII}*$/u;
const WORD = /[\p{L}\p{N}]+/gu;
const HASHTAG_IN_TEXT = /(?<![\p{L}\p{N}_&])#([\p{L}\p{N}_]+)/gu;
// Not after a word character or a dot, so info@gemeente.nl is an address, not a mention of gemeente.nl.
const MENTION_IN_TEXT = /(?<![\p{L}\p{N}_.])@([\p{L}\p{N}_][\p{L}\p{N}_.\-@]*)/gu;
const TRAILING_HANDLE_PUNCTUATION = /[.\-@]+$/;

export const HASHTAG_VALUE = /^[\p{L}\p{N}_]+$/u;
export const HANDLE_VALUE = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_.\-@]*[\p{L}\p{N}_])?$/u;

// Lower case without accents: "Café" and "cafe" are the same word, "ĳs" (one ligature) is "ijs".
// NFKD runs twice because lowering case can produce new decomposable characters; the result is stable,
// so folding a folded word changes nothing (the parser's printed form relies on that).
export function foldText(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  const once = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  return ASCII_ONLY.test(once) ? once : once.normalize('NFKD').replace(COMBINING_MARKS, '');
}

// Words are runs of letters and digits; everything else separates them ("gft-container" is two words).
export function tokeniseFolded(folded: string): string[] {
  return folded.match(WORD) ?? [];
}

export function tokenise(text: string): string[] {
  return tokeniseFolded(foldText(text));
}

export function foldHandle(handle: string): string {
  return foldText(handle.trim()).replace(/^@/, '');
}

export function foldListName(name: string): string {
  return foldText(name).trim().replace(/\s+/g, ' ');
}

export function findHashtagsInFolded(folded: string): string[] {
  if (!folded.includes('#')) return [];
  return Array.from(folded.matchAll(HASHTAG_IN_TEXT), (match) => match[1] ?? '');
}

export function findMentionsInFolded(folded: string): string[] {
  if (!folded.includes('@')) return [];
  return Array.from(folded.matchAll(MENTION_IN_TEXT), (match) => (match[1] ?? '').replace(TRAILING_HANDLE_PUNCTUATION, ''));
}
