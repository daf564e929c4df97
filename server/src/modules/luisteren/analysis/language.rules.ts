import { detectAll } from 'tinyld';
import { tokenize, URL_OR_MENTION } from './tokenize.rules';

// Language of a post as ISO 639-1, or null when the text is too short or the evidence too thin.
//
// Two stages, because tinyld costs ~100 µs a post and the pipeline's budget is ~75 µs for everything:
// 1. function words: most posts a Dutch municipality sees are Dutch, English or German, and a few
//    function words ("de", "het", "niet", "the", "und") settle those in a couple of microseconds;
// 2. tinyld's n-gram profiles for everything else (other scripts, other languages, unclear cases).

// Frequent, short function words per language. A word in several lists counts for each, divided by
// how many lists hold it ("de" is Dutch and French, "in" Dutch, English and German).
const FUNCTION_WORDS: Record<string, string> = {
  nl: `de het een en van is dat niet op te in voor met zijn er maar om ook als bij nog wel naar uit dan
    al wat hebben heeft was wordt worden deze die dit geen weer hier kan moet gaat onze ons jullie u uw ik je
    jij we wij mijn zij hun hoe waarom wanneer waar nu toch zo heel echt erg weet doet niks niets iets
    gemeente straat ze na wie mee gaan ga komt komen morgen vandaag gisteren gewoon alle alles veel meer over door
    tot tegen onder omdat want dus zou zal heb ben hoor nou even wij jullie welke waarom graag bedankt`,
  en: `the a an and of to is are was were be been it this that these those not no for with on at by from
    you your we our they their he she his her my what when where why how which who will would can could
    should have has had do does did just about there here very really in`,
  de: `der die das und ist nicht ein eine einen dem den des zu mit auf für von sich auch es ich wir ihr sie
    sind wird werden war noch schon aber oder wenn wie was wo warum sehr hier jetzt kein keine straße in im`,
  fr: `le la les un une des et est sont ne pas pour dans sur avec par du au aux ce cette ces qui que quoi
    nous vous ils elles je tu il elle très mais ou donc car encore toujours rue`,
  tr: `ve bir bu ile için çok ne mi mı mu mü ama gibi daha var yok ben sen biz siz onlar olarak
    değil kadar sonra şey yine`,
  pl: `i w z na nie się do to że jest jak co ale o od po za czy przez tak już jeszcze bardzo może są był
    była będzie tylko gdzie kiedy dlaczego znowu`,
};

const SCRIPT_LANGUAGES: ReadonlyArray<{ pattern: RegExp; language: string }> = [
  { pattern: /\p{Script=Hangul}/gu, language: 'ko' },
  { pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu, language: 'ja' },
  { pattern: /\p{Script=Greek}/gu, language: 'el' },
  { pattern: /\p{Script=Hebrew}/gu, language: 'he' },
  { pattern: /\p{Script=Thai}/gu, language: 'th' },
];

// Weights per word and language, built once.
const weights = new Map<string, Map<string, number>>();
for (const [language, list] of Object.entries(FUNCTION_WORDS)) {
  for (const word of tokenize(list)) {
    const perLanguage = weights.get(word) ?? new Map<string, number>();
    perLanguage.set(language, 1);
    weights.set(word, perLanguage);
  }
}
for (const perLanguage of weights.values()) for (const language of perLanguage.keys()) perLanguage.set(language, 1 / perLanguage.size);

// Function-word decision: the leader needs this share of the words and this lead over the runner-up.
const MIN_FUNCTION_SHARE = 0.2;
const MIN_LEAD = 2;
// Fewer words than this is too little to say, unless the script or the function words are unambiguous.
const MIN_WORDS = 3;
// tinyld's own score for the top language below this is a guess.
const MIN_TINYLD_ACCURACY = 0.1;

const LETTER = /\p{L}/u;

export function detectLanguage(text: string): string | null {
  const withoutLinks = text.replace(URL_OR_MENTION, ' ').replace(/#/g, ' ');
  if (!LETTER.test(withoutLinks)) return null;
  const script = scriptLanguage(withoutLinks);
  if (script !== undefined) return script;
  const words = tokenize(withoutLinks).filter((word) => LETTER.test(word));
  if (words.length === 0) return null;

  const byFunctionWords = languageByFunctionWords(words);
  if (byFunctionWords !== undefined) return byFunctionWords;
  if (words.length < MIN_WORDS) return null;
  return languageByTinyld(withoutLinks);
}

function scriptLanguage(text: string): string | null | undefined {
  // Arabic script also writes Persian and Urdu; tinyld tells them apart.
  if (/\p{Script=Arabic}/u.test(text) || /\p{Script=Cyrillic}/u.test(text)) return languageByTinyld(text) ?? null;
  if (/\p{Script=Han}/u.test(text)) return /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text) ? 'ja' : 'zh';
  for (const { pattern, language } of SCRIPT_LANGUAGES) {
    pattern.lastIndex = 0;
    if (pattern.test(text)) return language;
  }
  return undefined;
}

function languageByFunctionWords(words: readonly string[]): string | undefined {
  const scores = new Map<string, number>();
  for (const word of words) {
    const perLanguage = weights.get(word);
    if (!perLanguage) continue;
    for (const [language, weight] of perLanguage) scores.set(language, (scores.get(language) ?? 0) + weight);
  }
  let leader: string | undefined;
  let leaderScore = 0;
  let runnerUpScore = 0;
  for (const [language, score] of scores) {
    if (score > leaderScore) {
      runnerUpScore = leaderScore;
      leaderScore = score;
      leader = language;
    } else if (score > runnerUpScore) runnerUpScore = score;
  }
  if (leader === undefined || leaderScore < 1.5) return undefined;
  if (leaderScore / words.length < MIN_FUNCTION_SHARE) return undefined;
  if (leaderScore < MIN_LEAD * runnerUpScore) return undefined;
  return leader;
}

// The languages a Dutch municipality's residents, visitors and neighbours write in. tinyld's ranking is
// read past languages no one here writes ("ber" for a short Dutch question); its own `only` option
// does the same but costs five times as much.
const PLAUSIBLE_LANGUAGES = new Set([
  'nl',
  'en',
  'de',
  'fr',
  'tr',
  'ar',
  'pl',
  'es',
  'it',
  'pt',
  'ro',
  'bg',
  'uk',
  'ru',
  'fy',
  'so',
  'ti',
  'fa',
  'ur',
  'hi',
  'zh',
  'ja',
  'ko',
  'el',
  'he',
  'th',
  'hu',
  'cs',
  'sk',
  'sv',
  'da',
  'no',
  'fi',
  'lt',
  'lv',
  'hr',
  'sr',
  'af',
  'id',
  'vi',
  'ku',
  'am',
  'ps',
]);

function languageByTinyld(text: string): string | null {
  const ranked = detectAll(text).filter((candidate) => PLAUSIBLE_LANGUAGES.has(candidate.lang));
  const top = ranked[0];
  if (!top || top.accuracy < MIN_TINYLD_ACCURACY) return null;
  // tinyld takes short Dutch for Afrikaans; an Afrikaans post about a Dutch municipality is rarer still.
  if (top.lang === 'af' && ranked.slice(1, 3).some((candidate) => candidate.lang === 'nl')) return 'nl';
  return top.lang;
}
