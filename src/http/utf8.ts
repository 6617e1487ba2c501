/** Strict UTF-8: where the first byte that is not UTF-8 sits (offset, line, character), for refusals that say so. */

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1 when there is none. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const x = b[i]!;
    if (x < 0x80) {
      i++;
      continue;
    }
    const n = x >= 0xc2 && x <= 0xdf ? 1 : x >= 0xe0 && x <= 0xef ? 2 : x >= 0xf0 && x <= 0xf4 ? 3 : 0;
    // Not a lead byte, or a sequence cut short by the end of the body.
    if (n === 0 || i + n >= b.length) return i;
    for (let k = 1; k <= n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    const y = b[i + 1]!;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if ((x === 0xe0 && y < 0xa0) || (x === 0xed && y > 0x9f) || (x === 0xf0 && y < 0x90) || (x === 0xf4 && y > 0x8f)) return i;
    i += n + 1;
  }
  return -1;
}

export interface Utf8Position {
  /** 1-based line (LF, CRLF or CR ends a line). */
  line: number;
  /** 1-based character within the line. */
  character: number;
  /** The byte itself, as 0xNN. */
  byte: string;
  /** The text before the byte on the same line, and every line before it (all valid UTF-8). */
  before: string;
}

/** Where `offset` (a byte that is not UTF-8) is, counted over the valid text before it. */
export function positionOf(bytes: Uint8Array, offset: number): Utf8Position {
  const before = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes.subarray(0, offset));
  const lines = before.replace(/\r\n?/g, "\n").split("\n");
  const last = lines[lines.length - 1] ?? "";
  const byte = `0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0")}`;
  return { line: lines.length, character: [...last].length + 1, byte, before };
}

const strict = new TextDecoder("utf-8", { fatal: true });

/** The text (a leading byte-order mark dropped), or the offset of the first byte that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { invalidAt: number } {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { invalidAt: at < 0 ? 0 : at };
  }
}
