/** Maps text to what PDF's standard Helvetica (WinAnsi encoding) can draw, so no character renders as garbage. */

/** Characters WinAnsi has beyond Latin-1 (pdfkit maps these itself). */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

const REPLACEMENTS: Record<string, string> = {
  "→": "->", "←": "<-", "↔": "<->", "⇒": "=>", "↑": "up", "↓": "down",
  "≥": ">=", "≤": "<=", "≠": "!=", "≈": "~", "−": "-", "‐": "-", "‑": "-", "‒": "-", "⁄": "/",
  "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u2007": " ", "\u2002": " ", "\u2003": " ", "\u00a0": " ",
  "\u200b": "", "\u200d": "", "\ufeff": "",
  "✓": "yes", "✔": "yes", "✗": "x", "✘": "x", "★": "*", "·": "·", "′": "'", "″": '"', "‵": "'",
};

/** Replaces each character Helvetica cannot show with a plain equivalent (accents stripped, else "?"). */
export function pdfSafe(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code === 0x09 || code === 0x0a) out += ch === "\t" ? " " : ch;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else if (code <= 0xff || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else {
      const base = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      out += [...base].every((c) => c.codePointAt(0)! <= 0xff) && base.length > 0 ? base : "?";
    }
  }
  return out;
}
