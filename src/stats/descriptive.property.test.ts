// fast-check properties of the descriptive statistics: intervals contain the mean, narrow with n, widen with level.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distribution, meanInterval, welchDifference } from "./descriptive.ts";

const scale = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 60 });

describe("descriptive properties", () => {
  it("the interval contains the mean and is symmetric about it", () => {
    fc.assert(
      fc.property(scale, fc.double({ min: 0.5, max: 0.999, noNaN: true }), (xs, level) => {
        const r = meanInterval(xs, level);
        expect(r.lower!).toBeLessThanOrEqual(r.mean!);
        expect(r.upper!).toBeGreaterThanOrEqual(r.mean!);
        expect(r.upper! - r.mean!).toBeCloseTo(r.mean! - r.lower!, 9);
      }),
    );
  });

  it("more of the same data narrows the interval; a higher level widens it", () => {
    fc.assert(
      fc.property(scale, fc.integer({ min: 2, max: 5 }), (xs, times) => {
        const width = (r: ReturnType<typeof meanInterval>) => r.upper! - r.lower!;
        const once = meanInterval(xs);
        const more = meanInterval(Array.from({ length: times }, () => xs).flat());
        if (once.sd === 0) {
          expect(width(more)).toBe(0);
          return;
        }
        expect(width(more)).toBeLessThan(width(once));
        expect(width(meanInterval(xs, 0.99))).toBeGreaterThan(width(once));
      }),
    );
  });

  it("Welch: swapping the samples negates the interval; df between min(n)−1 and nA+nB−2", () => {
    fc.assert(
      fc.property(scale, scale, (a, b) => {
        const ab = welchDifference(a, b);
        const ba = welchDifference(b, a);
        expect(ab.difference!).toBeCloseTo(-ba.difference!, 12);
        expect(ab.lower!).toBeCloseTo(-ba.upper!, 9);
        if (ab.df === null) return;
        expect(ab.df).toBeGreaterThanOrEqual(Math.min(a.length, b.length) - 1 - 1e-9);
        expect(ab.df).toBeLessThanOrEqual(a.length + b.length - 2 + 1e-9);
      }),
    );
  });

  it("counts add up to the total and proportions to 1", () => {
    const options = ["a", "b", "c", "d"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...options), { minLength: 1 }), (values) => {
        const d = distribution(values, options);
        expect(d.rows.reduce((s, r) => s + r.count, 0)).toBe(values.length);
        expect(d.rows.reduce((s, r) => s + r.proportion!, 0)).toBeCloseTo(1, 12);
        for (const r of d.rows) expect(Math.abs(r.percent! - 100 * r.proportion!)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
});
