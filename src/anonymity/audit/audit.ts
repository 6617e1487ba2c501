// The audit gate: every released figure as linear facts on unknown counts; each withheld figure must keep a wide enough range.
import { extents, type Extreme, type SolverProblem, type SparseRow } from "./solver.ts";

/** A linear expression over cells: cell id → coefficient. */
export type Terms = Readonly<Record<string, number>>;

export interface Cell {
  readonly id: string;
  /** A known upper bound (for example the group's size); omitted means none. Every cell is a count ≥ 0. */
  readonly upper?: number;
}

/**
 * A released figure as a fact about the cells. `value` for an exact figure (a count, a sum, a total);
 * `min`/`max` for a rounded one (a mean shown to one decimal with a released n becomes
 * (m − 0.05)·n ≤ sum ≤ (m + 0.05)·n).
 */
export type Fact =
  | { readonly id: string; readonly terms: Terms; readonly value: number }
  | { readonly id: string; readonly terms: Terms; readonly min: number; readonly max: number };

export interface Withheld {
  readonly id: string;
  readonly terms: Terms;
}

export interface Protection {
  /** A withheld figure is protected only if max − min ≥ minWidth (and it is never pinned). */
  readonly minWidth: number;
}

export interface TableModel {
  readonly cells: readonly Cell[];
  readonly facts: readonly Fact[];
  readonly withheld: readonly Withheld[];
  readonly protection: Protection;
}

/**
 * `lp`: the LP relaxation only — its range is never narrower than the truth, so every exposure it
 * reports is real, but its "protected" is no guarantee: an attacker who uses that counts are whole
 * numbers may know more (2x + 2y ∈ [−1, 1] leaves y ∈ [0, ½] to the LP but pins y = 0 in whole
 * numbers), so use it as a quick screen, never as the gate. `integer` (the default): LP first; a figure the LP pins is
 * pinned (the integer range lies inside the LP range) and needs nothing more; every other figure is
 * re-solved as an integer programme, which alone decides "protected" and gives the exact range —
 * unless the LP optimum at both ends, rounded to whole counts, is itself a table that satisfies
 * every fact exactly and reaches the LP bound (common: count tables with marginals are totally
 * unimodular), which proves the integer range equal to the LP range without branch and bound.
 */
export type AuditMode = "lp" | "integer";

export interface Range {
  readonly id: string;
  /** Feasible minimum and maximum (proven bounds); null means unbounded, or unproven after a time-out. */
  readonly min: number | null;
  readonly max: number | null;
  /**
   * `undecided`: an integer solve timed out with the proven range wide enough but the tables found
   * so far not — the gate fails closed and treats it as exposed.
   */
  readonly exposure: "pinned" | "narrow" | "undecided" | null;
  /** Which solve decided the range. */
  readonly by: "lp" | "integer";
}

export interface AuditResult {
  readonly ranges: readonly Range[];
  readonly exposed: readonly string[];
  readonly protectedAll: boolean;
}

const EPS = 1e-6;

export async function auditTable(table: TableModel, mode: AuditMode = "integer"): Promise<AuditResult> {
  const index = cellIndex(table.cells);
  const problem: SolverProblem = {
    cellUpper: table.cells.map((c) => c.upper ?? Infinity),
    rows: table.facts.map((f) => ({
      terms: toSparse(f.terms, index, f.id),
      lower: "value" in f ? f.value : f.min,
      upper: "value" in f ? f.value : f.max,
    })),
  };
  const objectives = table.withheld.map((w) => toSparse(w.terms, index, w.id));
  const integral = table.withheld.map((w) => Object.values(w.terms).every((v) => Number.isInteger(v)));
  const judge = (k: number, ext: { min: Extreme; max: Extreme }, by: "lp" | "integer"): Range => {
    const w = table.withheld[k]!;
    const lo = ext.min.kind === "bounded" ? outward(ext.min.value, "down", integral[k]!) : null;
    const hi = ext.max.kind === "bounded" ? outward(ext.max.value, "up", integral[k]!) : null;
    const width = lo === null || hi === null ? Infinity : hi - lo;
    let exposure: Range["exposure"] = width <= 3 * EPS ? "pinned" : width < table.protection.minWidth ? "narrow" : null;
    if (exposure === null && by === "integer") {
      // Proven range wide enough; is it also reached by whole tables? (Always, unless a solve timed out.)
      const reached = (e: Extreme, sign: 1 | -1) =>
        e.kind === "unbounded" ? sign * Infinity : e.kind === "bounded" && e.attained !== undefined ? e.attained : null;
      const a = reached(ext.min, -1);
      const b = reached(ext.max, 1);
      if (a === null || b === null || b - a < table.protection.minWidth - EPS) exposure = "undecided";
    }
    return { id: w.id, min: lo, max: hi, exposure, by };
  };
  const lp = await extents(problem, objectives, false);
  let ranges = lp.map((ext, k) => judge(k, ext, "lp"));
  if (mode === "integer") {
    const attained = (k: number, e: Extreme, bound: number | null) =>
      bound !== null && e.kind === "bounded" && e.point !== undefined && wholeTableValue(table, index, e.point, k) === bound;
    const recheck = ranges.map(
      (r, k) => r.exposure !== "pinned" && !(attained(k, lp[k]!.min, r.min) && attained(k, lp[k]!.max, r.max)),
    );
    if (recheck.some(Boolean)) {
      const mip = await extents(problem, objectives, true, recheck);
      ranges = ranges.map((r, k) => (recheck[k] ? judge(k, mip[k]!, "integer") : r));
    }
  }
  const exposed = ranges.filter((r) => r.exposure !== null).map((r) => r.id);
  return { ranges, exposed, protectedAll: exposed.length === 0 };
}

