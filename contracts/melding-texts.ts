import { z } from 'zod';
import { isoDateTime } from './common';
import { type MeldingStatus, meldingStatusSchema } from './meldingen';

// Standard texts for the reporter, per status and category. Placeholders in braces are filled in when the
// text is sent; the same functions run in the browser (preview) and on the server (sending).
export const MELDING_PLACEHOLDERS = {
  nummer: 'het nummer van de melding (2026-00123)',
  categorie: 'de categorie, zoals de melder die koos',
  adres: 'het adres of de omschrijving van de plek',
  gemeente: 'de naam van de gemeente',
  meldingsdatum: 'de dag waarop de melding binnenkwam',
  afhandeldatum: 'de uiterste afhandeldatum',
  medewerker: 'de naam van wie de status wijzigt',
} as const;
export type MeldingPlaceholder = keyof typeof MELDING_PLACEHOLDERS;

const PLACEHOLDER_PATTERN = /\{([^{}\s]{1,40})\}/g;

export function findPlaceholders(text: string): { name: string; index: number }[] {
  return [...text.matchAll(PLACEHOLDER_PATTERN)].map((match) => ({ name: match[1]!, index: match.index }));
}

// Any set of placeholders (meldingen, webcare replies) is checked with the same pattern.
export function findUnknownPlaceholders(text: string, known: Record<string, string> = MELDING_PLACEHOLDERS): { name: string; index: number }[] {
  return findPlaceholders(text).filter((found) => !(found.name in known));
}

// Known placeholders become their value; unknown ones (and those without a value) stay as they are, so a
// check afterwards can refuse them.
export function fillPlaceholders(text: string, values: Partial<Record<string, string>>): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, name: string) => values[name] ?? whole);
}

const noMarkup = (value: string) => !/<\s*\/?\s*[a-z!]/i.test(value);
const textBody = z
  .string()
  .trim()
  .min(1, 'Schrijf de tekst')
  .max(2_000, 'Hoogstens 2000 tekens')
  .refine(noMarkup, 'Gebruik gewone tekst, zonder HTML of code')
  .superRefine((value, ctx) => {
    for (const found of findUnknownPlaceholders(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `Onbekende plaatshouder {${found.name}} op positie ${found.index + 1}. Mogelijk: ${Object.keys(MELDING_PLACEHOLDERS)
          .map((name) => `{${name}}`)
          .join(', ')}`,
      });
    }
  });

export const STANDARD_TEXT_STATUSES = meldingStatusSchema.exclude(['gemeld']);

export const standardTextSchema = z.object({
  id: z.uuid(),
  categoryId: z.uuid().nullable().describe('Leeg: voor alle categorieën'),
  status: STANDARD_TEXT_STATUSES,
  title: z.string(),
  body: z.string(),
  updatedAt: isoDateTime,
});
export type StandardText = z.infer<typeof standardTextSchema>;

export const standardTextCreateSchema = z.strictObject({
  categoryId: z.uuid().nullable().default(null),
  status: STANDARD_TEXT_STATUSES,
  title: z.string().trim().min(1, 'Geef de tekst een korte titel').max(120).refine(noMarkup, 'Gebruik gewone tekst, zonder HTML of code'),
  body: textBody,
});

export const standardTextChangeSchema = z.strictObject({
  categoryId: z.uuid().nullable().optional(),
  status: STANDARD_TEXT_STATUSES.optional(),
  title: standardTextCreateSchema.shape.title.optional(),
  body: textBody.optional(),
});

export const standardTextListQuery = z.strictObject({
  status: STANDARD_TEXT_STATUSES.optional(),
  categoryId: z.uuid().optional().describe('Alleen de teksten die voor deze categorie gelden (ook die voor alle categorieën)'),
});

// What the reporter hears when nobody wrote a text and the organisation has no standard text of its own.
export const BUILT_IN_TEXTS: Record<Exclude<MeldingStatus, 'gemeld'>, string> = {
  'in-behandeling': 'We zijn met uw melding {nummer} ({categorie}) aan de slag. U hoort van ons als het klaar is.',
  ingepland: 'Uw melding {nummer} ({categorie}) is ingepland. We komen zo snel mogelijk langs.',
  'wacht-op-informatie': 'Voor uw melding {nummer} hebben we meer informatie van u nodig. We nemen contact met u op om te vragen wat we nog moeten weten.',
  'doorgezet-naar-extern':
    'Uw melding {nummer} ({categorie}) valt niet onder de gemeente {gemeente}. We hebben haar doorgestuurd naar de organisatie die erover gaat.',
  afgehandeld: 'Uw melding {nummer} ({categorie}) is afgehandeld. Bedankt dat u de gemeente {gemeente} hielp de buurt netjes en veilig te houden.',
  geannuleerd: 'Uw melding {nummer} is gesloten zonder verdere actie.',
  heropend: 'Uw melding {nummer} ({categorie}) is opnieuw in behandeling genomen.',
};

// The most specific text for a melding: its category's own, then its main category's, then one for all.
export function pickStandardText<T extends { categoryId: string | null; status: string }>(
  texts: T[],
  category: { id: string; parentId: string | null },
  status: MeldingStatus,
): T | undefined {
  const forStatus = texts.filter((text) => text.status === status);
  return (
    forStatus.find((text) => text.categoryId === category.id) ??
    forStatus.find((text) => text.categoryId !== null && text.categoryId === category.parentId) ??
    forStatus.find((text) => text.categoryId === null)
  );
}
