import { z } from 'zod';
import { isoDateTime } from './common';

// Klachtbehandeling under Awb hoofdstuk 9. The allowed moves are in KLACHT_TRANSITIONS; the server refuses
// anything else, the UI offers only these.
export const KLACHT_STATUSES = [
  'ontvangen',
  'in-behandeling',
  'hoorzitting-gepland',
  'afgehandeld',
  // Awb 9:5: resolved to the complainant's satisfaction; the formal procedure then ends.
  'informeel-opgelost',
  // Awb 9:8: not taken into consideration (e.g. older than a year, already decided, a matter for an appeal).
  'niet-in-behandeling',
  'ingetrokken',
] as const;
export const klachtStatusSchema = z.enum(KLACHT_STATUSES);
export type KlachtStatus = z.infer<typeof klachtStatusSchema>;

export const CLOSED_KLACHT_STATUSES: readonly KlachtStatus[] = ['afgehandeld', 'informeel-opgelost', 'niet-in-behandeling', 'ingetrokken'];

export const KLACHT_TRANSITIONS: Record<KlachtStatus, KlachtStatus[]> = {
  ontvangen: ['in-behandeling', 'informeel-opgelost', 'niet-in-behandeling', 'ingetrokken'],
  'in-behandeling': ['hoorzitting-gepland', 'afgehandeld', 'informeel-opgelost', 'niet-in-behandeling', 'ingetrokken'],
  // After the hearing the decision follows; a cancelled hearing goes back to in behandeling.
  'hoorzitting-gepland': ['in-behandeling', 'afgehandeld', 'informeel-opgelost', 'ingetrokken'],
  afgehandeld: [],
  'informeel-opgelost': [],
  'niet-in-behandeling': [],
  ingetrokken: [],
};

// The moves that the plain status endpoint makes; a hearing and a decision have endpoints of their own.
export const KLACHT_SIMPLE_STATUSES = ['in-behandeling', 'informeel-opgelost', 'niet-in-behandeling', 'ingetrokken'] as const;

export const KLACHT_STATUS_LABELS: Record<KlachtStatus, string> = {
  ontvangen: 'Ontvangen',
  'in-behandeling': 'In behandeling',
  'hoorzitting-gepland': 'Hoorzitting gepland',
  afgehandeld: 'Afgehandeld',
  'informeel-opgelost': 'Informeel opgelost',
  'niet-in-behandeling': 'Niet in behandeling genomen',
  ingetrokken: 'Ingetrokken',
};

export const KLACHT_OUTCOMES = ['gegrond', 'deels-gegrond', 'ongegrond'] as const;
export const klachtOutcomeSchema = z.enum(KLACHT_OUTCOMES);
export type KlachtOutcome = z.infer<typeof klachtOutcomeSchema>;
export const KLACHT_OUTCOME_LABELS: Record<KlachtOutcome, string> = { gegrond: 'Gegrond', 'deels-gegrond': 'Deels gegrond', ongegrond: 'Ongegrond' };

// A fixed list, so yearly reports of different years and municipalities can be compared.
export const KLACHT_THEMES = ['bejegening', 'communicatie', 'dienstverlening', 'termijnen', 'beleid', 'overig'] as const;
export const klachtThemeSchema = z.enum(KLACHT_THEMES);
export type KlachtTheme = z.infer<typeof klachtThemeSchema>;
export const KLACHT_THEME_LABELS: Record<KlachtTheme, string> = {
  bejegening: 'Bejegening',
  communicatie: 'Communicatie',
  dienstverlening: 'Dienstverlening',
  termijnen: 'Termijnen',
  beleid: 'Beleid',
  overig: 'Overig',
};

export const KLACHT_CHANNELS = ['e-mail', 'telefoon', 'brief', 'formulier', 'balie', 'kanaal'] as const;
export const klachtChannelSchema = z.enum(KLACHT_CHANNELS);
export type KlachtChannel = z.infer<typeof klachtChannelSchema>;
export const KLACHT_CHANNEL_LABELS: Record<KlachtChannel, string> = {
  'e-mail': 'E-mail',
  telefoon: 'Telefoon',
  brief: 'Brief',
  formulier: 'Webformulier',
  balie: 'Balie',
  kanaal: 'Sociale media of ander kanaal',
};

// Awb 9:11: 6 weeks after receipt, extendable once by at most 4 weeks.
export const KLACHT_TERM_WEEKS = 6;
export const KLACHT_MAX_EXTENSION_WEEKS = 4;

