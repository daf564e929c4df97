import { z } from 'zod';
import { CHANNEL_CAPABILITIES, checkLength, type LengthCheck, splitIntoThread } from './channel-limits';
import type { Channel } from './channels';
import { findPlaceholders } from './melding-texts';

// Pre-send checks for a webcare reply. The composer runs them while the agent types and the server runs the
// same ones before it queues the reply: blocking problems stop the reply, warnings must be confirmed.

export interface ReplyProblem {
  code: string;
  message: string;
  // The input it concerns, when not the text: errors appear next to the field they concern.
  field?: 'media';
}

export interface ReplyCheck {
  blocking: ReplyProblem[];
  warnings: ReplyProblem[];
  length: LengthCheck;
  // What will be sent: one text, or a numbered thread (1/3) where the channel allows it.
  parts: string[];
}

export interface ReplyCheckInput {
  channel: Channel;
  text: string;
  // Whether residents other than the one asking will see the reply.
  public: boolean;
  // Images going with the reply (with the first part of a thread), each with its alt text.
  images?: { altText: string }[];
}

// Words that promise what the organisation may not be able to keep ("only answer when 100% sure"). Matched
// as whole words, case-insensitively; the warning names the word so the agent can rephrase.
export const PROMISE_WORDS = [
  'beloven',
  'beloof',
  'beloofd',
  'belofte',
  'zeker weten',
  'gegarandeerd',
  'garanderen',
  'garandeer',
  'garantie',
  'altijd',
  'nooit',
  'morgen geregeld',
  'vandaag nog',
  'direct opgelost',
  'meteen opgelost',
  'zo opgelost',
  'honderd procent',
  '100%',
];

const letter = '\\p{L}\\p{N}';
const promisePattern = new RegExp(
  `(?<![${letter}])(${PROMISE_WORDS.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})(?![${letter}])`,
  'giu',
);

export function findPromiseWords(text: string): string[] {
  return [...new Set([...text.matchAll(promisePattern)].map((match) => match[1]!.toLowerCase().replace(/\s+/g, ' ')))];
}

// The elfproef: a BSN's nine digits weighted 9…2 and −1 sum to a multiple of 11. Other nine-digit numbers
// (case numbers, phone numbers without their 0) are left alone.
export function passesElfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || digits === '000000000') return false;
  const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * (index === 8 ? -1 : 9 - index), 0);
  return sum % 11 === 0;
}

// Personal data that does not belong in a public reply. Phone numbers: only mobile ones; the organisation's
// own numbers (14 0251, the town hall's landline) are what a public answer should give.
const PERSONAL_DATA: { code: string; what: string; pattern: RegExp; accept?: (match: string) => boolean }[] = [
  { code: 'e-mailadres', what: 'een e-mailadres', pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu },
  { code: 'telefoonnummer', what: 'een mobiel telefoonnummer', pattern: /(?<![\d+])(?:\+31|0031|0)[\s-]?6(?:[\s-]?\d){8}(?!\d)/g },
  {
    code: 'adres',
    what: 'een postcode met huisnummer',
    pattern: /(?<!\d)[1-9]\d{3}\s?[A-Z]{2}(?![\p{L}])[\s,]+\d{1,5}(?!\d)|(?<!\d)\d{1,5}[a-zA-Z]?,?\s+[1-9]\d{3}\s?[A-Z]{2}(?!\p{L})/gu,
  },
  {
    code: 'adres',
    what: 'een straat met huisnummer',
    pattern: /\p{Lu}\p{Ll}+(?:straat|laan|weg|plein|gracht|kade|dijk|singel|hof|steeg|pad)\s+\d{1,5}(?!\d)/gu,
  },
  {
    code: 'bsn',
    what: 'een nummer dat op een BSN lijkt',
    pattern: /(?<!\d|\d\.)(?:\d{9}|\d{4}\.\d{2}\.\d{3})(?!\.?\d)/g,
    accept: (match) => passesElfproef(match.replace(/\./g, '')),
  },
];

export function findPersonalData(text: string): { code: string; what: string }[] {
  const found = new Map<string, { code: string; what: string }>();
  for (const kind of PERSONAL_DATA) {
    for (const match of text.matchAll(kind.pattern)) {
      if ((!kind.accept || kind.accept(match[0])) && !found.has(kind.code)) found.set(kind.code, { code: kind.code, what: kind.what });
    }
  }
  return [...found.values()];
}

// The same personal data blanked out, for texts that are published as they are (Open311 lists meldingen): what a
// resident typed into a description may hold their phone number or e-mail address, and no one checks it first.
export function redactPersonalData(text: string, replacement = '[weggelaten]'): string {
  let redacted = text;
  for (const kind of PERSONAL_DATA) redacted = redacted.replace(kind.pattern, (match) => (!kind.accept || kind.accept(match) ? replacement : match));
  return redacted;
}

