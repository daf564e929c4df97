// Words that change the strength or the direction of the sentiment word that follows them.

// Negators flip what follows within a few words ("niet echt heel goed"). The flip is weaker than the
// opposite word: "niet goed" is milder than "slecht", and "niet slecht" is faint praise at most.
export const NEGATORS: ReadonlyMap<string, number> = new Map([
  ['niet', 1],
  ['geen', 1],
  ['nooit', 1],
  ['niemand', 1],
  ['niets', 1],
  ['niks', 1],
  ['nergens', 1],
  ['allerminst', 1],
  ['geenszins', 1],
  // "nauwelijks overlast", "weinig klachten": less of a bad thing is good news, but only a little.
  ['nauwelijks', 0.6],
  ['amper', 0.6],
  ['weinig', 0.5],
]);

// Negation reaches this many words ahead, until a clause boundary: "niet echt heel goed" is one scope,
// "niet alleen de weg, ook het fietspad is mooi" is cut at the comma.
export const NEGATION_SCOPE = 3;
// Flipping a positive word gives this share of its strength as negative, and vice versa.
export const NEGATED_POSITIVE_FACTOR = 0.8;
export const NEGATED_NEGATIVE_FACTOR = 0.5;

// Multipliers for the next sentiment word. Intensifiers > 1, downtoners < 1.
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['heel', 1.4],
  ['erg', 1.4],
  ['echt', 1.3],
  ['super', 1.6],
  ['zeer', 1.5],
  ['enorm', 1.6],
  ['ontzettend', 1.6],
  ['ontzettende', 1.6],
  ['verschrikkelijk', 1.6],
  ['vreselijk', 1.6],
  ['extreem', 1.6],
  ['uiterst', 1.5],
  ['hartstikke', 1.5],
  ['mega', 1.5],
  ['reuze', 1.4],
  ['onwijs', 1.5],
  ['bijzonder', 1.3],
  ['werkelijk', 1.3],
  ['totaal', 1.4],
  ['helemaal', 1.4],
  ['volstrekt', 1.5],
  ['absoluut', 1.5],
  ['ronduit', 1.5],
  ['echte', 1.3],
  ['zo', 1.2],
  ['zwaar', 1.4],
  ['keihard', 1.4],
  ['veel', 1.2],
  ['steeds', 1.1],
  ['behoorlijk', 1.2],
  ['flink', 1.2],
  ['razend', 1.4],
  // Downtoners.
  ['best', 0.8],
  ['redelijk', 0.7],
  ['vrij', 0.7],
  ['tamelijk', 0.7],
  ['nogal', 0.8],
  ['beetje', 0.5],
  ['enigszins', 0.6],
  ['iets', 0.7],
  ['misschien', 0.7],
]);

// "te" before a positive word usually means too much of it ("te snel", "te groot"), before a negative
// word it strengthens ("te laat", "te vies").
export const EXCESS_WORD = 'te';
export const EXCESS_ON_POSITIVE = -0.8;
export const EXCESS_ON_NEGATIVE = 1.2;

// A problem reported as solved is good news: in "de kapotte lantaarnpaal is binnen twee dagen
// gemaakt" the negative "kapotte" names what was fixed. A resolution word that is not negated keeps this
// share of the negative evidence before it in its clause.
export const RESOLUTION_WORDS: ReadonlySet<string> = new Set([
  'gemaakt',
  'gerepareerd',
  'opgelost',
  'verholpen',
  'hersteld',
  'opgeruimd',
  'weggehaald',
  'vervangen',
  'geleegd',
]);
export const RESOLVED_PROBLEM_FACTOR = 0.3;

// "!" after a clause strengthens that clause by this much per mark, up to three marks.
export const EXCLAMATION_BOOST = 0.15;
export const EXCLAMATION_MAX = 3;

// Words that end a clause as punctuation does: the part after "maar" stands on its own.
export const CLAUSE_BREAKERS: ReadonlySet<string> = new Set(['maar', 'echter', 'alleen', 'toch', 'hoewel', 'ondanks']);

// Accents and emoji variation selectors are folded away before lookup, so "❤️" is looked up as "❤".
export const EMOJI_POLARITY: ReadonlyMap<string, number> = new Map([
  ['😡', -1],
  ['🤬', -1],
  ['😠', -0.9],
  ['😤', -0.7],
  ['🤮', -1],
  ['🤢', -0.8],
  ['💩', -0.8],
  ['👎', -0.9],
  ['🙄', -0.6],
  ['😒', -0.6],
  ['😞', -0.6],
  ['😢', -0.6],
  ['😭', -0.6],
  ['😩', -0.6],
  ['😫', -0.6],
  ['🤦', -0.7],
  ['😱', -0.5],
  ['😖', -0.6],
  ['😔', -0.5],
  ['🤯', -0.5],
  ['💔', -0.7],
  ['😑', -0.4],
  ['🤷', -0.3],
  ['😬', -0.3],
  ['👍', 0.8],
  ['👏', 0.7],
  ['🙏', 0.5],
  ['❤', 0.8],
  ['💚', 0.7],
  ['💙', 0.7],
  ['🧡', 0.7],
  ['💛', 0.7],
  ['😍', 0.9],
  ['🥰', 0.9],
  ['😊', 0.7],
  ['😀', 0.6],
  ['😃', 0.6],
  ['😄', 0.6],
  ['🙂', 0.4],
  ['😁', 0.6],
  ['🎉', 0.7],
  ['🥳', 0.7],
  ['💪', 0.6],
  ['🌟', 0.6],
  ['⭐', 0.5],
  ['🌷', 0.4],
  ['🌻', 0.4],
  ['👌', 0.7],
  ['🤩', 0.9],
  ['☺', 0.6],
  ['😎', 0.4],
]);

export const EMOTICON_POLARITY: ReadonlyMap<string, number> = new Map([
  [':)', 0.7],
  [':-)', 0.7],
  [';)', 0.4],
  [';-)', 0.4],
  [':d', 0.7],
  [':-d', 0.7],
  [':p', 0.3],
  ['<3', 0.8],
  ['(:', 0.7],
  [':(', -0.7],
  [':-(', -0.7],
  [":'(", -0.7],
  [':/', -0.4],
  [':-/', -0.4],
  [':|', -0.3],
  ['):', -0.7],
]);