// Texts are kept as typed and always shown escaped; markup is refused so nobody is surprised by a klacht that reads "<script>".
const plainText = (max: number, description: string) =>
  z
    .string()
    .trim()
    .max(max, `Hoogstens ${max} tekens`)
    .refine((value) => !/<\s*\/?\s*[a-z!]/i.test(value), 'Gebruik gewone tekst, zonder HTML of code')
    .describe(description);

const requiredText = (max: number, description: string, missing: string) => plainText(max, description).pipe(z.string().min(1, missing));

const isoDate = z.iso.date('Vul een datum in als jjjj-mm-dd');

export const klachtCreateSchema = z.strictObject({
  municipalityId: z.uuid('Kies een gemeente'),
  complainantName: requiredText(200, 'Naam van de klager', 'Vul de naam van de klager in'),
  complainantEmail: z.email('Vul een geldig e-mailadres in').max(254).optional(),
  complainantPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, 'Vul een geldig telefoonnummer in')
    .optional(),
  complainantAddress: plainText(300, 'Postadres van de klager (voor brieven)').optional(),
  subject: plainText(10_000, 'Waarover gaat de klacht?').pipe(z.string().min(5, 'Beschrijf waarover de klacht gaat (minstens 5 tekens)')),
  complainedUserId: z.uuid('Kies een medewerker').optional().describe('De medewerker over wie geklaagd wordt (Awb 9:7: die behandelt de klacht niet)'),
  complainedAbout: plainText(300, 'Over wie of welke afdeling, in woorden').optional(),
  theme: klachtThemeSchema.describe('Thema, voor het jaarverslag'),
  channel: klachtChannelSchema.describe('Hoe de klacht binnenkwam'),
  messageId: z.uuid().optional().describe('Het bericht uit een kanaal waarin de klacht binnenkwam'),
  meldingId: z.uuid().optional().describe('Een melding waarover geklaagd wordt'),
  receivedOn: isoDate.optional().describe('Datum van ontvangst (jjjj-mm-dd); de termijn telt vanaf hier. Standaard vandaag.'),
});
export type KlachtCreate = z.infer<typeof klachtCreateSchema>;

export const klachtStatusChangeSchema = z.strictObject({
  status: z.enum(KLACHT_SIMPLE_STATUSES),
  reason: plainText(5_000, 'Toelichting; verplicht bij niet in behandeling (Awb 9:8) en informeel opgelost').optional(),
});

export const klachtHandlerSchema = z.strictObject({ handlerUserId: z.uuid('Kies een behandelaar') });

export const klachtHearingSchema = z.union([
  z.strictObject({
    at: z.iso.datetime({ offset: true, error: 'Vul een tijdstip in met datum, tijd en tijdzone' }).describe('Datum en tijd van de hoorzitting'),
    place: requiredText(300, 'Plaats (of "telefonisch", "online")', 'Vul de plaats in'),
  }),
  z.strictObject({
    waived: z.literal(true).describe('De klager ziet af van horen (Awb 9:10 lid 2)'),
    reason: plainText(2_000, 'Toelichting').optional(),
  }),
]);

// Awb 9:10: the complainant is heard before the decision, unless horen is waived (recorded on the klacht). So a
// decision comes after the hearing has taken place, or after a recorded waiver; never before a planned hearing.
export function mayDecideKlacht(klacht: { hearing: { at: string } | null; hearingWaived: boolean }, now: Date): boolean {
  if (klacht.hearingWaived) return true;
  return klacht.hearing !== null && new Date(klacht.hearing.at).getTime() <= now.getTime();
}

export const klachtExtensionSchema = z.strictObject({
  weeks: z.number().int().min(1, 'Minstens 1 week').max(KLACHT_MAX_EXTENSION_WEEKS, `Hoogstens ${KLACHT_MAX_EXTENSION_WEEKS} weken (Awb 9:11)`),
  reason: requiredText(2_000, 'Waarom meer tijd nodig is (staat in het verdagingsbericht)', 'Geef de reden van de verdaging'),
});

export const klachtDecisionSchema = z.strictObject({
  outcome: klachtOutcomeSchema,
  conclusion: requiredText(10_000, 'Het oordeel met de redenen, en eventuele conclusies (Awb 9:12)', 'Schrijf de conclusie'),
});

