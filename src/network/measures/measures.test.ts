// Unit tests of the network measures on small graphs checked by hand (working in the comments).
import { describe, expect, it } from "vitest";
import { networkMeasures } from "./measures.ts";
import type { Tie } from "./graph.ts";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `o${i}`);
const tie = (from: number, to: number, weight = 3): Tie => ({ from: `o${from}`, to: `o${to}`, weight });
const pick = <K extends keyof ReturnType<typeof networkMeasures>["organisations"][number]>(r: ReturnType<typeof networkMeasures>, key: K) =>
  r.organisations.map((o) => o[key]);

describe("in-star: four organisations all rating o0", () => {
  const r = networkMeasures(ids(5), [tie(1, 0, 4), tie(2, 0, 5), tie(3, 0, 3), tie(4, 0, 4)]);

  it("degrees, strengths and mean trust", () => {
    expect(pick(r, "inDegree")).toEqual([4, 0, 0, 0, 0]);
    expect(pick(r, "outDegree")).toEqual([0, 1, 1, 1, 1]);
    expect(pick(r, "inStrength")).toEqual([16, 0, 0, 0, 0]);
    expect(pick(r, "meanTrustReceived")).toEqual([4, null, null, null, null]);
    expect(pick(r, "meanTrustGiven")).toEqual([null, 4, 5, 3, 4]);
    expect(pick(r, "oneSidedGiven")).toEqual([0, 1, 1, 1, 1]);
    expect(pick(r, "oneSidedReceived")).toEqual([4, 0, 0, 0, 0]);
  });

  it("no paths pass through anyone; leaves reach o0 at distance 1; o0 reaches nobody", () => {
    expect(pick(r, "betweenness")).toEqual([0, 0, 0, 0, 0]);
    expect(pick(r, "closeness")).toEqual([null, 1, 1, 1, 1]);
    expect(pick(r, "reach")).toEqual([0, 1, 1, 1, 1]);
  });

  it("PageRank: leaf a = 0.03 + 0.17c, hub c = 1 − 4a (o0 dangling) → a = 0.2/1.68, c = 1 − 4a", () => {
    const a = 0.2 / 1.68;
    expect(r.organisations[0]!.pagerank).toBeCloseTo(1 - 4 * a, 12);
    for (const o of r.organisations.slice(1)) expect(o.pagerank).toBeCloseTo(a, 12);
  });

  it("network: density 4/20, no reciprocity, in-degree centralisation Σ(4 − d)/(n−1)² = 16/16", () => {
    expect(r.network).toMatchObject({ n: 5, ties: 4, density: 0.2, reciprocity: 0, inDegreeCentralisation: 1, meanTrust: 4, mutualPairs: 0, oneSidedTies: 4 });
    expect(r.asymmetricPairs).toEqual([]);
  });
});

describe("path o0 → o1 → o2 → o3", () => {
  const r = networkMeasures(ids(4), [tie(0, 1), tie(1, 2), tie(2, 3)]);
  it("betweenness: o1 on (0,2),(0,3); o2 on (0,3),(1,3); normalised by (n−1)(n−2) = 6", () => {
    expect(pick(r, "betweenness")).toEqual([0, 2, 2, 0]);
    expect(pick(r, "betweennessNormalised")).toEqual([0, 2 / 6, 2 / 6, 0]);
  });
  it("closeness: o0 3/(1+2+3), o1 2/(1+2), o2 1/1, o3 none", () => {
    expect(pick(r, "closeness")).toEqual([0.5, 2 / 3, 1, null]);
    expect(pick(r, "reach")).toEqual([3, 2, 1, 0]);
  });
});

describe("directed cycle of four", () => {
  const r = networkMeasures(ids(4), [tie(0, 1), tie(1, 2), tie(2, 3), tie(3, 0)]);
  it("each node is inside 0 + 1 + 2 paths from each source: 12 in all, 3 each; closeness 3/6; PageRank ¼", () => {
    expect(pick(r, "betweenness")).toEqual([3, 3, 3, 3]);
    expect(pick(r, "closeness")).toEqual([0.5, 0.5, 0.5, 0.5]);
    for (const o of r.organisations) expect(o.pagerank).toBeCloseTo(0.25, 14);
    expect(r.network.inDegreeCentralisation).toBe(0);
  });
});

