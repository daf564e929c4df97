import { KLACHT_THEME_LABELS, KLACHT_THEMES, type KlachtReport } from '@contracts/klachten';

export interface ReportRow {
  section: string;
  label: string;
  value: number | null;
}

export const OUTCOME_ROWS = [
  ['gegrond', 'Gegrond'],
  ['deels-gegrond', 'Deels gegrond'],
  ['ongegrond', 'Ongegrond'],
  ['informeel-opgelost', 'Informeel opgelost'],
  ['niet-in-behandeling', 'Niet in behandeling genomen'],
  ['ingetrokken', 'Ingetrokken'],
] as const;

// The figures of the report as one list, in the order the report shows them; CSV and PDF both use it.
export function buildReportRows(report: KlachtReport): ReportRow[] {
  return [
    { section: 'Aantallen', label: 'Ontvangen', value: report.received },
    { section: 'Aantallen', label: 'Afgesloten', value: report.handled },
    { section: 'Aantallen', label: 'Nog open op 31 december', value: report.openAtYearEnd },
    ...OUTCOME_ROWS.map(([key, label]) => ({ section: 'Uitkomst', label, value: report.outcomes[key] })),
    ...KLACHT_THEMES.map((theme) => ({ section: 'Thema', label: KLACHT_THEME_LABELS[theme], value: report.themes[theme] })),
    { section: 'Doorlooptijd', label: 'Gemiddeld (kalenderdagen)', value: report.leadTime.averageDays },
    { section: 'Doorlooptijd', label: 'Mediaan (kalenderdagen)', value: report.leadTime.medianDays },
    { section: 'Doorlooptijd', label: 'Binnen de wettelijke termijn (%)', value: report.leadTime.withinTermPercent },
    { section: 'Doorlooptijd', label: 'Berekend over (klachten)', value: report.leadTime.basis },
    { section: 'Verdaging', label: 'Verdaagd', value: report.extended },
  ];
}

export const formatDutchNumber = (value: number | null) =>
  value === null ? '' : new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, useGrouping: false }).format(value);

// A spreadsheet must never read a cell as a formula (CSV injection): such a cell starts with a quote.
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

// CSV as Dutch Excel opens it by double-click: semicolons, decimal comma, UTF-8 with a byte order mark, CRLF.
// One tidy table (every row names its year and municipality), so it pivots and stacks across years.
export function writeReportCsv(report: KlachtReport): string {
  const header = ['Jaar', 'Gemeente', 'Onderdeel', 'Omschrijving', 'Waarde'];
  const lines = buildReportRows(report).map((row) => [String(report.year), report.municipalityName, row.section, row.label, formatDutchNumber(row.value)]);
  return `\uFEFF${[header, ...lines].map((line) => line.map(cell).join(';')).join('\r\n')}\r\n`;
}
