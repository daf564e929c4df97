import { z } from 'zod';
import { isoDateTime } from './common';

// Live inbox: who else has a conversation open (and is typing), so two colleagues do not answer the same resident.
export const presenceSchema = z.object({ userId: z.uuid(), name: z.string(), composing: z.boolean().describe('Typt een antwoord'), seenAt: isoDateTime });

export const presenceReportSchema = z.strictObject({
  composing: z.boolean().default(false),
  leaving: z.boolean().optional().describe('De medewerker sluit het gesprek'),
});

export const streamInfoSchema = z.object({ stream: z.string(), hint: z.string() });

// Cases made from a conversation's messages: meldingen and klachten, with their status now.
export const conversationCaseSchema = z.object({
  kind: z.enum(['melding', 'klacht']),
  id: z.uuid(),
  number: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  createdAt: isoDateTime,
});

// Saved inbox views: a name and the filters as they stand in the address bar (weergave, gemeente, toestand, kanaal, zoek).
const VIEW_FILTER_KEYS = ['weergave', 'gemeente', 'toestand', 'kanaal', 'zoek', 'label'] as const;
export const savedViewFiltersSchema = z
  .partialRecord(z.enum(VIEW_FILTER_KEYS), z.string().trim().max(200))
  .refine((filters) => Object.keys(filters).length > 0, 'Kies eerst filters om op te slaan');

export const savedViewSchema = z.object({ id: z.uuid(), name: z.string(), filters: z.record(z.string(), z.string()), createdAt: isoDateTime });

export const savedViewCreateSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Geef de weergave een naam')
    .max(60, 'Hoogstens 60 tekens')
    .refine((value) => !/<\s*\/?\s*[a-z!]/i.test(value), 'Gebruik gewone tekst, zonder HTML of code'),
  filters: savedViewFiltersSchema,
});
