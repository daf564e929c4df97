// Tokens shared by the lexicon tenor, the learned tenor model and duplicate folding, so that a word an
// analyst's correction teaches the model is spelled exactly as the lexicon spells it.

const NON_ASCII = /[^\p{ASCII}]/u;
const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHE_INSIDE_WORD = /(?<=[\p{L}\p{N}])['’`´](?=\p{L})/gu;
const WORD = /[\p{L}\p{N}]+/gu;

// Lowercase and fold accents: "Één", "geïrriteerd", "café" and the Dutch "ĳ" ligature become plain
// "een", "geirriteerd", "cafe", "ij" — posts spell these inconsistently, the lexicon without accents.
// NFKD runs after lowercasing as well, because lowercasing can produce characters that decompose further.
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower.normalize('NFKD').toLowerCase().normalize('NFKD').replace(COMBINING_MARKS, '');
}

// Dutch apostrophes sit inside words ("auto's", "zo'n", "m'n"): drop them so the word stays one token.
export function joinApostrophes(folded: string): string {
  return folded.indexOf("'") < 0 && folded.indexOf('’') < 0 && folded.indexOf('`') < 0 && folded.indexOf('´') < 0
    ? folded
    : folded.replace(APOSTROPHE_INSIDE_WORD, '');
}

export function tokenize(text: string): string[] {
  return joinApostrophes(foldText(text)).match(WORD) ?? [];
}

// The tenor scanner also needs what `tokenize` throws away: emoticons, emoji and clause punctuation (a
// clause ends the scope of a negation; "!" strengthens the clause it closes). One precompiled pattern,
// alternatives tried left to right: emoticon, emoji, word, punctuation run.
const TENOR_TOKEN =
  /(?<emoticon>[:;]['-]?[()dp\][/\\|*]|<3|[)(]-?[:;])|(?<emoji>\p{Extended_Pictographic})|(?<word>[\p{L}\p{N}]+)|(?<punctuation>[.,;:!?…]+)/gu;

// Links and handles carry no tenor, and "https://t.co/abc" would otherwise scan as the emoticon ":/".
export const URL_OR_MENTION = /(?:https?:\/\/|www\.)\S+|@[\p{L}\p{N}_]+/gu;

export interface TenorToken {
  kind: 'word' | 'emoticon' | 'emoji' | 'punctuation';
  text: string;
}

export function scanTenorTokens(text: string): TenorToken[] {
  const folded = joinApostrophes(foldText(text)).replace(URL_OR_MENTION, ' ');
  const tokens: TenorToken[] = [];
  TENOR_TOKEN.lastIndex = 0;
  for (let match = TENOR_TOKEN.exec(folded); match !== null; match = TENOR_TOKEN.exec(folded)) {
    const groups = match.groups!;
    if (groups.word !== undefined) tokens.push({ kind: 'word', text: groups.word });
    else if (groups.punctuation !== undefined) tokens.push({ kind: 'punctuation', text: groups.punctuation });
    else if (groups.emoji !== undefined) tokens.push({ kind: 'emoji', text: groups.emoji });
    else tokens.push({ kind: 'emoticon', text: match[0] });
  }
  return tokens;
}
