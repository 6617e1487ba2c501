// Releasing free-text answers: only at partnership level, only when there are enough, shuffled, with nothing but the text.
import { randomInt } from "node:crypto";
import { checkK, suppressed, type Released, type Suppressed } from "./core.ts";

/** Free text needs at least this many non-empty answers (and never fewer than k). */
export const FREE_TEXT_MIN = 10;

/** A source of uniform random integers in [0, n). Injected so tests can be deterministic. */
export type Rng = (n: number) => number;

export const cryptoRng: Rng = (n) => randomInt(n);

/**
 * The non-empty texts (trimmed), in a random order, when there are at least max(FREE_TEXT_MIN, k)
 * of them; otherwise suppressed ("too_few"). Pass the texts of the whole partnership only: texts
 * are not aggregates, so two overlapping groups' texts would reveal exactly which texts came from
 * the difference; there is deliberately no breakdown of free text. Pass strings only — no ids, no
 * times — and the output order says nothing about the input order.
 */
export function releaseFreeText(texts: readonly string[], k: number, rng: Rng = cryptoRng): Released<string[]> | Suppressed {
  try {
    checkK(k);
    const kept: string[] = [];
    for (const text of texts) {
      if (typeof text !== "string") throw new TypeError("free text must be strings");
      const trimmed = text.trim();
      if (trimmed !== "") kept.push(trimmed);
    }
    if (kept.length < Math.max(FREE_TEXT_MIN, k)) return suppressed("too_few");
    // Fisher–Yates.
    for (let i = kept.length - 1; i > 0; i--) {
      const j = rng(i + 1);
      if (!Number.isInteger(j) || j < 0 || j > i) throw new RangeError("rng out of range");
      const tmp = kept[i] as string;
      kept[i] = kept[j] as string;
      kept[j] = tmp;
    }
    return { status: "released", n: kept.length, value: kept };
  } catch {
    return suppressed("error");
  }
}
