// Unit tests for releasing free text: at least max(10, k) non-empty texts, shuffled by the injected RNG, strings only.
import { describe, expect, it } from "vitest";
import { FREE_TEXT_MIN, releaseFreeText, type Rng } from "./free-text.ts";

const texts = (n: number) => Array.from({ length: n }, (_, i) => `text ${i}`);
/** Always swaps with position 0: a fixed, checkable permutation. */
const zero: Rng = () => 0;

describe("releaseFreeText", () => {
  it("needs at least 10 non-empty texts", () => {
    expect(FREE_TEXT_MIN).toBe(10);
    expect(releaseFreeText(texts(9), 5, zero)).toEqual({ status: "suppressed", reason: "too_few" });
    expect(releaseFreeText([...texts(9), "", "   "], 5, zero)).toEqual({ status: "suppressed", reason: "too_few" });
    expect(releaseFreeText(texts(10), 5, zero)).toMatchObject({ status: "released", n: 10 });
  });

  it("needs at least k when k is above 10", () => {
    expect(releaseFreeText(texts(11), 12, zero)).toEqual({ status: "suppressed", reason: "too_few" });
    expect(releaseFreeText(texts(12), 12, zero)).toMatchObject({ status: "released", n: 12 });
  });

  it("shuffles with the injected RNG and trims", () => {
    const out = releaseFreeText([" a ", "b", "c", "d", "e", "f", "g", "h", "i", "j"], 5, zero);
    // Fisher–Yates swapping i with 0 for i = 9..1 rotates: [b, c, …, j, a] read from the end.
    expect(out).toEqual({ status: "released", n: 10, value: ["b", "c", "d", "e", "f", "g", "h", "i", "j", "a"] });
  });

  it("the default RNG gives a permutation of the input", () => {
    const out = releaseFreeText(texts(50), 5);
    expect(out.status).toBe("released");
    if (out.status === "released") expect([...out.value].sort()).toEqual([...texts(50)].sort());
  });

  it("does not change the caller's array", () => {
    const input = texts(12);
    releaseFreeText(input, 5, zero);
    expect(input).toEqual(texts(12));
  });

  it("suppresses on a bad RNG, a non-string or a bad k", () => {
    expect(releaseFreeText(texts(10), 5, () => 99)).toEqual({ status: "suppressed", reason: "error" });
    expect(releaseFreeText(texts(10), 5, () => 0.5)).toEqual({ status: "suppressed", reason: "error" });
    expect(releaseFreeText([...texts(10), 3 as unknown as string], 5, zero)).toEqual({ status: "suppressed", reason: "error" });
    expect(releaseFreeText(texts(10), 2, zero)).toEqual({ status: "suppressed", reason: "error" });
    expect(releaseFreeText(texts(10), 5, () => { throw new Error("injected"); })).toEqual({ status: "suppressed", reason: "error" });
  });
});
