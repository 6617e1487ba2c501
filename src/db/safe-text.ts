/** Text both stores keep intact and that displays as what it says: free text (`safeString`) and one-line names (`singleLine`). */
import { z } from "zod";

/** No U+0000 anywhere (PostgreSQL text refuses it). Kept for callers that check only this. */
export const NO_NUL = /^[^\u0000]*$/;

/**
 * Free text: no C0 controls but tab, line feed and carriage return; no DEL or C1 controls; no bidirectional
 * embeddings, overrides or isolates (U+202A–U+202E, U+2066–U+2069), which reorder what is displayed around them.
 */
export const FREE_TEXT = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*$/;

/** One line (names, titles, labels): as free text, and no tab, line break, or line/paragraph separator either. */
export const SINGLE_LINE = /^[^\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]*$/;

const NAMED: Record<number, string> = {
  0x00: "the NUL character",
  0x09: "a tab",
  0x0a: "a line break",
  0x0d: "a carriage return",
  0x1b: "the escape character",
  0x7f: "the delete character",
  0x85: "a next-line control",
  0x2028: "a line separator",
  0x2029: "a paragraph separator",
  0x202a: "a left-to-right embedding",
  0x202b: "a right-to-left embedding",
  0x202c: "a pop-directional-formatting character",
  0x202d: "a left-to-right override",
  0x202e: "a right-to-left override",
  0x2066: "a left-to-right isolate",
  0x2067: "a right-to-left isolate",
  0x2068: "a first-strong isolate",
  0x2069: "a pop-directional-isolate character",
};

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;

/** In words, what the first character `rule` refuses in `s` is, where it is, and why it is refused; null when there is none. */
export function forbiddenCharacter(s: string, rule: RegExp): string | null {
  const one = new RegExp(rule.source.replace(/^\^\[\^/, "[").replace(/\]\*\$$/, "]"));
  const m = one.exec(s);
  if (!m) return null;
  const cp = m[0].codePointAt(0) ?? 0;
  const what = NAMED[cp] ?? (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ? "a control character" : "an invisible formatting character");
  const why =
    cp >= 0x202a && cp <= 0x2069
      ? "it changes the order in which the text around it is displayed, so it could disguise what the text says"
      : rule === SINGLE_LINE && (cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029)
        ? "this field is a single line"
        : "it is not printable text";
  return `Remove ${what} (${hex(cp)}) at character ${m.index + 1}: ${why}.`;
}

/** True when `s` has at least one character that shows (not only spaces, zero-width, formatting or combining characters). */
export function hasVisibleCharacter(s: string): boolean {
  return /[^\p{White_Space}\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0\u2800]/u.test(s);
}

const wellFormed = (s: string) => s.isWellFormed();
const BROKEN = "Contains a broken character (a lone UTF-16 surrogate); retype it.";

/** A zod string for free text: refuses what SQLite and PostgreSQL would store differently, and controls that disguise text (422 naming the character). */
export function safeString() {
  return z
    .string()
    .regex(FREE_TEXT, { error: (issue) => forbiddenCharacter(String(issue.input), FREE_TEXT) ?? "Remove the control characters." })
    .refine(wellFormed, BROKEN);
}

/**
 * A zod string for a name, title or label shown on one line in lists and the audit log: as `safeString`, and no
 * line breaks or tabs, and not made only of invisible characters. Chain `.trim().min(1, …).max(…)` as usual.
 */
export function singleLine() {
  return z
    .string()
    .regex(SINGLE_LINE, { error: (issue) => forbiddenCharacter(String(issue.input), SINGLE_LINE) ?? "Use a single line of text." })
    .refine(wellFormed, BROKEN)
    // An empty or blank value is left to the caller's `.trim().min(1, …)`, which says what to enter.
    .refine((s) => s.trim() === "" || hasVisibleCharacter(s), "Use visible characters: this is made only of spaces or invisible (zero-width or formatting) characters.");
}

/** Alias for `singleLine` where the field is a name. */
export const safeName = singleLine;
