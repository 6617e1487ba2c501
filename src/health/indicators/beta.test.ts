// Tests for the Beta distribution helpers against scipy.stats.beta values, closed forms and round trips.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { betaCdf, betaPdf, betaQuantile } from "./beta.ts";

describe("betaQuantile", () => {
  // Values from scipy.stats.beta.ppf (scipy 1.17.1).
  it.each([
    [0.1, 47, 7, 0.8097473480372649],
    [0.9, 47, 7, 0.9249753406635642],
    [0.1, 3, 1, 0.4641588833612779],
    [0.05, 0.5, 0.5, 0.0061558297024311365],
    [0.9, 2.5, 12.5, 0.29499665297008404],
    [0.1, 200, 3, 0.9738677987031769],
    [0.5, 0.3, 4, 0.019778314565049332],
    [0.99, 1.4, 0.6, 0.9996847714508942],
    [0.1, 1000, 1000, 0.4856729690315384],
    [0.1, 3, 2, 0.3204605837218183],
    [0.9, 3, 2, 0.8574406832899693],
  ])("Beta quantile p=%s, a=%s, b=%s is %s", (p, a, b, expected) => {
    expect(betaQuantile(p, a, b)).toBeCloseTo(expected, 10);
  });

  it("matches the closed forms of Beta(1, 1), Beta(a, 1) and Beta(1, b)", () => {
    for (const p of [0.01, 0.1, 0.37, 0.5, 0.9, 0.999]) {
      expect(betaQuantile(p, 1, 1)).toBeCloseTo(p, 12);
      expect(betaQuantile(p, 4, 1)).toBeCloseTo(p ** (1 / 4), 12);
      expect(betaQuantile(p, 1, 3)).toBeCloseTo(1 - (1 - p) ** (1 / 3), 12);
    }
  });

  it("returns the ends for p = 0 and p = 1 and refuses bad input", () => {
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
    expect(() => betaQuantile(1.5, 2, 3)).toThrow(RangeError);
    expect(() => betaQuantile(0.5, 0, 3)).toThrow(RangeError);
    expect(() => betaQuantile(0.5, 2, Number.NaN)).toThrow(RangeError);
  });

  it("inverts the CDF (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 300, noNaN: true }),
        fc.double({ min: 0.2, max: 300, noNaN: true }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (a, b, p) => {
          const x = betaQuantile(p, a, b);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
          // Near 0 or 1 with shapes below 1 the CDF can jump by more than 1e-9 between neighbouring floats,
          // so check that p is bracketed by the CDF a hair either side of x, and close to it otherwise.
          expect(betaCdf(Math.max(0, x - 1e-12), a, b)).toBeLessThanOrEqual(p + 1e-9);
          expect(betaCdf(Math.min(1, x + 1e-12), a, b)).toBeGreaterThanOrEqual(p - 1e-9);
          if (a >= 1 && b >= 1) expect(Math.abs(betaCdf(x, a, b) - p)).toBeLessThan(1e-9);
        },
      ),
    );
  });

  it("is increasing in p (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 100, noNaN: true }),
        fc.double({ min: 0.2, max: 100, noNaN: true }),
        fc.double({ min: 0.001, max: 0.998, noNaN: true }),
        fc.double({ min: 0.0005, max: 0.5, noNaN: true }),
        (a, b, p, step) => {
          const q = Math.min(0.999, p + step);
          expect(betaQuantile(q, a, b)).toBeGreaterThanOrEqual(betaQuantile(p, a, b) - 1e-12);
        },
      ),
    );
  });
});

describe("betaPdf and betaCdf", () => {
  it("Beta(2, 2) has density 6x(1 − x) and CDF 3x² − 2x³", () => {
    for (const x of [0.1, 0.25, 0.5, 0.8]) {
      expect(betaPdf(x, 2, 2)).toBeCloseTo(6 * x * (1 - x), 12);
      expect(betaCdf(x, 2, 2)).toBeCloseTo(3 * x * x - 2 * x ** 3, 12);
    }
    expect(betaCdf(-1, 2, 2)).toBe(0);
    expect(betaCdf(2, 2, 2)).toBe(1);
    expect(betaPdf(1.5, 2, 2)).toBe(0);
  });
});
