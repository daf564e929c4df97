import { z } from 'zod';
import { isoDateTime } from './common';

// Klanttevredenheid webcare: after a conversation is closed the resident gets one question (1–5) and
// room for a comment, on the channel they used.
export const satisfactionAnswerSchema = z.strictObject({
  score: z
    .number({ error: 'Kies een cijfer van 1 tot 5' })
    .int('Kies een cijfer van 1 tot 5')
    .min(1, 'Kies een cijfer van 1 tot 5')
    .max(5, 'Kies een cijfer van 1 tot 5'),
  comment: z
    .string()
    .trim()
    .max(1_000, 'Hoogstens 1000 tekens')
    .refine((value) => !/<\s*\/?\s*[a-z!]/i.test(value), 'Gebruik gewone tekst, zonder HTML of code')
    .optional(),
});

export const satisfactionViewSchema = z.object({
  municipality: z.string().describe('Naam van de gemeente'),
  channel: z.string().describe('Het kanaal van het gesprek, zoals de inwoner het kent'),
  expiresAt: isoDateTime,
  answered: z.boolean(),
});

export const conversationSatisfactionSchema = z.object({
  surveys: z.array(
    z.object({
      sentAt: isoDateTime,
      expiresAt: isoDateTime,
      answeredAt: isoDateTime.nullable(),
      score: z.number().int().nullable(),
      comment: z.string().nullable(),
      answerIn: z
        .enum(['link', 'gesprek'])
        .describe(
          'Hoe de inwoner antwoordt: met de persoonlijke link (privékanalen; een cijfer als antwoord telt daar ook) of alleen met een cijfer in het gesprek (openbare draad)',
        ),
    }),
  ),
});

export const satisfactionFiguresQuery = z.strictObject({
  municipality: z
    .string()
    .regex(/^GM\d{4}$/, 'Gebruik een CBS-code zoals GM0383')
    .optional(),
  from: z.iso.date('Gebruik een datum als 2026-01-01').optional().describe('Eerste dag (standaard 1 januari van dit jaar)'),
  to: z.iso.date('Gebruik een datum als 2026-12-31').optional().describe('Laatste dag (standaard vandaag)'),
});

const figuresSchema = z.object({
  sent: z.number().int().describe('Vragen verstuurd'),
  responses: z.number().int(),
  average: z.number().nullable().describe('Gemiddeld cijfer (1–5)'),
  satisfiedPct: z.number().nullable().describe('Deel (%) van de antwoorden met een 4 of 5'),
  distribution: z.array(z.number().int()).length(5).describe('Aantal antwoorden per cijfer: 1, 2, 3, 4 en 5'),
});

export const satisfactionFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: figuresSchema,
  agents: z
    .array(figuresSchema.extend({ userId: z.uuid().nullable(), name: z.string() }))
    .describe('Per medewerker die het laatst antwoordde (anders wie het gesprek sloot)'),
  teams: z.array(figuresSchema.extend({ teamId: z.uuid().nullable(), name: z.string() })),
  accounts: z.array(figuresSchema.extend({ accountId: z.uuid(), handle: z.string(), channel: z.string(), municipality: z.string() })),
  comments: z
    .array(z.object({ answeredAt: isoDateTime, score: z.number().int(), comment: z.string(), agent: z.string(), team: z.string(), account: z.string() }))
    .describe('Toelichtingen van inwoners, nieuwste eerst (hoogstens 200)'),
});

export const satisfactionSettingSchema = z.strictObject({ enabled: z.boolean() });
