// Unit tests of the undirected sum, modularity and Louvain communities, with modularity worked by hand.
import { describe, expect, it } from "vitest";
import { buildCsr } from "./graph.ts";
import { canonicalMembership, louvain, modularity, undirectedSum } from "./louvain.ts";

function graph(n: number, ties: Array<[number, number, number]>) {
  return buildCsr(n, ties.map((t) => t[0]), ties.map((t) => t[1]), ties.map((t) => t[2]));
}

describe("undirectedSum", () => {
  it("adds A→B and B→A; one-sided ties keep their weight; rows are symmetric and sorted", () => {
    const u = undirectedSum(graph(3, [[0, 1, 2], [1, 0, 3], [2, 0, 4]]));
    const row = (i: number) => Array.from(u.neighbours.subarray(u.offsets[i]!, u.offsets[i + 1]!));
    const w = (i: number) => Array.from(u.weights.subarray(u.offsets[i]!, u.offsets[i + 1]!));
    expect([row(0), w(0)]).toEqual([[1, 2], [5, 4]]);
    expect([row(1), w(1)]).toEqual([[0], [5]]);
    expect([row(2), w(2)]).toEqual([[0], [4]]);
    expect(Array.from(u.degree)).toEqual([9, 5, 4]);
    expect(u.total).toBe(18);
  });
});

describe("two triangles joined by one tie", () => {
  // Triangles {0,1,2} and {3,4,5} with ties both ways (A = 2 per pair), bridge 2 → 3 (A = 1).
  const ties: Array<[number, number, number]> = [];
  for (const [a, b] of [[0, 1], [0, 2], [1, 2], [3, 4], [3, 5], [4, 5]] as const) ties.push([a, b, 1], [b, a, 1]);
  ties.push([2, 3, 1]);
  const u = undirectedSum(graph(6, ties));

  it("modularity of the two triangles: 2W = 26, in = 12, tot = 13 each → 2(12/26 − ¼) = 11/26", () => {
    expect(modularity(u, [0, 0, 0, 1, 1, 1])).toBeCloseTo(11 / 26, 15);
  });
  it("everyone in one community gives 0; singletons give −Σ(k/2W)²", () => {
    expect(modularity(u, [0, 0, 0, 0, 0, 0])).toBeCloseTo(0, 15);
    const k = [4, 4, 5, 5, 4, 4];
    expect(modularity(u, [0, 1, 2, 3, 4, 5])).toBeCloseTo(-k.reduce((s, x) => s + (x / 26) ** 2, 0), 15);
  });
  it("Louvain finds the two triangles", () => {
    const c = louvain(u);
    expect(Array.from(c.membership)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(c.count).toBe(2);
    expect(c.modularity).toBeCloseTo(11 / 26, 15);
  });
});

describe("Louvain on ring of cliques", () => {
  it("eight 5-cliques in a ring end up one community each, whatever the labels", () => {
    const ties: Array<[number, number, number]> = [];
    const k = 8;
    for (let c = 0; c < k; c++) {
      for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) if (i !== j) ties.push([c * 5 + i, c * 5 + j, 4]);
      ties.push([c * 5, ((c + 1) % k) * 5 + 1, 1]);
    }
    const c = louvain(undirectedSum(graph(5 * k, ties)));
    expect(c.count).toBe(k);
    for (let g = 0; g < k; g++) expect(new Set(Array.from(c.membership.subarray(g * 5, g * 5 + 5))).size).toBe(1);
  });
  it("is deterministic", () => {
    const ties: Array<[number, number, number]> = [[0, 1, 1], [1, 2, 2], [2, 0, 1], [3, 4, 5], [4, 3, 1], [2, 3, 1]];
    const a = louvain(undirectedSum(graph(6, ties)));
    const b = louvain(undirectedSum(graph(6, ties)));
    expect(Array.from(a.membership)).toEqual(Array.from(b.membership));
  });
});

describe("canonicalMembership", () => {
  it("largest community first, ties by the smallest member", () => {
    expect(canonicalMembership([7, 3, 3, 9, 7, 3, 5]).membership).toEqual(Int32Array.from([1, 0, 0, 2, 1, 0, 3]));
  });
});
