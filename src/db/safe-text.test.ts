// Unit and property tests for safe text: free text keeps line breaks and tabs; names are one visible line; every refusal names the character.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FREE_TEXT, SINGLE_LINE, forbiddenCharacter, hasVisibleCharacter, safeString, singleLine } from "./safe-text.ts";

const name = singleLine().trim().min(1, "Enter a name.").max(200);
const free = safeString().max(2000);
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

const BIDI = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];
const C0_BUT_LAYOUT = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((c) => !"\t\n\r".includes(c));
const C1 = Array.from({ length: 33 }, (_, i) => String.fromCharCode(0x7f + i));

describe("singleLine (names, titles, labels)", () => {
  it("refuses bidi controls, every C0/C1 control and line breaks, naming the character and where it is", () => {
    for (const ch of [...BIDI, ...C0_BUT_LAYOUT, ...C1, "\t", "\n", "\r", "\u2028", "\u2029"]) {
      const r = name.safeParse(`Riverside${ch}Trust`);
      const hex = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
      expect(r.success, hex).toBe(false);
      expect(messages(r).join(" "), hex).toContain(`(${hex}) at character 10`);
    }
    expect(messages(name.safeParse("\u202Egnp.exe"))[0]).toMatch(/right-to-left override \(U\+202E\).*display/);
    expect(messages(name.safeParse("a\nb"))[0]).toMatch(/line break \(U\+000A\).*single line/);
  });

  it("refuses names made only of invisible characters, and leaves a blank one to the field's own message", () => {
    for (const s of ["\u200B", "\u200B\u200C\u200D", " \u2060 ", "\u00A0\u200B", "\u3164", "\u115F", "\u0301", "\u180E", "\uFE0F"]) {
      expect(messages(name.safeParse(s)), JSON.stringify(s)).toEqual([expect.stringMatching(/only of spaces or invisible/)]);
    }
    expect(messages(name.safeParse("   "))).toEqual(["Enter a name."]);
    expect(messages(name.safeParse(""))).toEqual(["Enter a name."]);
  });

  it("accepts ordinary names in any script, emoji sequences and joiners inside words", () => {
    for (const s of ["Zoë O'Neill", "محمد", "שלום", "李小龍", "👩‍👩‍👧‍👦 Family Hub", "می‌خواهم", "Ünïcödé ✓", "e\u0301clair"]) expect(name.safeParse(s).success, s).toBe(true);
  });

  it("agrees with its OpenAPI pattern on any text: the pattern refuses exactly what the schema refuses for a character", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (s) => {
        expect(SINGLE_LINE.test(s)).toBe(forbiddenCharacter(s, SINGLE_LINE) === null);
        if (!SINGLE_LINE.test(s)) expect(singleLine().safeParse(s).success).toBe(false);
      }),
    );
  });
});

describe("safeString (free text)", () => {
  it("keeps tabs and line breaks, refuses bidi controls and other controls naming them", () => {
    expect(free.safeParse("Line one\n\tLine two\r\n").success).toBe(true);
    expect(free.safeParse("\u200B").success).toBe(true);
    for (const ch of [...BIDI, ...C0_BUT_LAYOUT, ...C1]) {
      const r = free.safeParse(`Note ${ch}here`);
      expect(r.success).toBe(false);
      expect(messages(r).join(" ")).toContain("at character 6");
    }
    expect(messages(free.safeParse("a\u0000b"))[0]).toMatch(/NUL character \(U\+0000\)/);
    expect(messages(free.safeParse("\uD800"))[0]).toMatch(/lone UTF-16 surrogate/);
  });

  it("refuses exactly what FREE_TEXT refuses, and never a character SINGLE_LINE allows", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (s) => {
        expect(safeString().safeParse(s).success).toBe(FREE_TEXT.test(s) && s.isWellFormed());
        if (SINGLE_LINE.test(s)) expect(FREE_TEXT.test(s)).toBe(true);
      }),
    );
  });
});

describe("hasVisibleCharacter", () => {
  it("finds letters, digits, punctuation and symbols, and nothing in spaces, joiners and marks alone", () => {
    expect(["a", "1", ".", "✓", "😀"].every(hasVisibleCharacter)).toBe(true);
    expect(["", " ", "\u200B\u200D", "\u2800", "\u0301\u0302", "\uFEFF"].some(hasVisibleCharacter)).toBe(false);
  });
});
