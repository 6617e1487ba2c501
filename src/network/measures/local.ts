// Per-organisation tie counts and weights (degree, strength, mean trust, one-sided ties) and the network-wide figures built from them.
import type { Csr } from "./graph.ts";
import { edgeSources } from "./graph.ts";

export interface LocalMeasures {
  inDegree: Int32Array;
  outDegree: Int32Array;
  /** Sum of the weights of incoming ties (weighted in-degree). */
  inStrength: Float64Array;
  outStrength: Float64Array;
  /** Ties this node gives that are not returned (u→v without v→u). */
  oneSidedGiven: Int32Array;
  /** Ties this node receives and does not return (v→u without u→v). */
  oneSidedReceived: Int32Array;
}

export function localMeasures(g: Csr): LocalMeasures {
  const { n, outOffsets, outTargets, outWeights, inOffsets, inWeights, reverse } = g;
  const inDegree = new Int32Array(n);
  const outDegree = new Int32Array(n);
  const inStrength = new Float64Array(n);
  const outStrength = new Float64Array(n);
  const oneSidedGiven = new Int32Array(n);
  const oneSidedReceived = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    const a = outOffsets[u]!;
    const b = outOffsets[u + 1]!;
    outDegree[u] = b - a;
    let s = 0;
    for (let e = a; e < b; e++) {
      s += outWeights[e]!;
      if (reverse[e]! < 0) {
        oneSidedGiven[u]!++;
        oneSidedReceived[outTargets[e]!]!++;
      }
    }
    outStrength[u] = s;
  }
  for (let v = 0; v < n; v++) {
    const a = inOffsets[v]!;
    const b = inOffsets[v + 1]!;
    inDegree[v] = b - a;
    let s = 0;
    for (let e = a; e < b; e++) s += inWeights[e]!;
    inStrength[v] = s;
  }
  return { inDegree, outDegree, inStrength, outStrength, oneSidedGiven, oneSidedReceived };
}

/** Mean weight of a node's ties in one direction: strength / degree, null when it has none. */
export function meanOrNull(strength: number, degree: number): number | null {
  return degree > 0 ? strength / degree : null;
}

export interface NetworkFigures {
  n: number;
  ties: number;
  /** Ties in both directions between the same two organisations, counted once per pair. */
  mutualPairs: number;
  oneSidedTies: number;
  /** m / (n(n−1)); null when n < 2. */
  density: number | null;
  /** Share of ties that are returned (igraph reciprocity(), networkx overall_reciprocity); null with no ties. */
  reciprocity: number | null;
  /** Freeman in-degree centralisation Σ(max − dᵢ) / (n−1)²; null when n < 2. */
  inDegreeCentralisation: number | null;
  /** Mean tie weight; null with no ties. */
  meanTrust: number | null;
}

export function networkFigures(g: Csr, local: LocalMeasures): NetworkFigures {
  const { n, m } = g;
  let reciprocated = 0;
  for (let e = 0; e < m; e++) if (g.reverse[e]! >= 0) reciprocated++;
  let total = 0;
  for (let e = 0; e < m; e++) total += g.outWeights[e]!;
  let maxIn = 0;
  for (let v = 0; v < n; v++) maxIn = Math.max(maxIn, local.inDegree[v]!);
  let centralisation = 0;
  for (let v = 0; v < n; v++) centralisation += maxIn - local.inDegree[v]!;
  return {
    n,
    ties: m,
    mutualPairs: reciprocated / 2,
    oneSidedTies: m - reciprocated,
    density: n < 2 ? null : m / (n * (n - 1)),
    reciprocity: m === 0 ? null : reciprocated / m,
    inDegreeCentralisation: n < 2 ? null : centralisation / ((n - 1) * (n - 1)),
    meanTrust: m === 0 ? null : total / m,
  };
}

/** Two organisations who rate each other, the higher rating first: weight = w(from→to) ≥ reverseWeight = w(to→from). */
export interface AsymmetricPair<Id = number> {
  from: Id;
  to: Id;
  weight: number;
  reverseWeight: number;
  /** weight − reverseWeight (≥ 0). */
  gap: number;
}

/** Slack for comparing a gap of mean ratings with the threshold (4.3 − 3.3 = 0.9999999999999996). */
export const GAP_EPSILON = 1e-9;

/**
 * Pairs with ties both ways whose weights differ by at least `threshold` (default 1 scale point, compared
 * with a slack of 1e-9; threshold 0 lists every pair whose weights differ at all), largest gap first, then
 * by the higher-rating node, then the other. Node indices.
 */
export function asymmetricPairs(g: Csr, threshold = 1): AsymmetricPair[] {
  if (!(threshold >= 0)) throw new RangeError(`threshold must be ≥ 0, got ${threshold}`);
  const src = edgeSources(g);
  const out: AsymmetricPair[] = [];
  for (let e = 0; e < g.m; e++) {
    const r = g.reverse[e]!;
    if (r < 0) continue;
    const w = g.outWeights[e]!;
    const rw = g.outWeights[r]!;
    // Each pair once: from the side with the higher weight (the lower index on a tie of weights).
    if (w < rw || (w === rw && src[e]! > g.outTargets[e]!)) continue;
    const gap = w - rw;
    if (gap > 0 && gap >= threshold - GAP_EPSILON) out.push({ from: src[e]!, to: g.outTargets[e]!, weight: w, reverseWeight: rw, gap });
  }
  return out.sort((a, b) => b.gap - a.gap || a.from - b.from || a.to - b.to);
}
