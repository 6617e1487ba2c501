// Public API of the trust-network measures: pure computations over organisations and the ties between them.
export { buildCsr, csrFromTies, edgeSources, findEdge } from "./graph.ts";
export type { Csr, Tie } from "./graph.ts";
export { asymmetricPairs, GAP_EPSILON, localMeasures, meanOrNull, networkFigures } from "./local.ts";
export type { AsymmetricPair, LocalMeasures, NetworkFigures } from "./local.ts";
export { pathMeasures } from "./paths.ts";
export type { PathMeasures } from "./paths.ts";
export { pagerank } from "./pagerank.ts";
export type { PageRankOptions } from "./pagerank.ts";
export { canonicalMembership, louvain, modularity, undirectedSum } from "./louvain.ts";
export type { Communities, UndirectedGraph } from "./louvain.ts";
export { measuresOfCsr, networkMeasures } from "./measures.ts";
export type { NetworkMeasures, NetworkMeasuresOptions, NetworkSummary, OrganisationMeasures } from "./measures.ts";
export { compareNetworks } from "./compare.ts";
export type { CompareOptions, NetworkComparison, OrganisationChange, TieChange, WaveNetwork } from "./compare.ts";
export { generateNetwork, mulberry32, namedNetwork } from "./generate.ts";
export type { GeneratedNetwork, GenerateOptions } from "./generate.ts";
