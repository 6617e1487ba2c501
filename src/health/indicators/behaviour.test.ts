// Tests for the behavioural indicators over a period and the outward acts fed to the early warning, with properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumber, isoDay } from "../../registers/metrics/index.ts";
import { behaviouralIndicators, outwardActs, type RegisterInputs } from "./behaviour.ts";

const period = { from: "2024-01-01", to: "2024-03-31" };

const inputs: RegisterInputs = {
  commitments: [
    { id: "c1", organisationId: "a", toOrganisationId: "b", dueOn: "2024-02-01", outcome: "kept", outcomeOn: "2024-01-30", renegotiatedDueOn: null },
    { id: "c2", organisationId: "a", toOrganisationId: null, dueOn: "2024-03-31", outcome: "open", outcomeOn: null, renegotiatedDueOn: null }, // due on the last day, still open: counts, not kept
    { id: "c3", organisationId: "a", toOrganisationId: null, dueOn: "2024-03-01", outcome: "renegotiated", outcomeOn: "2024-02-20", renegotiatedDueOn: "2024-05-01" }, // moved out of the period
    { id: "c4", organisationId: "b", toOrganisationId: "a", dueOn: "2024-02-10", outcome: "kept", outcomeOn: "2024-02-10", renegotiatedDueOn: null },
    { id: "c5", organisationId: "b", toOrganisationId: "a", dueOn: "2023-12-10", outcome: "broken", outcomeOn: "2023-12-11", renegotiatedDueOn: null }, // before the period
  ],
  offersAsks: [
    { id: "o1", kind: "offer", fromOrganisationId: "a", takenUpByOrganisationId: "b", status: "delivered", createdOn: "2023-12-01", deliveredOn: "2024-01-15" },
    { id: "o2", kind: "ask", fromOrganisationId: "a", takenUpByOrganisationId: "c", status: "delivered", createdOn: "2024-01-01", deliveredOn: "2024-02-15" },
    { id: "o3", kind: "offer", fromOrganisationId: "c", takenUpByOrganisationId: "a", status: "delivered", createdOn: "2024-01-01", deliveredOn: "2024-04-15" }, // after
  ],
  risks: [
    { id: "r1", organisationId: "b", sharedOn: "2024-03-01" },
    { id: "r2", organisationId: "b", sharedOn: "2024-03-31" },
    { id: "r3", organisationId: "c", sharedOn: "2023-12-31" },
  ],
  intentions: [
    { organisationId: "a", statedOn: "2024-02-01" },
    { organisationId: "b", statedOn: "2023-06-01" },
  ],
  opportunities: [
    { id: "p1", organisationIds: ["a", "b", "b"], status: "agreed", on: "2024-02-02" },
    { id: "p2", organisationIds: ["c"], status: "idea", on: "2024-02-02" },
    { id: "p3", organisationIds: ["c", "a"], status: "won", on: "2024-03-30" },
  ],
  actions: [
    { id: "x1", ownerOrganisationId: "c", dueOn: "2024-02-01", status: "done", completedOn: "2024-02-01" },
    { id: "x2", ownerOrganisationId: "c", dueOn: "2024-02-01", status: "done", completedOn: "2024-02-05" },
    { id: "x3", ownerOrganisationId: "c", dueOn: "2024-02-01", status: "dropped", completedOn: null },
  ],
};

describe("behaviouralIndicators", () => {
  it("derives each indicator per organisation for the period", () => {
    const r = behaviouralIndicators(inputs, period, ["d"]);
    const [a, b, c, d] = r.organisations;
    expect(r.organisations.map((o) => o.organisationId)).toEqual(["a", "b", "c", "d"]);
    // Commitments: a 1 of 2, b 1 of 1; overall 2 of 3 → prior mean 3/5 with weight 2 → Beta(1.2, 0.8).
    expect([a?.commitments.kept, a?.commitments.due]).toEqual([1, 2]);
    expect(a?.commitments.adjusted).toBeCloseTo(2.2 / 4, 12);
    expect([b?.commitments.kept, b?.commitments.due]).toEqual([1, 1]);
    expect(b?.commitments.adjusted).toBeCloseTo(2.2 / 3, 12);
    expect(d?.commitments.raw).toBeNull();
    expect(d?.commitments.adjusted).toBeCloseTo(0.6, 12);
    // Reciprocity: a gave to b (o1); c answered a's ask (o2): c gave to a. o3 is outside the period.
    expect(a?.reciprocity).toEqual({ gave: 1, received: 1, balance: 0 });
    expect(b?.reciprocity).toEqual({ gave: 0, received: 1, balance: -1 });
    expect(c?.reciprocity).toEqual({ gave: 1, received: 0, balance: 1 });
    expect(r.pairs.map((p) => [p.a, p.b, p.balance])).toEqual([["a", "b", 1], ["a", "c", -1]]);
    // Openness.
    expect(a?.openness).toEqual({ risksShared: 0, intentionsBand: "current", intentionsCurrent: true });
    expect(b?.openness).toEqual({ risksShared: 2, intentionsBand: "stale", intentionsCurrent: false });
    expect(c?.openness.risksShared).toBe(0);
    expect(c?.openness.intentionsBand).toBe("none");
    // Opportunities joined: p1 (a, b once each), p3 (a, c); p2 is an idea.
    expect([a?.opportunitiesJoined, b?.opportunitiesJoined, c?.opportunitiesJoined, d?.opportunitiesJoined]).toEqual([2, 1, 1, 0]);
    // Actions: c has two due (one dropped left out), one done on time.
    expect([c?.actions.kept, c?.actions.due]).toEqual([1, 2]);
    expect(a?.actions.due).toBe(0);
  });

  it("refuses a period that ends before it starts", () => {
    expect(() => behaviouralIndicators(inputs, { from: "2024-02-01", to: "2024-01-01" })).toThrow(RangeError);
  });
});

