import { NEGATORS } from './modifiers.data';
import { buildMunicipalSupplement } from './municipal-supplement.data';
import { loadPatternAdjectives, loadPatternNegations } from './pattern-nl.data';

// The compiled lexicon: one Map for single words and, for phrases, a Map from the first word to the
// phrases starting with it (longest first), so a lookup per token is one or two Map hits. Built once,
// on first use, and shared by every call.
export interface Phrase {
  rest: string[];
  polarity: number;
}

export interface CompiledLexicon {
  words: ReadonlyMap<string, number>;
  phrasesByFirstWord: ReadonlyMap<string, readonly Phrase[]>;
  negators: ReadonlyMap<string, number>;
}

let compiled: CompiledLexicon | undefined;

export function loadLexicon(): CompiledLexicon {
  compiled ??= compileLexicon();
  return compiled;
}

function compileLexicon(): CompiledLexicon {
  const words = loadPatternAdjectives();
  const phrasesByFirstWord = new Map<string, Phrase[]>();
  for (const { words: phraseWords, polarity } of buildMunicipalSupplement()) {
    const [first, ...rest] = phraseWords;
    if (first === undefined) continue;
    if (rest.length === 0) {
      words.set(first, polarity);
      continue;
    }
    const list = phrasesByFirstWord.get(first) ?? [];
    list.push({ rest, polarity });
    phrasesByFirstWord.set(first, list);
  }
  for (const list of phrasesByFirstWord.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  // A neutral entry only exists to silence Pattern NL; drop it so the scorer sees "no sentiment".
  for (const [word, polarity] of words) if (polarity === 0) words.delete(word);
  const negators = new Map(NEGATORS);
  for (const word of loadPatternNegations()) if (!negators.has(word) && word.length > 3) negators.set(word, 1);
  return { words, phrasesByFirstWord, negators };
}
