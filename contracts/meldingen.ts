import { z } from 'zod';
import { isoDateTime } from './common';

// The status flow of a melding openbare ruimte. The allowed moves are in MELDING_TRANSITIONS; the server
// refuses anything else, the UI offers only these.
export const MELDING_STATUSES = [
  'gemeld',
  'in-behandeling',
  'ingepland',
  'wacht-op-informatie',
  'doorgezet-naar-extern',
  'afgehandeld',
  'geannuleerd',
  'heropend',
] as const;
export const meldingStatusSchema = z.enum(MELDING_STATUSES);
export type MeldingStatus = z.infer<typeof meldingStatusSchema>;

const working: MeldingStatus[] = ['in-behandeling', 'ingepland', 'wacht-op-informatie', 'doorgezet-naar-extern', 'afgehandeld', 'geannuleerd'];
export const MELDING_TRANSITIONS: Record<MeldingStatus, MeldingStatus[]> = {
  gemeld: working,
  'in-behandeling': working.filter((status) => status !== 'in-behandeling'),
  ingepland: ['in-behandeling', 'wacht-op-informatie', 'afgehandeld', 'geannuleerd'],
  'wacht-op-informatie': ['in-behandeling', 'afgehandeld', 'geannuleerd'],
  'doorgezet-naar-extern': ['in-behandeling', 'afgehandeld', 'geannuleerd'],
  afgehandeld: ['heropend'],
  geannuleerd: ['heropend'],
  heropend: working,
};

// A melding in one of these is done with: no deadline runs, nothing is merged into it or split from it.
export const CLOSED_MELDING_STATUSES: readonly MeldingStatus[] = ['afgehandeld', 'geannuleerd'];

export const MELDING_STATUS_LABELS: Record<MeldingStatus, string> = {
  gemeld: 'Gemeld',
  'in-behandeling': 'In behandeling',
  ingepland: 'Ingepland',
  'wacht-op-informatie': 'Wacht op informatie',
  'doorgezet-naar-extern': 'Doorgezet naar een andere organisatie',
  afgehandeld: 'Afgehandeld',
  geannuleerd: 'Geannuleerd',
  heropend: 'Heropend',
};

export const extraQuestionSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: z.string().min(1).max(200),
  type: z.enum(['text', 'choice', 'yesno']),
  required: z.boolean(),
  choices: z.array(z.string().min(1).max(100)).max(20).optional(),
});
export type ExtraQuestion = z.infer<typeof extraQuestionSchema>;

export const meldingCategorySchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string().describe('Korte, vaste code (ook de service_code in Open311)'),
  publicName: z.string(),
  icon: z.string().nullable(),
  departments: z.array(z.string()),
  termijnDays: z.number().int(),
  termijnKind: z.enum(['werkdagen', 'kalenderdagen']),
  servicePromise: z.string(),
  extraQuestions: z.array(extraQuestionSchema),
  active: z.boolean(),
});
export type MeldingCategory = z.infer<typeof meldingCategorySchema>;

const coordinate = {
  lat: z.number().min(-90, 'Ongeldige breedtegraad').max(90, 'Ongeldige breedtegraad'),
  lon: z.number().min(-180, 'Ongeldige lengtegraad').max(180, 'Ongeldige lengtegraad'),
};

// Texts are kept as the resident typed them and always shown escaped; markup is refused so nobody is
// surprised by a melding that reads "<script>".
const plainText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !/<\s*\/?\s*[a-z!]/i.test(value), 'Gebruik gewone tekst, zonder HTML of code')
    .describe(message);

// A form session's secret: made by the browser (a UUID), never stored by Plein except as a hash.
export const formSessionSchema = z.string().regex(/^[\x21-\x7e]{16,255}$/, 'De formuliersessie moet 16 tot 255 zichtbare tekens zijn.');

export const meldingSubmitSchema = z.strictObject({
  categoryId: z.uuid('Kies een categorie'),
  description: plainText(5_000, 'Wat is er aan de hand?').pipe(z.string().min(5, 'Beschrijf wat er aan de hand is (minstens 5 tekens)')),
  ...coordinate,
  address: plainText(300, 'Adres of omschrijving van de plek').optional(),
  email: z.email('Vul een geldig e-mailadres in').max(254).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, 'Vul een geldig telefoonnummer in')
    .optional(),
  consent: z.boolean().default(false).describe('Toestemming om contact op te nemen over deze melding'),
  answers: z.record(z.string(), z.union([z.string().max(1_000), z.boolean()])).default({}),
  photoIds: z.array(z.uuid()).max(5, 'Hoogstens 5 foto’s').default([]),
  // The secret the form made when it opened and sent with each photo (header Plein-Form-Session): a melding claims
  // only photos its own form uploaded.
  formSession: formSessionSchema.optional(),
});
export type MeldingSubmit = z.infer<typeof meldingSubmitSchema>;

export const meldingReceiptSchema = z.object({
  number: z.string(),
  trackingToken: z.string(),
  deadline: isoDateTime,
  servicePromise: z.string(),
});

