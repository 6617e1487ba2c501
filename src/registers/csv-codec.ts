/** Pure CSV pieces for registers: parse text into numbered rows (refusing a column named twice), write cells safely, turn cells into field values and back, and locate a byte that is not UTF-8. */
import { parse } from "csv-parse/sync";
import type { FieldSpec, FieldValue, OrganisationNote } from "./fields.ts";

export interface CsvRow {
  /** The line in the file where the record starts (1 is the header). */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Parses CSV (comma-separated, RFC 4180 quoting, optional BOM, LF or CRLF) into rows with their starting line numbers. */
export function parseCsv(text: string): CsvRow[] {
  const normalised = text.replace(/\r\n?/g, "\n");
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(normalised, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    throw new CsvSyntaxError(e.lines ?? 1, (e.message ?? "The file is not valid CSV.").replace(/^[A-Za-z ]+: /, ""));
  }
  const rows = records.map(({ record, info }) => {
    const inner = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    return { line: info.lines - inner, cells: record };
  });
  const header = rows[0];
  const twice = header ? repeatedColumn(header.cells) : null;
  if (header && twice) throw new CsvSyntaxError(header.line, twice);
  return rows;
}

/** Column names compare trimmed and in any case: "Title" and " title" are the same column. */
const sameName = (name: string): string | null => name.trim().toLowerCase() || null;

/**
 * The first column named twice in a header, in words (both positions; which name each used), or null. `keyOf` says
 * which column a name means (null: none, e.g. blank); by default names compare trimmed and case-insensitively, and a
 * caller that also accepts labels can map both to one key so "dueOn" and "Due on" count as the same column.
 */
export function repeatedColumn(header: readonly string[], keyOf: (name: string) => string | null = sameName): string | null {
  const seen = new Map<string, number>();
  for (const [i, name] of header.entries()) {
    const key = keyOf(name);
    if (key === null) continue;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      continue;
    }
    const a = header[first]!.trim();
    const b = name.trim();
    const as = a === b ? `“${clipName(a)}”` : `“${clipName(a)}” (as “${clipName(b)}” the second time)`;
    return `The column ${as} appears twice, as columns ${first + 1} and ${i + 1}; keep one of them, since only one value per row can be stored.`;
  }
  return null;
}

const clipName = (name: string) => (name.length > 60 ? `${name.slice(0, 60)}…` : name);

/**
 * Where a byte that is not UTF-8 sits in a CSV file, given the valid text before it: the column it falls in (counting
 * quoted cells, which may hold commas and line breaks) and that column's name from the header, when the header is
 * already behind it.
 */
export function csvColumnAt(before: string): { column: number; name: string | undefined } {
  const text = before.replace(/\r\n?/g, "\n");
  let inQuotes = false;
  let column = 1;
  let recordStart = 0;
  let header: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === ",") column++;
    else if (!inQuotes && ch === "\n") {
      if (header === undefined && text.slice(recordStart, i).replace(/^\uFEFF/, "").trim() !== "") header = text.slice(recordStart, i);
      column = 1;
      recordStart = i + 1;
    }
  }
  let name: string | undefined;
  if (header !== undefined) {
    try {
      name = parseCsv(header)[0]?.cells[column - 1]?.trim() || undefined;
    } catch {
      name = undefined; // a header that does not parse, or names a column twice: the column number alone says where
    }
  }
  return { column, name };
}

/** A refusal for a CSV file that is not UTF-8, naming the line, column and character of the first bad byte and how to fix it. */
export function notUtf8Problem(at: { line: number; character: number; byte: string; before: string }): { path: string; message: string } {
  const { column, name } = csvColumnAt(at.before);
  const where = `line ${at.line}, column ${column}${name ? ` (“${clipName(name)}”)` : ""}, character ${at.character}`;
  return {
    path: `line ${at.line}`,
    message: `The file is not UTF-8: at ${where} the byte ${at.byte} is not UTF-8 text, so it was probably saved as Windows-1252 or Latin-1. Save it again as UTF-8 (in Excel: Save As → “CSV UTF-8”; in LibreOffice: character set “Unicode (UTF-8)”) and import it again; nothing was imported.`,
  };
}

