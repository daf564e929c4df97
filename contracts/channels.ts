import { z } from 'zod';
import { isoDateTime } from './common';

// Every channel Plein speaks. "gesimuleerd" is the scenario simulator: always shown as simulated.
export const CHANNELS = [
  'bluesky',
  'mastodon',
  'x',
  'facebook',
  'instagram',
  'linkedin',
  'whatsapp',
  'email',
  'rss',
  'webformulier',
  'telefoon',
  'gesimuleerd',
] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

export const ACCOUNT_STATUSES = ['nieuw', 'verbonden', 'aandacht-nodig', 'gepauzeerd'] as const;
export const accountStatusSchema = z.enum(ACCOUNT_STATUSES);
export type AccountStatus = z.infer<typeof accountStatusSchema>;

export const channelAccountSchema = z.object({
  id: z.uuid(),
  municipalityId: z.uuid(),
  channel: channelSchema,
  handle: z.string(),
  displayName: z.string(),
  serviceUrl: z.string().nullable().describe('Adres van de dienst (PDS, Mastodon-server, IMAP-server, feed)'),
  settings: z.record(z.string(), z.unknown()).describe('Instellingen zonder geheimen'),
  hasSecrets: z.boolean().describe('Of er een wachtwoord of token versleuteld is opgeslagen (nooit de waarde zelf)'),
  status: accountStatusSchema,
  paused: z.boolean(),
  lastSuccessAt: isoDateTime.nullable(),
  lastErrorAt: isoDateTime.nullable(),
  lastError: z.string().nullable(),
  rateLimitedUntil: isoDateTime.nullable().describe('Tot dit moment vraagt Plein niets aan het platform (429 of een storing met Retry-After)'),
  simulated: z.boolean(),
  quarantined: z.number().int().describe('Berichten die de database niet kon opslaan en die apart zijn gezet (aandacht nodig)'),
  failingStreams: z
    .array(z.object({ stream: z.string(), error: z.string(), at: isoDateTime }))
    .describe(
      "Onderdelen van het account waarvan de laatste poging mislukte (een opgehaalde stroom zoals 'mentions' of 'dm', 'live', 'versturen'), de recentste eerst",
    ),
  createdAt: isoDateTime,
});
export type ChannelAccount = z.infer<typeof channelAccountSchema>;

// A message a channel delivered that could not be stored, set aside so the rest kept flowing.
export const quarantinedMessageSchema = z.object({
  id: z.uuid(),
  platformId: z.string(),
  stream: z.string().nullable(),
  author: z.string(),
  excerpt: z.string(),
  error: z.string().describe('Wat de database zei'),
  attempts: z.number().int(),
  firstSeenAt: isoDateTime,
  lastTriedAt: isoDateTime,
});
export type QuarantinedMessage = z.infer<typeof quarantinedMessageSchema>;

export const quarantineRetryOutcomeSchema = z.object({
  stored: z.boolean(),
  messageId: z.uuid().nullable(),
  entry: quarantinedMessageSchema.nullable().describe('Het bericht zoals het nu apart staat, als opslaan weer mislukte'),
});
export type QuarantineRetryOutcome = z.infer<typeof quarantineRetryOutcomeSchema>;

const handleSchema = z.string().trim().min(1, 'Vul de accountnaam in').max(320);
const secretsSchema = z
  .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), z.string().min(1).max(8_000))
  .describe('Wachtwoorden en tokens; worden versleuteld opgeslagen en nooit teruggegeven');

export const channelAccountCreateSchema = z.strictObject({
  municipalityId: z.uuid(),
  channel: channelSchema,
  handle: handleSchema,
  displayName: z.string().trim().max(200).optional(),
  serviceUrl: z.url('Vul een volledig adres in, beginnend met https://').max(2000).optional(),
  settings: z.record(z.string(), z.union([z.string().max(2000), z.number(), z.boolean()])).optional(),
  secrets: secretsSchema.optional(),
});