describe("outwardActs", () => {
  it("lists offers made, risks shared, commitments kept and opportunities joined, with their days", () => {
    const acts = outwardActs(inputs);
    const key = (x: { organisationId: string; kind: string; on: string }) => `${x.organisationId} ${x.kind} ${x.on}`;
    expect(acts.map(key).sort()).toEqual(
      [
        "a offer 2023-12-01",
        "c offer 2024-01-01",
        "b risk_shared 2024-03-01",
        "b risk_shared 2024-03-31",
        "c risk_shared 2023-12-31",
        "a commitment_kept 2024-01-30",
        "b commitment_kept 2024-02-10",
        "a opportunity_joined 2024-02-02",
        "b opportunity_joined 2024-02-02",
        "c opportunity_joined 2024-03-30",
        "a opportunity_joined 2024-03-30",
      ].sort(),
    );
  });
});

describe("behaviouralIndicators properties", () => {
  const BASE = dayNumber("2024-01-01");
  const day = fc.integer({ min: -60, max: 200 }).map((d) => isoDay(BASE + d));
  const org = fc.constantFrom("a", "b", "c");
  const arbitraryInputs: fc.Arbitrary<RegisterInputs> = fc.record({
    commitments: fc.array(
      fc.record({ id: fc.uuid(), organisationId: org, toOrganisationId: fc.option(org), dueOn: day, outcome: fc.constantFrom("open", "kept", "broken", "renegotiated", "withdrawn" as const), outcomeOn: fc.option(day), renegotiatedDueOn: fc.option(day) }),
      { maxLength: 20 },
    ),
    offersAsks: fc.array(
      fc.record({ id: fc.uuid(), kind: fc.constantFrom("offer", "ask" as const), fromOrganisationId: org, takenUpByOrganisationId: fc.option(org), status: fc.constantFrom("open", "taken_up", "delivered", "not_delivered", "withdrawn" as const), createdOn: day, deliveredOn: fc.option(day) }),
      { maxLength: 20 },
    ),
    risks: fc.array(fc.record({ id: fc.uuid(), organisationId: org, sharedOn: day }), { maxLength: 10 }),
    intentions: fc.array(fc.record({ organisationId: org, statedOn: day }), { maxLength: 6 }),
    opportunities: fc.array(fc.record({ id: fc.uuid(), organisationIds: fc.array(org, { maxLength: 3 }), status: fc.constantFrom("idea", "agreed", "in_progress", "won", "dropped" as const), on: day }), { maxLength: 10 }),
    actions: fc.array(fc.record({ id: fc.uuid(), ownerOrganisationId: org, dueOn: day, status: fc.constantFrom("not_started", "in_progress", "done", "dropped" as const), completedOn: fc.option(day) }), { maxLength: 10 }),
  });

  it("given and received balance out across organisations, rates are bounded, and counts never exceed the period's records (property)", () => {
    fc.assert(
      fc.property(arbitraryInputs, (inp) => {
        const r = behaviouralIndicators(inp, period);
        const gave = r.organisations.reduce((s, o) => s + o.reciprocity.gave, 0);
        const received = r.organisations.reduce((s, o) => s + o.reciprocity.received, 0);
        expect(gave).toBe(received);
        for (const o of r.organisations) {
          for (const rate of [o.commitments, o.actions]) {
            expect(rate.kept).toBeLessThanOrEqual(rate.due);
            expect(rate.adjusted > 0 && rate.adjusted < 1).toBe(true);
          }
        }
        const risksInPeriod = inp.risks.filter((x) => x.sharedOn >= period.from && x.sharedOn <= period.to).length;
        expect(r.organisations.reduce((s, o) => s + o.openness.risksShared, 0)).toBe(risksInPeriod);
        const sorted = r.organisations.map((o) => o.organisationId);
        expect(sorted).toEqual([...sorted].sort());
      }),
    );
  });
});
