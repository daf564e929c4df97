import { z } from 'zod';
import { isoDateTime } from './common';
import { findUnknownPlaceholders } from './melding-texts';

// Reageren, the composer's sources: knowledge-base articles (question → answer, contact, link; versioned; for
// one municipality or shared by the organisation) and standard texts for webcare replies with placeholders.

// Placeholders a webcare standard text may hold; the composer fills what it knows, the pre-send check
// refuses whatever is left.
export const REPLY_PLACEHOLDERS = {
  naam: 'de naam van de inwoner, zoals die op het kanaal staat',
  gemeente: 'de naam van de gemeente van het gesprek',
  medewerker: 'uw eigen voornaam',
  initialen: 'uw initialen, zoals ^AB',
} as const;
export type ReplyPlaceholder = keyof typeof REPLY_PLACEHOLDERS;

const noMarkup = (value: string) => !/<\s*\/?\s*[a-z!]/i.test(value);
const plain = (min: number, max: number, empty: string) =>
  z.string().trim().min(min, empty).max(max, `Hoogstens ${max} tekens`).refine(noMarkup, 'Gebruik gewone tekst, zonder HTML of code');
const label = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N} _-]+$/u, 'Een label bestaat uit letters, cijfers, spaties en streepjes');
const link = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s]+$/, 'Een link begint met https:// of http://');
const withKnownPlaceholders = (schema: z.ZodString) =>
  schema.superRefine((value, ctx) => {
    for (const found of findUnknownPlaceholders(value, REPLY_PLACEHOLDERS)) {
      ctx.addIssue({
        code: 'custom',
        message: `Onbekende plaatshouder {${found.name}} op positie ${found.index + 1}. Mogelijk: ${Object.keys(REPLY_PLACEHOLDERS)
          .map((name) => `{${name}}`)
          .join(', ')}`,
      });
    }
  });

export const knowledgeArticleSchema = z.object({
  id: z.uuid(),
  municipalityId: z.uuid().nullable().describe('Leeg: gedeeld door alle gemeenten van de organisatie'),
  version: z.number().int(),
  question: z.string(),
  answer: z.string(),
  contact: z.string().describe('Wie er verder helpt, zoals "Team Belastingen, 14 0251"'),
  link: z.string().nullable(),
  labels: z.array(z.string()),
  archived: z.boolean(),
  updatedAt: isoDateTime,
});
export type KnowledgeArticle = z.infer<typeof knowledgeArticleSchema>;

export const knowledgeArticleVersionSchema = knowledgeArticleSchema.omit({ id: true, updatedAt: true }).extend({
  authorName: z.string(),
  createdAt: isoDateTime,
});
export type KnowledgeArticleVersion = z.infer<typeof knowledgeArticleVersionSchema>;

export const knowledgeArticleCreateSchema = z.strictObject({
  municipalityId: z.uuid().nullable().default(null),
  question: plain(3, 300, 'Schrijf de vraag zoals een inwoner haar stelt'),
  answer: withKnownPlaceholders(plain(1, 5_000, 'Schrijf het antwoord')),
  contact: plain(0, 200, '').default(''),
  link: link.nullable().default(null),
  labels: z.array(label).max(20).default([]),
});

export const knowledgeArticleChangeSchema = z.strictObject({
  municipalityId: z.uuid().nullable().optional(),
  question: knowledgeArticleCreateSchema.shape.question.optional(),
  answer: withKnownPlaceholders(plain(1, 5_000, 'Schrijf het antwoord')).optional(),
  contact: plain(0, 200, '').optional(),
  link: link.nullable().optional(),
  labels: z.array(label).max(20).optional(),
  archived: z.boolean().optional().describe('Gearchiveerd: niet meer te vinden, wel te herstellen'),
});

export const knowledgeSearchQuery = z.strictObject({
  q: z.string().trim().max(500).optional().describe('Zoekwoorden; Nederlandse stamvormen (vergunningen vindt vergunning)'),
  municipalityId: z.uuid().optional().describe('Alleen artikelen van deze gemeente en de gedeelde'),
  archived: z.enum(['ja', 'nee']).default('nee').describe('ja: ook gearchiveerde artikelen (voor beheer)'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const replyTemplateSchema = z.object({
  id: z.uuid(),
  municipalityId: z.uuid().nullable(),
  title: z.string(),
  body: z.string(),
  labels: z.array(z.string()),
  updatedAt: isoDateTime,
});
export type ReplyTemplate = z.infer<typeof replyTemplateSchema>;

export const replyTemplateCreateSchema = z.strictObject({
  municipalityId: z.uuid().nullable().default(null),
  title: plain(1, 120, 'Geef de tekst een korte titel'),
  body: withKnownPlaceholders(plain(1, 2_000, 'Schrijf de tekst')),
  labels: z.array(label).max(20).default([]),
});

export const replyTemplateChangeSchema = z.strictObject({
  municipalityId: z.uuid().nullable().optional(),
  title: replyTemplateCreateSchema.shape.title.optional(),
  body: withKnownPlaceholders(plain(1, 2_000, 'Schrijf de tekst')).optional(),
  labels: z.array(label).max(20).optional(),
});

export const replyTemplateSearchQuery = z.strictObject({
  q: knowledgeSearchQuery.shape.q,
  municipalityId: knowledgeSearchQuery.shape.municipalityId,
  limit: knowledgeSearchQuery.shape.limit,
});

// Utrecht's tone code for webcare: the questions before every public answer.
export const DEFAULT_TONE_QUESTIONS = ['Zou ik dit zo tegen de wethouder zeggen?', 'Zou ik dit zo tegen de pers zeggen?', 'Zou ik dit nu zo zeggen?'];

export const toneCodeSchema = z.object({
  questions: z.array(z.string()),
  isDefault: z.boolean().describe('Nog niet aangepast: de standaardvragen gelden'),
  updatedAt: isoDateTime.nullable(),
});
export type ToneCode = z.infer<typeof toneCodeSchema>;

export const toneCodeChangeSchema = z.strictObject({
  questions: z
    .array(plain(3, 200, 'Schrijf de vraag'))
    .min(1, 'Geef ten minste één vraag')
    .max(10, 'Hoogstens tien vragen'),
});
