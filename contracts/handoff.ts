import { z } from 'zod';
import { isoDateTime } from './common';
import { conversationReplySchema } from './inbox';

// Overdracht: a conversation handed to another account of the organisation (its team takes over) or to an
// outside partner who answers through a secret link, without an account.
const noMarkup = (value: string) => !/<\s*\/?\s*[a-z!]/i.test(value);
const plainText = (max: number) => z.string().trim().max(max, `Hoogstens ${max} tekens`).refine(noMarkup, 'Gebruik gewone tekst, zonder HTML of code');

export const HANDOFF_STATUSES = ['overgedragen', 'verstuurd', 'geopend', 'in-behandeling', 'afgehandeld', 'teruggegeven'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];
export const HANDOFF_STATUS_LABELS: Record<HandoffStatus, string> = {
  overgedragen: 'Overgedragen',
  verstuurd: 'Verstuurd',
  geopend: 'Geopend',
  'in-behandeling': 'In behandeling',
  afgehandeld: 'Afgehandeld',
  teruggegeven: 'Teruggegeven',
};
// Still waiting for the partner's answer.
export const OPEN_HANDOFF_STATUSES: readonly HandoffStatus[] = ['verstuurd', 'geopend', 'in-behandeling'];

// Partners, per organisation under Beheer.
export const handoffPartnerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  municipalityId: z.uuid().nullable().describe('Alleen voor deze gemeente; null: voor alle gemeenten'),
  answerDays: z.number().int().describe('Werkdagen waarin de partner antwoordt; daarna staat de overdracht bij "te laat"'),
  createdAt: isoDateTime,
});
export type HandoffPartner = z.infer<typeof handoffPartnerSchema>;

export const handoffPartnerCreateSchema = z.strictObject({
  name: plainText(120).pipe(z.string().min(1, 'Vul de naam van de partner in')),
  email: z.string().trim().pipe(z.email('Vul een geldig e-mailadres in').max(254)),
  municipalityId: z.uuid().nullable().default(null),
  answerDays: z
    .number({ error: 'Vul een aantal werkdagen in' })
    .int('Een heel aantal werkdagen')
    .min(1, 'Minstens 1 werkdag')
    .max(60, 'Hoogstens 60 werkdagen')
    .default(5),
});

export const handoffPartnerChangeSchema = z.strictObject({
  name: handoffPartnerCreateSchema.shape.name.optional(),
  email: handoffPartnerCreateSchema.shape.email.optional(),
  municipalityId: z.uuid().nullable().optional(),
  answerDays: z
    .number({ error: 'Vul een aantal werkdagen in' })
    .int('Een heel aantal werkdagen')
    .min(1, 'Minstens 1 werkdag')
    .max(60, 'Hoogstens 60 werkdagen')
    .optional(),
});

// A hand-off as the agent asks for it.
export const handoffCreateSchema = z.discriminatedUnion(
  'to',
  [
    z.strictObject({
      to: z.literal('account'),
      accountId: z.uuid(),
      teamId: z.uuid().optional().describe('Standaard: het team dat de verdeelregels voor dit account kiezen'),
      note: plainText(2_000).optional().describe('Interne toelichting voor de collega’s'),
      reply: conversationReplySchema
        .omit({ idempotencyKey: true })
        .optional()
        .describe('Optioneel bericht aan de inwoner vanaf het oorspronkelijke account, zoals "Onze collega’s van @Afval helpen je verder"'),
    }),
    z.strictObject({
      to: z.literal('partner'),
      partnerId: z.uuid(),
      question: plainText(5_000).pipe(z.string().min(1, 'Schrijf de vraag voor de partner')),
      context: plainText(5_000).optional().describe('Achtergrond voor de partner; de naam van de inwoner staat er alleen in als u die hier noemt'),
    }),
  ],
  { error: 'Kies "account" of "partner" bij "to"' },
);

export const handoffSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['account', 'partner']),
  status: z.enum(HANDOFF_STATUSES),
  fromAccountId: z.uuid(),
  toAccountId: z.uuid().nullable(),
  toTeamId: z.uuid().nullable(),
  partnerId: z.uuid().nullable(),
  partnerName: z.string().nullable(),
  question: z.string().nullable(),
  context: z.string().nullable(),
  answer: z.string().nullable().describe('Het antwoord van de partner'),
  createdAt: isoDateTime,
  createdBy: z.string(),
  openedAt: isoDateTime.nullable(),
  statusChangedAt: isoDateTime,
  dueAt: isoDateTime.nullable(),
  expiresAt: isoDateTime.nullable(),
  overdue: z.boolean().describe('De partner heeft niet binnen de afgesproken werkdagen geantwoord'),
});
export type Handoff = z.infer<typeof handoffSchema>;

export const conversationHandoffsSchema = z.object({ handoffs: z.array(handoffSchema) });

// What the partner sees behind the link: the question, not who asked it.
export const partnerHandoffViewSchema = z.object({
  partnerName: z.string(),
  organisation: z.string(),
  municipality: z.string(),
  channel: z.string(),
  question: z.string(),
  context: z.string().nullable(),
  sentAt: isoDateTime,
  dueAt: isoDateTime.nullable(),
  expiresAt: isoDateTime,
  status: z.enum(HANDOFF_STATUSES),
  answer: z.string().nullable(),
});

export const partnerHandoffUpdateSchema = z
  .strictObject({
    status: z.enum(['in-behandeling', 'afgehandeld', 'teruggegeven'], { error: 'Kies in behandeling, afgehandeld of teruggegeven' }),
    answer: plainText(5_000).optional(),
  })
  .refine((input) => input.status === 'in-behandeling' || (input.answer?.length ?? 0) > 0, { path: ['answer'], message: 'Schrijf een kort antwoord' });
