// Parsing a file a piece at a time gives exactly what one parseCsv of the whole file gives: the same rows and line numbers, or the same refusal.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv } from "./csv-codec.ts";
import { parseCsvInTurns } from "./csv-in-turns.ts";

/** What parsing gave: the rows, or the refusal's line and message. */
async function outcome(parse: () => CsvRowsOrPromise): Promise<unknown> {
  try {
    return { rows: await parse() };
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { refused: { line: err.line, message: err.message } };
    throw err;
  }
}
type CsvRowsOrPromise = ReturnType<typeof parseCsv> | Promise<ReturnType<typeof parseCsv>>;

/** RFC 4180 quoting where needed (and sometimes where not). */
const cell = fc.tuple(fc.stringMatching(/^[a-z ,"\n\r\u00e9\u{1F600}]{0,6}$/u), fc.boolean()).map(([s, quote]) => (quote || /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s));
const record = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(","));
const validFile = fc
  .tuple(fc.boolean(), fc.array(fc.oneof({ weight: 8, arbitrary: record }, { weight: 1, arbitrary: fc.constant("") }), { minLength: 1, maxLength: 40 }), fc.constantFrom("\n", "\r\n", "\r"), fc.boolean())
  .map(([bom, records, eol, trailing]) => `${bom ? "\uFEFF" : ""}h1,h2,"h\n3"${eol}${records.join(eol)}${trailing ? eol : ""}`);
/** Anything at all from CSV's own characters: mostly not valid CSV. */
const anyText = fc.stringMatching(/^[a-c,"\n\r ]{0,200}$/);

describe("parseCsvInTurns", () => {
  it("gives the rows and line numbers one parseCsv of the whole file gives", async () => {
    await fc.assert(
      fc.asyncProperty(validFile, fc.integer({ min: 1, max: 40 }), async (text, chunk) => {
        expect(await outcome(() => parseCsvInTurns(text, chunk))).toEqual(await outcome(() => parseCsv(text)));
      }),
      { numRuns: 400 },
    );
  });

  it("refuses what parseCsv refuses, with the same line and message, and accepts what it accepts", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, fc.integer({ min: 1, max: 30 }), async (text, chunk) => {
        expect(await outcome(() => parseCsvInTurns(text, chunk))).toEqual(await outcome(() => parseCsv(text)));
      }),
      { numRuns: 1000 },
    );
  });

  it("gives the event loop turns on a large file", async () => {
    const text = `title,note\n${Array.from({ length: 5000 }, (_, i) => `Row ${i},"a, ""quoted""\nnote"`).join("\n")}\n`;
    let turns = 0;
    let done = false;
    const tick = () => {
      if (done) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const rows = await parseCsvInTurns(text);
    done = true;
    expect(rows).toEqual(parseCsv(text));
    expect(rows.at(-1)).toEqual({ line: 2 + 2 * 4999, cells: ["Row 4999", 'a, "quoted"\nnote'] });
    expect(turns).toBeGreaterThanOrEqual(Math.floor(text.length / (16 * 1024)) - 1);
  });
});
