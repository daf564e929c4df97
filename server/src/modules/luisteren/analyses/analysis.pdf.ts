import { ANALYSIS_KIND_LABELS, type Analysis, FIELD_LABELS } from '@contracts/analyses';
import { ACCENT, BOTTOM, INK, MARGIN, MUTED, WIDTH } from '@platform/pdf/pdf-page.config';
import PDFDocument from 'pdfkit';
import { formatDay, formatPeriod } from './analysis-draft.rules';

// Standard Helvetica encodes WinAnsi only: characters beyond it (emoji in a quote) would print as garbage.
const printable = (text: string) => text.replace(/[^\t\n\u0020-\u00ff\u2013\u2014\u2018-\u201e\u2022\u2026\u20ac]/gu, '');

// The analysis as the one or two A4 the college reads: what it is about, the three sections as the analyst wrote
// them, and the figures they rest on as a table.
export async function renderAnalysisPdf(analysis: Analysis, generatedAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: printable(analysis.title), Author: 'Plein', Subject: ANALYSIS_KIND_LABELS[analysis.kind], CreationDate: generatedAt },
    lang: 'nl-NL',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(18).text(printable(analysis.title), { width: WIDTH });
  const status = analysis.status === 'definitief' ? 'Definitief' : 'Concept';
  doc
    .moveDown(0.3)
    .fillColor(MUTED)
    .font('Helvetica')
    .fontSize(9)
    .text(
      `${ANALYSIS_KIND_LABELS[analysis.kind]} · ${status} · periode ${formatPeriod(new Date(analysis.from), new Date(analysis.until))}${analysis.monitorName ? ` · monitor ${printable(analysis.monitorName)}` : ''} · opgesteld ${formatDay(generatedAt)}`,
      { width: WIDTH },
    );
  for (const [heading, text] of [
    ['Aanleiding', analysis.aanleiding],
    ['Analyse', analysis.analyse],
    ['Advies', analysis.advies],
  ] as const) {
    section(doc, heading);
    doc
      .fillColor(INK)
      .font('Helvetica')
      .fontSize(10)
      .text(printable(text.trim()) || '–', MARGIN, doc.y, { width: WIDTH, lineGap: 1.5 });
  }

  const f = analysis.figures;
  section(doc, 'Cijfers');
  const rows: string[][] = [
    ['Berichten', String(f.total), `vorige periode ${f.previous.total}`],
    ['Kritiek / steun', `${f.tenor.kritiek} / ${f.tenor.steun}`, `neutraal ${f.tenor.neutraal}, gemengd ${f.tenor.gemengd}`],
    ...f.fields.map((field) => [FIELD_LABELS[field.field], String(field.total), `kritiek ${field.tenor.kritiek}, steun ${field.tenor.steun}`]),
    ...f.critics.slice(0, 3).map((person) => ['Tegen', `@${printable(person.handle)}`, `${FIELD_LABELS[person.field]}, ${person.critical} kritisch`]),
    ...f.supporters.slice(0, 3).map((person) => ['Voor', `@${printable(person.handle)}`, `${FIELD_LABELS[person.field]}, ${person.supportive} steunend`]),
    ...f.arguments.map((argument) => [
      'Argument',
      argument.kind === 'hashtag' ? `#${printable(argument.term)}` : printable(argument.term),
      `${argument.items} berichten`,
    ]),
  ];
  table(doc, rows);
  doc.end();
  return done;
}

function section(doc: PDFKit.PDFDocument, text: string) {
  if (doc.y + 60 > BOTTOM) doc.addPage();
  doc.moveDown(0.8).fillColor(INK).font('Helvetica-Bold').fontSize(12).text(text, MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.3);
}

function table(doc: PDFKit.PDFDocument, rows: string[][]) {
  const rowHeight = 15;
  for (const [index, row] of [['Onderdeel', 'Waarde', 'Toelichting'], ...rows].entries()) {
    if (doc.y + rowHeight > BOTTOM) doc.addPage();
    const y = doc.y;
    if (index > 0 && index % 2 === 0) doc.rect(MARGIN, y - 3, WIDTH, rowHeight).fill('#f1f5f8');
    doc
      .fillColor(INK)
      .font(index === 0 ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(9);
    doc.text(row[0]!, MARGIN, y, { width: 110, lineBreak: false });
    doc.text(row[1]!, MARGIN + 115, y, { width: 150, lineBreak: false, ellipsis: true });
    doc.text(row[2]!, MARGIN + 270, y, { width: WIDTH - 270, lineBreak: false, ellipsis: true });
    doc.y = y + rowHeight;
  }
  doc.x = MARGIN;
}
