// fast-check properties of the network measures, against brute-force oracles written independently of the module.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareNetworks } from "./compare.ts";
import { generateNetwork } from "./generate.ts";
import { buildCsr } from "./graph.ts";
import { louvain, modularity, undirectedSum } from "./louvain.ts";
import { networkMeasures } from "./measures.ts";

type Net = { n: number; ties: Array<[number, number, number]> };

const network: fc.Arbitrary<Net> = fc.integer({ min: 0, max: 11 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    ties:
      n < 2
        ? fc.constant([] as Array<[number, number, number]>)
        : fc
            .uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 4, max: 20 }).map((x) => x / 4)), {
              selector: (t) => t[0] * n + t[1],
              maxLength: n * n,
            })
            .map((ts) => ts.filter((t) => t[0] !== t[1])),
  }),
);

const named = (net: Net) => ({
  nodes: Array.from({ length: net.n }, (_, i) => `o${i}`),
  ties: net.ties.map(([u, v, w]) => ({ from: `o${u}`, to: `o${v}`, weight: w })),
});

/** All-pairs distances (−1 = unreachable) and shortest-path counts by a naive BFS from each node. */
function allPairs(net: Net) {
  const out: number[][] = Array.from({ length: net.n }, () => []);
  for (const [u, v] of net.ties) out[u]!.push(v);
  const dist: number[][] = [];
  const count: number[][] = [];
  for (let s = 0; s < net.n; s++) {
    const d = new Array<number>(net.n).fill(-1);
    const c = new Array<number>(net.n).fill(0);
    d[s] = 0;
    c[s] = 1;
    let frontier = [s];
    for (let level = 1; frontier.length > 0; level++) {
      const next: number[] = [];
      for (const v of frontier) {
        for (const w of out[v]!) {
          if (d[w] === -1) {
            d[w] = level;
            next.push(w);
          }
          if (d[w] === level) c[w]! += c[v]!;
        }
      }
      frontier = next;
    }
    dist.push(d);
    count.push(c);
  }
  return { dist, count };
}

