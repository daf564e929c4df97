import { z } from 'zod';
import { isoDateTime } from './common';

// Zenden: a publication is one message for one municipality, with a variant per channel account, planned for a
// moment. Its state moves by compare-and-set on the server:
//   ter-goedkeuring → gepland (enough approvals) | teruggestuurd (a reviewer's comment; a change resubmits it)
//   gepland → bezig (handed to the channels at its minute) → afgerond
//   ter-goedkeuring | teruggestuurd | gepland → geannuleerd
// An account's approval setting decides where a new post starts: gepland without approval, ter-goedkeuring with.
// Each channel's own result (wachtend, verzonden with a link, mislukt with the platform's reason, onzeker) is read
// from the outbox item the variant became.
export const PUBLICATION_STATUSES = ['ter-goedkeuring', 'teruggestuurd', 'gepland', 'bezig', 'afgerond', 'geannuleerd'] as const;
export const publicationStatusSchema = z.enum(PUBLICATION_STATUSES);
export type PublicationStatus = z.infer<typeof publicationStatusSchema>;

// What became of one channel's variant.
export const CHANNEL_RESULTS = ['gepland', 'wachtend', 'gepubliceerd', 'mislukt', 'onzeker', 'geannuleerd'] as const;
export type ChannelResult = (typeof CHANNEL_RESULTS)[number];

// The planned moment: an ISO 8601 time with an offset is that exact moment; without one (2027-03-28T09:30) it is
// read as the wall clock in Europe/Amsterdam, which is how people plan.
const plannedAtSchema = z.string().trim().min(1, 'Kies een datum en tijd').max(40).describe('Tijdstip (ISO 8601); zonder tijdzone geldt Europe/Amsterdam');

export const publicationVariantInput = z.strictObject({
  accountId: z.uuid(),
  text: z.string().trim().min(1, 'Schrijf een tekst voor dit kanaal').max(70_000),
});

export const publicationCreateSchema = z.strictObject({
  municipalityId: z.uuid(),
  title: z.string().trim().min(1, 'Geef het bericht een werktitel').max(200),
  plannedAt: plannedAtSchema,
  variants: z.array(publicationVariantInput).min(1, 'Kies ten minste één kanaal').max(20),
  // The crisis fast path (Z4): out without prior approval, on crisis accounts only, with the reason recorded.
  fastPath: z.strictObject({ reason: z.string().trim().min(5, 'Schrijf waarom dit zonder goedkeuring uit moet').max(500) }).optional(),
});
export type PublicationCreate = z.infer<typeof publicationCreateSchema>;

export const publicationRescheduleSchema = z.strictObject({
  plannedAt: plannedAtSchema,
  // The version the person saw: a change by someone else meanwhile answers 409 instead of being overwritten.
  version: z.number().int().min(1),
});

// A change of text, title or channels: reviewers see it again (the approvals of the earlier text no longer count).
export const publicationEditSchema = z.strictObject({
  version: z.number().int().min(1),
  title: z.string().trim().min(1, 'Geef het bericht een werktitel').max(200),
  variants: z.array(publicationVariantInput).min(1, 'Kies ten minste één kanaal').max(20),
});

export const publicationApproveSchema = z.strictObject({ version: z.number().int().min(1) });
export const publicationSendBackSchema = z.strictObject({
  version: z.number().int().min(1),
  comment: z.string().trim().min(1, 'Schrijf wat er anders moet').max(2000),
});
export const publicationCommentSchema = z.strictObject({ text: z.string().trim().min(1, 'Schrijf een opmerking').max(2000) });

export const approvalLevelSchema = z.enum(['geen', 'een', 'twee']);

export const publicationAccountSettingSchema = z.object({
  accountId: z.uuid(),
  municipalityId: z.uuid(),
  channel: z.string(),
  handle: z.string(),
  approval: approvalLevelSchema,
  crisisAccount: z.boolean().describe('Berichten van dit account mogen de snelle route nemen (crisis): meteen uit, achteraf bekeken'),
});
export type PublicationAccountSetting = z.infer<typeof publicationAccountSettingSchema>;
export const publicationAccountSettingChange = z.strictObject({ approval: approvalLevelSchema, crisisAccount: z.boolean() });
export const accountParams = z.strictObject({ accountId: z.uuid() });

export const publicationListQuery = z.strictObject({
  municipalityId: z.uuid().optional(),
  from: isoDateTime.optional().describe('Vanaf dit tijdstip (gepland), standaard nu min 7 dagen'),
  to: isoDateTime.optional().describe('Tot dit tijdstip (gepland), standaard 31 dagen na from'),
  status: publicationStatusSchema.optional(),
});

export const publicationChannelSchema = z.object({
  accountId: z.uuid(),
  channel: z.string(),
  handle: z.string(),
  text: z.string(),
  result: z.enum(CHANNEL_RESULTS),
  // Where the post can be seen, once published.
  publicUrl: z.string().nullable(),
  // The platform's reason, for a channel that failed or is in doubt.
  error: z.string().nullable(),
  outboxId: z.uuid().nullable(),
});

export const publicationReviewSchema = z.object({
  id: z.uuid(),
  contentVersion: z.number().int(),
  userId: z.uuid(),
  userName: z.string(),
  decision: z.enum(['goedgekeurd', 'teruggestuurd', 'opmerking']),
  comment: z.string().nullable(),
  createdAt: isoDateTime,
});

export const publicationSchema = z.object({
  id: z.uuid(),
  municipalityId: z.uuid(),
  title: z.string(),
  status: publicationStatusSchema,
  plannedAt: isoDateTime,
  version: z.number().int(),
  contentVersion: z.number().int().describe('Telt alleen wijzigingen die opnieuw goedgekeurd moeten worden (tekst, titel, kanalen)'),
  approvalsRequired: z.number().int(),
  approvedBy: z.array(z.uuid()).describe('Wie deze tekst (contentVersion) goedkeurde'),
  reviews: z.array(publicationReviewSchema),
  fastPath: z.object({ reason: z.string(), by: z.uuid().nullable(), reviewedAfterwardsAt: isoDateTime.nullable() }).nullable(),
  channels: z.array(publicationChannelSchema),
  createdBy: z.uuid().nullable(),
  createdAt: isoDateTime,
  handedOverAt: isoDateTime.nullable(),
});
export type Publication = z.infer<typeof publicationSchema>;
