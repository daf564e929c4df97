import { z } from 'zod';
import { isoDateTime } from './common';

// Geruchten (PRODUCT.md L6): a rumour in Luisteren, its verification checklist, the official correction and
// the spread of both over time.
export const RUMOUR_STATUSES = ['onderzoeken', 'bevestigd', 'ontkracht', 'onbeslist'] as const;
export const rumourStatusSchema = z.enum(RUMOUR_STATUSES);
export type RumourStatus = z.infer<typeof rumourStatusSchema>;

// The four questions of the verification checklist (First Draft / Bellingcat practice).
export const CHECKLIST_STEPS = ['author', 'time', 'context', 'satire'] as const;
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];

const title = z.string().trim().min(1, 'Geef het gerucht een titel').max(200, 'Een titel heeft hoogstens 200 tekens');
const note = z.string().trim().max(2000, 'Een notitie heeft hoogstens 2000 tekens');
const correctionUrl = z
  .url({ protocol: /^https?$/, error: 'Geef een webadres dat met http:// of https:// begint' })
  .max(2000, 'Een webadres heeft hoogstens 2000 tekens');

const checkSchema = z.object({ checked: z.boolean(), note: z.string() });
const checkChangeSchema = z.strictObject({ checked: z.boolean().optional(), note: note.optional() });

export const rumourCreateSchema = z.strictObject({
  messageId: z.uuid('Kies het bericht waar het gerucht mee begint'),
  title: title.optional().describe('Leeg: het begin van de tekst van het bericht'),
});

export const rumourChangeSchema = z
  .strictObject({
    title: title.optional(),
    status: rumourStatusSchema.optional(),
    checklist: z
      .strictObject({
        author: checkChangeSchema.optional(),
        time: checkChangeSchema.optional(),
        context: checkChangeSchema.optional(),
        satire: checkChangeSchema.optional(),
      })
      .optional(),
    correctionMessageId: z
      .uuid('Dit is geen bericht-id')
      .nullable()
      .optional()
      .describe('Het officiële bericht dat het gerucht rechtzet (een eigen bericht of een item)'),
    correctionUrl: correctionUrl.nullable().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'Geef minstens één wijziging');
export type RumourChange = z.infer<typeof rumourChangeSchema>;

export const rumourListQuerySchema = z.strictObject({
  bericht: z.uuid('Dit is geen bericht-id').optional().describe('Alleen geruchten waar dit bericht (of het origineel waarvan het een kopie is) bij hoort'),
});

export const rumourMessagesAddSchema = z.strictObject({
  messageIds: z.array(z.uuid('Dit is geen bericht-id')).min(1, 'Kies minstens één bericht').max(100, 'Hoogstens 100 berichten tegelijk'),
});

// Finding the official correction by what it says, instead of pasting an id: own posts and items alike.
export const correctionSearchQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .min(2, 'Zoek op minstens twee tekens')
    .max(200, 'Zoek op hoogstens 200 tekens')
    .describe('Woorden uit de rechtzetting (Nederlandse zoekvorm: "zinnen", -uitsluiten, OR)'),
});

const messageRef = z.object({
  messageId: z.uuid(),
  author: z.string(),
  text: z.string(),
  postedAt: isoDateTime,
  channel: z.string(),
  publicUrl: z.string().nullable(),
});

export const rumourSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: rumourStatusSchema,
  origin: messageRef.nullable(),
  checklist: z.object({ author: checkSchema, time: checkSchema, context: checkSchema, satire: checkSchema }),
  correction: z.object({ message: messageRef.extend({ direction: z.enum(['in', 'uit']) }).nullable(), url: z.string().nullable() }),
  messages: z.number().int().describe('Berichten van het gerucht, met reposts en kopieën'),
  createdBy: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Rumour = z.infer<typeof rumourSchema>;

export const rumourDetailSchema = rumourSchema.extend({
  bucket: z.enum(['uur', 'dag']),
  spread: z
    .array(z.object({ at: isoDateTime, rumour: z.number().int(), correction: z.number().int() }))
    .describe('Per uur of dag: berichten van het gerucht en van de rechtzetting'),
  totals: z.object({
    rumour: z.number().int(),
    copies: z.number().int().describe('Reposts en kopieën van de gekoppelde berichten'),
    correction: z.number().int(),
    reach: z.number().int().describe('Volgers van de auteurs van de berichten van het gerucht, opgeteld'),
  }),
  correctionAheadAt: isoDateTime.nullable().describe('Het eerste uur of de eerste dag waarin de rechtzetting vaker voorkwam dan het gerucht'),
  linked: z.array(messageRef.extend({ origin: z.boolean(), copies: z.number().int() })).describe('De gekoppelde berichten'),
  newest: z.array(messageRef.extend({ copyOf: z.uuid().nullable() })).describe('De nieuwste berichten van het gerucht, met kopieën'),
});
export type RumourDetail = z.infer<typeof rumourDetailSchema>;

export const correctionCandidateSchema = messageRef.extend({ direction: z.enum(['in', 'uit']) });
export type CorrectionCandidate = z.infer<typeof correctionCandidateSchema>;
