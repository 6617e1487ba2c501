// Tests for the Student-t distribution functions against published and independently computed values.
import { describe, expect, it } from "vitest";
import { incompleteBeta, logGamma, tCdf, tPdf, tQuantile } from "./student-t.ts";

describe("tQuantile", () => {
  // Two-sided 95% critical values from standard tables.
  it.each([
    [1, 12.706204736],
    [2, 4.30265273],
    [5, 2.57058184],
    [10, 2.22813885],
    [30, 2.04227246],
    [1000, 1.96233908],
  ])("t(0.975, %s) = %s", (df, expected) => {
    expect(tQuantile(0.975, df)).toBeCloseTo(expected, 8);
    expect(tQuantile(0.025, df)).toBeCloseTo(-expected, 8);
  });

  // Values from @stdlib/stats-base-dists-t-quantile 0.2.3 (fractional df as Welch produces).
  it.each([
    [0.975, 3, 3.18244630528],
    [0.995, 4, 4.60409487135],
    [0.9, 7, 1.41492392765],
    [0.975, 7.5, 2.33303962686],
    [0.975, 2.37, 3.7189208398],
    [0.999, 1.5, 52.184430009],
    [0.6, 12, 0.259032745677],
    [0.025, 9, -2.2621571628],
    [0.9999999, 3, 222.571590986],
  ])("t(%s, %s) = %s", (p, df, expected) => {
    expect(tQuantile(p, df) / expected).toBeCloseTo(1, 9);
  });

  it("tends to the normal quantile as df grows", () => {
    expect(tQuantile(0.975, 100_000)).toBeCloseTo(1.95998770753, 8);
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 5);
  });

  it("handles the ends and the middle", () => {
    expect(tQuantile(0.5, 4)).toBe(0);
    expect(tQuantile(0, 4)).toBe(-Infinity);
    expect(tQuantile(1, 4)).toBe(Infinity);
    // Near the median the quantile is (p − ½)/f(0); f(0) = 1/√(2π) in the limit.
    expect(tQuantile(0.5000001, 1000) / 2.5073e-7).toBeCloseTo(1, 3);
  });

  it("is the inverse of tCdf", () => {
    for (const df of [1, 2, 3.3, 8, 40, 500]) {
      for (const p of [0.001, 0.05, 0.3, 0.7, 0.95, 0.999]) {
        expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 12);
      }
    }
  });

  it("refuses nonsense", () => {
    expect(() => tQuantile(0.975, 0)).toThrow(RangeError);
    expect(() => tQuantile(0.975, Number.NaN)).toThrow(RangeError);
    expect(() => tQuantile(1.5, 3)).toThrow(RangeError);
    expect(() => tQuantile(Number.NaN, 3)).toThrow(RangeError);
  });
});

describe("building blocks", () => {
  it("logGamma matches factorials and Γ(½) = √π", () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(171)).toBeCloseTo(706.5730622457874, 9);
  });

  it("incompleteBeta has the closed forms it should", () => {
    // I_x(1, 1) = x; I_x(a, 1) = x^a; symmetry I_x(a, b) = 1 − I_{1−x}(b, a).
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(incompleteBeta(0.4, 3, 1)).toBeCloseTo(0.064, 14);
    expect(incompleteBeta(0.2, 2.5, 4) + incompleteBeta(0.8, 4, 2.5)).toBeCloseTo(1, 14);
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
  });

  it("tCdf and tPdf agree with the Cauchy distribution at df = 1", () => {
    for (const t of [-3, -0.5, 0, 0.7, 10]) {
      expect(tCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 13);
      expect(tPdf(t, 1)).toBeCloseTo(1 / (Math.PI * (1 + t * t)), 13);
    }
    expect(tCdf(Infinity, 3)).toBe(1);
    expect(tCdf(-Infinity, 3)).toBe(0);
  });
});
