// Pure: programme-level figures over rows — the distribution of released headline means, the pooled baseline question, a partnership's percentile.
import { releasedMean, type QuestionOption } from "./figures.ts";
import type { RollupRow } from "./rows.ts";

/** Programme-level figures need at least this many partnerships contributing released figures. */
export const MIN_PARTNERSHIPS = 3;
type Suppressed = { status: "suppressed"; reason: string };
const TOO_FEW: Suppressed = { status: "suppressed", reason: "fewer_than_3_partnerships" };

/** Linear-interpolation quantile of sorted values (the default of numpy and pandas). */
export function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a + (h - lo) * (b - a);
}

export type HeadlineDistribution =
  | { status: "released"; partnerships: number; quantiles: { min: number; q1: number; median: number; q3: number; max: number }; histogram: { from: number; to: number; count: number }[] }
  | Suppressed;

/** Quantiles and a half-point histogram (1–5) of the released headline means; suppressed with fewer than 3. */
export function headlineDistribution(rows: readonly RollupRow[]): HeadlineDistribution {
  const means = rows.map((r) => releasedMean(r.headline)).filter((m): m is number => m !== null).sort((a, b) => a - b);
  if (means.length < MIN_PARTNERSHIPS) return TOO_FEW;
  const histogram = Array.from({ length: 8 }, (_, i) => ({ from: 1 + i / 2, to: 1.5 + i / 2, count: 0 }));
  for (const m of means) histogram[Math.max(0, Math.min(7, Math.floor((m - 1) * 2)))]!.count++;
  return {
    status: "released",
    partnerships: means.length,
    quantiles: { min: means[0]!, q1: quantile(means, 0.25), median: quantile(means, 0.5), q3: quantile(means, 0.75), max: means[means.length - 1]! },
    histogram,
  };
}

export type PooledBaseline = { status: "released"; partnerships: number; n: number; options: QuestionOption[] } | Suppressed;

/**
 * The baseline question summed over the partnerships that released it in full (coarse and suppressed
 * figures contribute nothing): only when at least 3 do and the pooled n reaches the largest k among them.
 * Every count added was already released by its partnership, so the sum reveals no smaller group.
 */
export function pooledBaseline(rows: readonly RollupRow[]): PooledBaseline {
  let partnerships = 0;
  let n = 0;
  let maxK = -Infinity;
  // Per option: the count so far, and where it is first listed by the partnership with the smallest id listing it (its label comes from there).
  const counts = new Map<string, { label: string; count: number; firstId: string; position: number }>();
  for (const r of rows) {
    if (r.baseline?.figure.status !== "released") continue;
    const figure = r.baseline.figure;
    partnerships++;
    n += figure.n;
    maxK = Math.max(maxK, r.baseline.wave.k);
    figure.options.forEach((o, position) => {
      const c = counts.get(o.value);
      if (!c) counts.set(o.value, { label: o.label, count: o.count, firstId: r.partnershipId, position });
      else {
        c.count += o.count;
        if (r.partnershipId < c.firstId) Object.assign(c, { label: o.label, firstId: r.partnershipId, position });
      }
    });
  }
  if (partnerships < MIN_PARTNERSHIPS) return TOO_FEW;
  if (n < maxK) return { status: "suppressed", reason: "too_few" };
  const total = [...counts.values()].reduce((s, c) => s + c.count, 0);
  // Options in the order of the first partnership (by id) listing them (every wave asks the same built-in question).
  const ordered = [...counts.entries()].sort(([, a], [, b]) => (a.firstId < b.firstId ? -1 : a.firstId > b.firstId ? 1 : a.position - b.position));
  const options = ordered.map(([value, c]) => ({ value, label: c.label, count: c.count, percent: total === 0 ? null : Math.round((100 * c.count) / total) }));
  return { status: "released", partnerships, n, options };
}

export type Percentile = { status: "released"; value: number; partnerships: number; mean: number } | Suppressed;

/** Mid-rank percentile of one released mean among the released means (its own included): 100 × (below + ½ × equal) / N. */
export function percentileOf(mean: number, means: readonly number[]): number {
  let below = 0;
  let equal = 0;
  for (const m of means) {
    if (m < mean) below++;
    else if (m === mean) equal++;
  }
  return means.length === 0 ? 50 : Math.min(100, Math.max(0, (100 * (below + equal / 2)) / means.length));
}

/** A partnership's position in the programme: only when its own headline is released and at least 3 partnerships have one. */
export function partnershipPercentile(rows: readonly RollupRow[], partnershipId: string): Percentile {
  const own = rows.find((r) => r.partnershipId === partnershipId);
  const mean = own ? releasedMean(own.headline) : null;
  if (mean === null) return { status: "suppressed", reason: own?.headline ? "own_headline_not_released" : "nothing_published" };
  const means = rows.map((r) => releasedMean(r.headline)).filter((m): m is number => m !== null);
  if (means.length < MIN_PARTNERSHIPS) return TOO_FEW;
  return { status: "released", value: percentileOf(mean, means), partnerships: means.length, mean };
}
