import { z } from 'zod';
import { isoDateTime } from './common';

// Reageren: opening hours and response norms of one channel account. Outside opening hours the norm
// clocks stand still (unless a norm counts around the clock) and residents can get an automatic
// acknowledgement that says when the answer will come.
export const WEEKDAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const NORM_COUNTINGS = ['openingstijden', 'altijd'] as const;
export const NORM_COUNTING_LABELS: Record<(typeof NORM_COUNTINGS)[number], string> = {
  openingstijden: 'Alleen binnen openingstijden',
  altijd: 'De klok rond (ook avonden, weekenden en feestdagen)',
};

export const ANSWER_PLACEHOLDER = '{antwoordmoment}';
export const DEFAULT_ACKNOWLEDGEMENT = `Bedankt voor uw bericht. We zijn nu gesloten; u krijgt uiterlijk ${ANSWER_PLACEHOLDER} antwoord.`;

// "09:00" → 540; "24:00" (the end of the day) → 1440.
export function parseMinutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

const timeOfDay = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Gebruik een tijd van 00:00 tot en met 24:00 in uren en minuten, zoals 09:00');

export const timeRangeSchema = z
  .strictObject({ from: timeOfDay, to: timeOfDay })
  .refine((range) => parseMinutesOfDay(range.to) > parseMinutesOfDay(range.from), {
    error: 'Het einde moet na het begin liggen (een dienst over middernacht splitst u over twee dagen)',
    path: ['to'],
  });

const rangesSchema = z
  .array(timeRangeSchema)
  .max(6, 'Hoogstens zes tijdvakken per dag')
  .superRefine((ranges, ctx) => {
    const sorted = ranges.map((range, index) => ({ ...range, index })).sort((a, b) => parseMinutesOfDay(a.from) - parseMinutesOfDay(b.from));
    for (let i = 1; i < sorted.length; i++) {
      const [before, after] = [sorted[i - 1]!, sorted[i]!];
      if (parseMinutesOfDay(after.from) < parseMinutesOfDay(before.to)) {
        ctx.addIssue({ code: 'custom', message: `${after.from}–${after.to} overlapt met ${before.from}–${before.to}`, path: [after.index] });
      }
    }
  });

const weekShape = Object.fromEntries(WEEKDAYS.map((day) => [day, rangesSchema.default([])])) as Record<Weekday, z.ZodDefault<typeof rangesSchema>>;
export const weekSchema = z.strictObject(weekShape, {
  error: (issue) => (issue.code === 'unrecognized_keys' ? `Onbekende weekdag (${issue.keys.join(', ')}); gebruik maandag tot en met zondag` : undefined),
});

const isoDate = z.iso
  .date('Deze datum bestaat niet; gebruik jjjj-mm-dd, zoals 2026-12-24')
  .refine((date) => !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date), 'Deze datum bestaat niet');

export const exceptionSchema = z.strictObject({
  date: isoDate,
  hours: rangesSchema.describe('Openingstijden die dag; leeg is de hele dag gesloten'),
  description: z.string().trim().max(100).optional().describe('Bijvoorbeeld "Kerstavond" of "Personeelsdag"'),
});

export const normSchema = z
  .strictObject({
    minutes: z
      .number()
      .int('Geef een heel aantal minuten')
      .min(1, 'Een norm is minstens 1 minuut')
      .max(60 * 24 * 90, 'Een norm is hoogstens 90 dagen'),
    counting: z.enum(NORM_COUNTINGS),
  })
  .describe('Binnen hoeveel minuten; geteld in openingstijden of de klok rond');

const noMarkup = (value: string) => !/<\s*\/?\s*[a-z!]/i.test(value);

export const acknowledgementSchema = z.strictObject({
  enabled: z.boolean(),
  text: z
    .string()
    .trim()
    .min(1, 'Schrijf de tekst van de ontvangstbevestiging')
    .max(500)
    .refine(noMarkup, 'Gebruik gewone tekst, zonder HTML of code')
    .refine((text) => text.includes(ANSWER_PLACEHOLDER), `Zet ${ANSWER_PLACEHOLDER} in de tekst: daar komt te staan wanneer het antwoord komt`)
    .refine((text) => [...text.matchAll(/\{([^}]*)\}/g)].every((match) => match[0] === ANSWER_PLACEHOLDER), `Alleen ${ANSWER_PLACEHOLDER} kan worden ingevuld`),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('nl-NL', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

const officeHoursFields = {
  timeZone: z.string().max(64).refine(isTimeZone, 'Onbekende tijdzone; gebruik bijvoorbeeld Europe/Amsterdam'),
  alwaysOpen: z.boolean().describe('Altijd open (24×7); de week telt dan niet'),
  week: weekSchema,
  holidaysClosed: z.boolean().describe('Gesloten op de feestdagen van de Algemene termijnenwet'),
  exceptions: z.array(exceptionSchema).max(400),
  firstResponse: normSchema.nullable().describe('Norm voor de eerste reactie; null is geen norm'),
  resolution: normSchema.nullable().describe('Afhandeltermijn; null is geen norm'),
  acknowledgement: acknowledgementSchema.describe('Ontvangstbevestiging buiten openingstijden'),
};

export const officeHoursInputSchema = z
  .strictObject({
    ...officeHoursFields,
    timeZone: officeHoursFields.timeZone.optional().describe('Standaard de tijdzone van de gemeente'),
    alwaysOpen: officeHoursFields.alwaysOpen.default(false),
    holidaysClosed: officeHoursFields.holidaysClosed.default(true),
    exceptions: officeHoursFields.exceptions.default([]),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.exceptions.forEach((exception, index) => {
      if (seen.has(exception.date)) ctx.addIssue({ code: 'custom', message: `${exception.date} staat er twee keer in`, path: ['exceptions', index, 'date'] });
      seen.add(exception.date);
    });
    const hasHours = input.alwaysOpen || WEEKDAYS.some((day) => input.week[day].length > 0);
    const countsInHours = [input.firstResponse, input.resolution].some((norm) => norm?.counting === 'openingstijden');
    if (!hasHours && countsInHours) {
      ctx.addIssue({ code: 'custom', message: 'Geef openingstijden op, of tel de normen de klok rond', path: ['week'] });
    }
    if (input.acknowledgement.enabled && !input.firstResponse) {
      ctx.addIssue({
        code: 'custom',
        message: 'Een ontvangstbevestiging noemt wanneer het antwoord komt: stel een norm voor de eerste reactie in',
        path: ['acknowledgement', 'enabled'],
      });
    }
  });

export const officeHoursSchema = z.object({
  accountId: z.uuid(),
  ...officeHoursFields,
  configured: z.boolean().describe('false: nog niet ingesteld, dit zijn de standaardwaarden'),
  openNow: z.boolean(),
  upcomingHolidays: z.array(z.iso.date()).describe('Feestdagen van de komende twaalf maanden (JJJJ-MM-DD)'),
  updatedAt: isoDateTime.nullable(),
});

export type OfficeHoursInput = z.infer<typeof officeHoursInputSchema>;
export type OfficeHours = z.infer<typeof officeHoursSchema>;
export type TimeRange = z.infer<typeof timeRangeSchema>;
export type Norm = z.infer<typeof normSchema>;