export const meldingPublicStatusSchema = z.object({
  number: z.string(),
  category: z.string(),
  status: meldingStatusSchema,
  statusLabel: z.string(),
  createdAt: isoDateTime,
  deadline: isoDateTime,
  servicePromise: z.string(),
  history: z.array(z.object({ at: isoDateTime, status: meldingStatusSchema, statusLabel: z.string(), message: z.string().nullable() })),
});

export const meldingEventSchema = z.object({
  id: z.uuid(),
  at: isoDateTime,
  kind: z.enum(['gemeld', 'status', 'notitie', 'toegewezen', 'categorie', 'kto', 'heropenverzoek', 'samengevoegd', 'gesplitst']),
  fromStatus: meldingStatusSchema.nullable(),
  toStatus: meldingStatusSchema.nullable(),
  text: z.string().nullable(),
  actorName: z.string().nullable(),
  sentToReporter: z.boolean(),
  sentVia: z.enum(['email', 'kanaal']).nullable().describe('Hoe de melder het bericht kreeg: per e-mail of als antwoord op het kanaal'),
});

export const meldingSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  municipalityId: z.uuid(),
  categoryId: z.uuid(),
  categoryName: z.string(),
  description: z.string(),
  lat: z.number(),
  lon: z.number(),
  address: z.string().nullable(),
  status: meldingStatusSchema,
  source: z.enum(['formulier', 'open311', 'kanaal', 'medewerker', 'import']),
  hasReporterContact: z.boolean(),
  reporterEmail: z.string().nullable(),
  reporterPhone: z.string().nullable(),
  answers: z.record(z.string(), z.unknown()),
  servicePromise: z.string(),
  deadline: isoDateTime,
  overdue: z.boolean(),
  assignedDepartment: z.string().nullable(),
  assignedTeamId: z.uuid().nullable(),
  assignedUserId: z.uuid().nullable(),
  mergedIntoId: z.uuid().nullable().describe('De melding waarmee deze is samengevoegd (en die zij volgt)'),
  splitFromId: z.uuid().nullable().describe('De melding waaruit deze is afgesplitst'),
  sourceMessageId: z.uuid().nullable().describe('Het bericht waarvan deze melding is gemaakt'),
  createdAt: isoDateTime,
  firstReactionAt: isoDateTime.nullable(),
  handledAt: isoDateTime.nullable(),
  photoIds: z.array(z.uuid()),
});
export type Melding = z.infer<typeof meldingSchema>;

const relatedMeldingSchema = z.object({ id: z.uuid(), number: z.string(), status: meldingStatusSchema, categoryName: z.string() });

export const meldingDetailSchema = meldingSchema.extend({
  events: z.array(meldingEventSchema),
  mergedInto: relatedMeldingSchema.nullable(),
  duplicates: z.array(relatedMeldingSchema).describe('Meldingen die met deze zijn samengevoegd'),
  splitFrom: relatedMeldingSchema.nullable(),
  parts: z.array(relatedMeldingSchema).describe('Meldingen die uit deze zijn afgesplitst'),
});

