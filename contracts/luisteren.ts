import { z } from 'zod';
import { isoDateTime } from './common';
import { networkGroupFilterSchema } from './network-groups';

// Luisteren: monitors, the items the pipeline produced, corrections, alerts and author lists.
export const TENORS = ['steun', 'kritiek', 'neutraal', 'gemengd'] as const;
export const tenorSchema = z.enum(TENORS);
export type Tenor = z.infer<typeof tenorSchema>;

const name = z.string().trim().min(1, 'Geef een naam').max(120, 'Een naam heeft hoogstens 120 tekens');

export const monitorCreateSchema = z.strictObject({
  name,
  query: z.string().max(2000, 'Een zoekvraag heeft hoogstens 2000 tekens').describe('Zoekvraag, bijvoorbeeld: (afval OF gft) EN NIET #kerstboom'),
  municipalityId: z.uuid().nullable().default(null).describe('Alleen berichten over deze gemeente; leeg voor de hele organisatie'),
  alertsEnabled: z.boolean().default(true),
  alertEmails: z.array(z.email('Dit is geen e-mailadres').max(254)).max(20).default([]),
});
export const monitorChangeSchema = monitorCreateSchema.partial().strict();

export const monitorSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  query: z.string(),
  municipalityId: z.uuid().nullable(),
  alertsEnabled: z.boolean(),
  alertEmails: z.array(z.string()),
  backfill: z.object({ state: z.enum(['wachtend', 'bezig', 'klaar']), done: z.number().int(), total: z.number().int() }),
  matches: z.number().int().describe('Berichten die nu bij deze monitor horen'),
  updatedAt: isoDateTime,
});
export type Monitor = z.infer<typeof monitorSchema>;

// Filters of Luisteren, also in the address bar of the page.
export const itemFilterSchema = z.strictObject({
  q: z.string().trim().max(200).optional().describe('Zoeken in de tekst (Nederlands, met stamvormen: "lantaarnpalen" vindt "lantaarnpaal")'),
  monitor: z.uuid().optional(),
  bron: z.string().max(30).optional().describe('Kanaal, bijvoorbeeld bluesky of rss'),
  tenor: tenorSchema.optional(),
  van: z.iso.datetime({ offset: true }).optional(),
  tot: z.iso.datetime({ offset: true }).optional(),
  auteur: z.string().max(100).optional(),
  lijst: z.uuid().optional(),
  groep: networkGroupFilterSchema.optional().describe('Alleen berichten van auteurs in deze netwerkgroep; "inwoner" voor wie in geen van de zeven valt'),
  gerucht: z.uuid().optional().describe('Alleen de berichten van dit gerucht, met hun kopieën'),
  gemeente: z.uuid().optional(),
  metPlaats: z.enum(['ja']).optional().describe('Alleen berichten met een plaats'),
  beoordeeld: z.enum(['ja', 'nee']).optional(),
});
export type ItemFilter = z.infer<typeof itemFilterSchema>;

export const itemListQuerySchema = itemFilterSchema.extend({
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const listeningItemSchema = z.object({
  messageId: z.uuid(),
  channel: z.string(),
  municipalityId: z.uuid(),
  author: z.object({ handle: z.string(), name: z.string().nullable(), followers: z.number().int().nullable() }),
  text: z.string(),
  subject: z.string().nullable(),
  postedAt: isoDateTime,
  publicUrl: z.string().nullable(),
  geo: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  language: z.string().nullable(),
  tenor: tenorSchema,
  tenorAuto: tenorSchema,
  tenorSource: z.enum(['lexicon', 'model', 'mens']),
  topic: z.string().nullable(),
  duplicates: z.number().int().describe('Zoveel keer kwam dit bericht nog voor (reposts, kopieën)'),
  reach: z.number().int(),
  simulated: z.boolean(),
  conversationId: z.uuid().nullable(),
});
export type ListeningItem = z.infer<typeof listeningItemSchema>;

export const itemPageSchema = z.object({ items: z.array(listeningItemSchema), nextCursor: z.string().nullable() });

const topic = z.string().trim().min(1).max(60);
export const correctionSchema = z
  .strictObject({ tenor: tenorSchema.optional(), topic: topic.nullable().optional() })
  .refine((body) => body.tenor !== undefined || body.topic !== undefined, 'Geef een tenor of een onderwerp');
export const bulkCorrectionSchema = z
  .strictObject({
    messageIds: z.array(z.uuid()).min(1, 'Kies minstens één bericht').max(500),
    tenor: tenorSchema.optional(),
    topic: topic.nullable().optional(),
  })
  .refine((body) => body.tenor !== undefined || body.topic !== undefined, 'Geef een tenor of een onderwerp');

export const overviewSchema = z.object({
  total: z.number().int(),
  bucket: z.enum(['uur', 'dag']),
  volume: z.array(z.object({ at: isoDateTime, steun: z.number().int(), kritiek: z.number().int(), neutraal: z.number().int(), gemengd: z.number().int() })),
  tenor: z.object({ steun: z.number().int(), kritiek: z.number().int(), neutraal: z.number().int(), gemengd: z.number().int() }),
  topAuthors: z.array(
    z.object({
      handle: z.string(),
      name: z.string().nullable(),
      items: z.number().int(),
      reach: z.number().int(),
      critical: z.number().int(),
      supportive: z.number().int(),
    }),
  ),
  hashtags: z.array(z.object({ tag: z.string(), items: z.number().int() })),
  terms: z.array(z.object({ term: z.string(), items: z.number().int() })),
  shareOfVoice: z.array(z.object({ monitorId: z.uuid(), name: z.string(), items: z.number().int() })),
  places: z.array(z.object({ messageId: z.uuid(), lat: z.number(), lon: z.number(), tenor: tenorSchema, text: z.string() })),
});
export type ListeningOverview = z.infer<typeof overviewSchema>;

export const agreementSchema = z.object({
  periods: z.array(z.object({ from: isoDateTime, reviewed: z.number().int(), agreed: z.number().int(), rate: z.number().nullable() })),
  reviewed: z.number().int(),
  agreed: z.number().int(),
  rate: z.number().nullable().describe('Deel van de beoordeelde berichten waar de automatische tenor klopte (0–1)'),
  model: z.object({ version: z.number().int(), trainedOn: z.number().int(), trainedAt: isoDateTime }).nullable(),
});

export const alertSchema = z.object({
  id: z.uuid(),
  monitorId: z.uuid(),
  monitorName: z.string(),
  kind: z.enum(['piek', 'nieuwsgolf', 'negatief']),
  windowStart: isoDateTime,
  windowEnd: isoDateTime,
  observed: z.number().int(),
  expected: z.number(),
  crisisLike: z.boolean(),
  createdAt: isoDateTime,
  seen: z.boolean(),
  link: z.string().describe('Pad naar de berichten van het signaal in Luisteren'),
});
export type ListeningAlert = z.infer<typeof alertSchema>;

export const authorListCreateSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Geef een naam')
    .max(80)
    .regex(/^[\p{L}\p{N} _-]+$/u, 'Een lijstnaam bestaat uit letters, cijfers, spaties en streepjes'),
  description: z.string().trim().max(300).default(''),
  members: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(100)
        .transform((handle) => handle.replace(/^@/, '').toLowerCase()),
    )
    .max(2000)
    .default([]),
});
export const authorListChangeSchema = authorListCreateSchema.partial().strict();
export const authorListSchema = z.object({ id: z.uuid(), name: z.string(), description: z.string(), members: z.array(z.string()) });
