// What changed in the trust network between two waves: ties formed, broken, strengthened, weakened, and trust received.
import { csrFromTies } from "./graph.ts";
import type { Tie } from "./graph.ts";
import { GAP_EPSILON } from "./local.ts";

/** One wave's network: the organisations surveyed and the ties between them. */
export interface WaveNetwork {
  nodes: readonly string[];
  ties: readonly Tie[];
}

export interface TieChange {
  from: string;
  to: string;
  before: number;
  after: number;
  /** after − before. */
  change: number;
}

export interface OrganisationChange {
  id: string;
  /** Mean weight of ties received in each wave; null if the organisation had none or was not in that wave. */
  meanTrustReceivedBefore: number | null;
  meanTrustReceivedAfter: number | null;
  /** after − before; null unless both are numbers. */
  meanTrustReceivedChange: number | null;
  /** Sum of the weights of ties received; null only if the organisation was not in that wave. */
  inStrengthBefore: number | null;
  inStrengthAfter: number | null;
  inStrengthChange: number | null;
}

export interface NetworkComparison {
  /** Ties in the later wave only, by from then to. */
  formed: Tie[];
  /** Ties in the earlier wave only, by from then to. */
  broken: Tie[];
  /** Weight rose by ≥ the threshold; largest rise first. */
  strengthened: TieChange[];
  /** Weight fell by ≥ the threshold; largest fall first. */
  weakened: TieChange[];
  /** In both waves with |change| below the threshold; by from then to. */
  unchanged: TieChange[];
  /** Every organisation in either wave: those of the earlier wave in order, then the new ones. */
  organisations: OrganisationChange[];
}

export interface CompareOptions {
  /** Minimum |weight change| to count as strengthened / weakened (default 0.5; compared with 1e-9 slack). */
  threshold?: number;
}

const byEnds = (a: { from: string; to: string }, b: { from: string; to: string }) =>
  a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0;

function received(wave: WaveNetwork): Map<string, { strength: number; degree: number }> {
  const out = new Map(wave.nodes.map((id) => [id, { strength: 0, degree: 0 }]));
  for (const t of wave.ties) {
    const r = out.get(t.to)!;
    r.strength += t.weight;
    r.degree += 1;
  }
  return out;
}

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);

/**
 * Compares two waves by organisation id. Both are validated as networkMeasures does (RangeError on
 * unknown ids, self-loops, repeated pairs, weights that are not finite and > 0).
 */
export function compareNetworks(before: WaveNetwork, after: WaveNetwork, options: CompareOptions = {}): NetworkComparison {
  const threshold = options.threshold ?? 0.5;
  if (!(threshold >= 0)) throw new RangeError(`threshold must be ≥ 0, got ${threshold}`);
  csrFromTies(before.nodes, before.ties);
  csrFromTies(after.nodes, after.ties);
  const key = (t: Tie) => JSON.stringify([t.from, t.to]);
  const afterTies = new Map(after.ties.map((t) => [key(t), t]));
  const beforeKeys = new Set(before.ties.map(key));
  const result: NetworkComparison = { formed: [], broken: [], strengthened: [], weakened: [], unchanged: [], organisations: [] };
  for (const t of before.ties) {
    const later = afterTies.get(key(t));
    if (!later) {
      result.broken.push({ from: t.from, to: t.to, weight: t.weight });
      continue;
    }
    const change: TieChange = { from: t.from, to: t.to, before: t.weight, after: later.weight, change: later.weight - t.weight };
    if (change.change >= threshold - GAP_EPSILON && change.change > 0) result.strengthened.push(change);
    else if (-change.change >= threshold - GAP_EPSILON && change.change < 0) result.weakened.push(change);
    else result.unchanged.push(change);
  }
  for (const t of after.ties) if (!beforeKeys.has(key(t))) result.formed.push({ from: t.from, to: t.to, weight: t.weight });
  result.formed.sort(byEnds);
  result.broken.sort(byEnds);
  result.unchanged.sort(byEnds);
  result.strengthened.sort((a, b) => b.change - a.change || byEnds(a, b));
  result.weakened.sort((a, b) => a.change - b.change || byEnds(a, b));
  const was = received(before);
  const now = received(after);
  const ids = [...before.nodes, ...after.nodes.filter((id) => !was.has(id))];
  for (const id of ids) {
    const a = was.get(id);
    const b = now.get(id);
    const meanA = a && a.degree > 0 ? a.strength / a.degree : null;
    const meanB = b && b.degree > 0 ? b.strength / b.degree : null;
    const strengthA = a ? a.strength : null;
    const strengthB = b ? b.strength : null;
    result.organisations.push({
      id,
      meanTrustReceivedBefore: meanA,
      meanTrustReceivedAfter: meanB,
      meanTrustReceivedChange: diff(meanA, meanB),
      inStrengthBefore: strengthA,
      inStrengthAfter: strengthB,
      inStrengthChange: diff(strengthA, strengthB),
    });
  }
  return result;
}