export const channelAccountChangeSchema = z.strictObject({
  displayName: z.string().trim().min(1, 'Vul een naam in').max(200).optional(),
  serviceUrl: z.url('Vul een volledig adres in').max(2000).nullable().optional(),
  settings: z.record(z.string(), z.union([z.string().max(2000), z.number(), z.boolean()])).optional(),
  secrets: secretsSchema.optional(),
  paused: z.boolean().optional(),
});

export const mediaSchema = z.object({
  url: z.string().nullable(),
  type: z.enum(['image', 'video', 'audio', 'file']),
  altText: z.string().nullable(),
  attachmentId: z.uuid().nullable().describe('Opgeslagen bijlage, als Plein het bestand zelf bewaart'),
});

export const messageSchema = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  municipalityId: z.uuid(),
  channel: channelSchema,
  direction: z.enum(['in', 'uit']),
  platformId: z.string(),
  author: z.object({
    id: z.string(),
    handle: z.string(),
    displayName: z.string().nullable(),
    followers: z.number().int().nullable(),
  }),
  text: z.string(),
  subject: z.string().nullable(),
  media: z.array(mediaSchema),
  links: z.array(z.string()),
  mentions: z.array(z.string()),
  hashtags: z.array(z.string()),
  replyToPlatformId: z.string().nullable(),
  threadRootPlatformId: z.string().nullable(),
  geo: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  language: z.string().nullable(),
  publicUrl: z.string().nullable(),
  visibility: z.enum(['openbaar', 'prive']),
  postedAt: isoDateTime,
  receivedAt: isoDateTime,
  simulated: z.boolean(),
});
export type Message = z.infer<typeof messageSchema>;

export const messageListQuery = z.strictObject({
  accountId: z.uuid().optional(),
  channel: channelSchema.optional(),
  before: z.string().max(200).optional().describe('Cursor uit nextCursor van de vorige pagina'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const messagePageSchema = z.object({ messages: z.array(messageSchema), nextCursor: z.string().nullable() });

export const OUTBOX_STATUSES = ['wachtend', 'verzonden', 'mislukt'] as const;
export const outboxItemSchema = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  kind: z.enum(['post', 'reply', 'direct', 'delete']),
  text: z.string(),
  replyToMessageId: z.uuid().nullable(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  platformId: z.string().nullable(),
  publicUrl: z.string().nullable(),
  createdAt: isoDateTime,
  sentAt: isoDateTime.nullable(),
  afterOutboxId: z.uuid().nullable().describe('Deel van een draad: gaat pas weg als dit eerdere deel verstuurd is, als antwoord daarop'),
});

export const outboxCreateSchema = z.strictObject({
  accountId: z.uuid(),
  kind: z.enum(['post', 'reply', 'direct']),
  text: z.string().trim().min(1, 'Schrijf een tekst').max(70_000),
  replyToMessageId: z.uuid().optional(),
  media: z
    .array(z.strictObject({ attachmentId: z.uuid(), altText: z.string().trim().min(1, 'Beschrijf de afbeelding (alt-tekst)').max(2000) }))
    .max(10)
    .optional(),
  idempotencyKey: z.string().min(8).max(200).optional().describe('Zelfde sleutel = zelfde bericht; een herhaalde aanvraag verstuurt niets opnieuw'),
});

export const phoneNoteCreateSchema = z.strictObject({
  accountId: z.uuid(),
  callerName: z.string().trim().max(200).optional(),
  callerPhone: z.string().trim().max(40).optional(),
  callerEmail: z.email().max(254).optional(),
  summary: z.string().trim().min(1, 'Vat het gesprek samen').max(10_000),
  calledAt: isoDateTime.optional(),
});

export const contactFormSchema = z.strictObject({
  name: z.string().trim().max(200).optional(),
  email: z.email('Vul een geldig e-mailadres in').max(254),
  subject: z.string().trim().max(200).optional(),
  message: z.string().trim().min(5, 'Schrijf uw vraag of opmerking (minstens 5 tekens)').max(5_000),
  // Spam checks without third parties: a field people never see, and proof of work bound to a server challenge.
  website: z.string().max(200).optional(),
  challenge: z.string().max(500),
  nonce: z.string().max(40),
});
