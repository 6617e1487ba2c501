// Communities by Louvain on the undirected weighted network (A→B and B→A summed), deterministic, with modularity.
import type { Csr } from "./graph.ts";

/**
 * A symmetric weighted graph in CSR form. loops[i] is A_ii counted the way a node's degree counts it
 * (after aggregation: every tie inside the group, once from each end); degree[i] = Σ_j A_ij + loops[i].
 */
export interface UndirectedGraph {
  n: number;
  offsets: Int32Array;
  neighbours: Int32Array;
  weights: Float64Array;
  loops: Float64Array;
  degree: Float64Array;
  /** Σ degree = 2 × total edge weight. */
  total: number;
}

/** The undirected version of a trust network: A_uv = w(u→v) + w(v→u) (a missing tie counts 0). */
export function undirectedSum(g: Csr): UndirectedGraph {
  const { n, outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights } = g;
  const offsets = new Int32Array(n + 1);
  const neighbours = new Int32Array(2 * g.m);
  const weights = new Float64Array(2 * g.m);
  let k = 0;
  for (let u = 0; u < n; u++) {
    // Merge the sorted out-row and in-row of u.
    let a = outOffsets[u]!;
    const aEnd = outOffsets[u + 1]!;
    let b = inOffsets[u]!;
    const bEnd = inOffsets[u + 1]!;
    while (a < aEnd || b < bEnd) {
      const ta = a < aEnd ? outTargets[a]! : n;
      const tb = b < bEnd ? inSources[b]! : n;
      if (ta === tb) {
        neighbours[k] = ta;
        weights[k++] = outWeights[a++]! + inWeights[b++]!;
      } else if (ta < tb) {
        neighbours[k] = ta;
        weights[k++] = outWeights[a++]!;
      } else {
        neighbours[k] = tb;
        weights[k++] = inWeights[b++]!;
      }
    }
    offsets[u + 1] = k;
  }
  return withDegrees(n, offsets, neighbours.slice(0, k), weights.slice(0, k), new Float64Array(n));
}

function withDegrees(n: number, offsets: Int32Array, neighbours: Int32Array, weights: Float64Array, loops: Float64Array): UndirectedGraph {
  const degree = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = loops[i]!;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) s += weights[e]!;
    degree[i] = s;
    total += s;
  }
  return { n, offsets, neighbours, weights, loops, degree, total };
}

/** Newman's weighted modularity Q = Σ_c [in_c / 2W − (tot_c / 2W)²] (as igraph modularity()); null with no ties. */
export function modularity(u: UndirectedGraph, membership: ArrayLike<number>): number | null {
  if (u.total === 0) return null;
  const inside = new Map<number, number>();
  const tot = new Map<number, number>();
  for (let i = 0; i < u.n; i++) {
    const c = membership[i]!;
    let s = u.loops[i]!;
    for (let e = u.offsets[i]!; e < u.offsets[i + 1]!; e++) if (membership[u.neighbours[e]!] === c) s += u.weights[e]!;
    inside.set(c, (inside.get(c) ?? 0) + s);
    tot.set(c, (tot.get(c) ?? 0) + u.degree[i]!);
  }
  let q = 0;
  for (const [c, t] of tot) q += (inside.get(c) ?? 0) / u.total - (t / u.total) ** 2;
  return q;
}

/**
 * Local moving: nodes in index order, each to the neighbouring community with the best modularity gain
 * (staying unless another is better by more than 1e-10), repeated until a pass moves nobody. Returns
 * community labels 0..k−1 in order of first appearance, and whether anything moved.
 */
