/** The board report as an A4 PDF drawn with pdfkit (no browser): same sections as the HTML, summary on page 1, vector charts, numbered pages, repeatable bytes. */
import PDFDocument from "pdfkit";
import { drawOnPdf } from "./charts/index.ts";
import { pdfSafe } from "./pdf-text.ts";
import { longDate, reportSections, type Block } from "./report-content.ts";
import type { ReportModel } from "./report-model.ts";

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = { top: 50, bottom: 60, left: 50, right: 50 };
const A4 = { width: 595.28, height: 841.89 };
const LEFT = MARGIN.left;
const WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BOTTOM = A4.height - MARGIN.bottom;
const INK = "#1f1f1f";
const MUTED = "#555555";

/** Lays blocks out top to bottom, starting a new page whenever the next piece would not fit. */
class Layout {
  y = MARGIN.top;
  constructor(readonly doc: Doc) {}

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }
  ensure(height: number): void {
    if (this.y + height > BOTTOM && this.y > MARGIN.top) this.newPage();
  }
  textHeight(s: string, font: string, size: number, width = WIDTH): number {
    return this.doc.font(font).fontSize(size).heightOfString(pdfSafe(s), { width });
  }
  write(s: string, opts: { font?: string; size?: number; colour?: string; x?: number; width?: number; gap?: number } = {}): void {
    const font = opts.font ?? "Helvetica";
    const size = opts.size ?? 10;
    const x = opts.x ?? LEFT;
    const width = opts.width ?? WIDTH - (x - LEFT);
    this.ensure(Math.min(this.textHeight(s, font, size, width), 3 * size * 1.3));
    this.doc.font(font).fontSize(size).fillColor(opts.colour ?? INK).text(pdfSafe(s), x, this.y, { width, lineGap: 1.5 });
    this.y = this.doc.y + (opts.gap ?? 6);
  }
  heading(s: string, level: 2 | 3): void {
    const size = level === 2 ? 15 : 11.5;
    this.ensure(level === 2 ? 90 : 70);
    this.write(s, { font: "Helvetica-Bold", size, gap: level === 2 ? 4 : 3 });
    if (level === 2) {
      this.doc.moveTo(LEFT, this.y).lineTo(LEFT + WIDTH, this.y).lineWidth(0.5).stroke("#c8c8c8");
      this.y += 8;
    }
  }
  list(items: readonly string[], ordered: boolean): void {
    items.forEach((item, i) => {
      const marker = ordered ? `${i + 1}.` : "•";
      this.ensure(Math.min(this.textHeight(item, "Helvetica", 10, WIDTH - 16), 40));
      this.doc.font("Helvetica").fontSize(10).fillColor(INK).text(marker, LEFT, this.y, { width: 14, lineBreak: false });
      this.write(item, { x: LEFT + 16, gap: 3 });
    });
    this.y += 4;
  }
  figures(items: readonly { label: string; value: string }[]): void {
    const cols = 3;
    const gap = 8;
    const w = (WIDTH - gap * (cols - 1)) / cols;
    const h = 48;
    for (let r = 0; r * cols < items.length; r++) {
      this.ensure(h + gap);
      items.slice(r * cols, r * cols + cols).forEach((f, c) => {
        const x = LEFT + c * (w + gap);
        this.doc.roundedRect(x, this.y, w, h, 4).lineWidth(0.75).stroke("#c8c8c8");
        const value = pdfSafe(f.value);
        const size = Math.max(8, Math.min(14, (14 * (w - 16)) / Math.max(1, this.doc.font("Helvetica-Bold").fontSize(14).widthOfString(value))));
        this.doc.font("Helvetica-Bold").fontSize(size).fillColor(INK).text(value, x + 8, this.y + 8 + (14 - size), { width: w - 16, lineBreak: false });
        this.doc.font("Helvetica").fontSize(8.5).fillColor(MUTED).text(pdfSafe(f.label), x + 8, this.y + 29, { width: w - 16, lineBreak: false, ellipsis: true });
      });
      this.y += h + gap;
    }
    this.y += 4;
  }
  table(head: readonly string[], rows: readonly string[][]): void {
    const first = WIDTH * 0.24;
    const rest = (WIDTH - first) / Math.max(1, head.length - 1);
    const widths = head.map((_, i) => (i === 0 ? first : rest));
    const size = 8;
    const row = (cells: readonly string[], bold: boolean) => {
      const font = bold ? "Helvetica-Bold" : "Helvetica";
      const h = Math.max(...cells.map((c, i) => this.textHeight(c, font, size, widths[i]! - 6))) + 6;
      return { h, draw: () => {
        let x = LEFT;
        cells.forEach((c, i) => {
          this.doc.font(font).fontSize(size).fillColor(INK).text(pdfSafe(c), x + 3, this.y + 3, { width: widths[i]! - 6 });
          x += widths[i]!;
        });
        this.y += h;
        this.doc.moveTo(LEFT, this.y).lineTo(LEFT + WIDTH, this.y).lineWidth(0.4).stroke("#cccccc");
      } };
    };
    const header = row(head, true);
    this.ensure(header.h * 3);
    header.draw();
    for (const cells of rows) {
      const r = row(cells, false);
      if (this.y + r.h > BOTTOM) {
        this.newPage();
        header.draw();
      }
      r.draw();
    }
    this.y += 8;
  }
  chart(d: Parameters<typeof drawOnPdf>[1]): void {
    const scale = Math.min(WIDTH / d.width, 1.1);
    this.ensure(d.height * scale + 8);
    drawOnPdf(this.doc, d, LEFT + (WIDTH - d.width * scale) / 2, this.y, scale);
    this.y += d.height * scale + 10;
  }
  /** Height of a sub-heading with the paragraphs and the first chart right after it, so they start on the same page. */
  keepTogether(blocks: readonly Block[]): number {
    let h = 24;
    for (const b of blocks.slice(1)) {
      if (b.kind === "p") h += this.textHeight(b.text, "Helvetica", 10) + 6;
      else if (b.kind === "chart") return Math.min(h + b.drawing.height * Math.min(WIDTH / b.drawing.width, 1.1) + 10, BOTTOM - MARGIN.top - 60);
      else break;
    }
    return Math.min(h, 70);
  }
  block(b: Block): void {
    switch (b.kind) {
      case "p":
        return this.write(b.text, { font: b.tone === "lead" ? "Helvetica-Bold" : "Helvetica", size: b.tone === "lead" ? 11 : 10, colour: b.tone === "muted" ? MUTED : INK });
      case "h3":
        return this.heading(b.text, 3);
      case "list":
        return this.list(b.items, b.ordered ?? false);
      case "figures":
        return this.figures(b.items);
      case "table":
        return this.table(b.head, b.rows);
      case "chart":
        return this.chart(b.drawing);
    }
  }
}

