// The trust network in compressed sparse row form (typed arrays), built once and read by every measure.

/** One directed tie: `from` rates `to`; weight is the mean rating of the tie (> 0). */
export interface Tie<Id = string> {
  from: Id;
  to: Id;
  weight: number;
}

/**
 * A directed weighted graph on nodes 0..n−1 with both directions indexed. Rows are sorted by neighbour,
 * so out-row u lists u's targets ascending and in-row v lists v's sources ascending.
 */
export interface Csr {
  readonly n: number;
  readonly m: number;
  /** Out-edges of u are outTargets[outOffsets[u] .. outOffsets[u+1]). */
  readonly outOffsets: Int32Array;
  readonly outTargets: Int32Array;
  readonly outWeights: Float64Array;
  /** In-edges of v are inSources[inOffsets[v] .. inOffsets[v+1]). */
  readonly inOffsets: Int32Array;
  readonly inSources: Int32Array;
  readonly inWeights: Float64Array;
  /** For out-edge e = u→v, the out-edge index of v→u, or −1 when the tie is one-sided. */
  readonly reverse: Int32Array;
}

/** Stable counting sort of edge indices `order` by key[e] ∈ [0, n). */
function countingSort(order: Int32Array, key: ArrayLike<number>, n: number): Int32Array<ArrayBuffer> {
  const count = new Int32Array(n + 1);
  for (let i = 0; i < order.length; i++) count[key[order[i]!]! + 1]!++;
  for (let k = 0; k < n; k++) count[k + 1]! += count[k]!;
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const e = order[i]!;
    out[count[key[e]!]!++] = e;
  }
  return out;
}

function offsetsOf(key: ArrayLike<number>, n: number): Int32Array {
  const off = new Int32Array(n + 1);
  for (let e = 0; e < key.length; e++) off[key[e]! + 1]!++;
  for (let k = 0; k < n; k++) off[k + 1]! += off[k]!;
  return off;
}

/**
 * Builds the CSR from parallel arrays of tie ends (node indices) and weights. Throws RangeError on an
 * index out of range, a self-loop, a repeated ordered pair, or a weight that is not a finite number > 0.
 */
export function buildCsr(n: number, from: ArrayLike<number>, to: ArrayLike<number>, weight: ArrayLike<number>): Csr {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`node count must be a non-negative integer, got ${n}`);
  const m = from.length;
  if (to.length !== m || weight.length !== m) throw new RangeError("from, to and weight must have the same length");
  for (let e = 0; e < m; e++) {
    const u = from[e]!;
    const v = to[e]!;
    const w = weight[e]!;
    if (!Number.isInteger(u) || u < 0 || u >= n || !Number.isInteger(v) || v < 0 || v >= n) {
      throw new RangeError(`tie ${e}: node index out of range (${u} → ${v}, n = ${n})`);
    }
    if (u === v) throw new RangeError(`tie ${e}: self-loop on node ${u}`);
    if (!(Number.isFinite(w) && w > 0)) throw new RangeError(`tie ${e}: weight must be a finite number > 0, got ${w}`);
  }
  let order = new Int32Array(m);
  for (let e = 0; e < m; e++) order[e] = e;
  // Sorted by (from, to): sort by the minor key first, then stably by the major key.
  order = countingSort(countingSort(order, to, n), from, n);
  const outOffsets = offsetsOf(from, n);
  const outTargets = new Int32Array(m);
  const outWeights = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const e = order[i]!;
    outTargets[i] = to[e]!;
    outWeights[i] = weight[e]!;
    if (i > 0 && from[order[i - 1]!] === from[e] && to[order[i - 1]!] === to[e]) {
      throw new RangeError(`ties repeat the ordered pair ${from[e]} → ${to[e]}`);
    }
  }
  // In-CSR: out-edges (already in source order) stably bucketed by target.
  const outSource = new Int32Array(m);
  for (let u = 0; u < n; u++) outSource.fill(u, outOffsets[u]!, outOffsets[u + 1]!);
  const identity = new Int32Array(m);
  for (let i = 0; i < m; i++) identity[i] = i;
  const byTarget = countingSort(identity, outTargets, n);
  const inOffsets = offsetsOf(outTargets, n);
  const inSources = new Int32Array(m);
  const inWeights = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const e = byTarget[i]!;
    inSources[i] = outSource[e]!;
    inWeights[i] = outWeights[e]!;
  }
  const reverse = new Int32Array(m);
  for (let e = 0; e < m; e++) reverse[e] = findEdge(outOffsets, outTargets, outTargets[e]!, outSource[e]!);
  return { n, m, outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights, reverse };
}

/** The out-edge index of u→v by binary search in u's sorted row, or −1. */
export function findEdge(outOffsets: Int32Array, outTargets: Int32Array, u: number, v: number): number {
  let lo = outOffsets[u]!;
  let hi = outOffsets[u + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = outTargets[mid]!;
    if (t === v) return mid;
    if (t < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The source node of every out-edge (outSource[e] = u for e in u's row). */
export function edgeSources(g: Csr): Int32Array {
  const src = new Int32Array(g.m);
  for (let u = 0; u < g.n; u++) src.fill(u, g.outOffsets[u]!, g.outOffsets[u + 1]!);
  return src;
}

/** Maps string ids to indices (in the order given) and builds the CSR. Throws RangeError on unknown or repeated ids. */
export function csrFromTies(nodes: readonly string[], ties: readonly Tie[]): { csr: Csr; index: Map<string, number> } {
  const index = new Map<string, number>();
  nodes.forEach((id, i) => {
    if (index.has(id)) throw new RangeError(`organisation id repeated: ${id}`);
    index.set(id, i);
  });
  const from = new Int32Array(ties.length);
  const to = new Int32Array(ties.length);
  const weight = new Float64Array(ties.length);
  ties.forEach((t, e) => {
    const u = index.get(t.from);
    const v = index.get(t.to);
    if (u === undefined) throw new RangeError(`tie ${e}: unknown organisation ${t.from}`);
    if (v === undefined) throw new RangeError(`tie ${e}: unknown organisation ${t.to}`);
    from[e] = u;
    to[e] = v;
    weight[e] = t.weight;
  });
  return { csr: buildCsr(nodes.length, from, to, weight), index };
}
