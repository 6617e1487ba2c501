// Tests for which ties a wave may show: k, the all-alike rule, the wave-to-wave rule, and attributed organisational ties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { organisationalTies, personalTies, tieKey, type PersonalResponse } from "./release.ts";

const ORGS = ["a", "b", "c", "d"];
const people = (from: string, to: string, values: number[]): PersonalResponse[] =>
  values.map((v, i) => ({ id: `${from}-${to}-${i}`, raterOrganisationId: from, ratings: { [to]: { competence: v, benevolence: v, integrity: v } } }));

describe("personalTies", () => {
  it("releases a tie only when at least k people from the rater rated it", () => {
    const ties = personalTies([...people("a", "b", [3, 4, 2, 3, 4]), ...people("b", "a", [3, 4, 2, 3])], ORGS, 5);
    expect(ties).toHaveLength(12);
    const ab = ties.find((t) => t.from === "a" && t.to === "b")!;
    expect(ab).toMatchObject({ status: "released", n: 5, mean: 3.2 });
    expect(ab.dimensions.competence).toBeCloseTo(3.2, 12);
    const ba = ties.find((t) => t.from === "b" && t.to === "a")!;
    expect(ba).toMatchObject({ status: "suppressed", n: null, mean: null, reason: "too_few" });
    expect(ties.filter((t) => t.status === "released")).toHaveLength(1);
  });

  it("hides a tie whose raters all but one agree, and one whose size moved by fewer than k since last wave", () => {
    expect(personalTies(people("a", "b", [4, 4, 4, 4, 3]), ORGS, 5).find((t) => t.from === "a" && t.to === "b")).toMatchObject({ status: "suppressed", reason: "too_alike" });
    const previous = [new Map([[tieKey("a", "b"), 6]])];
    expect(personalTies(people("a", "b", [1, 2, 3, 4, 2]), ORGS, 5, previous).find((t) => t.from === "a" && t.to === "b")).toMatchObject({ status: "suppressed", reason: "wave_difference" });
    expect(personalTies(people("a", "b", [1, 2, 3, 4, 2, 3, 1, 2, 4, 4, 1]), ORGS, 5, previous).find((t) => t.from === "a" && t.to === "b")?.status).toBe("released");
  });

  it("never shows a figure for fewer than k people, whatever the answers", () => {
    const response = fc.record({
      org: fc.constantFrom(...ORGS),
      ratings: fc.dictionary(fc.constantFrom(...ORGS), fc.oneof(fc.constant({ noTie: true as const }), fc.record({ competence: fc.integer({ min: 1, max: 4 }), integrity: fc.integer({ min: 1, max: 4 }) }, { requiredKeys: [] }))),
    });
    fc.assert(
      fc.property(fc.array(response, { maxLength: 60 }), fc.integer({ min: 3, max: 6 }), (rows, k) => {
        const responses = rows.map((r, i) => ({ id: `r${i}`, raterOrganisationId: r.org, ratings: r.ratings }));
        const ties = personalTies(responses, ORGS, k);
        expect(ties).toHaveLength(ORGS.length * (ORGS.length - 1));
        for (const t of ties) {
          const raters = responses.filter((r) => r.raterOrganisationId === t.from && t.to !== t.from && r.ratings[t.to] && !("noTie" in r.ratings[t.to]!) && Object.keys(r.ratings[t.to]!).length > 0);
          if (t.status === "released") {
            expect(t.n).toBe(raters.length);
            expect(t.n!).toBeGreaterThanOrEqual(k);
            expect(t.mean!).toBeGreaterThanOrEqual(1);
            expect(t.mean!).toBeLessThanOrEqual(4);
          } else {
            expect(t.status).toBe("suppressed");
            expect([t.n, t.mean, t.dimensions.competence, t.dimensions.benevolence, t.dimensions.integrity]).toEqual([null, null, null, null, null]);
          }
        }
      }),
    );
  });
});

describe("organisationalTies", () => {
  it("shows each nominee's ratings as their organisation's, and 'no tie' as data", () => {
    const ties = organisationalTies([
      { raterOrganisationId: "a", ratedOrganisationId: "b", noTie: false, competence: 4, benevolence: 3, integrity: null },
      { raterOrganisationId: "a", ratedOrganisationId: "c", noTie: true, competence: null, benevolence: null, integrity: null },
    ]);
    expect(ties[0]).toMatchObject({ status: "released", n: 1, mean: 3.5, dimensions: { competence: 4, benevolence: 3, integrity: null } });
    expect(ties[1]).toMatchObject({ status: "no_tie", mean: null });
  });
});
