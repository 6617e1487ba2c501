// Tests for the audit gate against exhaustive enumeration of every integer table consistent with the released facts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditTable, suppressSecondary, type Cell, type Fact, type TableModel, type Terms, type Withheld } from "./audit.ts";
import { InconsistentFactsError } from "./solver.ts";

const value = (terms: Terms, table: Record<string, number>) =>
  Object.entries(terms).reduce((sum, [id, c]) => sum + c * (table[id] ?? 0), 0);
const fact = (id: string, terms: Terms, table: Record<string, number>): Fact => ({ id, terms, value: value(terms, table) });
const ones = (...ids: string[]): Terms => Object.fromEntries(ids.map((id) => [id, 1]));

/** The true min and max of each withheld figure: every bounded integer table that satisfies all facts. */
function exhaustive(model: TableModel): { min: number; max: number }[] {
  const out = model.withheld.map(() => ({ min: Infinity, max: -Infinity }));
  const table: Record<string, number> = {};
  const walk = (i: number) => {
    if (i === model.cells.length) {
      const ok = model.facts.every((f) => {
        const v = value(f.terms, table);
        return "value" in f ? v === f.value : v >= f.min && v <= f.max;
      });
      if (!ok) return;
      model.withheld.forEach((w, k) => {
        const v = value(w.terms, table);
        out[k]!.min = Math.min(out[k]!.min, v);
        out[k]!.max = Math.max(out[k]!.max, v);
      });
      return;
    }
    const cell = model.cells[i]!;
    for (let x = 0; x <= cell.upper!; x++) {
      table[cell.id] = x;
      walk(i + 1);
    }
  };
  walk(0);
  return out;
}

const exposureOf = (min: number, max: number, minWidth: number) =>
  max - min === 0 ? "pinned" : max - min < minWidth ? "narrow" : null;

/** Small random tables: a hidden true table, facts computed from it, withheld expressions over it. */
const smallModel = fc
  .record({
    uppers: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 5 }),
    seed: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
    facts: fc.array(
      fc.record({ coeffs: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 5, maxLength: 5 }), slack: fc.integer({ min: 0, max: 2 }) }),
      { minLength: 0, maxLength: 3 },
    ),
    withheld: fc.array(fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 3 }),
    minWidth: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ uppers, seed, facts, withheld, minWidth }): { model: TableModel; hidden: Record<string, number> } => {
    const cells: Cell[] = uppers.map((upper, i) => ({ id: `c${i}`, upper }));
    const hidden = Object.fromEntries(cells.map((c, i) => [c.id, seed[i]! % (c.upper! + 1)]));
    const terms = (coeffs: number[]): Terms => Object.fromEntries(cells.map((c, i) => [c.id, coeffs[i]!]));
    return {
      hidden,
      model: {
        cells,
        facts: facts.map(({ coeffs, slack }, k): Fact => {
          const v = value(terms(coeffs), hidden);
          // Some facts are exact, some are a released interval (as a rounded figure is).
          return slack === 0 ? { id: `f${k}`, terms: terms(coeffs), value: v } : { id: `f${k}`, terms: terms(coeffs), min: v - slack, max: v + slack };
        }),
        withheld: withheld.map((coeffs, k): Withheld => ({ id: `w${k}`, terms: terms(coeffs) })),
        protection: { minWidth },
      },
    };
  });

