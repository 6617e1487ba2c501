// Releasing one question's figures (distribution or mean) for every group of a breakdown, under k and the coarse rule.
import { band, distribution, meanInterval, type Band, type Distribution, type MeanInterval } from "../stats/index.ts";
import {
  allButOneSame,
  Atoms,
  guardMap,
  inBreakdownOrder,
  inReleaseOrder,
  suppressed,
  type Breakdown,
  type Group,
  type Release,
} from "./core.ts";
import { decideGroups, selectSets } from "./groups.ts";

/** The "don't know" answer of the agreement scale (kept in step with src/surveys/instruments). */
export const DONT_KNOW = "dont_know";

interface FigureSpec<V, T, C> {
  /** True when the values must not be released in full (all but at most one the same). */
  tooAlike(values: V[]): boolean;
  full(values: V[]): T;
  coarse(values: V[]): C;
}

function valuesOf<V>(ids: Iterable<string>, answers: ReadonlyMap<string, V>): V[] {
  const values: V[] = [];
  for (const id of ids) {
    const v = answers.get(id);
    if (v !== undefined) values.push(v);
  }
  return values;
}

/**
 * The common procedure for one figure of one question:
 * 1. groups not releasable at all (`releasableGroups`) are suppressed with that reason;
 * 2. for the rest, the respondents the figure covers (members who answered) go through the same
 *    k / remainder / overlap / atom selection, so skipped questions cannot open a small difference;
 * 3. the coarse rule, greedily in release order: a group is released in full only if its own values
 *    are not "all but one the same" AND no atom of the fully released groups (what a viewer can
 *    isolate by subtraction) is either. Otherwise only the coarse value is released.
 */
function releaseFigure<V, T, C>(b: Breakdown, answers: ReadonlyMap<string, V>, spec: FigureSpec<V, T, C>) {
  return guardMap<Release<T, C>>(
    b,
    () => {
      const groupDecisions = decideGroups(b);
      for (const id of answers.keys()) if (!b.total.members.has(id)) throw new Error("answer from outside the total");
      const covered = (g: Group): Group => ({ key: g.key, members: new Set(answeredIds(g.members, answers)) });

      const results = new Map<string, Release<T, C>>();
      const candidates: Group[] = [];
      for (const group of inReleaseOrder(b.groups)) {
        const decision = groupDecisions.get(group.key);
        if (decision?.ok) candidates.push(covered(group));
        else results.set(group.key, suppressed(decision?.ok === false ? decision.reason : "error"));
      }
      const total = covered(b.total);
      const totalDecision = groupDecisions.get(b.total.key);
      if (!totalDecision?.ok) {
        results.set(b.total.key, suppressed(totalDecision?.ok === false ? totalDecision.reason : "error"));
        for (const c of candidates) results.set(c.key, suppressed("too_few"));
        return inBreakdownOrder(b, results, suppressed("error"));
      }
      // Figures are selected in the order of the groups (total first), not re-sorted by answer counts.
      const figureDecisions = selectSets(total, candidates, b.k);

      const full = new Atoms();
      for (const group of [total, ...candidates]) {
        const decision = figureDecisions.get(group.key);
        if (!decision?.ok) {
          results.set(group.key, suppressed(decision?.ok === false ? decision.reason : "error"));
          continue;
        }
        const values = valuesOf(group.members, answers);
        const exposed =
          spec.tooAlike(values) ||
          full.piecesIfAdded(group.members).some((atom) => spec.tooAlike(valuesOf(atom, answers)));
        if (exposed) {
          results.set(group.key, { status: "coarse", n: values.length, value: spec.coarse(values) });
        } else {
          full.add(group.members);
          results.set(group.key, { status: "released", n: values.length, value: spec.full(values) });
        }
      }
      return inBreakdownOrder(b, results, suppressed("error"));
    },
    suppressed("error"),
  );
}

function answeredIds<V>(members: ReadonlySet<string>, answers: ReadonlyMap<string, V>): string[] {
  const ids: string[] = [];
  for (const id of members) if (answers.has(id)) ids.push(id);
  return ids;
}

/**
 * A single-choice (or scale) question's distribution for every group of the breakdown.
 * `answers`: response id → chosen option, only for respondents whose answer is counted; every value
 * must be in `options` (leave out "don't know" there if it should not be shown; include it to show it).
 * Coarse rule: all counted answers but at most one are the same option, or all the substantive ones
 * (counted answers outside `notSubstantive`, by default "don't know") are; "don't know" must not
 * hide a near-unanimous scale. A coarse distribution releases only n: which option, counts and
 * percentages are withheld.
 */
export function releaseDistribution(
  b: Breakdown,
  answers: ReadonlyMap<string, string>,
  options: readonly string[],
  notSubstantive: readonly string[] = [DONT_KNOW],
): Map<string, Release<Distribution, null>> {
  return releaseFigure<string, Distribution, null>(b, answers, {
    tooAlike: (values) => {
      for (const v of values) if (!options.includes(v)) throw new RangeError("answer is not one of the options");
      return allButOneSame(values) || allButOneSame(values.filter((v) => !notSubstantive.includes(v)));
    },
    full: (values) => distribution(values, options),
    coarse: () => null,
  });
}

export interface MeanFigure extends MeanInterval {
  band: Band | null;
}

/**
 * A numeric question's (or score's) mean and interval for every group of the breakdown.
 * `answers`: response id → value, only for respondents with a numeric answer ("don't know" left out).
 * Coarse rule: all values but at most one equal; a coarse mean releases only n and the band.
 * `banded: false` for scales that are not 1–5 (then a coarse mean releases only n).
 */
export function releaseMean(
  b: Breakdown,
  answers: ReadonlyMap<string, number>,
  { level = 0.95, banded = true }: { level?: number; banded?: boolean } = {},
): Map<string, Release<MeanFigure, { band: Band | null }>> {
  const bandOf = (values: number[]): Band | null => {
    const { mean } = meanInterval(values, level);
    return banded && mean !== null ? band(mean) : null;
  };
  return releaseFigure<number, MeanFigure, { band: Band | null }>(b, answers, {
    tooAlike: (values) => {
      for (const v of values) if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError("not a finite number");
      return allButOneSame(values);
    },
    full: (values) => ({ ...meanInterval(values, level), band: bandOf(values) }),
    coarse: (values) => ({ band: bandOf(values) }),
  });
}
