// fast-check properties of the register metrics: bounds, totals, antisymmetry, monotonicity, attention lists.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { needsAttention } from "./attention.ts";
import { type Commitment, keptOnTimeRate } from "./commitments.ts";
import { dayNumber, isoDay } from "./dates.ts";
import { goalProgress, type Win } from "./goals.ts";
import { balanceBetween, type OfferOrAsk, reciprocityBalance } from "./reciprocity.ts";

const BASE = dayNumber("2024-01-01");
const day = fc.integer({ min: 0, max: 400 }).map((d) => isoDay(BASE + d));
const org = fc.constantFrom("a", "b", "c", "d");

const commitment: fc.Arbitrary<Commitment> = fc.record({
  id: fc.uuid(),
  organisationId: org,
  toOrganisationId: fc.option(org),
  dueOn: day,
  outcome: fc.constantFrom("open", "kept", "broken", "renegotiated", "withdrawn"),
  outcomeOn: fc.option(day),
  renegotiatedDueOn: fc.option(day),
});

const offerOrAsk: fc.Arbitrary<OfferOrAsk> = fc.record({
  id: fc.uuid(),
  kind: fc.constantFrom("offer", "ask"),
  fromOrganisationId: org,
  takenUpByOrganisationId: fc.option(org),
  status: fc.constantFrom("open", "taken_up", "delivered", "not_delivered", "withdrawn"),
});

const goalIds = fc.constantFrom("g1", "g2", "g3");
const win: fc.Arbitrary<Win> = fc.record(
  { id: fc.uuid(), goalIds: fc.array(goalIds, { maxLength: 3 }), weight: fc.double({ min: -1, max: 5, noNaN: true }), achievedOn: day },
  { requiredKeys: ["id", "goalIds", "achievedOn"] },
);
const goals = fc.constant([{ id: "g1" }, { id: "g2", target: 2 }, { id: "g3", target: 0.5 }]);

describe("register metrics properties", () => {
  it("kept-on-time rates are in [0, 1] or null, and the buckets add up to the total per organisation", () => {
    fc.assert(
      fc.property(fc.array(commitment, { maxLength: 40 }), day, (cs, today) => {
        const rows = keptOnTimeRate(cs, today);
        expect(rows.reduce((s, r) => s + r.total, 0)).toBe(cs.length);
        for (const r of rows) {
          expect(r.keptOnTime + r.keptLate + r.broken + r.renegotiated + r.withdrawn + r.open).toBe(r.total);
          expect(r.total).toBe(cs.filter((c) => c.organisationId === r.organisationId).length);
          expect(r.keptOnTime).toBeLessThanOrEqual(r.due);
          expect(r.due).toBeLessThanOrEqual(r.total - r.withdrawn);
          if (r.due === 0) expect(r.rate).toBeNull();
          else {
            expect(r.rate).toBeGreaterThanOrEqual(0);
            expect(r.rate).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it("pair balances are antisymmetric and giving totals match receiving totals", () => {
    fc.assert(
      fc.property(fc.array(offerOrAsk, { maxLength: 40 }), org, org, (items, x, y) => {
        const r = reciprocityBalance(items);
        expect(balanceBetween(r, x, y) + balanceBetween(r, y, x)).toBe(0);
        for (const p of r.pairs) {
          expect(p.a < p.b).toBe(true);
          expect(p.balance).toBe(p.aGaveToB - p.bGaveToA);
        }
        const gave = r.organisations.reduce((s, o) => s + o.gave, 0);
        expect(gave).toBe(r.organisations.reduce((s, o) => s + o.received, 0));
        expect(gave).toBe(r.pairs.reduce((s, p) => s + p.aGaveToB + p.bGaveToA, 0));
        expect(gave).toBeLessThanOrEqual(items.filter((i) => i.status === "delivered").length);
      }),
    );
  });

  it("goal progress is in [0, 1] and never falls when a win is added", () => {
    fc.assert(
      fc.property(goals, fc.array(win, { maxLength: 20 }), win, (gs, ws, extra) => {
        const before = goalProgress(gs, ws);
        const after = goalProgress(gs, [...ws, extra]);
        before.forEach((b, i) => {
          const a = after[i]!;
          expect(b.progress).toBeGreaterThanOrEqual(0);
          expect(b.progress).toBeLessThanOrEqual(1);
          expect(a.progress).toBeGreaterThanOrEqual(b.progress);
          expect(a.weightedWins).toBeGreaterThanOrEqual(b.weightedWins);
          expect(a.wins).toBeGreaterThanOrEqual(b.wins);
        });
      }),
    );
  });

  it("needsAttention never returns a done item; overdue is before today, due soon within the window, both sorted", () => {
    const item = fc.record({
      kind: fc.constantFrom("action", "commitment", "decision_review", "procedure_review") as fc.Arbitrary<
        "action" | "commitment" | "decision_review" | "procedure_review"
      >,
      id: fc.string({ maxLength: 3 }),
      dueOn: day,
      done: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), day, fc.integer({ min: 0, max: 60 }), (items, today, soon) => {
        const r = needsAttention(items, today, soon);
        const t = dayNumber(today);
        for (const e of [...r.overdue, ...r.dueSoon]) expect(e.item.done).toBe(false);
        for (const e of r.overdue) expect(dayNumber(e.item.dueOn)).toBeLessThan(t);
        for (const e of r.dueSoon) {
          expect(dayNumber(e.item.dueOn)).toBeGreaterThanOrEqual(t);
          expect(dayNumber(e.item.dueOn)).toBeLessThanOrEqual(t + soon);
        }
        for (const list of [r.overdue, r.dueSoon]) {
          for (let i = 1; i < list.length; i++) {
            const p = list[i - 1]!.item;
            const q = list[i]!.item;
            expect(dayNumber(p.dueOn) < dayNumber(q.dueOn) || (p.dueOn === q.dueOn && p.id <= q.id)).toBe(true);
          }
        }
        const expected = items.filter((i) => !i.done && dayNumber(i.dueOn) <= t + soon).length;
        expect(r.overdue.length + r.dueSoon.length).toBe(expected);
      }),
    );
  });
});
