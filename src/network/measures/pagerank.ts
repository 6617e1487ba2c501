// Weighted PageRank by power iteration, dangling nodes redistributed uniformly, converged to ~1e-14 (L1).
import type { Csr } from "./graph.ts";

export interface PageRankOptions {
  /** Probability of following a tie rather than jumping to a random node (default 0.85). */
  damping?: number;
  /** Stop when the L1 change between iterations is below this (default 1e-14). */
  tolerance?: number;
  /** Give up after this many iterations (default 10,000; 0.85^300 is already below 1e-21). */
  maxIterations?: number;
}

/**
 * PageRank where a walker at u follows u→v with probability w(u→v)/outStrength(u); a node without
 * outgoing ties (dangling) spreads its score over all nodes, as does the teleport (1 − damping). The
 * result sums to 1 (empty array for n = 0). Matches igraph pagerank(weights=…) (PRPACK) and networkx
 * pagerank(weight="weight"). The error after stopping is at most damping/(1−damping) × tolerance, or at
 * rounding level when the change stops falling before reaching the tolerance.
 */
export function pagerank(g: Csr, options: PageRankOptions = {}): Float64Array {
  const damping = options.damping ?? 0.85;
  const tolerance = options.tolerance ?? 1e-14;
  const maxIterations = options.maxIterations ?? 10_000;
  if (!(damping >= 0 && damping <= 1)) throw new RangeError(`damping must be in [0, 1], got ${damping}`);
  const { n, m, outOffsets, outWeights, inOffsets, inSources, inWeights } = g;
  if (n === 0) return new Float64Array(0);
  const outStrength = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    let s = 0;
    for (let e = outOffsets[u]!; e < outOffsets[u + 1]!; e++) s += outWeights[e]!;
    outStrength[u] = s;
  }
  // Transition probability of each in-edge, already multiplied by the damping factor.
  const coef = new Float64Array(m);
  for (let e = 0; e < m; e++) coef[e] = (damping * inWeights[e]!) / outStrength[inSources[e]!]!;
  const dangling: number[] = [];
  for (let u = 0; u < n; u++) if (outStrength[u] === 0) dangling.push(u);
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  let best = Infinity;
  let sinceBest = 0;
  for (let iter = 0; iter < maxIterations; iter++) {
    let lost = 0;
    for (const u of dangling) lost += x[u]!;
    const base = (1 - damping) / n + (damping * lost) / n;
    let change = 0;
    for (let v = 0; v < n; v++) {
      let s = base;
      const end = inOffsets[v + 1]!;
      for (let e = inOffsets[v]!; e < end; e++) s += coef[e]! * x[inSources[e]!]!;
      next[v] = s;
      change += Math.abs(s - x[v]!);
    }
    [x, next] = [next, x];
    if (change < tolerance) break;
    // Rounding noise can keep the change just above a tight tolerance: stop once it no longer falls.
    if (change < best) {
      best = change;
      sinceBest = 0;
    } else if (++sinceBest >= 20) break;
  }
  let total = 0;
  for (let v = 0; v < n; v++) total += x[v]!;
  for (let v = 0; v < n; v++) x[v]! /= total;
  return x;
}
