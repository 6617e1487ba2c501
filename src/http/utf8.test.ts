// Property and unit tests for strict UTF-8: the first bad byte agrees with the standard decoder, and positions count lines and characters.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUtf8, firstInvalidUtf8, positionOf } from "./utf8.ts";

const fatal = new TextDecoder("utf-8", { fatal: true });
const valid = (b: Uint8Array) => {
  try {
    fatal.decode(b);
    return true;
  } catch {
    return false;
  }
};
const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

describe("firstInvalidUtf8", () => {
  it("finds a bad byte exactly when the standard decoder refuses, and the bytes before it decode", () => {
    // Mostly text with a few bytes of every kind mixed in, so multi-byte sequences (good, cut short, overlong) all occur.
    const piece = fc.oneof(fc.string({ unit: "grapheme", maxLength: 4 }).map((s) => [...new TextEncoder().encode(s)]), fc.uint8Array({ maxLength: 4 }).map((a) => [...a]));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const b = new Uint8Array(pieces.flat());
        const at = firstInvalidUtf8(b);
        expect(at === -1, `${[...b]}`).toBe(valid(b));
        if (at >= 0) expect(valid(b.subarray(0, at)), `${[...b]} at ${at}`).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("refuses Latin-1, overlong forms, surrogates, code points past U+10FFFF and sequences cut short", () => {
    expect(firstInvalidUtf8(bytes("Caf", [0xe9]))).toBe(3);
    expect(firstInvalidUtf8(bytes("/", [0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(bytes([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(bytes("ok", [0xe2, 0x82]))).toBe(2);
    expect(firstInvalidUtf8(bytes("€ 👩‍👩‍👧"))).toBe(-1);
  });
});

describe("positionOf and decodeUtf8", () => {
  it("counts lines over LF, CRLF and CR and characters (not bytes) within the line", () => {
    const b = bytes("a,b\r\nÜber,c\rzé", [0x92], "x");
    const at = firstInvalidUtf8(b);
    expect(positionOf(b, at)).toMatchObject({ line: 3, character: 3, byte: "0x92" });
    expect(decodeUtf8(b)).toEqual({ invalidAt: at });
  });

  it("drops a leading byte-order mark and decodes everything else as it is", () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], "title\n"))).toEqual({ text: "title\n" });
    expect(decodeUtf8(bytes("a\uFEFFb"))).toEqual({ text: "a\uFEFFb" });
  });
});
