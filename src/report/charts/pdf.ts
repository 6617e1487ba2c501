/** Draws a chart Drawing on a pdfkit page as vectors, at (x, y) and a scale, in the standard Helvetica fonts. */
import type PDFDocument from "pdfkit";
import { pdfSafe } from "../pdf-text.ts";
import type { Drawing, Point, Primitive } from "./drawing.ts";

type Doc = InstanceType<typeof PDFDocument>;

function strokeStyle(doc: Doc, width: number, dash: readonly number[] | undefined, s: number): void {
  doc.lineWidth(width * s);
  if (dash && dash.length) doc.dash(dash[0]! * s, { space: (dash[1] ?? dash[0]!) * s });
  else doc.undash();
}

function poly(doc: Doc, ps: readonly Point[], x: number, y: number, s: number): void {
  ps.forEach(([px, py], i) => (i === 0 ? doc.moveTo(x + px * s, y + py * s) : doc.lineTo(x + px * s, y + py * s)));
}

function primitive(doc: Doc, p: Primitive, x: number, y: number, s: number): void {
  switch (p.kind) {
    case "rect": {
      if (p.w <= 0 || p.h <= 0 || (!p.fill && !p.stroke)) return;
      doc.rect(x + p.x * s, y + p.y * s, p.w * s, p.h * s);
      if (p.fill && p.stroke) {
        strokeStyle(doc, p.strokeWidth ?? 1, undefined, s);
        doc.fillAndStroke(p.fill, p.stroke);
      } else if (p.fill) doc.fill(p.fill);
      else if (p.stroke) {
        strokeStyle(doc, p.strokeWidth ?? 1, undefined, s);
        doc.stroke(p.stroke);
      }
      return;
    }
    case "line":
      strokeStyle(doc, p.width, p.dash, s);
      doc.moveTo(x + p.x1 * s, y + p.y1 * s).lineTo(x + p.x2 * s, y + p.y2 * s).stroke(p.stroke);
      return;
    case "polyline":
      if (p.points.length < 2) return;
      strokeStyle(doc, p.width, p.dash, s);
      poly(doc, p.points, x, y, s);
      doc.stroke(p.stroke);
      return;
    case "circle":
      if (!p.fill && !p.stroke) return;
      doc.circle(x + p.cx * s, y + p.cy * s, p.r * s);
      if (p.fill && p.stroke) {
        strokeStyle(doc, p.strokeWidth ?? 1, undefined, s);
        doc.fillAndStroke(p.fill, p.stroke);
      } else if (p.fill) doc.fill(p.fill);
      else if (p.stroke) {
        strokeStyle(doc, p.strokeWidth ?? 1, undefined, s);
        doc.stroke(p.stroke);
      }
      return;
    case "polygon":
      if (p.points.length < 3) return;
      poly(doc, p.points, x, y, s);
      doc.closePath();
      if (p.stroke) doc.fillAndStroke(p.fill, p.stroke);
      else doc.fill(p.fill);
      return;
    case "text": {
      const str = pdfSafe(p.text);
      doc.font(p.weight === "bold" ? "Helvetica-Bold" : "Helvetica").fontSize(p.size * s).fillColor(p.fill);
      const w = doc.widthOfString(str);
      const left = p.anchor === "middle" ? p.x * s - w / 2 : p.anchor === "end" ? p.x * s - w : p.x * s;
      doc.text(str, x + left, y + p.y * s, { lineBreak: false, baseline: "alphabetic" });
      return;
    }
  }
}

/** Draws `drawing` with its top-left corner at (x, y), every length multiplied by `scale`; restores the graphics state afterwards. */
export function drawOnPdf(doc: Doc, drawing: Drawing, x: number, y: number, scale = 1): void {
  doc.save();
  for (const p of drawing.items) primitive(doc, p, x, y, scale);
  doc.undash();
  doc.restore();
  doc.fillColor("#1f1f1f");
}
