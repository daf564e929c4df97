import { createRequire } from 'node:module';
import { foldText } from '../tokenize.rules';

// The Pattern NL lexicon (CLiPS, Cornetto-based: 3,304 Dutch adjectives with polarity −1..1) as shipped
// inside the `natural` package. Only its JSON is read: importing `natural` itself loads storage adapters
// that call dotenv and print to the console.
interface PatternEntry {
  form: string;
  polarity: string;
  subjectivity: string;
  intensity: string;
}

const require = createRequire(import.meta.url);

// Below this absolute polarity a Pattern adjective is treated as neutral: "nieuw" (0.1) or "klein" (0.1)
// are descriptive, and summing many weak scores in an informational post would invent a tenor.
const MIN_PATTERN_POLARITY = 0.2;

export function loadPatternAdjectives(): Map<string, number> {
  const raw = require('natural/lib/natural/sentiment/Dutch/pattern-sentiment-nl.json') as Record<string, PatternEntry>;
  const polarities = new Map<string, number>();
  for (const entry of Object.values(raw)) {
    const polarity = Number(entry.polarity);
    if (!Number.isFinite(polarity) || Math.abs(polarity) < MIN_PATTERN_POLARITY) continue;
    const base = foldText(entry.form);
    if (base.includes(' ')) continue;
    for (const form of [base, ...inflectAdjective(base)]) {
      // The base form listed in Pattern wins over a form derived from another entry.
      if (!polarities.has(form) || form === base) polarities.set(form, polarity);
    }
  }
  return polarities;
}

export function loadPatternNegations(): string[] {
  const raw = require('natural/lib/natural/sentiment/Dutch/negations_du.json') as { words: string[] };
  return raw.words.map(foldText);
}

const VOWELS = 'aeiouy';
const isVowel = (char: string | undefined) => char !== undefined && VOWELS.includes(char);
const UNSTRESSED_ENDINGS = ['ig', 'lijk', 'isch', 'baar', 'zaam', 'loos', 'el', 'en', 'er', 'em', 'ief'];

// Pattern lists the base form ("vies", "groot", "snel"); posts use the attributive and the degrees of
// comparison ("vieze", "grote", "snellere", "slechtst"). Dutch spelling rules, enough for adjectives:
// a long vowel written double loses one letter in an open syllable (groot → grote), s/f after a vowel
// voice to z/v (vies → vieze, lief → lieve), and a short stressed vowel doubles the consonant
// (snel → snelle). Stress is guessed: one syllable, or not one of the unstressed endings.
export function inflectAdjective(base: string): string[] {
  if (base.length < 3 || base.endsWith('e') || !/^[a-z]+$/.test(base)) return base.endsWith('e') ? [`${base}r`] : [];
  const stem = attributiveStem(base);
  const attributive = `${stem}e`;
  const comparative = base.endsWith('r') ? `${base}der` : `${stem}er`;
  const superlative = base.endsWith('s') ? `${base}t` : `${base}st`;
  return [attributive, comparative, `${comparative}e`, superlative, `${superlative}e`];
}

function attributiveStem(base: string): string {
  const last = base.at(-1)!;
  const beforeLast = base.at(-2);
  const twoBefore = base.at(-3);
  if (isVowel(last)) return base;
  const voiced = last === 's' ? 'z' : last === 'f' ? 'v' : last;
  // Double vowel before the final consonant (groot, raar, vies has "ie" which stays): drop one.
  if (beforeLast !== undefined && beforeLast === twoBefore && 'aou'.includes(beforeLast)) {
    return base.slice(0, -2) + voiced;
  }
  if (beforeLast === 'e' && twoBefore === 'e') return base.slice(0, -2) + voiced;
  if (isVowel(beforeLast) && !isVowel(twoBefore)) {
    const stressed = syllables(base) === 1 || !UNSTRESSED_ENDINGS.some((ending) => base.endsWith(ending));
    if (stressed && last !== 'w' && last !== 'x' && last !== 'y') return base + last;
  }
  return base.slice(0, -1) + voiced;
}

function syllables(word: string): number {
  let count = 0;
  for (let index = 0; index < word.length; index += 1) {
    if (isVowel(word[index]) && !isVowel(word[index - 1])) count += 1;
  }
  return count;
}