export interface SuppressionResult {
  /** Candidate ids that can be released together with the base facts. */
  readonly release: readonly string[];
  /** Candidate ids withheld (secondary suppression), in priority order. */
  readonly suppress: readonly string[];
  /** The audit of base facts plus `release`. */
  readonly audit: AuditResult;
}

/**
 * Secondary suppression, greedy: walk the candidates in priority order, tentatively add each and
 * re-audit; keep it if every withheld figure stays protected, otherwise suppress it. Cost: one
 * audit per candidate, each up to 2·W LP solves (plus 2·W integer solves in `integer` mode) for W
 * withheld figures — O(C·W) solves. Greedy is not minimal (a later candidate might have been the
 * cheaper one to drop), but every kept set passes the audit. If the base facts alone already expose
 * a withheld figure nothing can fix that by withholding candidates, so everything is suppressed.
 */
export async function suppressSecondary(
  table: TableModel,
  candidates: readonly Fact[],
  mode: AuditMode = "integer",
): Promise<SuppressionResult> {
  let audit = await auditTable(table, mode);
  if (!audit.protectedAll) return { release: [], suppress: candidates.map((c) => c.id), audit };
  const kept: Fact[] = [];
  const release: string[] = [];
  const suppress: string[] = [];
  for (const candidate of candidates) {
    const trial = await auditTable({ ...table, facts: [...table.facts, ...kept, candidate] }, mode);
    if (trial.protectedAll) {
      kept.push(candidate);
      release.push(candidate.id);
      audit = trial;
    } else {
      suppress.push(candidate.id);
    }
  }
  return { release, suppress, audit };
}

/**
 * The LP point rounded to whole counts: if that table meets every bound and fact exactly, the
 * value of withheld figure k there (an integer table attains it); otherwise null.
 */
function wholeTableValue(table: TableModel, index: ReadonlyMap<string, number>, point: readonly number[], k: number): number | null {
  const x = point.map((v) => Math.round(v));
  if (x.some((v, i) => v < 0 || v > (table.cells[i]!.upper ?? Infinity))) return null;
  const at = (terms: Terms) => Object.entries(terms).reduce((sum, [id, c]) => sum + c * x[index.get(id)!]!, 0);
  for (const f of table.facts) {
    const v = at(f.terms);
    if ("value" in f ? v !== f.value : v < f.min || v > f.max) return null;
  }
  return at(table.withheld[k]!.terms);
}

function cellIndex(cells: readonly Cell[]): Map<string, number> {
  const index = new Map<string, number>();
  cells.forEach((c, i) => {
    if (index.has(c.id)) throw new Error(`duplicate cell ${c.id}`);
    index.set(c.id, i);
  });
  return index;
}

function toSparse(terms: Terms, index: ReadonlyMap<string, number>, owner: string): SparseRow {
  const row = new Map<number, number>();
  for (const [id, coefficient] of Object.entries(terms)) {
    const i = index.get(id);
    if (i === undefined) throw new Error(`${owner} refers to unknown cell ${id}`);
    row.set(i, (row.get(i) ?? 0) + coefficient);
  }
  return row;
}

/**
 * Widen a solver value by its tolerance so the reported range is never narrower than the truth;
 * an expression with whole coefficients over whole counts is itself whole, so it is then rounded
 * outward to the nearest integer inside the tolerance.
 */
function outward(value: number, direction: "down" | "up", integral: boolean): number {
  // `+ 0` turns the -0 that Math.ceil(-1e-6) gives into 0.
  if (integral) return (direction === "down" ? Math.ceil(value - EPS) : Math.floor(value + EPS)) + 0;
  return direction === "down" ? value - EPS : value + EPS;
}
