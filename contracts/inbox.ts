import { z } from 'zod';
import { channelSchema, messageSchema, outboxItemSchema } from './channels';
import { isoDateTime } from './common';
import { replyMediaSchema } from './reply-checks';
import { replyDraftSchema } from './reply-review';

// Reageren: the webcare inbox. A conversation is one person in one thread on one account; its messages in
// and out, its state and who handles it.
export const CONVERSATION_STATES = ['open', 'wachtend', 'gesnoozed', 'gesloten'] as const;
export const conversationStateSchema = z.enum(CONVERSATION_STATES);
export type ConversationState = z.infer<typeof conversationStateSchema>;
export const CONVERSATION_STATE_LABELS: Record<ConversationState, string> = {
  open: 'Open',
  wachtend: 'Wacht op inwoner',
  gesnoozed: 'Gesnoozed',
  gesloten: 'Gesloten',
};

export const PRIORITIES = ['laag', 'normaal', 'hoog', 'urgent'] as const;
export const prioritySchema = z.enum(PRIORITIES);

const cbsCode = z.string().regex(/^GM\d{4}$/, 'Gebruik een CBS-code zoals GM0383');
const noMarkup = (value: string) => !/<\s*\/?\s*[a-z!]/i.test(value);
const label = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N} _-]+$/u, 'Een label bestaat uit letters, cijfers, spaties en streepjes');

export const conversationMessageSchema = messageSchema.pick({
  id: true,
  accountId: true,
  channel: true,
  direction: true,
  platformId: true,
  author: true,
  text: true,
  subject: true,
  media: true,
  publicUrl: true,
  visibility: true,
  postedAt: true,
  simulated: true,
});

export const conversationSchema = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  handlingAccountId: z.uuid().nullable().describe('Overgedragen aan dit account (zijn team en wachtrij); null: het account waarop het binnenkwam'),
  municipalityId: z.uuid(),
  municipality: z.string().describe('CBS-code van de gemeente'),
  channel: channelSchema,
  author: z.object({ id: z.string(), handle: z.string(), displayName: z.string().nullable() }),
  subject: z.string().nullable(),
  visibility: z.enum(['openbaar', 'prive']),
  state: conversationStateSchema,
  priority: prioritySchema,
  labels: z.array(z.string()),
  assignedTeamId: z.uuid().nullable(),
  assignedUserId: z.uuid().nullable(),
  snoozedUntil: isoDateTime.nullable(),
  startedAt: isoDateTime,
  lastMessageAt: isoDateTime,
  waitingSince: isoDateTime.nullable().describe('Sinds wanneer de inwoner op antwoord wacht'),
  firstResponseAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
  firstResponseDueAt: isoDateTime.nullable().describe('Uiterlijk antwoord aan de wachtende inwoner (norm eerste reactie, openingstijden van het account)'),
  resolutionDueAt: isoDateTime.nullable().describe('Uiterlijk afgehandeld (afhandeltermijn)'),
  partnerDueAt: isoDateTime.nullable().describe('Overgedragen aan een partner buiten de organisatie: uiterlijk dan hoort de partner te antwoorden'),
  overdue: z.boolean().describe('De inwoner wacht op ons en een norm is verstreken, of een partner antwoordde niet op tijd'),
  messageCount: z.number().int(),
  preview: z.string(),
  unread: z.boolean().describe('Nieuw sinds u het gesprek het laatst opende'),
  simulated: z.boolean(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const conversationWithMessagesSchema = conversationSchema.extend({
  messages: z.array(conversationMessageSchema).describe('Berichten, nieuwste eerst'),
});

export const conversationEventSchema = z.object({
  id: z.uuid(),
  at: isoDateTime,
  kind: z.enum([
    'toestand',
    'toegewezen',
    'notitie',
    'labels',
    'prioriteit',
    'antwoord',
    'te-laat',
    'ontvangstbevestiging',
    'misbruik',
    'geblokkeerd',
    'gedeblokkeerd',
    'tevredenheid',
    'controle',
    'overdracht',
  ]),
  text: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  mentions: z.array(z.uuid()),
  actorName: z.string().nullable(),
});

export const conversationDetailSchema = conversationSchema.extend({
  messages: z.array(conversationMessageSchema).describe('Berichten, oudste eerst'),
  events: z.array(conversationEventSchema),
  outbox: z.array(outboxItemSchema).describe('Antwoorden in de wachtrij of mislukt'),
  drafts: z.array(replyDraftSchema).describe('Antwoorden die op controle door een collega wachten of zijn teruggestuurd'),
  history: z
    .array(conversationSchema.pick({ id: true, channel: true, state: true, startedAt: true, preview: true }))
    .describe('Eerdere gesprekken met dezelfde persoon'),
});

export const conversationListQuery = z.strictObject({
  municipality: cbsCode.optional(),
  state: conversationStateSchema.optional(),
  channel: channelSchema.optional(),
  accountId: z.uuid().optional().describe('De wachtrij van dit account: gesprekken die erop binnenkwamen of eraan zijn overgedragen'),
  view: z
    .enum(['alle', 'mijn', 'team', 'niet-toegewezen', 'te-laat', 'ter-controle'])
    .default('alle')
    .describe('te-laat: de inwoner wacht en een norm is verstreken; ter-controle: een antwoord wacht op uw controle, of uw antwoord is teruggestuurd'),
  label: label.optional(),
  q: z.string().trim().min(2).max(200).optional().describe('Zoek in de tekst van de berichten en de naam van de afzender'),
  before: z.string().max(200).optional().describe('Cursor uit nextCursor van de vorige pagina'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  messages: z.coerce.number().int().min(0).max(20).default(5).describe('Hoeveel berichten per gesprek (nieuwste eerst)'),
});

export const conversationPageSchema = z.object({ items: z.array(conversationWithMessagesSchema), nextCursor: z.string().nullable() });

export const conversationReplySchema = z.strictObject({
  text: z.string().trim().min(1, 'Schrijf een antwoord').max(10_000).refine(noMarkup, 'Gebruik gewone tekst, zonder HTML of code'),
  private: z.boolean().optional().describe('Privé antwoorden (direct message) in plaats van openbaar, waar het kanaal dat kan'),
  idempotencyKey: z.string().min(8).max(200).optional().describe('Dezelfde sleutel twee keer verstuurt één keer'),
  confirmedWarnings: z.boolean().optional().describe('De medewerker zag de waarschuwingen van de controle (belofte, persoonsgegevens) en verstuurt toch'),
  media: replyMediaSchema.optional(),
});

export const conversationReplyResultSchema = z.object({
  item: outboxItemSchema,
  message: z.object({ text: z.string(), status: z.string() }),
  thread: z.array(outboxItemSchema).describe('Alle delen in volgorde; meer dan één bij een genummerde draad (1/3)'),
});

export const conversationChangeSchema = z.strictObject({
  state: conversationStateSchema.optional(),
  snoozedUntil: isoDateTime.optional().describe('Verplicht bij gesnoozed: tot wanneer'),
  priority: prioritySchema.optional(),
  labels: z.array(label).max(20).optional(),
  assignedTeamId: z.uuid().nullable().optional(),
  assignedUserId: z.uuid().nullable().optional(),
});

export const conversationNoteSchema = z.strictObject({
  text: z.string().trim().min(1, 'Schrijf een notitie').max(5_000).refine(noMarkup, 'Gebruik gewone tekst, zonder HTML of code'),
});