export const meldingListQuery = z.strictObject({
  status: meldingStatusSchema.optional(),
  categoryId: z.uuid().optional(),
  municipalityId: z.uuid().optional(),
  department: z.string().trim().min(1).max(100).optional(),
  assignedUserId: z.uuid().optional(),
  overdue: z.enum(['ja', 'nee']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const meldingStatusChangeSchema = z.strictObject({
  status: meldingStatusSchema,
  message: plainText(2_000, 'Tekst voor de melder (optioneel)').optional(),
});

export const meldingNoteSchema = z.strictObject({ text: plainText(5_000, 'Interne notitie').pipe(z.string().min(1, 'Schrijf een notitie')) });

export const meldingAssignSchema = z.strictObject({
  assignedDepartment: z.string().trim().min(1).max(100).nullable().optional().describe('Een afdeling uit de categorieën'),
  assignedTeamId: z.uuid().nullable().optional(),
  assignedUserId: z.uuid().nullable().optional(),
  categoryId: z.uuid().optional(),
});

export const nearbyMeldingSchema = z.object({
  distanceMetres: z.number().int(),
  status: meldingStatusSchema,
  statusLabel: z.string(),
  createdAt: isoDateTime,
  lat: z.number(),
  lon: z.number(),
});

export const photoUploadSchema = z.object({
  photoId: z.uuid(),
  width: z.number().int(),
  height: z.number().int(),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable().describe('Waar de foto volgens de camera genomen is'),
});

export const KTO_REASONS = ['duurde-te-lang', 'niet-opgelost', 'slecht-geinformeerd', 'onvriendelijk', 'anders'] as const;
export const ktoReasonLabels: Record<(typeof KTO_REASONS)[number], string> = {
  'duurde-te-lang': 'Het duurde te lang',
  'niet-opgelost': 'Het probleem is niet opgelost',
  'slecht-geinformeerd': 'Ik werd niet goed op de hoogte gehouden',
  onvriendelijk: 'Ik ben niet vriendelijk geholpen',
  anders: 'Iets anders',
};

export const ktoAnswerSchema = z.strictObject({
  satisfied: z.boolean({ error: 'Geef aan of u tevreden bent' }),
  reasons: z.array(z.enum(KTO_REASONS)).max(KTO_REASONS.length).default([]),
  comment: plainText(2_000, 'Toelichting (optioneel)').optional(),
});

export const ktoViewSchema = z.object({
  number: z.string(),
  category: z.string(),
  expiresAt: isoDateTime,
  answered: z.boolean(),
  reasons: z.array(z.object({ code: z.enum(KTO_REASONS), label: z.string() })),
});

export const meldingFiguresQuery = z.strictObject({
  municipality: z
    .string()
    .regex(/^GM\d{4}$/, 'Gebruik een CBS-code zoals GM0383')
    .optional(),
  from: z.iso.date('Gebruik een datum als 2026-01-01').optional().describe('Eerste dag (standaard 1 januari van dit jaar)'),
  to: z.iso.date('Gebruik een datum als 2026-06-30').optional().describe('Laatste dag (standaard vandaag)'),
  reactionDays: z.coerce.number().int().min(0).max(365).default(3),
  handledDays: z.coerce.number().int().min(0).max(365).default(10),
});

export const meldingFiguresSchema = z.object({
  municipalities: z.array(z.string()),
  from: z.string(),
  to: z.string(),
  reactionDays: z.number().int(),
  handledDays: z.number().int(),
  count: z.number().int(),
  firstReactionWithinPct: z.number().nullable().describe('Deel (%) met een eerste reactie binnen reactionDays kalenderdagen'),
  handledWithinPct: z.number().nullable().describe('Deel (%) afgehandeld binnen handledDays kalenderdagen'),
  withinTermijnPct: z
    .number()
    .nullable()
    .describe('Deel (%) afgehandeld binnen de eigen afhandeltermijn (open meldingen tellen mee zodra de termijn verstreken is)'),
  satisfaction: z.object({ responses: z.number().int(), satisfiedPct: z.number().nullable() }),
});

const categoryFields = {
  publicName: z.string().trim().min(1, 'Vul een naam in').max(120),
  icon: z.string().trim().max(40).nullable(),
  departments: z.array(z.string().trim().min(1).max(100)).max(10),
  termijnDays: z.number().int().min(0, 'Een termijn is 0 dagen of meer').max(365),
  termijnKind: z.enum(['werkdagen', 'kalenderdagen']),
  servicePromise: z.string().trim().max(500),
  extraQuestions: z
    .array(extraQuestionSchema)
    .max(10)
    .refine((questions) => new Set(questions.map((q) => q.key)).size === questions.length, 'Elke vraag heeft een eigen sleutel')
    .refine((questions) => questions.every((q) => q.type !== 'choice' || (q.choices?.length ?? 0) >= 2), 'Een keuzevraag heeft minstens twee keuzes'),
};

export const meldingCategoryCreateSchema = z.strictObject({
  parentId: z.uuid().nullable().default(null),
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Gebruik kleine letters, cijfers en streepjes (2–63 tekens)'),
  ...categoryFields,
  icon: categoryFields.icon.default(null),
  departments: categoryFields.departments.default([]),
  servicePromise: categoryFields.servicePromise.default(''),
  extraQuestions: categoryFields.extraQuestions.default([]),
});

export const meldingCategoryChangeSchema = z.strictObject({
  publicName: categoryFields.publicName.optional(),
  icon: categoryFields.icon.optional(),
  departments: categoryFields.departments.optional(),
  termijnDays: categoryFields.termijnDays.optional(),
  termijnKind: categoryFields.termijnKind.optional(),
  servicePromise: categoryFields.servicePromise.optional(),
  extraQuestions: categoryFields.extraQuestions.optional(),
  active: z.boolean().optional(),
});

export const meldingMergeSchema = z.strictObject({
  duplicateIds: z.array(z.uuid()).min(1, 'Kies minstens één dubbele melding').max(50).describe('Meldingen over hetzelfde; zij volgen voortaan deze melding'),
});

export const meldingSplitSchema = z.strictObject({
  parts: z
    .array(
      z.strictObject({
        categoryId: z.uuid('Kies een categorie'),
        description: plainText(5_000, 'Wat dit deel betreft').pipe(z.string().min(5, 'Beschrijf dit deel (minstens 5 tekens)')),
      }),
    )
    .min(1, 'Geef minstens één nieuw deel')
    .max(10),
});

// A melding entered by staff: from a phone call or a counter visit, or made from a channel message
// ("maak melding"), in which case news goes back to the resident on that channel.
export const meldingStaffCreateSchema = meldingSubmitSchema.omit({ photoIds: true }).extend({
  municipalityId: z.uuid('Kies een gemeente'),
  messageId: z.uuid().optional().describe('Het bericht waarvan de melding wordt gemaakt; zijn foto’s gaan mee'),
  photoIds: meldingSubmitSchema.shape.photoIds,
});
