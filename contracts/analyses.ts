import { z } from 'zod';
import { isoDateTime } from './common';
import { tenorSchema } from './luisteren';

// Analyses ("Luisteren, duiden, doen"): TamTam, issue-analyse and reputatie-analyse as documents with the fixed
// sections aanleiding, analyse and advies, drafted from the listening figures and edited by the analyst.
export const ANALYSIS_KINDS = ['tamtam', 'issue', 'reputatie'] as const;
export const analysisKindSchema = z.enum(ANALYSIS_KINDS);
export type AnalysisKind = z.infer<typeof analysisKindSchema>;
export const ANALYSIS_KIND_LABELS: Record<AnalysisKind, string> = { tamtam: 'TamTam', issue: 'Issue-analyse', reputatie: 'Reputatie-analyse' };

// The four fields in which public opinion forms (media, opinion makers, groups, population).
export const FIELDS = ['media', 'opiniemakers', 'groepen', 'bevolking'] as const;
export const fieldSchema = z.enum(FIELDS);
export type Field = z.infer<typeof fieldSchema>;
export const FIELD_LABELS: Record<Field, string> = { media: 'Media', opiniemakers: 'Opiniemakers', groepen: 'Groepen', bevolking: 'Bevolking' };

const tenorCounts = z.object({ steun: z.number().int(), kritiek: z.number().int(), neutraal: z.number().int(), gemengd: z.number().int() });
const person = z.object({
  handle: z.string(),
  name: z.string().nullable(),
  field: fieldSchema,
  items: z.number().int(),
  reach: z.number().int(),
  supportive: z.number().int(),
  critical: z.number().int(),
});
const quote = z.object({
  messageId: z.uuid(),
  author: z.string(),
  field: fieldSchema,
  tenor: tenorSchema,
  text: z.string(),
  reach: z.number().int(),
  publicUrl: z.string().nullable(),
  postedAt: isoDateTime,
});

export const analysisFiguresSchema = z.object({
  generatedAt: isoDateTime,
  total: z.number().int(),
  tenor: tenorCounts,
  previous: z.object({ from: isoDateTime, until: isoDateTime, total: z.number().int(), tenor: tenorCounts }),
  fields: z.array(z.object({ field: fieldSchema, total: z.number().int(), tenor: tenorCounts })),
  supporters: z.array(person),
  critics: z.array(person),
  arguments: z.array(z.object({ term: z.string(), kind: z.enum(['term', 'hashtag']), items: z.number().int(), quotes: z.array(quote) })),
});
export type AnalysisFigures = z.infer<typeof analysisFiguresSchema>;

const title = z.string().trim().min(1, 'Geef een titel').max(160, 'Een titel heeft hoogstens 160 tekens');
const section = z.string().max(20_000, 'Een onderdeel heeft hoogstens 20.000 tekens');
const recipients = z.array(z.email('Dit is geen e-mailadres').max(254)).max(30, 'Hoogstens 30 ontvangers');

export const analysisCreateSchema = z.strictObject({
  kind: analysisKindSchema,
  title: title.optional().describe('Leeg: Plein kiest een titel uit soort, monitor en periode'),
  monitorId: z.uuid().nullable().default(null),
  query: z.string().trim().max(200).nullable().default(null).describe('Zoeken in de tekst, naast of in plaats van een monitor'),
  municipalityId: z.uuid().nullable().default(null),
  from: z.iso.datetime({ offset: true }),
  until: z.iso.datetime({ offset: true }),
  recipients: recipients.default([]),
});

export const analysisChangeSchema = z.strictObject({
  title: title.optional(),
  aanleiding: section.optional(),
  analyse: section.optional(),
  advies: section.optional(),
  status: z.enum(['concept', 'definitief']).optional(),
  recipients: recipients.optional(),
});

export const analysisSendSchema = z.strictObject({ recipients: recipients.min(1, 'Geef minstens één ontvanger').optional() });

export const analysisSummarySchema = z.object({
  id: z.uuid(),
  kind: analysisKindSchema,
  title: z.string(),
  status: z.enum(['concept', 'definitief']),
  from: isoDateTime,
  until: isoDateTime,
  total: z.number().int(),
  scheduled: z.boolean(),
  sentAt: isoDateTime.nullable(),
  updatedAt: isoDateTime,
});
export type AnalysisSummary = z.infer<typeof analysisSummarySchema>;

export const analysisSchema = analysisSummarySchema.extend({
  monitorId: z.uuid().nullable(),
  monitorName: z.string().nullable(),
  query: z.string().nullable(),
  municipalityId: z.uuid().nullable(),
  aanleiding: z.string(),
  analyse: z.string(),
  advies: z.string(),
  figures: analysisFiguresSchema,
  recipients: z.array(z.string()),
  version: z.number().int(),
  sentVersion: z.number().int().nullable(),
});
export type Analysis = z.infer<typeof analysisSchema>;

export const analysisScheduleCreateSchema = z.strictObject({
  kind: analysisKindSchema,
  title: title,
  monitorId: z.uuid().nullable().default(null),
  query: z.string().trim().max(200).nullable().default(null),
  municipalityId: z.uuid().nullable().default(null),
  periodDays: z
    .number()
    .int()
    .min(1, 'Hoogstens 92 en minstens 1 dag')
    .max(92, 'Hoogstens 92 en minstens 1 dag')
    .default(7)
    .describe('De analyse beslaat de dagen vóór het geplande moment'),
  cron: z.string().trim().min(9).max(100).describe('Cron-uitdrukking in Europe/Amsterdam, bijvoorbeeld "0 8 * * 1" (elke maandag 08:00)'),
  recipients: recipients.default([]),
});
export const analysisScheduleChangeSchema = analysisScheduleCreateSchema.partial().strict();

export const analysisScheduleSchema = z.object({
  id: z.uuid(),
  kind: analysisKindSchema,
  title: z.string(),
  monitorId: z.uuid().nullable(),
  query: z.string().nullable(),
  municipalityId: z.uuid().nullable(),
  periodDays: z.number().int(),
  cron: z.string(),
  recipients: z.array(z.string()),
  nextDueAt: isoDateTime,
});
export type AnalysisSchedule = z.infer<typeof analysisScheduleSchema>;
