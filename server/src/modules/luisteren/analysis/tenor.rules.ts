import { loadLexicon } from './lexicon/lexicon.rules';
import {
  CLAUSE_BREAKERS,
  EMOJI_POLARITY,
  EMOTICON_POLARITY,
  EXCESS_ON_NEGATIVE,
  EXCESS_ON_POSITIVE,
  EXCESS_WORD,
  EXCLAMATION_BOOST,
  EXCLAMATION_MAX,
  INTENSIFIERS,
  NEGATED_NEGATIVE_FACTOR,
  NEGATED_POSITIVE_FACTOR,
  NEGATION_SCOPE,
  RESOLUTION_WORDS,
  RESOLVED_PROBLEM_FACTOR,
} from './lexicon/modifiers.data';
import { STANDALONE_MODIFIER_POLARITY } from './lexicon/municipal-supplement.data';
import { scanTenorTokens, type TenorToken } from './tokenize.rules';

// Tenor (the analysts' word for the stance of a mention towards the municipality or the subject):
// steun (support), kritiek (criticism), neutraal, gemengd (both, neither dominating).
export type Tenor = 'steun' | 'kritiek' | 'neutraal' | 'gemengd';
export const TENORS: readonly Tenor[] = ['steun', 'kritiek', 'neutraal', 'gemengd'];

export interface TenorScore {
  tenor: Tenor;
  positive: number;
  negative: number;
  confidence: number;
}

// Thresholds, in lexicon polarity units (one plain "goed" is 0.5, "mooi" 0.8, "schandalig" 1.0):
// - a side counts as evidence from CLEAR_EVIDENCE: one mild word ("prima" 0.5) is enough, a faint
//   Pattern adjective (0.2–0.3) or a negated negative ("niet slecht", 0.25–0.4) alone is not;
// - gemengd when both sides are evidence and the weaker side is at least MIXED_BALANCE of the stronger:
//   "fijn dat de weg open is, maar de omleiding is een ramp" is gemengd, "mooi park, wel een beetje
//   rommelig" (0.8 against 0.25) stays steun.
export const CLEAR_EVIDENCE = 0.35;
export const MIXED_BALANCE = 0.5;

export function scoreTenorByLexicon(text: string): TenorScore {
  const { positive, negative } = sumPolarities(scanTenorTokens(text));
  return decideTenor(positive, negative);
}

export function decideTenor(positive: number, negative: number): TenorScore {
  const stronger = Math.max(positive, negative);
  const weaker = Math.min(positive, negative);
  const round = (value: number) => Math.round(value * 1000) / 1000;
  if (stronger < CLEAR_EVIDENCE) {
    // No words is weak evidence for neutraal, faint words weaker still.
    return { tenor: 'neutraal', positive: round(positive), negative: round(negative), confidence: round(0.75 - 0.35 * (stronger / CLEAR_EVIDENCE)) };
  }
  // Saturates: one clear word gives ~0.45 strength, three give ~0.85.
  const strength = 1 - Math.exp(-stronger / 0.6);
  if (weaker >= CLEAR_EVIDENCE && weaker / stronger >= MIXED_BALANCE) {
    const balance = weaker / stronger;
    return { tenor: 'gemengd', positive: round(positive), negative: round(negative), confidence: round(0.35 + 0.5 * balance * strength) };
  }
  const margin = (stronger - weaker) / (stronger + weaker);
  return {
    tenor: positive > negative ? 'steun' : 'kritiek',
    positive: round(positive),
    negative: round(negative),
    confidence: round(0.4 + 0.55 * margin * strength),
  };
}

interface Clause {
  positive: number;
  negative: number;
}

