// The board report from a hand-built model: HTML sections in order with the summary first, self-contained and escaped; PDF pages, repeatable bytes, safe text.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { escapeXml } from "./charts/index.ts";
import { pdfSafe } from "./pdf-text.ts";
import { SECTION_TITLES } from "./report-content.ts";
import { reportFixture } from "./report-fixture.ts";
import { renderReportHtml } from "./report-html.ts";
import { pdfPageCount, renderReportPdf } from "./report-pdf.ts";
import { reportFilename } from "./routes.ts";

const ORDER = Object.values(SECTION_TITLES);

/** The text drawn on a pdfkit page stream, decoded from its hex strings. */
export function pdfText(pdf: Buffer): string {
  const out: string[] = [];
  const s = pdf.toString("latin1");
  for (const m of s.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let body: string;
    try {
      body = inflateSync(Buffer.from(m[1]!, "latin1")).toString("latin1");
    } catch {
      continue;
    }
    for (const t of body.matchAll(/\[([^\]]*)\] TJ|<([0-9a-f]+)> Tj/g)) {
      const hex = t[1] !== undefined ? [...t[1].matchAll(/<([0-9a-f]*)>/g)].map((x) => x[1]).join("") : t[2]!;
      out.push(Buffer.from(hex, "hex").toString("latin1"));
    }
  }
  return out.join("\n");
}

describe("HTML report", () => {
  const html = renderReportHtml(reportFixture);

  it("has every section heading once, in order, with the summary first", () => {
    const headings = [...html.matchAll(/<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(ORDER);
    const summary = html.slice(html.indexOf(">Summary</h2>"), html.indexOf(`>${SECTION_TITLES.headline}</h2>`));
    expect(summary).toContain("Top flags");
    expect(summary).toContain("Next steps");
    expect(summary).toContain("3.7 of 5");
    expect(summary).toContain("+0.5");
    expect(summary.match(/<ol><li>/g)).toHaveLength(1);
    expect((summary.match(/<ol>([\s\S]*?)<\/ol>/)![1]!.match(/<li>/g) ?? []).length).toBe(3);
  });

  it("is self-contained: no scripts, no external resources, print styles for A4 with one section per page", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|@import|url\(/i);
    expect(html).toContain("size: A4");
    expect(html).toContain("break-before: page");
    expect(html).toContain("break-inside: avoid");
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(9);
  });

  it("escapes names and titles everywhere", () => {
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
    expect(html).toContain("Shared discharge protocol &lt;b&gt;v2&lt;/b&gt;");
    expect(html).not.toContain("<b>v2");
  });

  it("explains how each figure is computed from the health explanations", () => {
    const method = html.slice(html.indexOf(`>${SECTION_TITLES.method}</h2>`));
    for (const text of Object.values(reportFixture.health.explanations)) expect(method).toContain(escapeXml(text));
  });
});

describe("PDF report", () => {
  it("is a PDF of at least three A4 pages, the same bytes each time, with the summary on page 1", async () => {
    const a = await renderReportPdf(reportFixture);
    const b = await renderReportPdf(reportFixture);
    expect(a.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdfPageCount(a)).toBeGreaterThanOrEqual(3);
    expect(a.equals(b)).toBe(true);
    expect(a.toString("latin1")).toContain("/MediaBox [0 0 595.28 841.89]");
    const text = pdfText(a);
    const positions = ORDER.map((t) => text.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    expect(text).toContain(`Page 1 of ${pdfPageCount(a)}`);
    expect(text).toContain("Budget cut -> 12% >= last year");
    const other = await renderReportPdf({ ...reportFixture, generatedOn: "2026-07-01" });
    expect(other.equals(a)).toBe(false);
  });

  it("page 1 is not blank when turned into an image (skipped without pdftoppm)", async (t) => {
    let found = false;
    try {
      execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
      found = true;
    } catch {
      found = false;
    }
    if (!found) return t.skip("pdftoppm is not installed");
    const dir = mkdtempSync(join(tmpdir(), "accord-report-"));
    try {
      writeFileSync(join(dir, "r.pdf"), await renderReportPdf(reportFixture));
      execFileSync("pdftoppm", ["-f", "1", "-l", "1", "-r", "40", "-gray", "-singlefile", join(dir, "r.pdf"), join(dir, "p1")]);
      expect(existsSync(join(dir, "p1.pgm"))).toBe(true);
      const pgm = readFileSync(join(dir, "p1.pgm"));
      const header = pgm.toString("latin1", 0, 40).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)!;
      const pixels = pgm.subarray(header[0].length);
      const dark = pixels.filter((v) => v < 128).length;
      expect(dark / pixels.length).toBeGreaterThan(0.005);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("maps characters standard Helvetica cannot draw to safe equivalents", () => {
    expect(pdfSafe("A → B ↔ C ≥ 3 ≤ 4 − 1")).toBe("A -> B <-> C >= 3 <= 4 - 1");
    expect(pdfSafe("“quoted” ‘single’ – — … • € ™ café naïve £5 ½")).toBe("“quoted” ‘single’ – — … • € ™ café naïve £5 ½");
    expect(pdfSafe("Łódź ŵ")).toBe("?ódz w");
    expect(pdfSafe("日本 \u202f🙂")).toBe("??  ?");
    for (const ch of pdfSafe("Ωmega ĉ ş ⇒ ✓ \u0007")) expect(ch.codePointAt(0)! <= 0xff || "‘’“”–—…•€™‚„†‡ˆ‰Š‹ŒŽ˜šœžŸƒ".includes(ch)).toBe(true);
  });

  it("offers a safe file name", () => {
    expect(reportFilename({ partnership: { id: "p", name: `Naïve "quoted"/..\\ name\r\n` }, period: { from: "2025-07-01", to: "2026-06-30" } }, "pdf")).toBe("accord-Naive-quoted-name-report-2025-07-01-to-2026-06-30.pdf");
    expect(reportFilename({ partnership: { id: "p", name: "日本" }, period: { from: "a", to: "b" } }, "html")).toBe("accord-partnership-report-a-to-b.html");
  });
});
