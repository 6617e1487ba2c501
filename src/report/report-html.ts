/** The board report as one self-contained, printable HTML document: no scripts or external resources, charts as inline SVG. */
import { escapeXml as esc, toSvg } from "./charts/index.ts";
import { longDate, reportSections, type Block, type Section } from "./report-content.ts";
import type { ReportModel } from "./report-model.ts";

const STYLE = `
@page { size: A4; margin: 18mm 16mm 20mm; }
* { box-sizing: border-box; }
html { color: #1f1f1f; background: #ffffff; }
body { font-family: Helvetica, Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; max-width: 180mm; margin: 0 auto; padding: 12mm 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 0 0 3mm; border-bottom: 1px solid #c8c8c8; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2.5mm; }
.lead { font-size: 11.5pt; font-weight: bold; }
.muted { color: #555555; }
section { margin-bottom: 8mm; }
section + section { break-before: page; }
figure { margin: 3mm 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin: 3mm 0 4mm; padding: 0; list-style: none; }
.figures li { border: 1px solid #c8c8c8; border-radius: 2mm; padding: 2.5mm 3mm; break-inside: avoid; }
.figures .value { display: block; font-size: 14pt; font-weight: bold; }
.figures .label { display: block; font-size: 9pt; color: #555555; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 3mm 0; break-inside: auto; }
th, td { text-align: left; padding: 1.2mm 2mm; border-bottom: 1px solid #dddddd; vertical-align: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
ul, ol { margin: 0 0 3mm; padding-left: 6mm; }
li { margin-bottom: 1mm; }
footer.generated { margin-top: 6mm; font-size: 8.5pt; color: #555555; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;

function block(b: Block): string {
  switch (b.kind) {
    case "p":
      return `<p${b.tone ? ` class="${b.tone}"` : ""}>${esc(b.text)}</p>`;
    case "h3":
      return `<h3>${esc(b.text)}</h3>`;
    case "list": {
      const tag = b.ordered ? "ol" : "ul";
      return `<${tag}>${b.items.map((i) => `<li>${esc(i)}</li>`).join("")}</${tag}>`;
    }
    case "figures":
      return `<ul class="figures">${b.items.map((f) => `<li><span class="value">${esc(f.value)}</span><span class="label">${esc(f.label)}</span></li>`).join("")}</ul>`;
    case "table":
      return `<table><thead><tr>${b.head.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join("")}</tr>`).join("")}</tbody></table>`;
    case "chart":
      return `<figure>${toSvg(b.drawing)}<figcaption class="muted">${esc(b.drawing.title)}</figcaption></figure>`;
  }
}

function section(s: Section): string {
  return `<section aria-labelledby="${s.id}">\n<h2 id="${s.id}">${esc(s.title)}</h2>\n${s.blocks.map(block).join("\n")}\n</section>`;
}

/** The whole report as an HTML string (UTF-8). */
export function renderReportHtml(m: ReportModel): string {
  const sections = reportSections(m);
  const title = `${m.partnership.name}: board report, ${m.period.from} to ${m.period.to}`;
  return [
    "<!doctype html>",
    `<html lang="en-GB">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<header><h1>${esc(m.partnership.name)}</h1><p class="muted">Board report · ${esc(longDate(m.period.from))} to ${esc(longDate(m.period.to))} · as of ${esc(longDate(m.generatedOn))}</p></header>`,
    "<main>",
    ...sections.map(section),
    "</main>",
    `<footer class="generated">Made with accord from published survey results and the partnership's registers. Figures that would identify people are not shown.</footer>`,
    "</body>",
    "</html>",
  ].join("\n");
}
