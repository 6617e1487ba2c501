// Tests for the Beta-prior adjusted kept-on-time rate: known posteriors, the 2/2 versus 45/50 ranking, and properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keptOnTimeRate } from "../../registers/metrics/index.ts";
import { adjustedKeptRate, adjustedKeptRates, partnershipPrior, UNIFORM_PRIOR } from "./kept-rate.ts";

describe("adjustedKeptRate", () => {
  it("2 of 2 does not outrank 45 of 50 (default Beta(1, 1) prior)", () => {
    const small = adjustedKeptRate(2, 2);
    const large = adjustedKeptRate(45, 50);
    expect(small.raw).toBe(1);
    expect(large.raw).toBe(0.9);
    expect(small.adjusted).toBeCloseTo(0.75, 12);
    expect(large.adjusted).toBeCloseTo(46 / 52, 12);
    expect(large.adjusted).toBeGreaterThan(small.adjusted);
    expect(large.lower).toBeGreaterThan(small.lower);
    expect(large.upper - large.lower).toBeLessThan(small.upper - small.lower);
  });

  it("gives the posterior Beta's quantiles as the interval (scipy values)", () => {
    // Posterior Beta(47, 7) from 46 of 52 with a Beta(1, 1) prior: scipy.stats.beta.ppf(0.1 / 0.9, 47, 7).
    const r = adjustedKeptRate(46, 52, UNIFORM_PRIOR, 0.8);
    expect(r.lower).toBeCloseTo(0.8097473480372649, 10);
    expect(r.upper).toBeCloseTo(0.9249753406635642, 10);
    expect(r.adjusted).toBeCloseTo(47 / 54, 12);
  });

  it("with nothing due returns the prior: raw null, mean and interval of the prior", () => {
    const r = adjustedKeptRate(0, 0);
    expect(r.raw).toBeNull();
    expect(r.adjusted).toBe(0.5);
    expect(r.lower).toBeCloseTo(0.1, 12);
    expect(r.upper).toBeCloseTo(0.9, 12);
  });

  it("refuses impossible counts, priors and levels", () => {
    expect(() => adjustedKeptRate(3, 2)).toThrow(RangeError);
    expect(() => adjustedKeptRate(-1, 2)).toThrow(RangeError);
    expect(() => adjustedKeptRate(1.5, 2)).toThrow(RangeError);
    expect(() => adjustedKeptRate(1, 2, { alpha: 0, beta: 1 })).toThrow(RangeError);
    expect(() => adjustedKeptRate(1, 2, UNIFORM_PRIOR, 1)).toThrow(RangeError);
  });

  const counts = fc.integer({ min: 0, max: 200 }).chain((due) => fc.record({ due: fc.constant(due), kept: fc.integer({ min: 0, max: due }) }));
  const prior = fc.record({ alpha: fc.double({ min: 0.1, max: 20, noNaN: true }), beta: fc.double({ min: 0.1, max: 20, noNaN: true }) });

  it("lies between the prior mean and the raw rate, inside its own interval (property)", () => {
    fc.assert(
      fc.property(counts, prior, ({ kept, due }, p) => {
        const r = adjustedKeptRate(kept, due, p);
        const priorMean = p.alpha / (p.alpha + p.beta);
        const raw = r.raw ?? priorMean;
        expect(r.adjusted).toBeGreaterThanOrEqual(Math.min(priorMean, raw) - 1e-12);
        expect(r.adjusted).toBeLessThanOrEqual(Math.max(priorMean, raw) + 1e-12);
        expect(r.lower).toBeGreaterThanOrEqual(0);
        expect(r.upper).toBeLessThanOrEqual(1);
        expect(r.lower).toBeLessThanOrEqual(r.adjusted + 1e-12);
        expect(r.upper).toBeGreaterThanOrEqual(r.adjusted - 1e-12);
      }),
    );
  });

  it("one more kept commitment never lowers the rate; one more missed never raises it (property)", () => {
    fc.assert(
      fc.property(counts, prior, ({ kept, due }, p) => {
        const base = adjustedKeptRate(kept, due, p);
        expect(adjustedKeptRate(kept + 1, due + 1, p).adjusted).toBeGreaterThanOrEqual(base.adjusted - 1e-12);
        expect(adjustedKeptRate(kept, due + 1, p).adjusted).toBeLessThanOrEqual(base.adjusted + 1e-12);
      }),
    );
  });

  it("a wider level gives a wider interval (property)", () => {
    fc.assert(
      fc.property(counts, ({ kept, due }) => {
        const narrow = adjustedKeptRate(kept, due, UNIFORM_PRIOR, 0.5);
        const wide = adjustedKeptRate(kept, due, UNIFORM_PRIOR, 0.95);
        expect(wide.lower).toBeLessThanOrEqual(narrow.lower + 1e-12);
        expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper - 1e-12);
      }),
    );
  });
});

describe("partnershipPrior and adjustedKeptRates", () => {
  it("centres the prior on the partnership's (smoothed) overall rate with the given weight", () => {
    const p = partnershipPrior(8, 10, 2);
    expect(p.alpha + p.beta).toBeCloseTo(2, 12);
    expect(p.alpha / (p.alpha + p.beta)).toBeCloseTo(9 / 12, 12);
    expect(partnershipPrior(0, 0)).toEqual({ alpha: 1, beta: 1 });
  });

  it("adjusts each organisation from the register metrics towards the partnership's rate", () => {
    const rows = keptOnTimeRate(
      [
        { id: "1", organisationId: "a", toOrganisationId: null, dueOn: "2024-01-10", outcome: "kept", outcomeOn: "2024-01-09", renegotiatedDueOn: null },
        { id: "2", organisationId: "a", toOrganisationId: null, dueOn: "2024-01-10", outcome: "kept", outcomeOn: "2024-01-10", renegotiatedDueOn: null },
        { id: "3", organisationId: "b", toOrganisationId: null, dueOn: "2024-01-10", outcome: "broken", outcomeOn: "2024-01-12", renegotiatedDueOn: null },
      ],
      "2024-02-01",
      ["a", "b", "c"],
    );
    const out = adjustedKeptRates(rows);
    expect(out.map((r) => r.organisationId)).toEqual(["a", "b", "c"]);
    // Overall 2 of 3, smoothed to 3/5; prior Beta(1.2, 0.8).
    expect(out[0]?.adjusted).toBeCloseTo((2 + 1.2) / (2 + 2), 12);
    expect(out[1]?.adjusted).toBeCloseTo(1.2 / 3, 12);
    expect(out[2]?.adjusted).toBeCloseTo(0.6, 12);
    expect(out[2]?.raw).toBeNull();
  });
});
