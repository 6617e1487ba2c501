// Betweenness and closeness from one breadth-first sweep per source (Brandes), ties as unweighted directed steps.
import type { Csr } from "./graph.ts";

export interface PathMeasures {
  /**
   * Directed betweenness, raw: Σ over ordered pairs (s, t), s ≠ v ≠ t, of the share of shortest s→t paths
   * through v (igraph betweenness(directed=True), networkx betweenness_centrality(normalized=False)).
   */
  betweenness: Float64Array;
  /**
   * Outward closeness over the nodes reached: r / Σ d(v, t) for the r nodes t reachable from v (igraph
   * closeness(mode="out", normalized=True)). 0 for a node that reaches nobody (igraph gives NaN there).
   */
  closeness: Float64Array;
  /** r: how many other nodes v reaches along ties. */
  reach: Int32Array;
}

/**
 * One BFS from each source over the out-ties, then the dependency accumulation in reverse BFS order.
 * Path counts σ are Float64 (they exceed 2³² on dense graphs). Predecessor lists are not stored: the
 * backward pass walks each node's out-row and keeps the successors one step further away, and each
 * node's term (1 + δ)/σ is stored once so the inner loop has no division. All buffers are allocated
 * once and only the nodes a sweep reached are reset.
 */
export function pathMeasures(g: Csr): PathMeasures {
  const n = g.n;
  const off = g.outOffsets;
  const tgt = g.outTargets;
  const betweenness = new Float64Array(n);
  const closeness = new Float64Array(n);
  const reach = new Int32Array(n);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  /** (1 + δ(w)) / σ(w) for nodes already accumulated in this sweep. */
  const term = new Float64Array(n);
  /** BFS queue; afterwards the nodes in non-decreasing distance, read backwards as the stack. */
  const order = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (off[s + 1]! === off[s]!) continue; // reaches nobody: closeness 0, no paths to count
    dist[s] = 0;
    sigma[s] = 1;
    order[0] = s;
    let head = 0;
    let tail = 1;
    let sumDist = 0;
    while (head < tail) {
      const v = order[head++]!;
      const dn = dist[v]! + 1;
      const sv = sigma[v]!;
      const end = off[v + 1]!;
      for (let e = off[v]!; e < end; e++) {
        const w = tgt[e]!;
        const dw = dist[w]!;
        if (dw < 0) {
          dist[w] = dn;
          sigma[w] = sv;
          order[tail++] = w;
          sumDist += dn;
        } else if (dw === dn) {
          sigma[w]! += sv;
        }
      }
    }
    reach[s] = tail - 1;
    closeness[s] = tail > 1 ? (tail - 1) / sumDist : 0;
    // Dependencies: δ(w) = σ(w) Σ_{x: w→x, d(x) = d(w)+1} (1 + δ(x)) / σ(x); the source itself gets none.
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i]!;
      const dn = dist[w]! + 1;
      let acc = 0;
      const end = off[w + 1]!;
      for (let e = off[w]!; e < end; e++) {
        const x = tgt[e]!;
        if (dist[x] === dn) acc += term[x]!;
      }
      const sw = sigma[w]!;
      betweenness[w]! += sw * acc;
      term[w] = 1 / sw + acc;
    }
    for (let i = 0; i < tail; i++) dist[order[i]!] = -1;
  }
  return { betweenness, closeness, reach };
}
