import { z } from 'zod';
import { outboxItemSchema } from './channels';
import { isoDateTime } from './common';
import { replyMediaSchema } from './reply-checks';

// Optional review by a colleague before sending (issue 5 point 5): the reply waits as a draft on the
// conversation until a colleague approves it (then it is queued like any reply) or sends it back with a comment.
export const REPLY_DRAFT_STATUSES = ['ter-controle', 'teruggestuurd', 'goedgekeurd', 'ingetrokken'] as const;
export const replyDraftStatusSchema = z.enum(REPLY_DRAFT_STATUSES);
export type ReplyDraftStatus = z.infer<typeof replyDraftStatusSchema>;

const noMarkup = (value: string) => !/<\s*\/?\s*[a-z!]/i.test(value);
const person = z.object({ id: z.uuid(), name: z.string() });

export const replyDraftSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  author: person,
  reviewer: person.nullable().describe('De gevraagde collega; null: iedere collega die de inbox behandelt'),
  text: z.string(),
  private: z.boolean(),
  confirmedWarnings: z.boolean(),
  media: z.array(z.object({ imageId: z.uuid(), altText: z.string() })),
  status: replyDraftStatusSchema,
  revision: z.number().int().describe('Telt op bij elke nieuwe versie na terugsturen'),
  reviewComment: z.string().nullable().describe('Waarom het antwoord werd teruggestuurd'),
  reviewedBy: person.nullable(),
  reviewedAt: isoDateTime.nullable(),
  outboxId: z.uuid().nullable().describe('Het (eerste deel van het) antwoord in de wachtrij, na goedkeuring'),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  mayReview: z.boolean().describe('Of u dit antwoord kunt goedkeuren of terugsturen'),
  mayEdit: z.boolean().describe('Of u dit antwoord kunt aanpassen of intrekken (de schrijver)'),
});
export type ReplyDraft = z.infer<typeof replyDraftSchema>;

export const replyDraftCreateSchema = z.strictObject({
  text: z.string().trim().min(1, 'Schrijf een antwoord').max(10_000).refine(noMarkup, 'Gebruik gewone tekst, zonder HTML of code'),
  private: z.boolean().optional().describe('Privé antwoorden (direct message) in plaats van openbaar, waar het kanaal dat kan'),
  confirmedWarnings: z.boolean().optional().describe('De schrijver zag de waarschuwingen van de controle en wil het zo versturen'),
  media: replyMediaSchema.optional(),
  reviewerUserId: z.uuid().nullable().describe('De collega die controleert; null: iedere collega die de inbox behandelt'),
});

export const replyDraftReturnSchema = z.strictObject({
  comment: z.string().trim().min(1, 'Schrijf waarom u het antwoord terugstuurt').max(2_000).refine(noMarkup, 'Gebruik gewone tekst, zonder HTML of code'),
});

export const replyDraftApprovalResultSchema = z.object({
  draft: replyDraftSchema,
  thread: z.array(outboxItemSchema).describe('Het antwoord in de wachtrij: één deel, of de delen van een genummerde draad'),
});

export const reviewerSchema = person.describe('Een collega die dit antwoord mag controleren');