function moveNodes(u: UndirectedGraph): { membership: Int32Array; count: number; moved: boolean } {
  const { n, offsets, neighbours, weights, degree, total } = u;
  const comm = new Int32Array(n);
  for (let i = 0; i < n; i++) comm[i] = i;
  const tot = Float64Array.from(degree);
  const linkTo = new Float64Array(n).fill(-1);
  const touched = new Int32Array(n);
  let movedAny = false;
  for (let pass = 0; pass < 1000; pass++) {
    let moves = 0;
    for (let i = 0; i < n; i++) {
      const ki = degree[i]!;
      if (ki === 0) continue;
      const ci = comm[i]!;
      let count = 0;
      linkTo[ci] = 0;
      touched[count++] = ci;
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
        const c = comm[neighbours[e]!]!;
        if (linkTo[c]! < 0) {
          linkTo[c] = 0;
          touched[count++] = c;
        }
        linkTo[c]! += weights[e]!;
      }
      tot[ci]! -= ki;
      let best = ci;
      let bestGain = linkTo[ci]! - (tot[ci]! * ki) / total;
      for (let t = 1; t < count; t++) {
        const c = touched[t]!;
        const gain = linkTo[c]! - (tot[c]! * ki) / total;
        if (gain > bestGain + 1e-10) {
          best = c;
          bestGain = gain;
        }
      }
      tot[best]! += ki;
      if (best !== ci) {
        comm[i] = best;
        moves++;
      }
      for (let t = 0; t < count; t++) linkTo[touched[t]!] = -1;
    }
    if (moves === 0) break;
    movedAny = true;
  }
  const label = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = comm[i]!;
    if (label[c]! < 0) label[c] = count++;
    comm[i] = label[c]!;
  }
  return { membership: comm, count, moved: movedAny };
}

/** The graph of communities: one node per community, A_cd = Σ A_ij over i ∈ c, j ∈ d, loops = A_cc. */
function aggregate(u: UndirectedGraph, membership: Int32Array, count: number): UndirectedGraph {
  const members = new Int32Array(u.n);
  const start = new Int32Array(count + 1);
  for (let i = 0; i < u.n; i++) start[membership[i]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, count);
  for (let i = 0; i < u.n; i++) members[fill[membership[i]!]!++] = i;
  const offsets = new Int32Array(count + 1);
  const neighbours: number[] = [];
  const weights: number[] = [];
  const loops = new Float64Array(count);
  const linkTo = new Float64Array(count).fill(-1);
  const touched = new Int32Array(count);
  for (let c = 0; c < count; c++) {
    let k = 0;
    for (let p = start[c]!; p < start[c + 1]!; p++) {
      const i = members[p]!;
      loops[c]! += u.loops[i]!;
      for (let e = u.offsets[i]!; e < u.offsets[i + 1]!; e++) {
        const d = membership[u.neighbours[e]!]!;
        if (d === c) {
          loops[c]! += u.weights[e]!;
          continue;
        }
        if (linkTo[d]! < 0) {
          linkTo[d] = 0;
          touched[k++] = d;
        }
        linkTo[d]! += u.weights[e]!;
      }
    }
    const row = Array.from(touched.subarray(0, k)).sort((a, b) => a - b);
    for (const d of row) {
      neighbours.push(d);
      weights.push(linkTo[d]!);
      linkTo[d] = -1;
    }
    offsets[c + 1] = neighbours.length;
  }
  return withDegrees(count, offsets, Int32Array.from(neighbours), Float64Array.from(weights), loops);
}

export interface Communities {
  /** Community of each node: 0 is the largest, ties broken by the smallest member index. */
  membership: Int32Array;
  count: number;
  /** Modularity of this partition; null when the network has no ties. */
  modularity: number | null;
}

/**
 * Louvain (Blondel et al. 2008): local moving, then aggregation into a graph of communities, repeated
 * until nothing moves. Node order is fixed, so the result is deterministic. Isolated nodes stay alone.
 */
export function louvain(u: UndirectedGraph): Communities {
  const membership = new Int32Array(u.n);
  for (let i = 0; i < u.n; i++) membership[i] = i;
  let level = u;
  for (let depth = 0; depth < 100; depth++) {
    const step = moveNodes(level);
    if (!step.moved) break;
    for (let i = 0; i < u.n; i++) membership[i] = step.membership[membership[i]!]!;
    level = aggregate(level, step.membership, step.count);
  }
  return { ...canonicalMembership(membership), modularity: modularity(u, membership) };
}

/** Relabels communities by size (largest first), ties by smallest member index. */
export function canonicalMembership(membership: ArrayLike<number>): { membership: Int32Array; count: number } {
  const size = new Map<number, number>();
  const first = new Map<number, number>();
  for (let i = 0; i < membership.length; i++) {
    const c = membership[i]!;
    size.set(c, (size.get(c) ?? 0) + 1);
    if (!first.has(c)) first.set(c, i);
  }
  const ranked = [...size.keys()].sort((a, b) => size.get(b)! - size.get(a)! || first.get(a)! - first.get(b)!);
  const label = new Map(ranked.map((c, k) => [c, k]));
  const out = new Int32Array(membership.length);
  for (let i = 0; i < membership.length; i++) out[i] = label.get(membership[i]!)!;
  return { membership: out, count: ranked.length };
}
