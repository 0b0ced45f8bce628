import type { ImpactReportDocument, ReportTable } from '@parley/domain';
import PDFDocument from 'pdfkit';
import type { Readable } from 'node:stream';

/** DejaVu Sans ships in its npm package and covers every character a report prints (“ ” – — ≥ £ →). */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const MARGIN = 50;
const FOOTER_SPACE = 40;
const CELL_PAD = 4;
const BODY = 9.5;
const SMALL = 8;
const INK = '#0b0c0c';
const RULE = '#b1b4b6';
const HEAD_FILL = '#f3f2f1';

type Doc = InstanceType<typeof PDFDocument>;

const bottom = (doc: Doc) => doc.page.height - MARGIN - FOOTER_SPACE;
const width = (doc: Doc) => doc.page.width - 2 * MARGIN;

const ensureRoom = (doc: Doc, height: number) => {
  if (doc.y + height > bottom(doc)) doc.addPage();
};

/**
 * Column widths in proportion to each column's longest text (capped, so one long quote does not starve the rest),
 * and never narrower than the column's longest word, so no word is split.
 */
const columnWidths = (doc: Doc, table: ReportTable): number[] => {
  doc.font('body').fontSize(SMALL);
  const cells = (i: number) => [table.columns[i], ...table.rows.map((r) => r[i] ?? '')];
  const words = (text: string) => text.split(/\s+/).map((w) => doc.widthOfString(w));
  // The header is set in bold, so its words are measured in bold.
  doc.font('bold');
  const headerWords = table.columns.map((c) => Math.max(...words(c)));
  doc.font('body');
  const floor = table.columns.map(
    (_, i) => Math.max(headerWords[i], ...table.rows.flatMap((r) => words(r[i] ?? ''))) + 2 * CELL_PAD + 1,
  );
  const want = table.columns.map((_, i) =>
    Math.max(floor[i], Math.min(220, Math.max(...cells(i).map((c) => doc.widthOfString(c))))),
  );
  const spare = width(doc) - floor.reduce((a, b) => a + b, 0);
  if (spare <= 0) return floor.map((w) => (w / (width(doc) - spare)) * width(doc));
  // Each column gets its floor, then the rest of the page in proportion to how much more it wants.
  const extra = want.map((w, i) => w - floor[i]);
  const totalExtra = extra.reduce((a, b) => a + b, 0) || 1;
  return floor.map((f, i) => f + (extra[i] / totalExtra) * spare);
};

const rowHeight = (doc: Doc, cells: string[], widths: number[]) =>
  Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 2 * CELL_PAD }))) + 2 * CELL_PAD;

const drawRow = (doc: Doc, cells: string[], widths: number[], header: boolean) => {
  doc.font(header ? 'bold' : 'body').fontSize(SMALL);
  const height = rowHeight(doc, cells, widths);
  const top = doc.y;
  if (header) doc.rect(MARGIN, top, width(doc), height).fill(HEAD_FILL);
  let x = MARGIN;
  cells.forEach((cell, i) => {
    doc.fillColor(INK).text(cell, x + CELL_PAD, top + CELL_PAD, { width: widths[i] - 2 * CELL_PAD });
    x += widths[i];
  });
  doc
    .moveTo(MARGIN, top + height)
    .lineTo(MARGIN + width(doc), top + height)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  doc.x = MARGIN;
  doc.y = top + height;
};

/** A table that breaks across pages, its header row repeated at the top of each. */
const drawTable = (doc: Doc, table: ReportTable) => {
  ensureRoom(doc, 60);
  doc
    .font('bold')
    .fontSize(BODY)
    .fillColor(INK)
    .text(table.title, MARGIN, doc.y, { width: width(doc) });
  doc.moveDown(0.3);
  if (!table.rows.length) {
    doc
      .font('body')
      .fontSize(BODY)
      .text(table.empty, { width: width(doc) })
      .moveDown(0.6);
    return;
  }
  const widths = columnWidths(doc, table);
  drawRow(doc, table.columns, widths, true);
  for (const row of table.rows) {
    doc.font('body').fontSize(SMALL);
    if (doc.y + rowHeight(doc, row, widths) > bottom(doc)) {
      doc.addPage();
      drawRow(doc, table.columns, widths, true);
    }
    drawRow(doc, row, widths, false);
  }
  doc.moveDown(0.8);
};

/** What the report is, then the exact filters and definitions it was built from: on every page. */
const footerOf = (report: ImpactReportDocument) => ({
  what: `${report.departmentName} · ${report.title} · ${report.period}`,
  how:
    `Filters: department ${report.filters.department}, from ${report.filters.from}, to ${report.filters.to}, ` +
    `level ${report.filters.level} · Metrics definitions ${report.definitionsVersion} · Generated ${report.generatedAt}`,
});

/**
 * The report as an A4 PDF, drawn on the server with pdfkit and an embedded font: headings, paragraphs, tables that
 * break across pages, and on every page the filters and definitions version it was built from and its number.
 */
export const reportPdf = (report: ImpactReportDocument): Readable => {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${report.title}: ${report.departmentName}`, Author: 'Parley', Subject: report.period },
    lang: 'en-GB',
    displayTitle: true,
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', BOLD);

  doc.font('bold').fontSize(18).fillColor(INK).text(report.title);
  doc.font('body').fontSize(11).text(`${report.departmentName}, ${report.period}`).moveDown(0.8);

  for (const section of report.sections) {
    ensureRoom(doc, 60);
    doc
      .font('bold')
      .fontSize(13)
      .fillColor(INK)
      .text(section.heading, MARGIN, doc.y, { width: width(doc) });
    doc.moveDown(0.3);
    for (const paragraph of section.paragraphs) {
      doc.font('body').fontSize(BODY);
      ensureRoom(doc, doc.heightOfString(paragraph, { width: width(doc) }));
      doc.text(paragraph, MARGIN, doc.y, { width: width(doc) }).moveDown(0.4);
    }
    for (const table of section.tables) drawTable(doc, table);
    doc.moveDown(0.4);
  }

  const { start, count } = doc.bufferedPageRange();
  const footer = footerOf(report);
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN - SMALL * 2;
    // Writing below the bottom margin would make pdfkit add a page: lift the margin while drawing the footer.
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(SMALL - 1.5)
      .fillColor('#505a5f');
    doc.text(footer.what, MARGIN, y, { width: width(doc) - 70, lineBreak: false });
    doc.text(`Page ${i + 1} of ${count}`, MARGIN + width(doc) - 70, y, { width: 70, align: 'right' });
    doc.text(footer.how, MARGIN, y + SMALL + 1, { width: width(doc), lineBreak: false });
  }
  doc.end();
  return doc;
};
