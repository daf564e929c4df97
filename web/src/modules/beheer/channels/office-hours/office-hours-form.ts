import { type Norm, type OfficeHours, type OfficeHoursInput, type TimeRange, WEEKDAYS, type Weekday, weekSchema } from '@contracts/office-hours';
import { formatIsoDateAsDutch, parseDutchDate } from '../../../../app/format';

// The form edits the week and the exceptions as short text ("09:00-12:00, 13:00-17:00"; one exception
// per line: "24-12-2026 09:00-12:00 Kerstavond"), which is quicker to type and to read aloud with a screen
// reader than a grid of time pickers. These helpers turn that text into the API's shape and back.

export type NormUnit = 'minuten' | 'uren';

export interface NormFields {
  amount: string;
  unit: NormUnit;
  counting: Norm['counting'];
}

export interface OfficeHoursFields {
  alwaysOpen: boolean;
  days: Record<Weekday, string>;
  holidaysClosed: boolean;
  exceptions: string;
  firstResponse: NormFields;
  resolution: NormFields;
  acknowledgementEnabled: boolean;
  acknowledgementText: string;
  timeZone: string;
}

export const CLOSED_WORD = 'gesloten';

export function formatRanges(ranges: TimeRange[]): string {
  return ranges.map((range) => `${range.from}-${range.to}`).join(', ');
}

// "9:00 - 17:00, 18:00–20:00" → ranges; empty is closed. Errors say what is wrong in Dutch.
export function parseRanges(text: string): { ranges: TimeRange[] } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.toLowerCase() === CLOSED_WORD) return { ranges: [] };
  const ranges: TimeRange[] = [];
  for (const part of trimmed.split(/\s*[,;]\s*/)) {
    const match = /^(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})$/.exec(part);
    if (!match) return { error: `"${part}" is geen tijdvak; schrijf bijvoorbeeld 09:00-17:00` };
    const pad = (value: string) => value.padStart(2, '0');
    ranges.push({ from: `${pad(match[1]!)}:${match[2]}`, to: `${pad(match[3]!)}:${match[4]}` });
  }
  // The same rules as the server (25:00, end before start, overlap), with the same words.
  const checked = weekSchema.shape.maandag.safeParse(ranges);
  return checked.success ? { ranges } : { error: checked.error.issues[0]?.message ?? 'Ongeldige tijden' };
}

export function formatExceptions(exceptions: OfficeHours['exceptions']): string {
  return exceptions
    .map((exception) =>
      [formatIsoDateAsDutch(exception.date), exception.hours.length > 0 ? formatRanges(exception.hours) : CLOSED_WORD, exception.description ?? '']
        .filter(Boolean)
        .join(' '),
    )
    .join('\n');
}

export function parseExceptions(text: string): { exceptions: OfficeHoursInput['exceptions'] } | { error: string } {
  const exceptions: OfficeHoursInput['exceptions'] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const match = /^\s*(\S+)\s+(gesloten|[\d:.\-–,;\s]+?)(?:\s+([^\d\s].*))?\s*$/i.exec(line);
    const date = match && parseDutchDate(match[1]!);
    if (!match || !date) return { error: `Regel ${index + 1}: schrijf een datum en de tijden of "gesloten", zoals 24-12-2026 09:00-12:00 Kerstavond` };
    const hours = parseRanges(match[2]!);
    if ('error' in hours) return { error: `Regel ${index + 1}: ${hours.error}` };
    exceptions.push({ date, hours: hours.ranges, ...(match[3] && { description: match[3].trim() }) });
  }
  return { exceptions };
}

function normFields(norm: Norm | null): NormFields {
  if (!norm) return { amount: '', unit: 'uren', counting: 'openingstijden' };
  const inHours = norm.minutes % 60 === 0;
  return { amount: String(inHours ? norm.minutes / 60 : norm.minutes), unit: inHours ? 'uren' : 'minuten', counting: norm.counting };
}

export function parseNorm(fields: NormFields): { norm: Norm | null } | { error: string } {
  const text = fields.amount.trim().replace(',', '.');
  if (text === '') return { norm: null };
  const amount = Number(text);
  const minutes = Math.round(fields.unit === 'uren' ? amount * 60 : amount);
  if (!Number.isFinite(amount) || amount <= 0 || minutes < 1) return { error: 'Vul een positief getal in, of laat het leeg voor geen norm' };
  return { norm: { minutes, counting: fields.counting } };
}

export function toFields(settings: OfficeHours): OfficeHoursFields {
  return {
    alwaysOpen: settings.alwaysOpen,
    days: Object.fromEntries(WEEKDAYS.map((day) => [day, formatRanges(settings.week[day] ?? [])])) as Record<Weekday, string>,
    holidaysClosed: settings.holidaysClosed,
    exceptions: formatExceptions(settings.exceptions),
    firstResponse: normFields(settings.firstResponse),
    resolution: normFields(settings.resolution),
    acknowledgementEnabled: settings.acknowledgement.enabled,
    acknowledgementText: settings.acknowledgement.text,
    timeZone: settings.timeZone,
  };
}

// The API body, or the problems per form field (the field names the server uses, so its errors land there too).
export function toInput(fields: OfficeHoursFields): { input: OfficeHoursInput } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const week = {} as Record<Weekday, TimeRange[]>;
  for (const day of WEEKDAYS) {
    const parsed = parseRanges(fields.days[day]);
    if ('error' in parsed) errors[day] = parsed.error;
    else week[day] = parsed.ranges;
  }
  const exceptions = parseExceptions(fields.exceptions);
  if ('error' in exceptions) errors.exceptions = exceptions.error;
  const firstResponse = parseNorm(fields.firstResponse);
  if ('error' in firstResponse) errors.firstResponse = firstResponse.error;
  const resolution = parseNorm(fields.resolution);
  if ('error' in resolution) errors.resolution = resolution.error;
  if ('error' in exceptions || 'error' in firstResponse || 'error' in resolution || Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      timeZone: fields.timeZone.trim() || undefined,
      alwaysOpen: fields.alwaysOpen,
      week,
      holidaysClosed: fields.holidaysClosed,
      exceptions: exceptions.exceptions,
      firstResponse: firstResponse.norm,
      resolution: resolution.norm,
      acknowledgement: { enabled: fields.acknowledgementEnabled, text: fields.acknowledgementText },
    },
  };
}
