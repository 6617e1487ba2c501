// Tests for the perception–behaviour quadrant: each quadrant, thresholds on the boundary, scales, missing data, properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { perceptionBehaviourQuadrant } from "./quadrant.ts";

describe("perceptionBehaviourQuadrant", () => {
  it("places organisations in the four quadrants (1–4 scale, defaults 2.5 and 0.7)", () => {
    const r = perceptionBehaviourQuadrant([
      { organisationId: "d", perceived: 2.0, behaviour: 0.4 },
      { organisationId: "a", perceived: 3.5, behaviour: 0.9 },
      { organisationId: "b", perceived: 2.0, behaviour: 0.85 },
      { organisationId: "c", perceived: 3.2, behaviour: 0.3 },
      { organisationId: "e", perceived: null, behaviour: 0.9 },
      { organisationId: "f", perceived: 3, behaviour: null },
    ]);
    expect(r.rows.map((x) => [x.organisationId, x.quadrant])).toEqual([
      ["a", "both_high"],
      ["b", "perception_to_revisit"],
      ["c", "warning"],
      ["d", "both_low"],
      ["e", "not_enough_data"],
      ["f", "not_enough_data"],
    ]);
    expect(r.rows[1]?.label).toContain("perception to revisit");
    expect(r.rows[2]?.label).toContain("warning");
    expect(r.rule).toContain("2.5 or above on the 1–4 scale");
    expect(r.rule).toContain("70%");
  });

  it("counts a score exactly at a threshold as high, and follows the scale and thresholds given", () => {
    expect(perceptionBehaviourQuadrant([{ organisationId: "a", perceived: 2.5, behaviour: 0.7 }]).rows[0]?.quadrant).toBe("both_high");
    const five = perceptionBehaviourQuadrant([{ organisationId: "a", perceived: 2.9, behaviour: 0.7 }], { scale: { min: 1, max: 5 } });
    expect(five.perceivedThreshold).toBe(3);
    expect(five.rows[0]?.quadrant).toBe("perception_to_revisit");
    const strict = perceptionBehaviourQuadrant([{ organisationId: "a", perceived: 3.5, behaviour: 0.8 }], { perceivedThreshold: 3.6, behaviourThreshold: 0.9 });
    expect(strict.rows[0]?.quadrant).toBe("both_low");
    expect(() => perceptionBehaviourQuadrant([], { behaviourThreshold: 2 })).toThrow(RangeError);
  });

  it("raising a score never moves an organisation from high to low on that axis (property)", () => {
    const row = fc.record({ perceived: fc.double({ min: 1, max: 4, noNaN: true }), behaviour: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(row, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), (r, up, upB) => {
        const before = perceptionBehaviourQuadrant([{ organisationId: "x", ...r }]).rows[0]?.quadrant;
        const after = perceptionBehaviourQuadrant([{ organisationId: "x", perceived: Math.min(4, r.perceived + up), behaviour: Math.min(1, r.behaviour + upB) }]).rows[0]?.quadrant;
        const perceivedHigh = (q: string | undefined) => q === "both_high" || q === "warning";
        const behavesWell = (q: string | undefined) => q === "both_high" || q === "perception_to_revisit";
        if (perceivedHigh(before)) expect(perceivedHigh(after)).toBe(true);
        if (behavesWell(before)) expect(behavesWell(after)).toBe(true);
      }),
    );
  });
});