describe("network measure properties", () => {
  it("betweenness and closeness equal the brute-force definitions", () => {
    fc.assert(
      fc.property(network, (net) => {
        const r = networkMeasures(named(net).nodes, named(net).ties);
        const { dist, count } = allPairs(net);
        for (let v = 0; v < net.n; v++) {
          let b = 0;
          let reach = 0;
          let sum = 0;
          for (let s = 0; s < net.n; s++) {
            if (s !== v && dist[v]![s]! > 0) {
              reach++;
              sum += dist[v]![s]!;
            }
            for (let t = 0; t < net.n; t++) {
              if (s === v || t === v || s === t || dist[s]![t]! < 0) continue;
              if (dist[s]![v]! > 0 && dist[v]![t]! > 0 && dist[s]![v]! + dist[v]![t]! === dist[s]![t]!) {
                b += (count[s]![v]! * count[v]![t]!) / count[s]![t]!;
              }
            }
          }
          const o = r.organisations[v]!;
          expect(o.betweenness).toBeCloseTo(b, 10);
          expect(o.reach).toBe(reach);
          if (reach === 0) expect(o.closeness).toBeNull();
          else expect(o.closeness).toBeCloseTo(reach / sum, 14);
        }
      }),
    );
  });

  it("Σ betweenness = Σ over reachable ordered pairs of (distance − 1)", () => {
    fc.assert(
      fc.property(network, (net) => {
        const r = networkMeasures(named(net).nodes, named(net).ties);
        const { dist } = allPairs(net);
        const inner = dist.flat().reduce((s, d) => s + (d > 0 ? d - 1 : 0), 0);
        expect(r.organisations.reduce((s, o) => s + o.betweenness, 0)).toBeCloseTo(inner, 9);
      }),
    );
  });

  it("PageRank is positive, sums to 1 and satisfies its own equation", () => {
    fc.assert(
      fc.property(network, (net) => {
        if (net.n === 0) return;
        const r = networkMeasures(named(net).nodes, named(net).ties);
        const x = r.organisations.map((o) => o.pagerank);
        expect(x.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 13);
        const outStrength = new Array<number>(net.n).fill(0);
        for (const [u, , w] of net.ties) outStrength[u]! += w;
        const lost = x.reduce((s, xu, u) => s + (outStrength[u] === 0 ? xu : 0), 0);
        const y = new Array<number>(net.n).fill(0.15 / net.n + (0.85 * lost) / net.n);
        for (const [u, v, w] of net.ties) y[v]! += (0.85 * x[u]! * w) / outStrength[u]!;
        for (let v = 0; v < net.n; v++) {
          expect(x[v]!).toBeGreaterThan(0);
          expect(Math.abs(y[v]! - x[v]!)).toBeLessThan(1e-13);
        }
      }),
    );
  });

  it("density, reciprocity and centralisation lie in [0, 1]; strengths add up to the ties", () => {
    fc.assert(
      fc.property(network, (net) => {
        const r = networkMeasures(named(net).nodes, named(net).ties);
        for (const key of ["density", "reciprocity", "inDegreeCentralisation"] as const) {
          const x = r.network[key];
          if (x !== null) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
          }
        }
        const total = net.ties.reduce((s, t) => s + t[2], 0);
        expect(r.organisations.reduce((s, o) => s + o.inStrength, 0)).toBeCloseTo(total, 10);
        expect(r.organisations.reduce((s, o) => s + o.outStrength, 0)).toBeCloseTo(total, 10);
        expect(r.network.mutualPairs * 2 + r.network.oneSidedTies).toBe(net.ties.length);
      }),
    );
  });

  it("a symmetric network has no asymmetric pairs or one-sided ties, and reciprocity 1", () => {
    fc.assert(
      fc.property(network, fc.double({ min: 0, max: 4, noNaN: true }), (net, threshold) => {
        const both = new Map<number, [number, number, number]>();
        for (const [u, v, w] of net.ties) {
          both.set(u * net.n + v, [u, v, w]);
          both.set(v * net.n + u, [v, u, w]);
        }
        const sym = { n: net.n, ties: [...both.values()] };
        const r = networkMeasures(named(sym).nodes, named(sym).ties, { asymmetryThreshold: threshold });
        expect(r.asymmetricPairs).toEqual([]);
        expect(r.network.oneSidedTies).toBe(0);
        if (sym.ties.length > 0) expect(r.network.reciprocity).toBe(1);
      }),
    );
  });

  it("Louvain's modularity is the pairwise definition and never below the all-singletons partition", () => {
    fc.assert(
      fc.property(network, (net) => {
        const u = undirectedSum(buildCsr(net.n, net.ties.map((t) => t[0]), net.ties.map((t) => t[1]), net.ties.map((t) => t[2])));
        const c = louvain(u);
        if (net.ties.length === 0) {
          expect(c.modularity).toBeNull();
          return;
        }
        const A = Array.from({ length: net.n }, () => new Array<number>(net.n).fill(0));
        for (const [a, b, w] of net.ties) {
          A[a]![b]! += w;
          A[b]![a]! += w;
        }
        const k = A.map((row) => row.reduce((s, x) => s + x, 0));
        const W2 = k.reduce((s, x) => s + x, 0);
        let q = 0;
        for (let i = 0; i < net.n; i++) for (let j = 0; j < net.n; j++) if (c.membership[i] === c.membership[j]) q += A[i]![j]! - (k[i]! * k[j]!) / W2;
        expect(c.modularity!).toBeCloseTo(q / W2, 12);
        expect(c.modularity!).toBeGreaterThanOrEqual(modularity(u, Array.from({ length: net.n }, (_, i) => i))! - 1e-12);
      }),
    );
  });

  it("relabelling the organisations does not change any organisation's path measures or PageRank", () => {
    fc.assert(
      fc.property(network, (net) => {
        const { nodes, ties } = named(net);
        const a = networkMeasures(nodes, ties);
        const b = networkMeasures([...nodes].reverse(), [...ties].reverse());
        const byId = new Map(b.organisations.map((o) => [o.id, o]));
        for (const o of a.organisations) {
          const p = byId.get(o.id)!;
          expect(p.betweenness).toBeCloseTo(o.betweenness, 10);
          expect(p.closeness ?? -1).toBeCloseTo(o.closeness ?? -1, 14);
          expect(p.pagerank).toBeCloseTo(o.pagerank, 13);
        }
      }),
    );
  });

  it("compareNetworks(a, a) finds no change", () => {
    fc.assert(
      fc.property(network, fc.double({ min: 0, max: 3, noNaN: true }), (net, threshold) => {
        const wave = named(net);
        const r = compareNetworks(wave, wave, { threshold });
        expect([r.formed, r.broken, r.strengthened, r.weakened]).toEqual([[], [], [], []]);
        expect(r.unchanged).toHaveLength(net.ties.length);
        for (const o of r.organisations) {
          expect(o.inStrengthChange).toBe(0);
          expect(o.meanTrustReceivedChange === null || o.meanTrustReceivedChange === 0).toBe(true);
        }
      }),
    );
  });
});

describe("generateNetwork", () => {
  it("is deterministic, gives exactly m distinct valid ties, and honours sinks, sources and isolated nodes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 60 }), fc.double({ min: 0, max: 0.9, noNaN: true }), fc.nat(), (n, share, seed) => {
        const opts = { n, seed, sinks: 1, sources: 1, isolated: 1, groups: 3, reciprocity: 0.5 };
        const possible = (n - 2) * (n - 2) - (n - 3); // givers n−2 (no sink, no isolated) × receivers n−2, minus self pairs
        const m = Math.floor(possible * share);
        const g = generateNetwork({ ...opts, m });
        expect(generateNetwork({ ...opts, m }).weight).toEqual(g.weight);
        expect(() => buildCsr(n, g.from, g.to, g.weight)).not.toThrow();
        expect(g.from.length).toBe(m);
        for (let e = 0; e < m; e++) {
          expect(g.from[e]).toBeLessThan(n - 2); // neither the sink (n−2) nor the isolated node (n−1) gives
          expect(g.to[e]).not.toBe(n - 3); // the source receives nothing
          expect(g.to[e]).not.toBe(n - 1);
          expect(g.weight[e]).toBeGreaterThanOrEqual(1);
          expect(g.weight[e]).toBeLessThanOrEqual(5);
        }
      }),
      { numRuns: 50 },
    );
  });
});
