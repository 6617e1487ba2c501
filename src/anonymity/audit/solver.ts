// The one place that talks to HiGHS (the `highs` WebAssembly build): the feasible min and max of linear expressions.
// The package's types describe a CommonJS module (so TypeScript sees the loader one `.default`
// deeper) while Node's ESM import picks its .mjs build; pick the function whichever view is live.
import * as highsModule from "highs";
import type { Highs, ModelData } from "highs";

/** A linear expression: cell index → coefficient (sparse; zero coefficients may be omitted). */
export type SparseRow = ReadonlyMap<number, number>;

export interface SolverRow {
  readonly terms: SparseRow;
  readonly lower: number;
  readonly upper: number;
}

export interface SolverProblem {
  /** Upper bound per cell (Infinity when unknown); every cell is ≥ 0. */
  readonly cellUpper: readonly number[];
  readonly rows: readonly SolverRow[];
}

export type Extreme =
  /**
   * `value`: a proven bound (the optimum, or for an integer solve the dual bound). `point`: the cell
   * values at the LP optimum (LP solves only). `attained`: for an integer solve, the value of the
   * best whole table found — equal to `value` when solved to optimality, short of it after a time-out.
   */
  | { readonly kind: "bounded"; readonly value: number; readonly point?: readonly number[]; readonly attained?: number }
  | { readonly kind: "unbounded" }
  /** An integer solve that ran out of time before proving any bound. */
  | { readonly kind: "unknown" };

export interface Extent {
  readonly min: Extreme;
  readonly max: Extreme;
}

/** Per integer solve; past it the audit fails closed (see `undecided` in audit.ts). */
const MIP_SECONDS = 10;

let highsPromise: Promise<Highs> | undefined;

/** Loads the WebAssembly solver once per process (a few milliseconds after the first time). */
export function getHighs(): Promise<Highs> {
  if (highsPromise === undefined) {
    const outer: unknown = highsModule.default;
    const loader = (typeof outer === "function" ? outer : (outer as { default: unknown }).default) as () => Promise<Highs>;
    highsPromise = loader();
  }
  return highsPromise;
}

export class InconsistentFactsError extends Error {
  constructor() {
    super("the released facts contradict each other: no non-negative table satisfies them all");
    this.name = "InconsistentFactsError";
  }
}

/**
 * For each objective, its min and max over the problem's feasible set. The model carries one free
 * auxiliary column per objective, tied to it by an equality row, so switching objective is two cost
 * changes and each solve starts from the previous basis.
 *
 * `integer`: cells are integer (branch and bound). The bound reported is HiGHS's dual bound, never
 * the incumbent, so a solve that stops early still gives a sound (wider) answer.
 */
export async function extents(
  problem: SolverProblem,
  objectives: readonly SparseRow[],
  integer: boolean,
  only?: readonly boolean[],
): Promise<Extent[]> {
  const highs = await getHighs();
  const nCells = problem.cellUpper.length;
  const nCols = nCells + objectives.length;
  const allRows: SolverRow[] = [...problem.rows];
  objectives.forEach((objective, k) => {
    const terms = new Map(objective);
    terms.set(nCells + k, -1);
    allRows.push({ terms, lower: 0, upper: 0 });
  });
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of allRows) {
    const sorted = [...row.terms.entries()].filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0]);
    for (const [col, value] of sorted) {
      indices.push(col);
      values.push(value);
    }
    starts.push(indices.length);
  }
  const inf = highs.infinity;
  const data: ModelData = {
    numCols: nCols,
    numRows: allRows.length,
    colCost: new Float64Array(nCols),
    colLower: Array.from({ length: nCols }, (_, j) => (j < nCells ? 0 : -inf)),
    colUpper: Array.from({ length: nCols }, (_, j) => (j < nCells ? finiteOr(problem.cellUpper[j], inf) : inf)),
    rowLower: allRows.map((r) => finiteOr(r.lower, -inf)),
    rowUpper: allRows.map((r) => finiteOr(r.upper, inf)),
    matrix: { format: "csr", numRows: allRows.length, numCols: nCols, starts, indices, values },
    ...(integer
      ? { integrality: Array.from({ length: nCols }, (_, j) => (j < nCells ? 1 : 0) as 0 | 1) }
      : {}),
  };
  const model = highs.createModel(data);
  try {
    model.options.set({ output_flag: false });
    // A branch and bound that hits the time limit still has a proven (wider) bound and its best table.
    if (integer) model.options.set({ mip_rel_gap: 0, mip_abs_gap: 1e-6, time_limit: MIP_SECONDS });
    const status = highs.constants.modelStatus;
    const solve = (col: number, sense: "min" | "max"): Extreme => {
      model.changeObjectiveSense(
        sense === "min" ? highs.constants.objectiveSense.minimize : highs.constants.objectiveSense.maximize,
      );
      model.changeColCost(col, 1);
      const s = model.run().modelStatus;
      // Read everything before the cost is reset: changing the model clears the solver's status.
      let result: Extreme;
      if (s === status.infeasible) throw new InconsistentFactsError();
      if (s === status.unbounded || s === status.unboundedOrInfeasible) result = { kind: "unbounded" };
      else if (s !== status.optimal && !(integer && s === status.timeLimit)) throw new Error(`solver stopped with model status ${s}`);
      else if (!integer) {
        const point = Array.from(model.getSolution().colValue.subarray(0, nCells));
        result = { kind: "bounded", value: model.getObjectiveValue(), point };
      }
      else {
        // The dual bound is a proven bound on the true optimum; with zero gap it equals the optimum.
        const bound = Number(model.info.get("mip_dual_bound"));
        const incumbent = model.getObjectiveValue();
        const attained = Number.isFinite(incumbent) && Math.abs(incumbent) < inf ? { attained: incumbent } : {};
        if (Number.isFinite(bound) && Math.abs(bound) < inf) result = { kind: "bounded", value: bound, ...attained };
        else if (s === status.optimal) result = { kind: "bounded", value: incumbent, ...attained };
        else result = { kind: "unknown" };
      }
      model.changeColCost(col, 0);
      return result;
    };
    const out: Extent[] = [];
    for (let k = 0; k < objectives.length; k++) {
      if (only !== undefined && only[k] !== true) {
        out.push({ min: { kind: "unbounded" }, max: { kind: "unbounded" } });
        continue;
      }
      out.push({ min: solve(nCells + k, "min"), max: solve(nCells + k, "max") });
    }
    return out;
  } finally {
    model.dispose();
  }
}

function finiteOr(value: number | undefined, fallback: number): number {
  return value === undefined || !Number.isFinite(value) ? fallback : value;
}
