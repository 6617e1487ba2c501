// Descriptive statistics for survey results: mean with t interval, Welch difference, distributions, Wilder bands.
import { tQuantile } from "./student-t.ts";

export interface MeanInterval {
  n: number;
  /** null when there are no values. */
  mean: number | null;
  /** Sample standard deviation (n − 1); null when n < 2. */
  sd: number | null;
  /** t-based interval for the mean; null when n < 2. */
  lower: number | null;
  upper: number | null;
  level: number;
}

export interface WelchDifference {
  nA: number;
  nB: number;
  /** mean(b) − mean(a); null when either side is empty. */
  difference: number | null;
  /** Standard error of the difference; null when either side has n < 2. */
  se: number | null;
  /** Welch–Satterthwaite degrees of freedom; null when either side has n < 2 or both are constant (se = 0). */
  df: number | null;
  /** Interval for the difference; null when either side has n < 2; equal to the difference when se = 0. */
  lower: number | null;
  upper: number | null;
  level: number;
}

export interface DistributionRow {
  option: string;
  count: number;
  /** count / total exactly (no rounding); null when total is 0. */
  proportion: number | null;
  /** Whole-number percentage of the total, rounded half up; the rounded column need not sum to 100. */
  percent: number | null;
}

export interface Distribution {
  total: number;
  rows: DistributionRow[];
}

export type Band = "strength" | "discuss" | "concern";

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`interval level must be between 0 and 1, got ${level}`);
}

function checkFinite(xs: readonly number[]): void {
  for (const x of xs) if (typeof x !== "number" || !Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
}

function meanOf(xs: readonly number[]): number {
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Sample variance with the n − 1 divisor, two-pass for accuracy. Needs n ≥ 2. */
function varianceOf(xs: readonly number[], mean: number): number {
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  return ss / (xs.length - 1);
}

/** Mean of `xs` with a two-sided t interval at `level` (default 95%). */
export function meanInterval(xs: readonly number[], level = 0.95): MeanInterval {
  checkLevel(level);
  checkFinite(xs);
  const n = xs.length;
  if (n === 0) return { n, mean: null, sd: null, lower: null, upper: null, level };
  const mean = meanOf(xs);
  if (n === 1) return { n, mean, sd: null, lower: null, upper: null, level };
  const sd = Math.sqrt(varianceOf(xs, mean));
  const half = sd === 0 ? 0 : (tQuantile(1 - (1 - level) / 2, n - 1) * sd) / Math.sqrt(n);
  return { n, mean, sd, lower: mean - half, upper: mean + half, level };
}

/** Difference of means b − a (e.g. follow-up − baseline) with a Welch–Satterthwaite t interval. */
export function welchDifference(a: readonly number[], b: readonly number[], level = 0.95): WelchDifference {
  checkLevel(level);
  checkFinite(a);
  checkFinite(b);
  const nA = a.length;
  const nB = b.length;
  const none = { se: null, df: null, lower: null, upper: null };
  if (nA === 0 || nB === 0) return { nA, nB, difference: null, ...none, level };
  const meanA = meanOf(a);
  const meanB = meanOf(b);
  const difference = meanB - meanA;
  if (nA < 2 || nB < 2) return { nA, nB, difference, ...none, level };
  const va = varianceOf(a, meanA) / nA;
  const vb = varianceOf(b, meanB) / nB;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { nA, nB, difference, se, df: null, lower: difference, upper: difference, level };
  const df = (va + vb) ** 2 / (va ** 2 / (nA - 1) + vb ** 2 / (nB - 1));
  const half = tQuantile(1 - (1 - level) / 2, df) * se;
  return { nA, nB, difference, se, df, lower: difference - half, upper: difference + half, level };
}

/**
 * Counts and percentages of `values` over `options` (in the order given). Every value must be one of
 * the options: filter out answers you do not want counted (e.g. "don't know") before calling.
 */
export function distribution(values: readonly string[], options: readonly string[]): Distribution {
  const counts = new Map<string, number>();
  for (const option of options) {
    if (counts.has(option)) throw new RangeError(`option listed twice: ${option}`);
    counts.set(option, 0);
  }
  for (const value of values) {
    const count = counts.get(value);
    if (count === undefined) throw new RangeError(`value is not one of the options: ${value}`);
    counts.set(value, count + 1);
  }
  const total = values.length;
  const rows = options.map((option) => {
    const count = counts.get(option) ?? 0;
    return {
      option,
      count,
      proportion: total === 0 ? null : count / total,
      // Integer arithmetic for round-half-up of 100·count/total (no floating-point ties).
      percent: total === 0 ? null : Math.floor((200 * count + total) / (2 * total)),
    };
  });
  return { total, rows };
}

/** A 1–5 mean as it is displayed: one decimal place. */
export function roundMean(mean: number): number {
  return Number(mean.toFixed(1));
}

/**
 * Wilder-inventory band of a 1–5 mean: 4.0 and above "strength", 3.0–3.9 "discuss", below 3.0
 * "concern". The band is taken from the mean rounded to one decimal, as displayed, so a mean shown
 * as "4.0" (e.g. 3.96) is never labelled "worth discussing".
 */
export function band(mean: number): Band {
  if (!Number.isFinite(mean) || mean < 1 || mean > 5) throw new RangeError(`a band needs a mean between 1 and 5, got ${mean}`);
  const shown = roundMean(mean);
  if (shown >= 4) return "strength";
  if (shown >= 3) return "discuss";
  return "concern";
}
