// Unit tests of compareNetworks: ties formed, broken, strengthened, weakened, unchanged, and trust received per organisation.
import { describe, expect, it } from "vitest";
import { compareNetworks } from "./compare.ts";

const before = {
  nodes: ["a", "b", "c", "d"],
  ties: [
    { from: "a", to: "b", weight: 3 },
    { from: "b", to: "a", weight: 4 },
    { from: "a", to: "c", weight: 2 },
    { from: "c", to: "a", weight: 4.5 },
    { from: "d", to: "a", weight: 3 },
  ],
};
const after = {
  nodes: ["a", "b", "c", "e"],
  ties: [
    { from: "a", to: "b", weight: 3.5 }, // +0.5: strengthened (threshold met exactly)
    { from: "b", to: "a", weight: 4.2 }, // +0.2: unchanged
    { from: "a", to: "c", weight: 1 }, // −1: weakened
    { from: "c", to: "b", weight: 4 }, // formed
    { from: "e", to: "a", weight: 5 }, // formed (e is new)
  ],
};

describe("compareNetworks", () => {
  const r = compareNetworks(before, after);

  it("sorts the ties into formed, broken, strengthened, weakened and unchanged", () => {
    expect(r.formed).toEqual([{ from: "c", to: "b", weight: 4 }, { from: "e", to: "a", weight: 5 }]);
    expect(r.broken).toEqual([{ from: "c", to: "a", weight: 4.5 }, { from: "d", to: "a", weight: 3 }]);
    expect(r.strengthened).toEqual([{ from: "a", to: "b", before: 3, after: 3.5, change: 0.5 }]);
    expect(r.weakened).toEqual([{ from: "a", to: "c", before: 2, after: 1, change: -1 }]);
    expect(r.unchanged).toHaveLength(1);
    expect(r.unchanged[0]).toMatchObject({ from: "b", to: "a", before: 4, after: 4.2 });
    expect(r.unchanged[0]!.change).toBeCloseTo(0.2, 12);
  });

  it("trust received per organisation: a got (4 + 4.5 + 3)/3, then (4.2 + 5)/2; d left, e joined", () => {
    const by = new Map(r.organisations.map((o) => [o.id, o]));
    expect(r.organisations.map((o) => o.id)).toEqual(["a", "b", "c", "d", "e"]);
    expect(by.get("a")).toMatchObject({ inStrengthBefore: 11.5, inStrengthAfter: 9.2, meanTrustReceivedAfter: 4.6 });
    expect(by.get("a")!.meanTrustReceivedBefore).toBeCloseTo(11.5 / 3, 12);
    expect(by.get("a")!.meanTrustReceivedChange).toBeCloseTo(4.6 - 11.5 / 3, 12);
    expect(by.get("b")).toMatchObject({ meanTrustReceivedBefore: 3, meanTrustReceivedAfter: 3.75, meanTrustReceivedChange: 0.75, inStrengthChange: 4.5 });
    expect(by.get("c")).toMatchObject({ meanTrustReceivedBefore: 2, meanTrustReceivedAfter: 1, inStrengthChange: -1 });
    expect(by.get("d")).toEqual({
      id: "d", meanTrustReceivedBefore: null, meanTrustReceivedAfter: null, meanTrustReceivedChange: null,
      inStrengthBefore: 0, inStrengthAfter: null, inStrengthChange: null,
    });
    expect(by.get("e")).toMatchObject({ inStrengthBefore: null, inStrengthAfter: 0, meanTrustReceivedAfter: null });
  });

  it("a higher threshold leaves the 0.5 rise unchanged; a gap that is 1 in decimals but not in floats still counts", () => {
    const high = compareNetworks(before, after, { threshold: 1 });
    expect(high.strengthened).toEqual([]);
    expect(high.weakened.map((t) => t.to)).toEqual(["c"]);
    const floats = compareNetworks(
      { nodes: ["x", "y"], ties: [{ from: "x", to: "y", weight: 3.3 }] },
      { nodes: ["x", "y"], ties: [{ from: "x", to: "y", weight: 4.3 }] },
      { threshold: 1 },
    );
    expect(floats.strengthened).toHaveLength(1);
  });

  it("validates both waves", () => {
    expect(() => compareNetworks({ nodes: ["a"], ties: [{ from: "a", to: "a", weight: 1 }] }, after)).toThrow(RangeError);
    expect(() => compareNetworks(before, { nodes: ["a"], ties: [{ from: "a", to: "z", weight: 1 }] })).toThrow(RangeError);
    expect(() => compareNetworks(before, after, { threshold: -1 })).toThrow(RangeError);
  });
});