// Images the channel cannot carry in an answer are refused before sending, in words the agent can act on.
function imageProblems(channel: Channel, images: { altText: string }[]): ReplyProblem[] {
  if (images.length === 0) return [];
  const { label, media } = CHANNEL_CAPABILITIES[channel];
  if (!media.inReplies) {
    return [
      {
        field: 'media',
        code: 'afbeelding-niet-mogelijk',
        message: `Via ${label} kan Plein geen afbeelding bij een antwoord meesturen. Haal de afbeelding weg of verwijs met een link naar de informatie.`,
      },
    ];
  }
  const problems: ReplyProblem[] = [];
  if (images.length > media.maxImages)
    problems.push({ field: 'media', code: 'te-veel-afbeeldingen', message: `${label} staat hoogstens ${media.maxImages} afbeeldingen toe.` });
  if (images.some((image) => !image.altText.trim())) {
    problems.push({
      field: 'media',
      code: 'alt-tekst-ontbreekt',
      message: 'Geef elke afbeelding een alt-tekst: wat staat erop, voor wie de afbeelding niet kan zien.',
    });
  }
  if (media.altTextMax !== null && images.some((image) => [...image.altText].length > media.altTextMax!)) {
    problems.push({ field: 'media', code: 'alt-tekst-te-lang', message: `Een alt-tekst mag op ${label} hoogstens ${media.altTextMax} tekens zijn.` });
  }
  return problems;
}

export function checkReply(input: ReplyCheckInput): ReplyCheck {
  const capabilities = CHANNEL_CAPABILITIES[input.channel];
  const blocking: ReplyProblem[] = [];
  const warnings: ReplyProblem[] = [];
  const unfilled = [...new Set(findPlaceholders(input.text).map((found) => `{${found.name}}`))];
  if (unfilled.length > 0) {
    blocking.push({
      code: 'plaatshouder-niet-ingevuld',
      message: `Vul de plaatshouder${unfilled.length > 1 ? 's' : ''} ${unfilled.join(', ')} in voordat u verstuurt.`,
    });
  }
  const length = checkLength(input.channel, input.text);
  if (!length.fits && !capabilities.threads) {
    blocking.push({
      code: 'tekst-te-lang',
      message: `Het antwoord is ${length.length} tekens; ${capabilities.label} staat er ${length.max} toe en kent geen draad. Maak het korter.`,
    });
  }
  blocking.push(...imageProblems(input.channel, input.images ?? []));
  const promises = findPromiseWords(input.text);
  if (promises.length > 0) {
    warnings.push({ code: 'belofte', message: `Belofte: ${promises.map((word) => `"${word}"`).join(', ')}. Beloof alleen wat de gemeente zeker waarmaakt.` });
  }
  if (input.public) {
    const advice = capabilities.direct ? 'Antwoord privé (direct bericht)' : 'Haal het weg of antwoord via een ander kanaal';
    for (const found of findPersonalData(input.text)) {
      warnings.push({ code: `persoonsgegevens-${found.code}`, message: `Dit openbare antwoord bevat ${found.what}. ${advice}.` });
    }
  }
  const parts = length.fits || !capabilities.threads ? [input.text] : splitIntoThread(input.channel, input.text);
  return { blocking, warnings, length, parts };
}

// Initials as the user's name gives them ("Bea Beheer" → "BB"; "Jan van der Berg" → "JB"), for users whose
// profile has none; the same rule the server uses when it creates a user.
export function deriveInitials(name: string): string {
  return name
    .split(/\s+/)
    .filter((part) => /^\p{Lu}/u.test(part))
    .map((part) => part[0])
    .join('')
    .slice(0, 4);
}

// Webcare signs with the agent's initials after a caret (^AB), so residents know who answered.
export function formatSignature(initials: string): string {
  return `^${initials}`;
}

export function withSignature(text: string, initials: string): string {
  const trimmed = text.trimEnd();
  return initials ? `${trimmed} ${formatSignature(initials)}` : trimmed;
}

export const replyProblemSchema = z.object({ code: z.string(), message: z.string() });

// An image in a reply: uploaded for this conversation first (POST …/reply-images), then named by its id.
export const replyMediaSchema = z
  .array(
    z.strictObject({
      imageId: z.uuid(),
      altText: z
        .string()
        .trim()
        .min(1, 'Geef de afbeelding een alt-tekst: wat staat erop, voor wie de afbeelding niet kan zien')
        .max(2_000, 'Een alt-tekst is hoogstens 2000 tekens'),
    }),
  )
  .max(10)
  .describe('Afbeeldingen bij het antwoord, elk met alt-tekst; gaan mee met het eerste deel');

export const replyCheckRequestSchema = z.strictObject({
  text: z.string().max(10_000),
  private: z.boolean().optional().describe('Privé antwoorden in plaats van openbaar'),
  media: replyMediaSchema.optional(),
});

export const replyCheckResultSchema = z.object({
  blocking: z.array(replyProblemSchema).describe('Problemen die versturen tegenhouden'),
  warnings: z.array(replyProblemSchema).describe('Waarschuwingen; versturen kan met confirmedWarnings: true'),
  toneQuestions: z.array(z.string()).describe('De toonvragen van de organisatie, om af te vinken'),
  length: z.object({ length: z.number().int(), max: z.number().int().nullable(), fits: z.boolean() }),
  parts: z.array(z.string()).describe('Wat er verstuurd wordt: één tekst of een genummerde draad'),
  public: z.boolean().describe('Of het antwoord openbaar te zien is'),
});
export type ReplyCheckResult = z.infer<typeof replyCheckResultSchema>;
