// Unit tests for the descriptive statistics, with numbers checked by hand (working in the comments).
import { describe, expect, it } from "vitest";
import { band, distribution, meanInterval, roundMean, welchDifference } from "./descriptive.ts";

describe("meanInterval", () => {
  it("1..5: mean 3, sd √2.5, half-width t(0.975,4)·√2.5/√5 = 2.776445·0.707107", () => {
    const r = meanInterval([1, 2, 3, 4, 5]);
    expect(r.n).toBe(5);
    expect(r.mean).toBe(3);
    expect(r.sd).toBeCloseTo(1.58113883, 8);
    expect(r.lower).toBeCloseTo(3 - 1.96324316, 7);
    expect(r.upper).toBeCloseTo(3 + 1.96324316, 7);
    expect(r.level).toBe(0.95);
  });

  it("two values: sd √2, se 1, half-width t(0.975,1) = 12.7062", () => {
    const r = meanInterval([2, 4]);
    expect(r.lower).toBeCloseTo(3 - 12.706204736, 8);
    expect(r.upper).toBeCloseTo(3 + 12.706204736, 8);
  });

  it("90% level uses t(0.95, 4) = 2.131847", () => {
    const r = meanInterval([1, 2, 3, 4, 5], 0.9);
    expect(r.upper! - 3).toBeCloseTo(2.13184679 * Math.sqrt(0.5), 7);
  });

  it("no interval below two values, no mean for none", () => {
    expect(meanInterval([4])).toEqual({ n: 1, mean: 4, sd: null, lower: null, upper: null, level: 0.95 });
    expect(meanInterval([])).toEqual({ n: 0, mean: null, sd: null, lower: null, upper: null, level: 0.95 });
  });

  it("constant values give a zero-width interval", () => {
    expect(meanInterval([3, 3, 3])).toMatchObject({ mean: 3, sd: 0, lower: 3, upper: 3 });
  });

  it("refuses non-finite values and impossible levels", () => {
    expect(() => meanInterval([1, Number.NaN])).toThrow(RangeError);
    expect(() => meanInterval([1, Infinity])).toThrow(RangeError);
    expect(() => meanInterval([1, 2], 1)).toThrow(RangeError);
    expect(() => meanInterval([1, 2], 0)).toThrow(RangeError);
  });
});

describe("welchDifference", () => {
  it("a = 1..5 (var 2.5), b = 2,4,6 (var 4): se² = 0.5 + 4/3, df = 1.8333²/(0.5²/4 + 1.3333²/2)", () => {
    const r = welchDifference([1, 2, 3, 4, 5], [2, 4, 6]);
    expect(r.difference).toBe(1);
    expect(r.se).toBeCloseTo(1.35400640, 8);
    expect(r.df).toBeCloseTo(3.53284672, 8);
    // t(0.975, 3.532847) = 2.92740531 (between the table's 3.182 at df 3 and 2.776 at df 4).
    expect(r.lower).toBeCloseTo(1 - 2.92740531 * 1.3540064, 6);
    expect(r.upper).toBeCloseTo(1 + 2.92740531 * 1.3540064, 6);
  });

  it("equal variances and sizes give df = 2n − 2", () => {
    expect(welchDifference([1, 2, 3], [4, 5, 6]).df).toBeCloseTo(4, 12);
  });

  it("null parts when a side is too small", () => {
    expect(welchDifference([1], [2, 3])).toMatchObject({ difference: 1.5, se: null, df: null, lower: null, upper: null });
    expect(welchDifference([], [2, 3])).toMatchObject({ difference: null, lower: null });
  });

  it("two constant samples: degenerate interval, no df", () => {
    expect(welchDifference([2, 2], [3, 3, 3])).toMatchObject({ difference: 1, se: 0, df: null, lower: 1, upper: 1 });
  });
});

describe("distribution", () => {
  const options = ["great_deal", "moderate", "little", "none", "other"];

  it("reproduces the article's table: 9 answers → 11 / 11 / 56 / 0 / 22", () => {
    const values = ["great_deal", "moderate", ...Array<string>(5).fill("little"), "other", "other"];
    const d = distribution(values, options);
    expect(d.total).toBe(9);
    expect(d.rows.map((r) => r.count)).toEqual([1, 1, 5, 0, 2]);
    expect(d.rows.map((r) => r.percent)).toEqual([11, 11, 56, 0, 22]);
    expect(d.rows[2]?.proportion).toBe(5 / 9);
  });

  it("rounds halves up and lets the rounded column miss 100", () => {
    const d = distribution(["a", "b", "b", "b", "b", "b", "b", "b"], ["a", "b"]);
    expect(d.rows.map((r) => r.percent)).toEqual([13, 88]); // 12.5 and 87.5 → 101
    const thirds = distribution(["a", "b", "c"], ["a", "b", "c"]);
    expect(thirds.rows.map((r) => r.percent)).toEqual([33, 33, 33]);
  });

  it("no answers: counts 0, percentages null", () => {
    expect(distribution([], ["a"]).rows).toEqual([{ option: "a", count: 0, proportion: null, percent: null }]);
  });

  it("refuses unknown values and repeated options", () => {
    expect(() => distribution(["x"], ["a"])).toThrow(RangeError);
    expect(() => distribution([], ["a", "a"])).toThrow(RangeError);
  });
});

describe("band", () => {
  it.each([
    [5, "strength"],
    [4, "strength"],
    [3.96, "strength"], // shown as 4.0
    [3.94, "discuss"],
    [3, "discuss"],
    [2.95, "discuss"], // shown as 3.0
    [2.94, "concern"],
    [1, "concern"],
  ] as const)("%s → %s", (mean, expected) => {
    expect(band(mean)).toBe(expected);
  });

  it("refuses means outside 1–5", () => {
    expect(() => band(0.5)).toThrow(RangeError);
    expect(() => band(Number.NaN)).toThrow(RangeError);
  });

  it("roundMean is the displayed value", () => {
    expect(roundMean(3.96)).toBe(4);
    expect(roundMean(3.04)).toBe(3);
  });
});
