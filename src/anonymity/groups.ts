// Which groups of a breakdown may be shown at all: k, the rest of the partnership, overlaps, remainders, wave-to-wave changes.
import {
  Atoms,
  checkBreakdown,
  guardMap,
  inBreakdownOrder,
  inReleaseOrder,
  sizeOfDifference,
  type Breakdown,
  type Group,
  type GroupDecision,
  type Suppression,
} from "./core.ts";

/**
 * Greedy selection over sets already in release order (the total first). A set is accepted when
 * 1. it has at least k members;
 * 2. the total minus it has at least k (checked for every set but the total itself);
 * 3. `extra` (e.g. the wave rule) passes;
 * 4. every atom of the accepted sets plus S has 0 or ≥ k members. This implies that for every
 *    accepted A, |S \ A| and |A \ S| are each 0 or ≥ k ("overlap" when that is what fails), and
 *    also catches remainders such as total − orgA − orgB that no pairwise test sees ("remainder").
 * Removing a set only merges atoms, so sets accepted earlier stay safe whatever comes later.
 */
export function selectSets(
  total: Group,
  ordered: readonly Group[],
  k: number,
  extra: (group: Group) => Suppression | null = () => null,
): Map<string, GroupDecision> {
  const decisions = new Map<string, GroupDecision>();
  if (total.members.size < k) {
    decisions.set(total.key, { ok: false, reason: "too_few" });
    for (const group of ordered) decisions.set(group.key, { ok: false, reason: "too_few" });
    return decisions;
  }
  decisions.set(total.key, { ok: true, n: total.members.size });
  const accepted: Array<ReadonlySet<string>> = [total.members];
  const atoms = new Atoms();
  atoms.add(total.members);
  for (const group of ordered) {
    const reason = refusal(group, total, accepted, atoms, k, extra);
    if (reason) {
      decisions.set(group.key, { ok: false, reason });
    } else {
      accepted.push(group.members);
      atoms.add(group.members);
      decisions.set(group.key, { ok: true, n: group.members.size });
    }
  }
  return decisions;
}

function refusal(
  group: Group,
  total: Group,
  accepted: ReadonlyArray<ReadonlySet<string>>,
  atoms: Atoms,
  k: number,
  extra: (group: Group) => Suppression | null,
): Suppression | null {
  const n = group.members.size;
  if (n < k) return "too_few";
  if (sizeOfDifference(total.members, group.members) < k) return "remainder";
  const other = extra(group);
  if (other) return other;
  if (atoms.piecesIfAdded(group.members).every((atom) => atom.length >= k)) return null;
  // Some atom would be too small. Safe atoms imply safe pairwise differences, so only now is it
  // worth telling a plain overlap with one released group from a remainder of several.
  const unsafe = (d: number) => d > 0 && d < k;
  for (const set of accepted) {
    if (unsafe(sizeOfDifference(group.members, set)) || unsafe(sizeOfDifference(set, group.members))) return "overlap";
  }
  return "remainder";
}

/**
 * Rule 4: a group released in an earlier wave with n_prev respondents is released now only if its
 * size is unchanged or changed by at least k. The total is exempt: suppressing it would suppress the
 * whole wave, and a wave's answers are all new, so its total is not a difference of one person.
 */
function waveRule(b: Breakdown): (group: Group) => Suppression | null {
  return (group) => {
    for (const wave of b.previousWaves ?? []) {
      const before = wave.get(group.key);
      if (before === undefined) continue;
      if (!Number.isInteger(before) || before < 0) throw new RangeError(`bad earlier size for ${group.key}`);
      const change = Math.abs(group.members.size - before);
      if (change > 0 && change < b.k) return "wave_difference";
    }
    return null;
  };
}

/**
 * Unguarded form of `releasableGroups`, for the figure functions (which have their own guard). Every
 * figure of a wave asks about the same breakdown, so the decisions are remembered per breakdown
 * object (breakdowns are built once and not changed afterwards); callers get their own copy.
 */
export function decideGroups(b: Breakdown): Map<string, GroupDecision> {
  const known = DECIDED.get(b);
  if (known) return new Map(known);
  checkBreakdown(b);
  const decisions = selectSets(b.total, inReleaseOrder(b.groups), b.k, waveRule(b));
  const ordered = inBreakdownOrder<GroupDecision>(b, decisions, { ok: false, reason: "error" });
  DECIDED.set(b, ordered);
  return new Map(ordered);
}
const DECIDED = new WeakMap<Breakdown, Map<string, GroupDecision>>();

/**
 * Which groups of a breakdown may be shown at all, and with how many respondents. The map has the
 * total's key and every group's key; a missing key means suppressed. Any error suppresses everything.
 */
export function releasableGroups(b: Breakdown): Map<string, GroupDecision> {
  return guardMap<GroupDecision>(b, () => decideGroups(b), { ok: false, reason: "error" });
}

/** key → n of the released groups: what to keep for the `previousWaves` of later waves. */
export function releasedSizes(decisions: ReadonlyMap<string, GroupDecision>): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [key, decision] of decisions) if (decision.ok) sizes.set(key, decision.n);
  return sizes;
}
