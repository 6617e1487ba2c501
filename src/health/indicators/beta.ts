// The Beta distribution's density, CDF and quantile, built on the regularised incomplete beta in src/stats.
import { incompleteBeta, logGamma } from "../../stats/student-t.ts";

function checkShape(a: number, b: number): void {
  if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw new RangeError(`Beta shape parameters must be positive and finite, got a=${a}, b=${b}`);
  }
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
function logBetaFunction(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** The Beta(a, b) density at x, computed as x^(a−1) (1−x)^(b−1) / B(a, b) in logarithms. */
export function betaPdf(x: number, a: number, b: number): number {
  checkShape(a, b);
  if (!(x >= 0 && x <= 1)) return 0;
  if (x === 0) return a < 1 ? Infinity : a === 1 ? b : 0;
  if (x === 1) return b < 1 ? Infinity : b === 1 ? a : 0;
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBetaFunction(a, b));
}

/** P(X ≤ x) for X ~ Beta(a, b): the regularised incomplete beta I_x(a, b) (continued fraction, from src/stats). */
export function betaCdf(x: number, a: number, b: number): number {
  checkShape(a, b);
  if (Number.isNaN(x)) throw new RangeError("x is NaN");
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return incompleteBeta(x, a, b);
}

/**
 * The x with P(X ≤ x) = p for X ~ Beta(a, b), found by Newton's method on the CDF kept inside a shrinking
 * bisection bracket [lo, hi] (so it always converges, even where the density is infinite or flat).
 */
export function betaQuantile(p: number, a: number, b: number): number {
  checkShape(a, b);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return 1;
  let lo = 0;
  let hi = 1;
  // Start from the mean, a reasonable guess for every shape; Newton then moves it, bisection guards it.
  let x = a / (a + b);
  for (let i = 0; i < 300; i++) {
    const f = incompleteBeta(x, a, b) - p; // increasing in x
    if (f === 0) return x;
    if (f > 0) hi = x;
    else lo = x;
    const density = betaPdf(x, a, b);
    let next = density > 0 && Number.isFinite(density) ? x - f / density : Number.NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(x, 1e-300) || hi - lo <= 1e-16 * Math.max(hi, 1e-300)) return next;
    x = next;
  }
  return x;
}
