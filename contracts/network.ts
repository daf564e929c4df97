import { z } from 'zod';
import { isoDateTime } from './common';
import { listeningItemSchema } from './luisteren';
import { networkGroupFilterSchema, networkGroupSchema } from './network-groups';

export * from './network-groups';

// A handle as people type it (@Piet or piet); the network knows it in lower case without the @.
export const authorHandleSchema = z
  .string()
  .trim()
  .min(1, 'Geef een accountnaam')
  .max(100, 'Een accountnaam heeft hoogstens 100 tekens')
  .transform((handle) => handle.replace(/^@+/, '').toLowerCase())
  .refine((handle) => handle.length > 0, 'Geef een accountnaam');
export const authorParams = z.strictObject({ handle: authorHandleSchema });

const period = {
  van: z.iso.datetime({ offset: true }).optional().describe('Begin van de periode; standaard twaalf weken terug'),
  tot: z.iso.datetime({ offset: true }).optional().describe('Einde van de periode (niet meegerekend); standaard nu'),
};

export const networkQuerySchema = z.strictObject({
  groep: networkGroupFilterSchema.optional().describe('Alleen auteurs in deze groep; "inwoner" voor wie in geen van de zeven valt'),
  gemeente: z.uuid().optional(),
  zoek: z.string().trim().max(100).optional().describe('Deel van de naam of accountnaam'),
  ...period,
  weken: z.coerce
    .number()
    .int()
    .min(1, 'Kies 1 tot 104 weken')
    .max(104, 'Kies 1 tot 104 weken')
    .optional()
    .describe('De laatste zoveel weken tot "tot" (of nu); in plaats van "van"'),
  pagina: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type NetworkQuery = z.input<typeof networkQuerySchema>;

const reason = z.object({
  words: z.array(z.string()).describe('De woorden in naam, accountnaam of bio die tot de groep leidden'),
  lists: z.array(z.string()).describe('De lijsten van auteurs die tot de groep leidden'),
});

export const authorGroupSchema = z.object({
  group: networkGroupSchema.nullable().describe('null: betrokken inwoner of onbekend'),
  source: z.enum(['analist', 'automatisch']).nullable(),
  reason,
  note: z.string().nullable(),
  setBy: z.string().nullable().describe('Naam van de analist'),
  setAt: isoDateTime.nullable(),
});
export type AuthorGroup = z.infer<typeof authorGroupSchema>;

const reach = z.object({
  latest: z.number().int().nullable().describe('Volgers bij het nieuwste bericht'),
  max: z.number().int().nullable().describe('Hoogste aantal volgers in de periode'),
});

export const networkAuthorSchema = z.object({
  handle: z.string(),
  name: z.string().nullable(),
  channels: z.array(z.string()),
  group: networkGroupSchema.nullable(),
  source: z.enum(['analist', 'automatisch']).nullable(),
  reach,
  items: z.number().int(),
  critical: z.number().int(),
  supportive: z.number().int(),
  lastSeen: isoDateTime,
});
export type NetworkAuthor = z.infer<typeof networkAuthorSchema>;

export const networkPageSchema = z.object({
  period: z.object({ from: isoDateTime, until: isoDateTime }),
  authors: z.array(networkAuthorSchema),
  total: z.number().int().describe('Auteurs die aan de filters voldoen'),
  page: z.number().int(),
  pageSize: z.number().int(),
  composition: z
    .array(z.object({ group: networkGroupFilterSchema, authors: z.number().int(), items: z.number().int() }))
    .describe('Samenstelling van het netwerk in de periode: auteurs en berichten per groep (zonder het groep- en zoekfilter)'),
  pendingAuthors: z.number().int().describe('Auteurs van wie de automatische indeling nog loopt'),
});
export type NetworkPage = z.infer<typeof networkPageSchema>;

const tenorWeek = z.object({ week: isoDateTime, steun: z.number().int(), kritiek: z.number().int(), neutraal: z.number().int(), gemengd: z.number().int() });

export const authorProfileSchema = z.object({
  handle: z.string(),
  name: z.string().nullable(),
  channels: z.array(z.string()),
  reach,
  items: z.number().int().describe('Alle berichten van deze auteur die Plein kent'),
  firstSeen: isoDateTime,
  lastSeen: isoDateTime,
  tenor: z.object({ steun: z.number().int(), kritiek: z.number().int(), neutraal: z.number().int(), gemengd: z.number().int() }),
  weeks: z
    .array(tenorWeek.extend({ items: z.number().int() }))
    .describe('De laatste twaalf weken (maandag tot maandag, Nederlandse tijd): berichten en tenor per week'),
  lists: z.array(z.object({ id: z.uuid(), name: z.string() })),
  group: authorGroupSchema,
  suggestion: z.object({ group: networkGroupSchema.nullable(), reason }).describe('Wat de automatische indeling nu zou zeggen'),
  recentItems: z.array(listeningItemSchema),
});
export type AuthorProfile = z.infer<typeof authorProfileSchema>;

export const authorGroupChangeSchema = z.strictObject({
  groep: networkGroupSchema.nullable().describe('null haalt de indeling van de analist weg; dan geldt de automatische weer'),
  toelichting: z.string().trim().max(500, 'Een toelichting heeft hoogstens 500 tekens').optional(),
});
