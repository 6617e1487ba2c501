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
 * Brandes' algorithm with one level-synchronous BFS per source that also yields closeness.
 *
 * - Direction-optimising BFS (Beamer et al. 2012): a level is expanded top-down (scan the frontier's
 *   out-ties) or bottom-up (each unreached node scans its in-ties for parents on the frontier), whichever
 *   has fewer ties to read. Bottom-up cannot stop at the first parent, because σ needs them all, but late
 *   levels of a dense network still read far fewer ties that way.
 * - Either way every shortest-path tie (parent at level d → child at d+1) is written once, grouped by
 *   parent (top-down) or by child (bottom-up), so the dependency pass reads only those ties, level by
 *   level from the deepest: δ(v) = σ(v) Σ_{v→x in the DAG} (1 + δ(x))/σ(x), with (1 + δ(x))/σ(x) kept
 *   per node so the inner loops have no division; parents gather it, or children push it.
 * - Path counts σ are Float64 (they pass 2³² on dense networks). All buffers are typed arrays allocated
 *   once; only the nodes a sweep reached are reset.
 */
export function pathMeasures(g: Csr): PathMeasures {
  const { n, m, outOffsets: off, outTargets: tgt, inOffsets: inOff, inSources: src } = g;
  const betweenness = new Float64Array(n);
  const closeness = new Float64Array(n);
  const reach = new Int32Array(n);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  /** Σ over DAG children x of (1 + δ(x))/σ(x), gathered during the dependency pass. */
  const acc = new Float64Array(n);
  /** (1 + δ(x))/σ(x) once x is final. */
  const term = new Float64Array(n);
  /** Nodes in BFS order; level d occupies order[levelStart[d] .. levelStart[d+1]). */
  const order = new Int32Array(n);
  const levelStart = new Int32Array(n + 2);
  /**
   * Shortest-path ties (parent at level d → child at d+1), in one flat list. A level expanded top-down
   * stores each parent's children: dag[parentSeg[i] .. parentSeg[i+1]) for the parent at queue position i.
   * A level expanded bottom-up stores each child's parents: dag[childSeg[i] .. childSeg[i+1]).
   */
  const dag = new Int32Array(m);
  const parentSeg = new Int32Array(n + 1);
  const childSeg = new Int32Array(n + 1);
  const bottomUp = new Uint8Array(n + 1);
  /** Candidates for bottom-up steps: a superset of the unreached nodes once built. */
  const unreached = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (off[s + 1]! === off[s]!) continue; // reaches nobody: closeness 0, no paths to count
    dist[s] = 0;
    sigma[s] = 1;
    order[0] = s;
    levelStart[0] = 0;
    levelStart[1] = 1;
    let tail = 1;
    let k = 0;
    let sumDist = 0;
    let frontierTies = off[s + 1]! - off[s]!;
    let unreachedInTies = m - (inOff[s + 1]! - inOff[s]!);
    let candidates = -1; // unreached[] not built yet
    let d = 0;
    for (; levelStart[d + 1]! > levelStart[d]!; d++) {
      const a = levelStart[d]!;
      const b = levelStart[d + 1]!;
      const dn = d + 1;
      let nextTies = 0;
      if (frontierTies <= unreachedInTies + (n - tail)) {
        bottomUp[d] = 0;
        for (let i = a; i < b; i++) {
          parentSeg[i] = k;
          const v = order[i]!;
          const sv = sigma[v]!;
          const end = off[v + 1]!;
          for (let e = off[v]!; e < end; e++) {
            const w = tgt[e]!;
            const dw = dist[w]!;
            if (dw < 0) {
              dist[w] = dn;
              sigma[w] = sv;
              order[tail++] = w;
              nextTies += off[w + 1]! - off[w]!;
              unreachedInTies -= inOff[w + 1]! - inOff[w]!;
            } else if (dw !== dn) continue;
            else sigma[w]! += sv;
            dag[k++] = w;
          }
        }
        parentSeg[b] = k;
      } else {
        bottomUp[d] = 1;
        if (candidates < 0) {
          candidates = 0;
          for (let w = 0; w < n; w++) if (dist[w]! < 0) unreached[candidates++] = w;
        }
        let kept = 0;
        for (let j = 0; j < candidates; j++) {
          const w = unreached[j]!;
          if (dist[w]! >= 0) continue; // reached by an earlier top-down level
          const k0 = k;
          let sw = 0;
          const end = inOff[w + 1]!;
          for (let e = inOff[w]!; e < end; e++) {
            const v = src[e]!;
            if (dist[v] === d) {
              sw += sigma[v]!;
              dag[k++] = v;
            }
          }
          if (sw > 0) {
            dist[w] = dn;
            sigma[w] = sw;
            childSeg[tail] = k0;
            order[tail++] = w;
            nextTies += off[w + 1]! - off[w]!;
            unreachedInTies -= end - inOff[w]!;
          } else unreached[kept++] = w;
        }
        childSeg[tail] = k;
        candidates = kept;
      }
      sumDist += dn * (tail - b);
      levelStart[d + 2] = tail;
      frontierTies = nextTies;
    }
    reach[s] = tail - 1;
    closeness[s] = tail > 1 ? (tail - 1) / sumDist : 0;
    // Dependencies, deepest level first. The deepest level has no children (term = 1/σ).
    for (let i = levelStart[d - 1]!; i < tail; i++) term[order[i]!] = 1 / sigma[order[i]!]!;
    for (let level = d - 2; level >= 0; level--) {
      const a = levelStart[level]!;
      const b = levelStart[level + 1]!;
      if (bottomUp[level] === 0) {
        // Each parent gathers from its children.
        for (let i = a; i < b; i++) {
          const v = order[i]!;
          let av = 0;
          const end = parentSeg[i + 1]!;
          for (let j = parentSeg[i]!; j < end; j++) av += term[dag[j]!]!;
          const sv = sigma[v]!;
          if (level > 0) betweenness[v]! += sv * av;
          term[v] = 1 / sv + av;
        }
      } else {
        // Each child pushes to its parents, then the parents are final.
        const c = levelStart[level + 2]!;
        for (let i = b; i < c; i++) {
          const tw = term[order[i]!]!;
          const end = childSeg[i + 1]!;
          for (let j = childSeg[i]!; j < end; j++) acc[dag[j]!]! += tw;
        }
        for (let i = a; i < b; i++) {
          const v = order[i]!;
          const sv = sigma[v]!;
          const av = acc[v]!;
          acc[v] = 0;
          if (level > 0) betweenness[v]! += sv * av;
          term[v] = 1 / sv + av;
        }
      }
    }
    for (let i = 0; i < tail; i++) dist[order[i]!] = -1;
  }
  return { betweenness, closeness, reach };
}