describe("two parts that cannot reach each other, and an isolated organisation", () => {
  // o0 → o1 (2); o2 ↔ o3 (1 each way); o4 alone. Undirected: A01 = 2, A23 = 2, 2W = 8.
  const r = networkMeasures(ids(5), [tie(0, 1, 2), tie(2, 3, 1), tie(3, 2, 1)]);
  it("closeness only over what is reachable; nobody is between anybody", () => {
    expect(pick(r, "closeness")).toEqual([1, null, 1, 1, null]);
    expect(pick(r, "betweenness")).toEqual([0, 0, 0, 0, 0]);
  });
  it("reciprocity 2/3 (o2↔o3 reciprocated, o0→o1 not); density 3/20", () => {
    expect(r.network.reciprocity).toBeCloseTo(2 / 3, 15);
    expect(r.network.density).toBe(3 / 20);
    expect(r.network.mutualPairs).toBe(1);
    expect(r.network.oneSidedTies).toBe(1);
  });
  it("communities {o0,o1}, {o2,o3}, {o4}: Q = 2 × (4/8 − (4/8)²) = 0.5", () => {
    expect(r.network.communities).toEqual([["o0", "o1"], ["o2", "o3"], ["o4"]]);
    expect(pick(r, "community")).toEqual([0, 0, 1, 1, 2]);
    expect(r.network.modularity).toBeCloseTo(0.5, 15);
  });
  it("PageRank sums to 1 with dangling o1 and o4", () => {
    expect(r.organisations.reduce((s, o) => s + o.pagerank, 0)).toBeCloseTo(1, 14);
  });
});

describe("asymmetric pairs", () => {
  const ties = [tie(0, 1, 4.3), tie(1, 0, 3.3), tie(0, 2, 4.5), tie(2, 0, 5), tie(1, 2, 1), tie(3, 1, 5)];
  it("a gap of 4.3 − 3.3 (0.9999999999999996 in floating point) counts as 1 point; the higher rater is `from`", () => {
    const r = networkMeasures(ids(4), ties);
    expect(r.asymmetricPairs).toHaveLength(1);
    expect(r.asymmetricPairs[0]).toMatchObject({ from: "o0", to: "o1", weight: 4.3, reverseWeight: 3.3 });
    expect(r.asymmetricPairs[0]!.gap).toBeCloseTo(1, 12);
  });
  it("a lower threshold adds the 0.5 gap, sorted by gap", () => {
    const r = networkMeasures(ids(4), ties, { asymmetryThreshold: 0.5 });
    expect(r.asymmetricPairs.map((p) => [p.from, p.to])).toEqual([["o0", "o1"], ["o2", "o0"]]);
  });
  it("one-sided ties per organisation", () => {
    const r = networkMeasures(ids(4), ties);
    expect(pick(r, "oneSidedGiven")).toEqual([0, 1, 0, 1]);
    expect(pick(r, "oneSidedReceived")).toEqual([0, 1, 1, 0]);
  });
});

describe("degenerate networks", () => {
  it("no organisations", () => {
    const r = networkMeasures([], []);
    expect(r.organisations).toEqual([]);
    expect(r.network).toEqual({
      n: 0, ties: 0, mutualPairs: 0, oneSidedTies: 0, density: null, reciprocity: null,
      inDegreeCentralisation: null, meanTrust: null, modularity: null, communities: [],
    });
  });
  it("one organisation", () => {
    const r = networkMeasures(["solo"], []);
    expect(r.organisations[0]).toMatchObject({ id: "solo", betweenness: 0, betweennessNormalised: 0, closeness: null, reach: 0, pagerank: 1, community: 0 });
    expect(r.network).toMatchObject({ density: null, reciprocity: null, inDegreeCentralisation: null, modularity: null, communities: [["solo"]] });
  });
  it("organisations without ties: uniform PageRank, density 0, each its own community", () => {
    const r = networkMeasures(ids(3), []);
    expect(pick(r, "pagerank")).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(r.network).toMatchObject({ density: 0, reciprocity: null, inDegreeCentralisation: 0, meanTrust: null, modularity: null });
    expect(r.network.communities).toEqual([["o0"], ["o1"], ["o2"]]);
  });
});

describe("input checks", () => {
  it.each([
    ["a self-loop", [tie(0, 0)]],
    ["a repeated ordered pair", [tie(0, 1), tie(0, 1, 4)]],
    ["an unknown organisation", [{ from: "o0", to: "nobody", weight: 3 }]],
    ["a zero weight", [tie(0, 1, 0)]],
    ["a negative weight", [tie(0, 1, -1)]],
    ["a NaN weight", [tie(0, 1, Number.NaN)]],
    ["an infinite weight", [tie(0, 1, Number.POSITIVE_INFINITY)]],
  ])("refuses %s", (_, ties) => {
    expect(() => networkMeasures(ids(2), ties)).toThrow(RangeError);
  });
  it("refuses a repeated organisation id; accepts both directions of a pair", () => {
    expect(() => networkMeasures(["a", "a"], [])).toThrow(RangeError);
    expect(() => networkMeasures(ids(2), [tie(0, 1), tie(1, 0)])).not.toThrow();
  });
});
