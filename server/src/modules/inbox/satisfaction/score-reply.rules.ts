// Reads a resident's reply to the satisfaction question ("4", "4/5", "vier", "5 sterren", "Een 3. Het duurde
// lang") as a score from 1 to 5 and a comment. Pure: the threading job decides what a reply is to.
//
// It errs on the side of "not a score": a reply read as a score is recorded and does not reopen the
// conversation, so a question mistaken for a score would go unanswered; a score mistaken for a question only
// reopens the conversation for an agent to read. Hence the score must open the message, and a bare number
// ("2") must stand alone, or be followed by punctuation, a new line or a word that judges ("4 prima geholpen"):
// "2 vragen", "3 dagen gewacht", "4 uur" are sentences, not scores. With a scale ("4/5", "4 van 5", "5 sterren")
// or a grade's article ("een 4", "ik geef een 4", "cijfer: 4") the number is clearly a grade and any words may
// follow.

export interface SatisfactionReply {
  score: 1 | 2 | 3 | 4 | 5;
  comment: string | null;
}

const COMMENT_MAX = 1_000;
const NUMBER_WORDS: Record<string, SatisfactionReply['score']> = { een: 1, één: 1, eén: 1, twee: 2, drie: 3, vier: 4, vijf: 5 };
const SCORE = String.raw`(?:[1-5]|één|eén|een|twee|drie|vier|vijf)(?![\p{L}\p{N}])`;

// Greetings and thanks before the score stay in the comment: "Bedankt! 5".
const THANKS =
  /^((?:heel\s+|hartelijk\s+)?(?:bedankt|dank\s*(?:je|u|jullie)?(?:\s*wel)?)(?:\s+(?:voor\s+)?(?:de\s+)?(?:hulp|reactie|het\s+antwoord))?\s*[!.,]*)\s+/iu;
// "ik geef" alone does not make a grade ("ik geef twee voorbeelden"); "een 4", "cijfer: 4" do.
const LEAD_IN = new RegExp(
  String.raw`^(?:ik\s+geef\s+(?:jullie\s+|u\s+|je\s+|het\s+|dit\s+|de\s+gemeente\s+)?|((?:mijn\s+)?(?:cijfer|score|waardering)(?:\s+is)?\s*:?\s*))?((?:een|'n)\s+(?=${SCORE}))?`,
  'iu',
);
const SCORED = new RegExp(
  String.raw`^(${SCORE})(\s*(?:\/|van|uit|op)\s*(?:de\s+)?(?:5|vijf)(?![\p{L}\p{N}]|[.,]\d))?(\s*(?:sterren|ster|punten|punt)(?![\p{L}\p{N}])|\s*(?:⭐\uFE0F?)+)?`,
  'iu',
);
const STARS = /^((?:[⭐★]\uFE0F?){1,5})(?:☆\uFE0F?)*/u;
// Another number right after the score: a decimal ("4,5"), a time ("4:30"), a range ("3-4") or another scale ("4/10").
const NUMBER_GOES_ON = /^\s*(?:[.,:/\-–]\s?\d|(?:\/|van|uit|op)\s*(?:de\s+)?(?:\d|tien))/iu;
// A bare number followed by punctuation, a symbol or a new line (or nothing): "4", "4, prima", "4 👍", "4\nprima".
const STANDS_ALONE = /^(?:\s*$|[ \t]*(?:\r?\n|[^\p{L}\p{N}\s]))/u;
// Words that judge, right after a bare number: "4 prima geholpen", "2 want het duurde lang".
const JUDGES =
  /^\s+(?:prima|goed|top|snel|netjes|keurig|fijn|super|duidelijk|vriendelijk|tevreden|ontevreden|slecht|matig|redelijk|voldoende|uitstekend|perfect|bedankt|dank|dankjewel|dankuwel|helaas|jammer|want|omdat|maar)(?![\p{L}\p{N}])/iu;
const SEPARATORS = /^[\s,.;:!\-–—]+/u;
const MEANINGFUL = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;

// What the resident wrote themselves: quoted mail, the "Op … schreef …:" line under it, a signature.
function ownWords(text: string): string {
  const lines: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const trimmed = line.trim();
    if (/^(?:op\s.{0,200}\sschreef\b|on\s.{0,200}\swrote\b)/i.test(trimmed)) break;
    if (/^-{2,}\s*(?:oorspronkelijk bericht|original message)/i.test(trimmed) || /^--\s*$/.test(trimmed)) break;
    if (/^(?:van|from|verzonden|sent):\s/i.test(trimmed) && lines.length > 0) break;
    if (/^(?:met\s+)?(?:vriendelijke\s+)?groet(?:en|jes)?\b|^mvg\b/i.test(trimmed) && lines.length > 0) break;
    if (trimmed.startsWith('>')) continue;
    lines.push(line);
  }
  return lines.join('\n').trim();
}

function commentOf(...parts: string[]): string | null {
  const comment = parts
    .map((part) =>
      part
        .replace(SEPARATORS, '')
        .replace(/[\s,;:\-–—]+$/u, '')
        .trim(),
    )
    .filter((part) => MEANINGFUL.test(part))
    .join(' ');
  return comment ? [...comment].slice(0, COMMENT_MAX).join('') : null;
}

export function parseSatisfactionReply(text: string): SatisfactionReply | null {
  let rest = ownWords(text.normalize('NFC'))
    // Keycap digits (4️⃣) are digits.
    .replace(/([0-9])\uFE0F?\u20E3/gu, '$1')
    // Replies on Bluesky, X and Mastodon may start with the handles they answer.
    .replace(/^(?:@[\p{L}\p{N}_.@:-]+[\s,:]*)+/u, '')
    .trim();
  let thanks = '';
  const thanked = THANKS.exec(rest);
  if (thanked) {
    thanks = thanked[1]!;
    rest = rest.slice(thanked[0].length);
  }

  const stars = STARS.exec(rest);
  if (stars) {
    const score = [...stars[1]!.replace(/\uFE0F/g, '')].length as SatisfactionReply['score'];
    return { score, comment: commentOf(thanks, rest.slice(stars[0].length)) };
  }

  const [lead, asked, article] = LEAD_IN.exec(rest)!;
  rest = rest.slice(lead.length);
  const scored = SCORED.exec(rest);
  if (!scored) return null;
  const [matched, token, scale, unit] = scored;
  const after = rest.slice(matched.length);
  if (NUMBER_GOES_ON.test(after)) return null;
  if (!asked && !article && !scale && !unit && !STANDS_ALONE.test(after) && !JUDGES.test(after)) return null;
  const score = (NUMBER_WORDS[token!.toLowerCase()] ?? Number(token)) as SatisfactionReply['score'];
  // "1. Wanneer komt … 2. En …": a numbered list, not a score.
  if (score < 5 && new RegExp(String.raw`(?:^|\s)${score + 1}\s*[.)]\s`, 'u').test(after)) return null;
  return { score, comment: commentOf(thanks, after) };
}
