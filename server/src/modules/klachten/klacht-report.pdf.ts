import { KLACHT_THEME_LABELS, KLACHT_THEMES, type KlachtReport } from '@contracts/klachten';
import { ACCENT, BOTTOM, INK, MARGIN, MUTED, WIDTH } from '@platform/pdf/pdf-page.config';
import PDFDocument from 'pdfkit';
import { buildReportRows, formatDutchNumber, OUTCOME_ROWS } from './klacht-report.csv';

// The yearly report as a PDF for the council: title, the figures as a table, and bar charts drawn with
// pdfkit's vector API (no images, so the text stays selectable and the file small). Standard Helvetica:
// its WinAnsi encoding covers Dutch (ë, é, ï).
export async function renderReportPdf(report: KlachtReport, generatedAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `Jaarverslag klachten ${report.year} – ${report.municipalityName}`,
      Author: 'Plein',
      Subject: 'Klachtbehandeling (Awb hoofdstuk 9)',
      CreationDate: generatedAt,
    },
    lang: 'nl-NL',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(22).text(`Jaarverslag klachten ${report.year}`);
  doc.moveDown(0.3).fillColor(INK).font('Helvetica').fontSize(13).text(`Gemeente ${report.municipalityName}`);
  const date = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric' }).format(generatedAt);
  doc.moveDown(0.2).fillColor(MUTED).fontSize(9).text(`Opgesteld op ${date}. Klachtbehandeling volgens de Algemene wet bestuursrecht, hoofdstuk 9.`);
  doc.moveDown(1);

  heading(doc, 'Kerncijfers');
  table(
    doc,
    buildReportRows(report).map((row) => [row.section, row.label, formatDutchNumber(row.value) || '–']),
  );

  heading(doc, 'Uitkomst van de afgesloten klachten');
  barChart(
    doc,
    OUTCOME_ROWS.map(([key, label]) => ({ label, value: report.outcomes[key] })),
  );

  heading(doc, 'Ontvangen klachten per thema');
  barChart(
    doc,
    KLACHT_THEMES.map((theme) => ({ label: KLACHT_THEME_LABELS[theme], value: report.themes[theme] })),
  );

  ensureSpace(doc, 80);
  doc
    .moveDown(0.5)
    .fillColor(MUTED)
    .font('Helvetica')
    .fontSize(8)
    .text(
      'Ontvangen en thema’s: klachten ontvangen in het jaar. Afgesloten, uitkomst en verdaging: klachten afgesloten in het jaar. ' +
        'Doorlooptijd: kalenderdagen van ontvangst tot afsluiten, over de klachten die in het jaar zijn afgehandeld of informeel opgelost; ' +
        'binnen de wettelijke termijn betekent binnen zes weken, of binnen de verdaagde termijn (Awb 9:11).',
      MARGIN,
      doc.y,
      { width: WIDTH },
    );
  doc.end();
  return done;
}

function ensureSpace(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > BOTTOM) doc.addPage();
}

function heading(doc: PDFKit.PDFDocument, text: string) {
  ensureSpace(doc, 60);
  doc.moveDown(0.6).fillColor(INK).font('Helvetica-Bold').fontSize(13).text(text, MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.4);
}

function table(doc: PDFKit.PDFDocument, rows: string[][]) {
  const columns = [MARGIN, MARGIN + 110, MARGIN + WIDTH - 80];
  const rowHeight = 17;
  const header = ['Onderdeel', 'Omschrijving', 'Aantal'];
  for (const [index, row] of [header, ...rows].entries()) {
    ensureSpace(doc, rowHeight);
    const y = doc.y;
    if (index > 0 && index % 2 === 0) doc.rect(MARGIN, y - 3, WIDTH, rowHeight).fill('#f1f5f8');
    doc
      .fillColor(INK)
      .font(index === 0 ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(10);
    doc.text(row[0]!, columns[0]!, y, { width: 105, lineBreak: false });
    doc.text(row[1]!, columns[1]!, y, { width: WIDTH - 200, lineBreak: false });
    doc.text(row[2]!, columns[2]!, y, { width: 80, align: 'right', lineBreak: false });
    doc.y = y + rowHeight;
    if (index === 0)
      doc
        .moveTo(MARGIN, y + 13)
        .lineTo(MARGIN + WIDTH, y + 13)
        .lineWidth(0.8)
        .strokeColor(INK)
        .stroke();
  }
  doc.x = MARGIN;
}

// Horizontal bars: label, bar in proportion to the largest value, and the number itself.
function barChart(doc: PDFKit.PDFDocument, bars: Array<{ label: string; value: number }>) {
  const labelWidth = 150;
  const barArea = WIDTH - labelWidth - 40;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const barHeight = 12;
  ensureSpace(doc, bars.length * (barHeight + 6));
  for (const bar of bars) {
    const y = doc.y;
    doc
      .fillColor(INK)
      .font('Helvetica')
      .fontSize(10)
      .text(bar.label, MARGIN, y, { width: labelWidth - 8, lineBreak: false });
    const length = (bar.value / max) * barArea;
    if (length > 0) doc.rect(MARGIN + labelWidth, y - 1, length, barHeight).fill(ACCENT);
    doc.fillColor(INK).text(formatDutchNumber(bar.value), MARGIN + labelWidth + length + 6, y, { lineBreak: false });
    doc.y = y + barHeight + 6;
  }
  doc
    .moveTo(MARGIN + labelWidth, doc.y - bars.length * (barHeight + 6) - 3)
    .lineTo(MARGIN + labelWidth, doc.y - 3)
    .lineWidth(0.8)
    .strokeColor(MUTED)
    .stroke();
  doc.x = MARGIN;
}
