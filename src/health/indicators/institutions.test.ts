// Tests for institutionalisation (in-date decisions and procedures) and key-person dependency, with properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DecisionRecord, institutionalisation, type JointEvent, keyPersonDependency, type ProcedureRecord } from "./institutions.ts";

describe("institutionalisation", () => {
  const decisions: DecisionRecord[] = [
    { id: "d1", status: "decided", decidedOn: "2024-01-01", reviewOn: "2024-06-30" }, // in date (review today)
    { id: "d2", status: "decided", decidedOn: "2023-01-01", reviewOn: "2024-01-01" }, // overdue
    { id: "d3", status: "decided", decidedOn: "2023-05-01", reviewOn: null }, // no review date
    { id: "d4", status: "proposed", decidedOn: null, reviewOn: "2020-01-01" }, // not in force
    { id: "d5", status: "superseded", decidedOn: "2022-01-01", reviewOn: "2022-06-01" }, // not in force
    { id: "d6", status: "decided", decidedOn: "2024-12-01", reviewOn: "2025-12-01" }, // decided after today: not yet
  ];
  const procedures: ProcedureRecord[] = [
    { id: "p2", status: "adopted", adoptedByDecisionId: "d1", reviewOn: "2024-03-01" }, // overdue
    { id: "p1", status: "adopted", adoptedByDecisionId: "d1", reviewOn: "2025-01-01" }, // in date
    { id: "p3", status: "draft", adoptedByDecisionId: null, reviewOn: "2020-01-01" },
    { id: "p4", status: "retired", adoptedByDecisionId: "d2", reviewOn: "2020-01-01" },
  ];

  it("counts in-force records in date, overdue and without a review date, and the shares", () => {
    const r = institutionalisation(decisions, procedures, "2024-06-30");
    expect(r.decisions).toEqual({ inForce: 3, inDate: 1, overdue: 1, noReviewDate: 1, share: 1 / 3, overdueIds: ["d2"] });
    expect(r.procedures).toEqual({ inForce: 2, inDate: 1, overdue: 1, noReviewDate: 0, share: 0.5, overdueIds: ["p2"] });
    expect(r.overall).toEqual({ inForce: 5, inDate: 2, overdue: 2, noReviewDate: 1, share: 0.4 });
  });

  it("has null shares when nothing is in force", () => {
    const r = institutionalisation([], [], "2024-06-30");
    expect(r.overall.share).toBeNull();
    expect(r.decisions.share).toBeNull();
  });

  const day = fc.integer({ min: 0, max: 700 }).map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
  const decision = fc.record({ id: fc.uuid(), status: fc.constantFrom("proposed", "decided", "superseded", "withdrawn" as const), decidedOn: fc.option(day), reviewOn: fc.option(day) });
  const procedure = fc.record({ id: fc.uuid(), status: fc.constantFrom("draft", "adopted", "retired" as const), adoptedByDecisionId: fc.option(fc.uuid()), reviewOn: fc.option(day) });

  it("buckets add up, shares lie in [0, 1], and a later day never has more in date (property)", () => {
    fc.assert(
      fc.property(fc.array(decision), fc.array(procedure), day, fc.integer({ min: 0, max: 300 }), (ds, ps, today, later) => {
        const r = institutionalisation(ds, ps, today);
        for (const c of [r.decisions, r.procedures, r.overall]) {
          expect(c.inDate + c.overdue + c.noReviewDate).toBe(c.inForce);
          if (c.share !== null) expect(c.share >= 0 && c.share <= 1).toBe(true);
        }
        // Procedures do not depend on decision dates, so their in-date count can only fall as time passes.
        const laterDay = new Date(Date.parse(today) + later * 86_400_000).toISOString().slice(0, 10);
        expect(institutionalisation(ds, ps, laterDay).procedures.inDate).toBeLessThanOrEqual(r.procedures.inDate);
      }),
    );
  });
});

