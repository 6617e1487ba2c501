/** Parses a large CSV file a piece at a time through the codec's parseCsv, giving the event loop a turn between pieces; the rows and line numbers are the same as one parseCsv of the whole file. */
import { setImmediate as nextTurn } from "node:timers/promises";
import { CsvSyntaxError, parseCsv, type CsvRow } from "./csv-codec.ts";

/** Characters of the file parsed in one go: a few milliseconds of csv-parse (5,000 rows ≈ 320 KB take about 60 ms whole). */
export const CHARS_PER_TURN = 16 * 1024;

/**
 * Indexes of the line breaks that end a record (outside quotes), one at least every `every` characters. In a file
 * csv-parse accepts, quotes only open and close quoted cells ("" inside one counts twice), so counting them tells
 * whether a line break is inside a cell.
 */
function recordBreaks(text: string, every: number): number[] {
  const breaks: number[] = [];
  let inQuotes = false;
  let last = 0;
  let i = 0;
  for (;;) {
    const quote = text.indexOf('"', i);
    const newline = text.indexOf("\n", i);
    if (newline < 0) break;
    if (quote >= 0 && quote < newline) {
      inQuotes = !inQuotes;
      i = quote + 1;
      continue;
    }
    if (!inQuotes && (breaks.length === 0 || newline - last >= every)) {
      breaks.push(newline);
      last = newline;
    }
    i = newline + 1;
  }
  return breaks;
}

const linesIn = (s: string) => {
  let n = 0;
  for (let i = s.indexOf("\n"); i >= 0; i = s.indexOf("\n", i + 1)) n++;
  return n;
};

/**
 * The header record, then each piece of about `chunkChars` characters parsed as header + piece (so every piece is
 * checked as the whole file would be), its line numbers moved to where the piece sits in the file. Any syntax
 * error, or a file that does not start with its header, is left to one parseCsv of the whole text, so refusals
 * name exactly the line and problem they always did.
 */
export async function parseCsvInTurns(text: string, chunkChars = CHARS_PER_TURN): Promise<CsvRow[]> {
  const normalised = text.replace(/\r\n?/g, "\n");
  if (normalised.length <= chunkChars) return parseCsv(text);
  const breaks = recordBreaks(normalised, chunkChars);
  const headerText = normalised.slice(0, breaks[0] ?? normalised.length);
  if (breaks.length < 2 || headerText.replace(/^\uFEFF/, "").trim() === "") return parseCsv(text);
  const headerLines = linesIn(headerText) + 1;
  try {
    const rows = parseCsv(headerText);
    let startLine = headerLines + 1;
    for (let k = 0; k < breaks.length; k++) {
      await nextTurn();
      const body = normalised.slice(breaks[k]! + 1, breaks[k + 1] ?? normalised.length);
      const piece = parseCsv(`${headerText}\n${body}`);
      for (const row of piece.slice(1)) rows.push({ line: row.line - headerLines - 1 + startLine, cells: row.cells });
      startLine += linesIn(body) + 1;
    }
    return rows;
  } catch (err) {
    if (err instanceof CsvSyntaxError) return parseCsv(text);
    throw err;
  }
}
