// Small-sample adjusted kept-on-time rate: a Beta prior updated by the counts, with a credible interval.
import type { KeptOnTime } from "../../registers/metrics/index.ts";
import { betaQuantile } from "./beta.ts";

/** A Beta(alpha, beta) prior: alpha acts as earlier "kept" commitments, beta as earlier "not kept" ones. */
export interface BetaPrior {
  alpha: number;
  beta: number;
}

export interface AdjustedRate {
  /** Commitments kept on time (the raw count). */
  kept: number;
  /** Commitments the rate is taken over (the raw count). */
  due: number;
  /** kept / due, or null when nothing is due. */
  raw: number | null;
  /** Posterior mean (kept + alpha) / (due + alpha + beta): the rate to compare and rank by. */
  adjusted: number;
  /** Lower and upper ends of the central credible interval of the posterior. */
  lower: number;
  upper: number;
  /** The credible level of [lower, upper], e.g. 0.8. */
  level: number;
  prior: BetaPrior;
}

/** Beta(1, 1): every rate equally likely before any commitment falls due (one imagined kept, one not). */
export const UNIFORM_PRIOR: BetaPrior = Object.freeze({ alpha: 1, beta: 1 });

/** The default weight of a partnership prior: worth two commitments. */
export const DEFAULT_PRIOR_WEIGHT = 2;

/** The default credible level: an 80% interval. */
export const DEFAULT_CREDIBLE_LEVEL = 0.8;

function checkCount(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${n}`);
}

function checkPrior(prior: BetaPrior): void {
  if (!(prior.alpha > 0) || !(prior.beta > 0) || !Number.isFinite(prior.alpha) || !Number.isFinite(prior.beta)) {
    throw new RangeError(`a Beta prior needs alpha > 0 and beta > 0, got ${prior.alpha}, ${prior.beta}`);
  }
}

/**
 * A prior centred on the partnership's own overall rate, worth `weight` commitments: the mean is
 * (allKept + 1) / (allDue + 2) (the overall rate, nudged off 0 and 1 so the prior stays proper), and
 * alpha = weight × mean, beta = weight × (1 − mean). With nothing due anywhere it is Beta(1, 1) scaled to the weight.
 */
export function partnershipPrior(allKept: number, allDue: number, weight = DEFAULT_PRIOR_WEIGHT): BetaPrior {
  checkCount("allDue", allDue);
  checkCount("allKept", allKept);
  if (allKept > allDue) throw new RangeError(`kept (${allKept}) cannot exceed due (${allDue})`);
  if (!(weight > 0) || !Number.isFinite(weight)) throw new RangeError(`weight must be positive, got ${weight}`);
  const mean = (allKept + 1) / (allDue + 2);
  return { alpha: weight * mean, beta: weight * (1 - mean) };
}

/**
 * Kept-on-time rate adjusted for small numbers: the prior Beta(alpha, beta) is updated with `kept` kept and
 * `due − kept` not kept, giving Beta(alpha + kept, beta + due − kept); the adjusted rate is its mean and the
 * interval runs between its (1 − level)/2 and (1 + level)/2 quantiles. With the default Beta(1, 1) prior,
 * 2 of 2 scores 3/4 = 0.75 and 45 of 50 scores 46/52 ≈ 0.88, so two out of two does not outrank forty-five out of fifty.
 */
export function adjustedKeptRate(kept: number, due: number, prior: BetaPrior = UNIFORM_PRIOR, level = DEFAULT_CREDIBLE_LEVEL): AdjustedRate {
  checkCount("kept", kept);
  checkCount("due", due);
  if (kept > due) throw new RangeError(`kept (${kept}) cannot exceed due (${due})`);
  checkPrior(prior);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be strictly between 0 and 1, got ${level}`);
  const a = prior.alpha + kept;
  const b = prior.beta + (due - kept);
  return {
    kept,
    due,
    raw: due === 0 ? null : kept / due,
    adjusted: a / (a + b),
    lower: betaQuantile((1 - level) / 2, a, b),
    upper: betaQuantile((1 + level) / 2, a, b),
    level,
    prior: { alpha: prior.alpha, beta: prior.beta },
  };
}

export interface AdjustedKeptOnTime extends AdjustedRate {
  organisationId: string;
}

/**
 * The adjusted rate for each row of keptOnTimeRate (src/registers/metrics), each shrunk towards the
 * partnership's overall rate: the prior is partnershipPrior(sum of keptOnTime, sum of due, weight).
 * Rows keep their order (by organisationId).
 */
export function adjustedKeptRates(rows: readonly KeptOnTime[], weight = DEFAULT_PRIOR_WEIGHT, level = DEFAULT_CREDIBLE_LEVEL): AdjustedKeptOnTime[] {
  let allKept = 0;
  let allDue = 0;
  for (const r of rows) {
    allKept += r.keptOnTime;
    allDue += r.due;
  }
  const prior = partnershipPrior(allKept, allDue, weight);
  return rows.map((r) => ({ organisationId: r.organisationId, ...adjustedKeptRate(r.keptOnTime, r.due, prior, level) }));
}
