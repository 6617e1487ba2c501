/** Turns one respondent's answers into scores by level × dimension, using each item's construct tags (pure). */
import { DIMENSIONS, DONT_KNOW, LEVELS, type Answers, type Dimension, type Instrument, type Level } from "../instruments/types.ts";

export type ScoreLevel = Level | "all";
export type ScoreDimension = Dimension | "all";
export type ScoreKey = `${ScoreLevel}:${ScoreDimension}`;

/** Every score reported: each cell, each level and dimension overall, and the overall trust score. */
export const SCORE_KEYS: ScoreKey[] = [
  ...LEVELS.flatMap((l) => DIMENSIONS.map((d) => `${l}:${d}` as ScoreKey)),
  ...LEVELS.map((l) => `${l}:all` as ScoreKey),
  ...DIMENSIONS.map((d) => `all:${d}` as ScoreKey),
  "all:all",
];

/** The numeric value of an agreement answer after reverse-scoring, or undefined for "don't know" and no answer. */
export function itemValue(answer: { value: string | number } | undefined, reverse: boolean | undefined): number | undefined {
  if (!answer || answer.value === DONT_KNOW || typeof answer.value !== "number") return undefined;
  if (!Number.isInteger(answer.value) || answer.value < 1 || answer.value > 5) return undefined;
  return reverse ? 6 - answer.value : answer.value;
}

/**
 * A respondent's score for each key: the mean of the trustworthiness items that key covers, counting
 * only answered items (not "don't know"). Keys with no answered item are absent.
 */
export function respondentScores(instrument: Instrument, answers: Answers): Partial<Record<ScoreKey, number>> {
  const sums = new Map<ScoreKey, { sum: number; n: number }>();
  const add = (key: ScoreKey, v: number) => {
    const s = sums.get(key) ?? { sum: 0, n: 0 };
    s.sum += v;
    s.n += 1;
    sums.set(key, s);
  };
  for (const section of instrument.sections) {
    for (const item of section.items) {
      if (item.construct.kind !== "trustworthiness" || item.response.kind !== "agreement5") continue;
      const v = itemValue(answers[item.key], item.reverse);
      if (v === undefined) continue;
      const { level, dimension } = item.construct;
      add(`${level}:${dimension}`, v);
      add(`${level}:all`, v);
      add(`all:${dimension}`, v);
      add("all:all", v);
    }
  }
  const out: Partial<Record<ScoreKey, number>> = {};
  for (const [key, { sum, n }] of sums) out[key] = sum / n;
  return out;
}
