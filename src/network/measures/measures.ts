// The whole set of network measures for one wave, over organisation ids: per organisation and for the network.
import { csrFromTies } from "./graph.ts";
import type { Csr, Tie } from "./graph.ts";
import { asymmetricPairs, localMeasures, meanOrNull, networkFigures } from "./local.ts";
import type { AsymmetricPair, NetworkFigures } from "./local.ts";
import { louvain, undirectedSum } from "./louvain.ts";
import { pagerank } from "./pagerank.ts";
import { pathMeasures } from "./paths.ts";

export interface OrganisationMeasures {
  id: string;
  inDegree: number;
  outDegree: number;
  /** Sum of the weights of the ties received / given. */
  inStrength: number;
  outStrength: number;
  /** Mean weight of the ties received / given; null when there are none. */
  meanTrustReceived: number | null;
  meanTrustGiven: number | null;
  /** Raw directed betweenness (shares of shortest paths between other ordered pairs, ties as steps). */
  betweenness: number;
  /** betweenness / ((n−1)(n−2)), in [0, 1]; 0 when n < 3. */
  betweennessNormalised: number;
  /**
   * Outward closeness over the organisations reached: reach / Σ distances to them (igraph
   * closeness(mode="out", normalized=True)). null when the organisation reaches nobody (gives no ties).
   */
  closeness: number | null;
  /** How many other organisations can be reached along ties (the r in closeness). */
  reach: number;
  pagerank: number;
  /** Ties given and not returned / received and not returned. */
  oneSidedGiven: number;
  oneSidedReceived: number;
  /** Index into NetworkMeasures.network.communities. */
  community: number;
}

export interface NetworkSummary extends NetworkFigures {
  /** Modularity of the Louvain partition of the undirected weighted network; null with no ties. */
  modularity: number | null;
  /** Organisation ids per community, largest first; members in the order given. */
  communities: string[][];
}

export interface NetworkMeasures {
  organisations: OrganisationMeasures[];
  network: NetworkSummary;
  /** Mutual ties whose weights differ by ≥ the threshold, largest gap first (then in the order given). */
  asymmetricPairs: AsymmetricPair<string>[];
}

export interface NetworkMeasuresOptions {
  /** Minimum |w(A→B) − w(B→A)| for an asymmetric pair (default 1 scale point; compared with 1e-9 slack). */
  asymmetryThreshold?: number;
  /** PageRank damping (default 0.85). */
  damping?: number;
}

/** All measures on an already built CSR; ids[i] names node i. */
export function measuresOfCsr(g: Csr, ids: readonly string[], options: NetworkMeasuresOptions = {}): NetworkMeasures {
  const local = localMeasures(g);
  const paths = pathMeasures(g);
  const rank = pagerank(g, { damping: options.damping ?? 0.85 });
  const communities = louvain(undirectedSum(g));
  const n = g.n;
  const scale = n < 3 ? 0 : 1 / ((n - 1) * (n - 2));
  const organisations: OrganisationMeasures[] = new Array(n);
  const groups: string[][] = Array.from({ length: communities.count }, () => []);
  for (let i = 0; i < n; i++) {
    const community = communities.membership[i]!;
    groups[community]!.push(ids[i]!);
    organisations[i] = {
      id: ids[i]!,
      inDegree: local.inDegree[i]!,
      outDegree: local.outDegree[i]!,
      inStrength: local.inStrength[i]!,
      outStrength: local.outStrength[i]!,
      meanTrustReceived: meanOrNull(local.inStrength[i]!, local.inDegree[i]!),
      meanTrustGiven: meanOrNull(local.outStrength[i]!, local.outDegree[i]!),
      betweenness: paths.betweenness[i]!,
      betweennessNormalised: paths.betweenness[i]! * scale,
      closeness: paths.reach[i]! > 0 ? paths.closeness[i]! : null,
      reach: paths.reach[i]!,
      pagerank: rank[i]!,
      oneSidedGiven: local.oneSidedGiven[i]!,
      oneSidedReceived: local.oneSidedReceived[i]!,
      community,
    };
  }
  return {
    organisations,
    network: { ...networkFigures(g, local), modularity: communities.modularity, communities: groups },
    asymmetricPairs: asymmetricPairs(g, options.asymmetryThreshold ?? 1).map((p) => ({ ...p, from: ids[p.from]!, to: ids[p.to]! })),
  };
}

/**
 * Every measure of one wave's trust network. `nodes` are the organisation ids (each once); `ties` the
 * directed ties between them (weight > 0, no self-loops, at most one per ordered pair — else RangeError).
 * Organisations come back in the order given.
 */
export function networkMeasures(nodes: readonly string[], ties: readonly Tie[], options: NetworkMeasuresOptions = {}): NetworkMeasures {
  const { csr } = csrFromTies(nodes, ties);
  return measuresOfCsr(csr, nodes, options);
}
