// Unit and property tests for the register CSV codec: quoting round-trips, line numbers, names for ids, columns named twice, bytes that are not UTF-8.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvColumnAt, csvLine, CsvSyntaxError, decodeField, encodeField, notUtf8Problem, parseCsv, repeatedColumn, unguard, type Resolvers } from "./csv-codec.ts";
import type { FieldSpec } from "./fields.ts";

const safeText = fc.string({ unit: "grapheme", maxLength: 40 }).filter((s) => !s.includes("\u0000") && s.trim() === s && s !== "");

describe("parseCsv", () => {
  it("round-trips any cells written by csvLine, formula guards aside", () => {
    fc.assert(
      fc.property(fc.array(fc.array(safeText, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = csvLine(["a", "b"]) + rows.map((r) => csvLine(r)).join("");
        const parsed = parseCsv(text);
        expect(parsed).toHaveLength(rows.length + 1);
        parsed.slice(1).forEach((p, i) => {
          expect(p.cells.map(unguard)).toEqual(rows[i]!.map((c) => c.replace(/\r\n?/g, "\n")));
        });
      }),
    );
  });

  it("gives back text that starts with apostrophes before a formula character, as typed", () => {
    for (const cell of ["'-", "''=1", "'+x", "-", "'plain", "''"]) expect(unguard(parseCsv(csvLine(["a"]) + csvLine([cell]))[1]!.cells[0]!)).toBe(cell);
  });

  it("numbers each record by the line it starts on, across quoted newlines, blank lines and CRLF", () => {
    const rows = parseCsv('h1,h2\r\n"two\r\nlines",x\r\n\r\nlast,y');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it("reports an unclosed quote with its line", () => {
    expect(() => parseCsv('a,b\n1,"2\n')).toThrow(CsvSyntaxError);
  });
});

const org: FieldSpec = { name: "o", label: "O", kind: "organisation" };
const orgs: FieldSpec = { name: "os", label: "Os", kind: "organisations" };
const notes: FieldSpec = { name: "n", label: "N", kind: "organisationNotes" };
const level: FieldSpec = { name: "e", label: "E", kind: "enum", values: ["low", "high"], labels: { low: "Low", high: "Very high" } };
const names = { organisations: new Map([["id-1", "Riverside Trust"], ["id-2", "Borough Council"]]), people: new Map(), entries: new Map() };
const byName = new Map([...names.organisations].map(([id, n]) => [n.toLowerCase(), id]));
const resolvers: Resolvers = {
  organisation: (t) => (names.organisations.has(t) ? { id: t } : byName.has(t.toLowerCase()) ? { id: byName.get(t.toLowerCase())! } : { problem: `No organisation called “${t}”.` }),
  person: () => ({ problem: "none" }),
  entry: () => () => ({ problem: "none" }),
};

describe("fields as cells", () => {
  it("writes organisations by name and reads names (any case) or ids back", () => {
    expect(encodeField(orgs, ["id-1", "id-2"], names)).toBe("Riverside Trust; Borough Council");
    expect(decodeField(orgs, "riverside trust; id-2", resolvers)).toEqual({ value: ["id-1", "id-2"] });
    expect(decodeField(org, "Nowhere", resolvers)).toEqual({ problem: "No organisation called “Nowhere”." });
    expect(decodeField(org, "  ", resolvers)).toEqual({ value: undefined });
  });

  it("round-trips organisation notes and accepts enum labels", () => {
    const value = [{ organisationId: "id-1", note: "fewer admissions: and more" }, { organisationId: "id-2", note: "" }];
    expect(decodeField(notes, encodeField(notes, value, names), resolvers)).toEqual({ value });
    expect(decodeField(level, "very HIGH", resolvers)).toEqual({ value: "high" });
    expect(decodeField(level, "medium", resolvers)).toEqual({ problem: "Use one of: low, high." });
  });
});

describe("a column named twice", () => {
  it("is refused at the header's line, naming the column and both positions", () => {
    const err = (() => {
      try {
        parseCsv("title,dueOn, Title \nOne,2026-01-01,Two\n");
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(CsvSyntaxError);
    expect((err as CsvSyntaxError).line).toBe(1);
    expect((err as CsvSyntaxError).message).toMatch(/The column “title” \(as “Title” the second time\) appears twice, as columns 1 and 3/);
    expect(() => parseCsv("\n\ntitle,title\n")).toThrow(/“title” appears twice, as columns 1 and 2/);
  });

  it("lets blank column names pass (the import names them as unknown) and can match names to labels", () => {
    expect(parseCsv(",,\n1,2,3\n")).toHaveLength(2);
    const byField = (n: string) => ({ dueon: "dueOn", "due on": "dueOn" })[n.trim().toLowerCase()] ?? (n.trim().toLowerCase() || null);
    expect(repeatedColumn(["title", "dueOn", "Due on"], byField)).toMatch(/“dueOn” \(as “Due on” the second time\) appears twice, as columns 2 and 3/);
    expect(repeatedColumn(["title", "dueOn"], byField)).toBeNull();
  });
});

describe("a byte that is not UTF-8", () => {
  it("is placed by line, column and the column's name from the header, quoted commas and line breaks counted right", () => {
    expect(csvColumnAt('title,note\n"a, b","two\nlines, still",')).toEqual({ column: 3, name: undefined });
    expect(csvColumnAt('title,note\n"a, b","Caf')).toEqual({ column: 2, name: "note" });
    expect(csvColumnAt("\uFEFFtit")).toEqual({ column: 1, name: undefined });
    const p = notUtf8Problem({ line: 2, character: 8, byte: "0xE9", before: 'title,note\n"a, b","Caf' });
    expect(p.path).toBe("line 2");
    expect(p.message).toMatch(/line 2, column 2 \(“note”\), character 8 the byte 0xE9 is not UTF-8.*Save it again as UTF-8/);
  });
});