/** Draws "Page i of n" and the report's name at the foot of every page. */
function footers(doc: Doc, m: ReportModel): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the margin must not start a new page
    const y = A4.height - 36;
    doc.font("Helvetica").fontSize(8).fillColor(MUTED);
    doc.text(pdfSafe(`${m.partnership.name} · board report ${m.period.from} to ${m.period.to}`), LEFT, y, { width: WIDTH * 0.75, lineBreak: false, ellipsis: true });
    doc.text(`Page ${i + 1 - range.start} of ${range.count}`, LEFT, y, { width: WIDTH, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** The report as PDF bytes. The same model always gives the same bytes (creation date taken from `generatedOn`). */
export function renderReportPdf(m: ReportModel): Promise<Buffer> {
  const date = new Date(`${m.generatedOn.slice(0, 10)}T00:00:00Z`);
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: "en-GB",
    displayTitle: true,
    info: { Title: pdfSafe(`${m.partnership.name}: board report`), Subject: `Partnership health ${m.period.from} to ${m.period.to}`, Author: "accord", Creator: "accord", Producer: "accord (pdfkit)", CreationDate: date, ModDate: date },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const layout = new Layout(doc);
  layout.write(m.partnership.name, { font: "Helvetica-Bold", size: 20, gap: 2 });
  layout.write(`Board report · ${longDate(m.period.from)} to ${longDate(m.period.to)} · as of ${longDate(m.generatedOn)}`, { size: 9.5, colour: MUTED, gap: 14 });
  reportSections(m).forEach((s, i) => {
    if (i > 0) layout.newPage();
    layout.heading(s.title, 2);
    s.blocks.forEach((b, j) => {
      if (b.kind === "h3") layout.ensure(layout.keepTogether(s.blocks.slice(j)));
      layout.block(b);
    });
  });
  footers(doc, m);
  doc.end();
  return done;
}

/** The number of pages in a PDF pdfkit wrote (its page objects are never compressed). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}