export const klachtNoteSchema = z.strictObject({ text: requiredText(5_000, 'Interne notitie', 'Schrijf een notitie') });

export const klachtListQuery = z.strictObject({
  status: klachtStatusSchema.optional(),
  municipalityId: z.uuid().optional(),
  theme: klachtThemeSchema.optional(),
  overdue: z.enum(['ja', 'nee']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const klachtEventSchema = z.object({
  id: z.uuid(),
  at: isoDateTime,
  kind: z.enum(['geregistreerd', 'ontvangstbevestiging', 'status', 'behandelaar', 'hoorzitting', 'verdaagd', 'besluit', 'notitie', 'herinnering']),
  fromStatus: klachtStatusSchema.nullable(),
  toStatus: klachtStatusSchema.nullable(),
  text: z.string().nullable(),
  actorName: z.string().nullable(),
  sentToComplainant: z.boolean(),
});

export const klachtSchema = z.object({
  id: z.uuid(),
  number: z.string().describe('Zoals K2026-00012, per organisatie en jaar'),
  municipalityId: z.uuid(),
  status: klachtStatusSchema,
  complainantName: z.string(),
  complainantEmail: z.string().nullable(),
  complainantPhone: z.string().nullable(),
  complainantAddress: z.string().nullable(),
  subject: z.string(),
  complainedUserId: z.uuid().nullable(),
  complainedUserName: z.string().nullable(),
  complainedAbout: z.string().nullable(),
  theme: klachtThemeSchema,
  channel: klachtChannelSchema,
  messageId: z.uuid().nullable(),
  meldingId: z.uuid().nullable(),
  receivedOn: z.string().describe('Datum van ontvangst (jjjj-mm-dd)'),
  registeredAt: isoDateTime,
  deadline: isoDateTime.describe('Uiterste beslisdatum, na een eventuele verdaging'),
  originalDeadline: isoDateTime.describe('Zes weken na ontvangst (Awb 9:11), verschoven naar een werkdag (Atw)'),
  extension: z.object({ weeks: z.number().int(), reason: z.string(), at: isoDateTime }).nullable(),
  overdue: z.boolean(),
  handlerUserId: z.uuid().nullable(),
  handlerName: z.string().nullable(),
  hearing: z.object({ at: isoDateTime, place: z.string() }).nullable(),
  hearingWaived: z.boolean(),
  outcome: klachtOutcomeSchema.nullable(),
  conclusion: z.string().nullable(),
  closedAt: isoDateTime.nullable(),
  acknowledgedAt: isoDateTime.nullable().describe('Wanneer de ontvangstbevestiging per e-mail ging (Awb 9:6)'),
});
export type Klacht = z.infer<typeof klachtSchema>;

export const klachtDetailSchema = klachtSchema.extend({ events: z.array(klachtEventSchema) });
export type KlachtDetail = z.infer<typeof klachtDetailSchema>;

export const klachtReportQuery = z.strictObject({
  municipalityId: z.uuid().optional().describe('Zonder: alle gemeenten waarvoor u werkt samen'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Standaard het lopende jaar'),
});

const count = z.number().int();
export const klachtReportSchema = z.object({
  year: z.number().int(),
  municipalityId: z.uuid().nullable(),
  municipalityName: z.string().describe('De gemeente, of de namen van alle gemeenten in het verslag'),
  received: count.describe('Ontvangen in het jaar'),
  handled: count.describe('Afgesloten in het jaar (met elke uitkomst)'),
  openAtYearEnd: count.describe('Op 31 december nog niet afgesloten'),
  outcomes: z.object({
    gegrond: count,
    'deels-gegrond': count,
    ongegrond: count,
    'informeel-opgelost': count,
    'niet-in-behandeling': count,
    ingetrokken: count,
  }),
  themes: z.record(klachtThemeSchema, count).describe('Ontvangen in het jaar, per thema'),
  leadTime: z.object({
    basis: count.describe('Aantal klachten waarover de doorlooptijd is berekend (afgehandeld of informeel opgelost in het jaar)'),
    averageDays: z.number().nullable(),
    medianDays: z.number().nullable(),
    withinTermPercent: z.number().nullable().describe('Binnen de wettelijke termijn, verdaging meegerekend'),
  }),
  extended: count.describe('Verdaagd, van de klachten afgesloten in het jaar'),
});
export type KlachtReport = z.infer<typeof klachtReportSchema>;
