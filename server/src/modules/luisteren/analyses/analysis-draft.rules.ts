import { ANALYSIS_KIND_LABELS, type AnalysisFigures, type AnalysisKind, FIELD_LABELS } from '@contracts/analyses';

const TZ = 'Europe/Amsterdam';
export const formatDay = (instant: Date) => new Intl.DateTimeFormat('nl-NL', { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
export const formatPeriod = (from: Date, until: Date) => `${formatDay(from)} tot ${formatDay(until)}`;
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

const messages = (n: number) => `${n} ${n === 1 ? 'bericht' : 'berichten'}`;

function volumeSentence(now: number, before: number) {
  if (before === 0) return `Volume: ${messages(now)}; in de periode ervoor geen.`;
  const delta = Math.round(((now - before) / before) * 100);
  const change = delta === 0 ? 'evenveel als' : delta > 0 ? `${delta}% meer dan` : `${-delta}% minder dan`;
  return `Volume: ${messages(now)}, ${change} in de periode ervoor (${before}).`;
}

function tenorSentence(tenor: AnalysisFigures['tenor'], total: number) {
  return `${percent(tenor.kritiek, total)}% kritisch, ${percent(tenor.steun, total)}% steunend, ${percent(tenor.neutraal, total)}% neutraal en ${percent(tenor.gemengd, total)}% gemengd`;
}

const PURPOSE: Record<AnalysisKind, string> = {
  tamtam: 'Deze TamTam geeft een beeld van wat er in de periode speelde, als voorbereiding op het volgende beslismoment.',
  issue: 'Deze issue-analyse laat zien hoe het onderwerp ligt in de media, bij opiniemakers, groepen en de bevolking, vóór het volgende beslismoment.',
  reputatie: 'Deze reputatie-analyse kijkt naar uitingen over de bestuurder en zijn of haar bestuursstijl.',
};

// The first draft the analyst edits: aanleiding and analyse say only what the figures show, the advies gives the
// headings of the checklist (risks, opportunities, core message) and leaves the judgement to the analyst.
export function draftSections(input: { kind: AnalysisKind; subject: string; from: Date; until: Date; figures: AnalysisFigures }) {
  const { figures: f } = input;
  const aanleiding = [
    `${ANALYSIS_KIND_LABELS[input.kind]} over ${input.subject}, over de periode ${formatPeriod(input.from, input.until)}.`,
    PURPOSE[input.kind],
    '[Vul aan: welk besluit, welke vergadering of welke gebeurtenis is de aanleiding?]',
  ].join('\n\n');

  const lines: string[] = [];
  if (f.total === 0) {
    lines.push('In deze periode zijn geen berichten gevonden.');
  } else {
    lines.push(volumeSentence(f.total, f.previous.total));
    lines.push(`Teneur: ${tenorSentence(f.tenor, f.total)}. In de periode ervoor was ${percent(f.previous.tenor.kritiek, f.previous.total)}% kritisch.`);
    const fields = f.fields
      .filter((field) => field.total > 0)
      .map((field) => `${FIELD_LABELS[field.field].toLowerCase()} ${field.total} (${percent(field.tenor.kritiek, field.total)}% kritisch)`);
    if (fields.length > 0) lines.push(`Per veld: ${fields.join(', ')}.`);
    const names = (people: AnalysisFigures['critics']) => people.map((person) => `@${person.handle} (${FIELD_LABELS[person.field].toLowerCase()})`).join(', ');
    if (f.critics.length > 0) lines.push(`Tegen: ${names(f.critics)}.`);
    if (f.supporters.length > 0) lines.push(`Voor: ${names(f.supporters)}.`);
    if (f.arguments.length > 0) {
      lines.push('Belangrijkste argumenten en woorden:');
      for (const argument of f.arguments) {
        const label = argument.kind === 'hashtag' ? `#${argument.term}` : `"${argument.term}"`;
        const quote = argument.quotes[0];
        lines.push(`- ${label} (${messages(argument.items)})${quote ? `, bijvoorbeeld @${quote.author}: "${quote.text}"` : ''}`);
      }
    }
  }
  const analyse = lines.join('\n');

  const advies = [
    'Risico’s:',
    '- [Vul aan]',
    '',
    'Kansen (ook in de kritiek: wie is betrokken en kan meedenken?):',
    '- [Vul aan]',
    '',
    'Advies en kernboodschap:',
    '- [Vul aan: koers houden of bijsturen, en met welke woorden]',
  ].join('\n');
  return { aanleiding, analyse, advies };
}