/** RFC 4180 quoting, with a leading apostrophe where a spreadsheet would read a formula. */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  // Text a spreadsheet would run as a formula gets an apostrophe; so does text that already starts with apostrophes
  // before such a character, so that unguard (which removes exactly one) gives back what was written.
  if (/^'*[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** Undoes the apostrophe csvCell adds before formula-like text (and before apostrophes leading to it). */
export function unguard(cell: string): string {
  return /^''*[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Names for ids in both directions: organisations by name, people by email, entries by title. */
export interface Lookup {
  organisations: Map<string, string>;
  people: Map<string, string>;
  entries: Map<string, string>;
}

const LIST_SEPARATOR = ";";

/** A field value as one CSV cell, ids written as names. */
export function encodeField(f: FieldSpec, v: FieldValue, names: Lookup): string {
  if (v === null) return "";
  switch (f.kind) {
    case "organisation":
      return names.organisations.get(v as string) ?? (v as string);
    case "person":
      return names.people.get(v as string) ?? (v as string);
    case "entry":
      return names.entries.get(v as string) ?? (v as string);
    case "organisations":
      return (v as string[]).map((id) => names.organisations.get(id) ?? id).join(`${LIST_SEPARATOR} `);
    case "entries":
      return (v as string[]).map((id) => names.entries.get(id) ?? id).join(`${LIST_SEPARATOR} `);
    case "organisationNotes":
      return (v as OrganisationNote[]).map((n) => `${names.organisations.get(n.organisationId) ?? n.organisationId}: ${n.note}`).join(`${LIST_SEPARATOR} `);
    default:
      return String(v);
  }
}

/** Resolves a name (case-insensitive) or an id to an id. */
export type Resolver = (text: string) => { id: string } | { problem: string };

export interface Resolvers {
  organisation: Resolver;
  person: Resolver;
  entry: (register: string) => Resolver;
}

const splitList = (cell: string) => cell.split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean);

/** One cell to a field value (undefined when empty), or a problem in words. */
export function decodeField(f: FieldSpec, raw: string, r: Resolvers): { value: unknown } | { problem: string } {
  const cell = unguard(raw).trim();
  if (cell === "") return { value: undefined };
  const one = (res: Resolver) => {
    const out = res(cell);
    return "id" in out ? { value: out.id } : out;
  };
  const many = (res: Resolver) => {
    const ids: string[] = [];
    for (const part of splitList(cell)) {
      const out = res(part);
      if ("problem" in out) return out;
      ids.push(out.id);
    }
    return { value: ids };
  };
  switch (f.kind) {
    case "int":
      return /^-?\d+$/.test(cell) ? { value: Number(cell) } : { problem: "Enter a whole number." };
    case "enum": {
      const lower = cell.toLowerCase();
      const key = f.values.find((v) => v.toLowerCase() === lower || f.labels[v]?.toLowerCase() === lower);
      return key ? { value: key } : { problem: `Use one of: ${f.values.join(", ")}.` };
    }
    case "organisation":
      return one(r.organisation);
    case "person":
      return one(r.person);
    case "entry":
      return one(r.entry(f.register));
    case "organisations":
      return many(r.organisation);
    case "entries":
      return many(r.entry(f.register));
    case "organisationNotes": {
      const notes: OrganisationNote[] = [];
      for (const part of splitList(cell)) {
        const colon = part.indexOf(":");
        const name = (colon < 0 ? part : part.slice(0, colon)).trim();
        const out = r.organisation(name);
        if ("problem" in out) return out;
        notes.push({ organisationId: out.id, note: colon < 0 ? "" : part.slice(colon + 1).trim() });
      }
      return { value: notes };
    }
    default:
      return { value: cell };
  }
}
