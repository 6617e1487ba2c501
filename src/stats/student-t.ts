// Student's t distribution (CDF, density, quantile) from the regularised incomplete beta function; no dependencies.
//
// Why not a library: `@stdlib/stats-base-dists-t-quantile` is well kept and accurate, but it pulls in
// 232 packages (27 MB) for this one function. The maths here is ~130 lines and is tested against
// known values (and was cross-checked against @stdlib on a grid while it was written).

/** Lanczos approximation (g = 7, n = 9) coefficients; about 15 significant digits for x > 0. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`logGamma needs a positive finite number, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const TINY = 1e-300;

/** Continued fraction for I_x(a, b) (modified Lentz), as in Numerical Recipes' betacf; y = 1 − x. */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 20_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) return h;
  }
  throw new Error(`incomplete beta did not converge (a=${a}, b=${b}, x=${x})`);
}

/**
 * Regularised incomplete beta I_x(a, b). `y` is 1 − x, passed separately so callers that know it
 * exactly (as the t distribution does) avoid cancellation.
 */
export function incompleteBeta(x: number, a: number, b: number, y = 1 - x): number {
  if (!(a > 0) || !(b > 0)) throw new RangeError("incompleteBeta needs a > 0 and b > 0");
  if (!(x >= 0 && x <= 1) || !(y >= 0 && y <= 1)) throw new RangeError(`incompleteBeta needs 0 ≤ x ≤ 1, got ${x}`);
  if (x === 0) return 0;
  if (y === 0) return 1;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(a, b, x)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(b, a, y)) / b;
}

function checkDf(df: number): void {
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`degrees of freedom must be positive and finite, got ${df}`);
}

/** P(T > t) for t ≥ 0, computed directly so small tails keep their precision. */
function upperTail(t: number, df: number): number {
  const t2 = t * t;
  return 0.5 * incompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
}

/** Cumulative distribution function P(T ≤ t) with `df` degrees of freedom (df may be fractional). */
export function tCdf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) throw new RangeError("t is NaN");
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  return t >= 0 ? 1 - upperTail(t, df) : upperTail(-t, df);
}

/** Density of the t distribution. */
export function tPdf(t: number, df: number): number {
  checkDf(df);
  const ln =
    logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df);
  return Math.exp(ln);
}

/** Rough upper-tail normal quantile (Abramowitz & Stegun 26.2.23, error < 5e-4): only a starting point. */
function roughNormalUpper(q: number): number {
  const s = Math.sqrt(-2 * Math.log(q));
  return s - (2.515517 + 0.802853 * s + 0.010328 * s * s) / (1 + 1.432788 * s + 0.189269 * s * s + 0.001308 * s * s * s);
}

/** The t value exceeded with probability q (0 < q < 0.5): Newton's method kept inside a bisection bracket. */
function upperQuantile(q: number, df: number): number {
  if (df === 1) return 1 / Math.tan(Math.PI * q);
  if (df === 2) return (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
  const z = roughNormalUpper(q);
  let t = z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
  let lo = 0;
  let hi = Math.max(1, t);
  while (upperTail(hi, df) > q) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return Infinity;
  }
  if (!(t > lo && t < hi)) t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const f = upperTail(t, df) - q; // decreasing in t
    if (f === 0) return t;
    if (f > 0) lo = t;
    else hi = t;
    let next = t + f / tPdf(t, df);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-14 * Math.max(1, t) || hi - lo <= 1e-15 * Math.max(1, hi)) return next;
    t = next;
  }
  return t;
}

/** Quantile (inverse CDF) of the t distribution: the t with P(T ≤ t) = p. Fractional df is allowed. */
export function tQuantile(p: number, df: number): number {
  checkDf(df);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // Results ask for the same few (p, df) pairs over and over (one per mean figure): remember them.
  const key = `${p}:${df}`;
  const known = QUANTILES.get(key);
  if (known !== undefined) return known;
  const q = p > 0.5 ? upperQuantile(1 - p, df) : -upperQuantile(p, df);
  if (QUANTILES.size >= 4096) QUANTILES.clear();
  QUANTILES.set(key, q);
  return q;
}
const QUANTILES = new Map<string, number>();