// One pass over the tokens. Per clause: sentiment words (phrases first), each modified by the
// intensifiers and the negation before it; "!" at the end of a clause strengthens that clause.
function sumPolarities(tokens: readonly TenorToken[]): { positive: number; negative: number } {
  const { words, phrasesByFirstWord, negators } = loadLexicon();
  let positive = 0;
  let negative = 0;
  const clause: Clause = { positive: 0, negative: 0 };
  let multiplier = 1;
  let excess = false;
  let negationLeft = 0;
  let negationStrength = 0;

  const endClause = (exclamations: number) => {
    const boost = 1 + EXCLAMATION_BOOST * Math.min(exclamations, EXCLAMATION_MAX);
    positive += clause.positive * boost;
    negative += clause.negative * boost;
    clause.positive = 0;
    clause.negative = 0;
    multiplier = 1;
    excess = false;
    negationLeft = 0;
  };
  const add = (polarity: number, lastWord: string) => {
    if (negationLeft === 0 && RESOLUTION_WORDS.has(lastWord)) clause.negative *= RESOLVED_PROBLEM_FACTOR;
    let value = polarity * multiplier;
    if (excess) value *= value > 0 ? EXCESS_ON_POSITIVE : EXCESS_ON_NEGATIVE;
    if (negationLeft > 0) value *= -(value > 0 ? NEGATED_POSITIVE_FACTOR : NEGATED_NEGATIVE_FACTOR) * negationStrength;
    if (value > 0) clause.positive += value;
    else clause.negative -= value;
    multiplier = 1;
    excess = false;
  };

  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.kind === 'punctuation') {
      endClause(countExclamations(token.text));
      continue;
    }
    if (token.kind === 'emoji' || token.kind === 'emoticon') {
      // Emoji stand outside the sentence grammar: never negated or intensified.
      const polarity = (token.kind === 'emoji' ? EMOJI_POLARITY : EMOTICON_POLARITY).get(token.text);
      if (polarity !== undefined && polarity > 0) clause.positive += polarity;
      else if (polarity !== undefined) clause.negative -= polarity;
      continue;
    }
    const word = token.text;
    if (CLAUSE_BREAKERS.has(word)) {
      endClause(0);
      continue;
    }
    const phrase = matchPhrase(phrasesByFirstWord.get(word), tokens, index);
    if (phrase !== undefined) {
      add(phrase.polarity, (tokens[index + phrase.length] as TenorToken).text);
      index += phrase.length;
      negationLeft = Math.max(0, negationLeft - 1 - phrase.length);
      continue;
    }
    const negator = negators.get(word);
    if (negator !== undefined) {
      negationLeft = NEGATION_SCOPE;
      negationStrength = negator;
      continue;
    }
    if (word === EXCESS_WORD && startsSentiment(tokens[index + 1], words, phrasesByFirstWord)) {
      excess = true;
      continue;
    }
    const intensity = INTENSIFIERS.get(word);
    if (intensity !== undefined && modifiesNext(tokens[index + 1], words, phrasesByFirstWord, negators)) {
      multiplier *= intensity;
      continue;
    }
    const polarity = words.get(word) ?? STANDALONE_MODIFIER_POLARITY[word];
    if (polarity !== undefined && polarity !== 0) add(polarity, word);
    if (negationLeft > 0) negationLeft -= 1;
  }
  endClause(0);
  return { positive, negative };
}

function matchPhrase(
  candidates: readonly { rest: string[]; polarity: number }[] | undefined,
  tokens: readonly TenorToken[],
  start: number,
): { polarity: number; length: number } | undefined {
  if (candidates === undefined) return undefined;
  for (const candidate of candidates) {
    let matches = true;
    for (let offset = 0; offset < candidate.rest.length; offset += 1) {
      const token = tokens[start + 1 + offset];
      if (token === undefined || token.kind !== 'word' || token.text !== candidate.rest[offset]) {
        matches = false;
        break;
      }
    }
    if (matches) return { polarity: candidate.polarity, length: candidate.rest.length };
  }
  return undefined;
}

function startsSentiment(token: TenorToken | undefined, words: ReadonlyMap<string, number>, phrases: ReadonlyMap<string, unknown>): boolean {
  return token !== undefined && token.kind === 'word' && (words.has(token.text) || phrases.has(token.text) || INTENSIFIERS.has(token.text));
}

// "erg" before "mooi" is an intensifier; "dat is erg" on its own is negative.
function modifiesNext(
  token: TenorToken | undefined,
  words: ReadonlyMap<string, number>,
  phrases: ReadonlyMap<string, unknown>,
  negators: ReadonlyMap<string, number>,
): boolean {
  return startsSentiment(token, words, phrases) || (token !== undefined && (negators.has(token.text) || token.text === EXCESS_WORD));
}

function countExclamations(punctuation: string): number {
  let count = 0;
  for (const char of punctuation) if (char === '!') count += 1;
  return count;
}
