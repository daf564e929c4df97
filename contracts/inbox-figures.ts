import { z } from 'zod';

// Webcare figures per account, municipality and period, as the dashboards and the almanac use them.
export const conversationFiguresQuery = z.strictObject({
  municipality: z
    .string()
    .regex(/^GM\d{4}$/, 'Gebruik een CBS-code zoals GM0383')
    .optional(),
  accountId: z.uuid().optional(),
  from: z.iso.date('Gebruik een datum als 2026-01-01').optional().describe('Eerste dag (standaard 1 januari van dit jaar)'),
  to: z.iso.date('Gebruik een datum als 2026-06-30').optional().describe('Laatste dag (standaard vandaag)'),
});

const durationSchema = z.object({
  count: z.number().int().describe('Gesprekken met een eerste reactie (of afgesloten)'),
  averageMinutes: z.number().nullable(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable().describe('90% was sneller dan dit'),
  withinNormPct: z.number().nullable().describe('Deel (%) binnen de norm van het account; open gesprekken tellen mee zodra hun norm verstreken is'),
});

export const conversationFiguresSchema = z.object({
  conversations: z.number().int(),
  firstResponse: durationSchema,
  resolution: durationSchema,
  messagesSent: z.number().int().describe('Alles wat het account verstuurde: berichten en antwoorden'),
  repliesSent: z.number().int(),
  interactionPct: z.number().nullable().describe('Antwoorden ÷ alle verstuurde berichten van het account (almanak, Tabel 10)'),
});

export const conversationFiguresReportSchema = z.object({
  municipalities: z.array(z.string()),
  from: z.string(),
  to: z.string(),
  total: conversationFiguresSchema,
  accounts: z.array(conversationFiguresSchema.extend({ accountId: z.uuid(), handle: z.string(), channel: z.string(), municipality: z.string() })),
});