describe("auditTable against exhaustive enumeration", () => {
  it("integer mode gives exactly the true range and exposure of every withheld figure", async () => {
    await fc.assert(
      fc.asyncProperty(smallModel, async ({ model }) => {
        const truth = exhaustive(model);
        const audit = await auditTable(model, "integer");
        audit.ranges.forEach((r, k) => {
          expect([r.min, r.max]).toEqual([truth[k]!.min, truth[k]!.max]);
          expect(r.exposure).toBe(exposureOf(truth[k]!.min, truth[k]!.max, model.protection.minWidth));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("LP mode is sound: never narrower than the truth, and every figure it calls exposed truly is", async () => {
    await fc.assert(
      fc.asyncProperty(smallModel, async ({ model }) => {
        const truth = exhaustive(model);
        const audit = await auditTable(model, "lp");
        audit.ranges.forEach((r, k) => {
          expect(r.min).not.toBeNull();
          expect(r.max).not.toBeNull();
          expect(r.min!).toBeLessThanOrEqual(truth[k]!.min);
          expect(r.max!).toBeGreaterThanOrEqual(truth[k]!.max);
          // An LP exposure is always real: the integer range sits inside the LP range.
          if (r.exposure !== null) expect(exposureOf(truth[k]!.min, truth[k]!.max, model.protection.minWidth)).not.toBeNull();
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("named attacks", () => {
  it("complement: a released total minus the other groups' released counts pins the withheld group", async () => {
    // Three organisations answer one item (yes / no); C has 2 people and is withheld, A and B are released.
    const hidden = { A_yes: 3, A_no: 2, B_yes: 1, B_no: 4, C_yes: 1, C_no: 1 };
    const cells = Object.keys(hidden).map((id) => ({ id, upper: 10 }));
    const base = [
      fact("A yes", ones("A_yes"), hidden),
      fact("A no", ones("A_no"), hidden),
      fact("B yes", ones("B_yes"), hidden),
      fact("B no", ones("B_no"), hidden),
    ];
    const withheld = [{ id: "C yes", terms: ones("C_yes") }];
    const protection = { minWidth: 2 };
    const without = await auditTable({ cells, facts: base, withheld, protection });
    expect(without.protectedAll).toBe(true);
    const withTotal = await auditTable({
      cells,
      facts: [...base, fact("total yes", ones("A_yes", "B_yes", "C_yes"), hidden)],
      withheld,
      protection,
    });
    expect(withTotal.exposed).toEqual(["C yes"]);
    expect(withTotal.ranges[0]).toMatchObject({ min: 1, max: 1, exposure: "pinned" });
  });

  it("a withheld cell of a 2×2 table is pinned by its marginals and one other cell; secondary suppression withholds them", async () => {
    const hidden = { a: 2, b: 3, c: 4, d: 1 };
    const cells = Object.keys(hidden).map((id) => ({ id, upper: 20 }));
    const marginals = [
      fact("row 1", ones("a", "b"), hidden),
      fact("row 2", ones("c", "d"), hidden),
      fact("column 1", ones("a", "c"), hidden),
      fact("column 2", ones("b", "d"), hidden),
    ];
    const table: TableModel = { cells, facts: marginals, withheld: [{ id: "a", terms: ones("a") }], protection: { minWidth: 3 } };
    const marginalsOnly = await auditTable(table);
    expect(marginalsOnly.ranges[0]).toMatchObject({ min: 1, max: 5, exposure: null });

    const others = [fact("b", ones("b"), hidden), fact("c", ones("c"), hidden), fact("d", ones("d"), hidden)];
    const everything = await auditTable({ ...table, facts: [...marginals, ...others] });
    expect(everything.ranges[0]).toMatchObject({ min: 2, max: 2, exposure: "pinned" });

    // One degree of freedom: any one interior cell pins a, so all three must be withheld.
    const suppression = await suppressSecondary(table, others);
    expect(suppression.release).toEqual([]);
    expect(suppression.suppress).toEqual(["b", "c", "d"]);
    expect(suppression.audit.protectedAll).toBe(true);
  });

  it("secondary suppression in a 3×3 table keeps what it can and the result passes an exhaustive check", async () => {
    const hidden: Record<string, number> = { a11: 1, a12: 2, a13: 0, a21: 2, a22: 1, a23: 1, a31: 0, a32: 1, a33: 2 };
    const cells = Object.keys(hidden).map((id) => ({ id, upper: 3 }));
    const margins = [1, 2, 3].flatMap((i) => [
      fact(`row ${i}`, ones(`a${i}1`, `a${i}2`, `a${i}3`), hidden),
      fact(`column ${i}`, ones(`a1${i}`, `a2${i}`, `a3${i}`), hidden),
    ]);
    const table: TableModel = { cells, facts: margins, withheld: [{ id: "a11", terms: ones("a11") }], protection: { minWidth: 1 } };
    const candidates = Object.keys(hidden).filter((id) => id !== "a11").map((id) => fact(id, ones(id), hidden));
    const suppression = await suppressSecondary(table, candidates);
    expect(suppression.release.length).toBeGreaterThan(0);
    expect(suppression.suppress.length).toBeGreaterThan(0);
    const kept = candidates.filter((c) => suppression.release.includes(c.id));
    const truth = exhaustive({ ...table, facts: [...margins, ...kept] });
    expect(truth[0]!.max - truth[0]!.min).toBeGreaterThanOrEqual(1);
    // Adding back any one suppressed figure would expose a11.
    for (const id of suppression.suppress) {
      const back = candidates.find((c) => c.id === id)!;
      const t = exhaustive({ ...table, facts: [...margins, ...kept, back] });
      expect(t[0]!.max - t[0]!.min).toBe(0);
    }
  });

  it("a withheld sum is recovered from a released count and released item sums", async () => {
    // Answers 1..3; group G's sum over an item is withheld, but the total sum and other groups' sums are released.
    const hidden = { G1: 0, G2: 1, G3: 1, H1: 2, H2: 0, H3: 1 };
    const cells = Object.keys(hidden).map((id) => ({ id, upper: 5 }));
    const sum = (g: string): Terms => ({ [`${g}1`]: 1, [`${g}2`]: 2, [`${g}3`]: 3 });
    const withheld = [{ id: "G sum", terms: sum("G") }];
    const base = [fact("G n", ones("G1", "G2", "G3"), hidden), fact("H sum", sum("H"), hidden)];
    expect((await auditTable({ cells, facts: base, withheld, protection: { minWidth: 2 } })).protectedAll).toBe(true);
    const total = fact("total sum", { ...sum("G"), ...Object.fromEntries(Object.entries(sum("H"))) }, hidden);
    const audit = await auditTable({ cells, facts: [...base, total], withheld, protection: { minWidth: 2 } });
    expect(audit.ranges[0]).toMatchObject({ min: 5, max: 5, exposure: "pinned" });
  });

  it("whole numbers matter: the LP leaves room that integer counts do not", async () => {
    const table: TableModel = {
      cells: [{ id: "x", upper: 1 }, { id: "y", upper: 1 }],
      facts: [{ id: "rounded", terms: { x: 2, y: 2 }, min: -1, max: 1 }],
      withheld: [{ id: "2y", terms: { y: 2 } }],
      protection: { minWidth: 2 },
    };
    expect((await auditTable(table, "lp")).ranges[0]).toMatchObject({ min: 0, max: 1, exposure: "narrow" });
    expect((await auditTable(table, "integer")).ranges[0]).toMatchObject({ min: 0, max: 0, exposure: "pinned", by: "integer" });
  });

  it("an unbounded figure is protected, and contradictory facts are an error", async () => {
    const cells = [{ id: "x" }, { id: "y" }];
    const free = await auditTable({ cells, facts: [], withheld: [{ id: "x", terms: ones("x") }], protection: { minWidth: 5 } });
    expect(free.ranges[0]).toMatchObject({ min: 0, max: null, exposure: null });
    await expect(
      auditTable({
        cells,
        facts: [{ id: "sum", terms: ones("x", "y"), value: 1 }, { id: "x", terms: ones("x"), value: 2 }],
        withheld: [{ id: "y", terms: ones("y") }],
        protection: { minWidth: 1 },
      }),
    ).rejects.toBeInstanceOf(InconsistentFactsError);
  });
});
