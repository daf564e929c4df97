import { z } from 'zod';
import { channelSchema } from './channels';
import { isoDateTime } from './common';

// Misbruik in the webcare inbox: a message marked as abuse goes into the agressieregister (a copy, as it
// was), the conversation gets no public reply any more, and its author can be blocked on the account.
export const ABUSE_ACTIONS = ['waarschuwing', 'blokkeren', 'aangifte'] as const;
export const abuseActionSchema = z.enum(ABUSE_ACTIONS);
export type AbuseAction = z.infer<typeof abuseActionSchema>;
export const ABUSE_ACTION_LABELS: Record<AbuseAction, string> = {
  waarschuwing: 'Waarschuwing',
  blokkeren: 'Blokkeren',
  aangifte: 'Aangifte',
};

const noMarkup = (value: string) => !/<\s*\/?\s*[a-z!]/i.test(value);
const cbsCode = z.string().regex(/^GM\d{4}$/, 'Gebruik een CBS-code zoals GM0383');

export const abuseReportSchema = z.strictObject({
  messageId: z.uuid({ error: 'Kies het bericht dat u meldt' }).describe('Het bericht van de inwoner in dit gesprek'),
  actions: z.array(abuseActionSchema).max(ABUSE_ACTIONS.length).default([]).describe('Wat is of wordt gedaan; leeg: alleen geregistreerd'),
  note: z.string().trim().max(2_000).refine(noMarkup, 'Gebruik gewone tekst, zonder HTML of code').optional(),
  blockUntil: isoDateTime.optional().describe('Bij blokkeren: tot wanneer; zonder: tot iemand de blokkade opheft'),
});

export const aggressionEntrySchema = z.object({
  id: z.uuid(),
  postedAt: isoDateTime.describe('Wanneer het bericht geplaatst is'),
  recordedAt: isoDateTime,
  channel: channelSchema,
  accountId: z.uuid(),
  accountHandle: z.string(),
  municipality: z.string().describe('CBS-code'),
  municipalityName: z.string(),
  conversationId: z.uuid().nullable(),
  messageId: z.uuid(),
  text: z.string().describe('De tekst zoals die was toen het bericht gemeld werd'),
  publicUrl: z.string().nullable(),
  author: z.object({ id: z.string(), handle: z.string(), displayName: z.string().nullable() }),
  actions: z.array(abuseActionSchema),
  note: z.string().nullable(),
  recordedBy: z.string(),
});
export type AggressionEntry = z.infer<typeof aggressionEntrySchema>;

export const authorBlockSchema = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  authorId: z.string(),
  authorHandle: z.string(),
  reason: z.string(),
  until: isoDateTime.nullable(),
  active: z.boolean(),
  createdAt: isoDateTime,
  createdBy: z.string(),
});
export type AuthorBlock = z.infer<typeof authorBlockSchema>;

export const conversationAbuseSchema = z.object({
  entries: z.array(aggressionEntrySchema).describe('Berichten uit dit gesprek in het agressieregister'),
  publicReplyAllowed: z.boolean().describe('Onwaar zodra een bericht als misbruik gemeld is'),
  block: authorBlockSchema.nullable().describe('De blokkade van deze afzender op dit account'),
});

export const aggressionRegisterQuery = z.strictObject({
  municipality: cbsCode.optional(),
  from: z.iso.date('Gebruik een datum als 2026-01-01').optional().describe('Eerste dag (standaard 1 januari van dit jaar)'),
  to: z.iso.date('Gebruik een datum als 2026-12-31').optional().describe('Laatste dag (standaard vandaag)'),
});

export const aggressionRegisterSchema = z.object({
  from: z.string(),
  to: z.string(),
  count: z.number().int(),
  actions: z.record(abuseActionSchema, z.number().int()).describe('Hoe vaak elke maatregel genomen is'),
  items: z.array(aggressionEntrySchema),
});

export const authorBlockListQuery = z.strictObject({
  accountId: z.uuid().optional(),
});