describe("keyPersonDependency", () => {
  const ev = (id: string, orgs: string[], actors: [string, string][]): JointEvent => ({
    id,
    organisationIds: orgs,
    actors: actors.map(([organisationId, personId]) => ({ organisationId, personId })),
  });

  it("flags a pair whose joint activity is carried by one person on one side, with the evidence", () => {
    const events = [
      ev("1", ["b", "a"], [["a", "ann"], ["b", "bob"]]),
      ev("2", ["a", "b"], [["a", "ann"], ["b", "bea"]]),
      ev("3", ["a", "b"], [["a", "ann"], ["b", "bob"]]),
      ev("4", ["a", "b"], [["a", "ann"], ["b", "bea"]]),
      ev("5", ["a", "b"], [["a", "amy"], ["b", "bob"]]),
      ev("6", ["a", "b", "c"], [["a", "ann"], ["c", "cat"]]),
    ];
    const pairs = keyPersonDependency(events);
    expect(pairs.map((p) => `${p.a}-${p.b}`)).toEqual(["a-b", "a-c", "b-c"]);
    const ab = pairs[0];
    expect(ab?.joint).toBe(6);
    expect(ab?.sideA).toEqual({ organisationId: "a", withActor: 6, personId: "ann", personCount: 5, share: 5 / 6 });
    expect(ab?.sideB).toEqual({ organisationId: "b", withActor: 5, personId: "bob", personCount: 3, share: 3 / 5 });
    expect(ab?.share).toBeCloseTo(5 / 6, 12);
    expect(ab?.carriedBy).toEqual({ organisationId: "a", personId: "ann" });
    expect(ab?.flagged).toBe(true);
    // a–c has one joint event: 100% but below the minimum number of events.
    expect(pairs[1]?.share).toBe(1);
    expect(pairs[1]?.flagged).toBe(false);
    // b–c: nobody known for b; c's cat carries it.
    expect(pairs[2]?.sideB.personId).toBe("cat");
    expect(pairs[2]?.sideA.share).toBeNull();
  });

  it("does not flag at exactly the threshold, and respects the options", () => {
    const events = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => ev(String(i), ["a", "b"], [["a", i <= 7 ? "ann" : `p${i}`], ["b", `q${i}`]]));
    expect(keyPersonDependency(events)[0]?.flagged).toBe(false);
    expect(keyPersonDependency(events, { threshold: 0.6 })[0]?.flagged).toBe(true);
    expect(keyPersonDependency(events, { threshold: 0.6, minJoint: 11 })[0]?.flagged).toBe(false);
  });

  it("does not flag a side seen acting in fewer than the minimum of events, however many joint events the pair has", () => {
    // Eight joint events; b is known in only two of them, both by bob (100%), a is spread across people.
    const events = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => ev(String(i), ["a", "b"], i <= 2 ? [["a", `p${i}`], ["b", "bob"]] : [["a", `p${i}`]]));
    const [ab] = keyPersonDependency(events);
    expect(ab?.share).toBe(1);
    expect(ab?.carriedBy).toEqual({ organisationId: "b", personId: "bob" });
    expect(ab?.flagged).toBe(false);
  });

  it("breaks ties between people by the smaller id", () => {
    const events = [ev("1", ["a", "b"], [["a", "zed"]]), ev("2", ["a", "b"], [["a", "amy"]])];
    expect(keyPersonDependency(events)[0]?.sideA.personId).toBe("amy");
  });

  const org = fc.constantFrom("a", "b", "c", "d");
  const person = fc.constantFrom("p1", "p2", "p3");
  const event = fc.record({
    id: fc.uuid(),
    organisationIds: fc.array(org, { minLength: 1, maxLength: 4 }),
    actors: fc.array(fc.record({ organisationId: org, personId: person }), { maxLength: 4 }),
  });

  it("shares lie in [0, 1], counts are consistent, and the order of events does not matter (property)", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        const pairs = keyPersonDependency(events);
        for (const p of pairs) {
          expect(p.a < p.b).toBe(true);
          for (const s of [p.sideA, p.sideB]) {
            expect(s.withActor).toBeLessThanOrEqual(p.joint);
            expect(s.personCount).toBeLessThanOrEqual(s.withActor);
            if (s.share !== null) expect(s.share > 0 && s.share <= 1).toBe(true);
          }
          if (p.flagged) expect(p.share !== null && p.share > 0.7 && p.joint >= 5).toBe(true);
          const carrying = p.carriedBy && (p.carriedBy.organisationId === p.a ? p.sideA : p.sideB);
          if (p.flagged) expect(carrying && carrying.withActor >= 5).toBe(true);
        }
        expect(keyPersonDependency([...events].reverse())).toEqual(pairs);
      }),
    );
  });
});
