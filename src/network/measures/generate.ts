// Deterministic random trust networks (mulberry32) for the reference tests and the benchmark.
import { mulberry32 } from "../../stats/seeded-random.ts";

export { mulberry32 };


export interface GenerateOptions {
  n: number;
  /** Number of ties wanted (exactly; throws if the constraints leave too few possible pairs). */
  m: number;
  seed: number;
  /** Chance that a sampled tie is also returned (default 0.3). */
  reciprocity?: number;
  /** Groups of nodes that tie mostly among themselves (default 1). */
  groups?: number;
  /** Chance that a tie ignores the groups (default 0.2). */
  mixing?: number;
  /** Nodes that give no ties (dangling for PageRank; they reach nobody). */
  sinks?: number;
  /** Nodes that receive no ties (nobody reaches them). */
  sources?: number;
  /** Nodes with no ties at all. */
  isolated?: number;
}

export interface GeneratedNetwork {
  n: number;
  from: Int32Array;
  to: Int32Array;
  weight: Float64Array;
}

/** A mean of 1–4 ratings on a 1..5 scale; a returned tie is usually close to the first, sometimes far off. */
function rating(rand: () => number): number {
  const k = 1 + Math.floor(rand() * 4);
  let s = 0;
  for (let i = 0; i < k; i++) s += 1 + Math.floor(rand() * 5);
  return s / k;
}

/**
 * Nodes 0..n−1; the last `isolated` nodes have no ties, the `sinks` before them give none, the `sources`
 * before those receive none. Ties are sampled without repeats (all allowed pairs shuffled when the graph
 * is dense), weights are mean ratings.
 */
export function generateNetwork(options: GenerateOptions): GeneratedNetwork {
  const { n, m, seed } = options;
  const reciprocity = options.reciprocity ?? 0.3;
  const groups = Math.max(1, options.groups ?? 1);
  const mixing = options.mixing ?? 0.2;
  const isolated = options.isolated ?? 0;
  const sinks = options.sinks ?? 0;
  const sources = options.sources ?? 0;
  const rand = mulberry32(seed);
  const canGive = (u: number) => u < n - isolated - sinks;
  const canReceive = (v: number) => v < n - isolated - sinks - sources || (v >= n - isolated - sinks && v < n - isolated);
  const givers: number[] = [];
  const receivers: number[] = [];
  for (let u = 0; u < n; u++) {
    if (canGive(u)) givers.push(u);
    if (canReceive(u)) receivers.push(u);
  }
  let possible = 0;
  for (const u of givers) possible += receivers.length - (canReceive(u) ? 1 : 0);
  if (m > possible) throw new RangeError(`only ${possible} ties are possible, ${m} asked for`);
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const weight = new Float64Array(m);
  const seen = new Set<number>();
  let k = 0;
  const add = (u: number, v: number, w: number) => {
    seen.add(u * n + v);
    from[k] = u;
    to[k] = v;
    weight[k++] = w;
  };
  if (m > possible / 2) {
    const pairs: number[] = [];
    for (const u of givers) for (const v of receivers) if (u !== v) pairs.push(u * n + v);
    for (let i = 0; i < m; i++) {
      const j = i + Math.floor(rand() * (pairs.length - i));
      const p = pairs[j]!;
      pairs[j] = pairs[i]!;
      add(Math.floor(p / n), p % n, rating(rand));
    }
    return { n, from, to, weight };
  }
  const groupOf = (v: number) => v % groups;
  const sameGroup = receivers.length > 0 ? Array.from({ length: groups }, (_, g) => receivers.filter((v) => groupOf(v) === g)) : [];
  for (let attempts = 0; k < m; attempts++) {
    if (attempts > 100 * m + 100_000) throw new RangeError("could not place the ties asked for (raise mixing)");
    const u = givers[Math.floor(rand() * givers.length)]!;
    const pool = rand() < mixing ? receivers : (sameGroup[groupOf(u)] ?? receivers);
    if (pool.length === 0) continue;
    const v = pool[Math.floor(rand() * pool.length)]!;
    if (u === v || seen.has(u * n + v)) continue;
    const w = rating(rand);
    add(u, v, w);
    if (k < m && canGive(v) && canReceive(u) && !seen.has(v * n + u) && rand() < reciprocity) {
      const back = rand() < 0.2 ? rating(rand) : Math.min(5, Math.max(1, w + (rand() - 0.5)));
      add(v, u, back);
    }
  }
  return { n, from, to, weight };
}

/** Organisation ids "org-0".."org-(n−1)" and the ties over them, for the public API. */
export function namedNetwork(g: GeneratedNetwork): { nodes: string[]; ties: { from: string; to: string; weight: number }[] } {
  const nodes = Array.from({ length: g.n }, (_, i) => `org-${i}`);
  const ties = Array.from(g.from, (u, e) => ({ from: nodes[u]!, to: nodes[g.to[e]!]!, weight: g.weight[e]! }));
  return { nodes, ties };
}
