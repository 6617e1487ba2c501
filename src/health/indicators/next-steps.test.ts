// Tests for suggested next steps: wording, registers linked, deterministic ordering, the cap, and properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REGISTER_KEYS } from "../../registers/keys.ts";
import { behaviouralIndicators, type RegisterInputs } from "./behaviour.ts";
import { institutionalisation } from "./institutions.ts";
import { PRACTICES, suggestNextSteps } from "./next-steps.ts";
import { perceptionBehaviourQuadrant } from "./quadrant.ts";

const period = { from: "2024-01-01", to: "2024-03-31" };
const empty: RegisterInputs = { commitments: [], offersAsks: [], risks: [], intentions: [], opportunities: [], actions: [] };

describe("suggestNextSteps", () => {
  it("says in plain words how many organisations shared no risks, and links to the risks register", () => {
    const behaviour = behaviouralIndicators(
      { ...empty, risks: [{ id: "r", organisationId: "a", sharedOn: "2024-02-01" }], intentions: ["a", "b", "c"].map((organisationId) => ({ organisationId, statedOn: "2024-03-01" })), opportunities: [{ id: "p", organisationIds: ["a", "b", "c"], status: "agreed", on: "2024-02-01" }] },
      period,
      ["a", "b", "c"],
    );
    const steps = suggestNextSteps({ behaviour });
    expect(steps).toEqual([{ practice: "openness", register: "risks", text: "Risks: two organisations have shared none this period.", organisationIds: ["b", "c"], severity: 2 / 3 }]);
  });

  it("orders by severity, then practice, then text, and keeps to the maximum", () => {
    const behaviour = behaviouralIndicators(empty, period, ["a", "b"]);
    const institutions = institutionalisation([{ id: "d", status: "decided", decidedOn: "2023-01-01", reviewOn: "2023-06-01" }], [], "2024-03-31");
    const quadrant = perceptionBehaviourQuadrant([{ organisationId: "a", perceived: 3.6, behaviour: 0.2 }]);
    const all = suggestNextSteps({ behaviour, institutions, quadrant, perceivedChanges: [{ dimension: "integrity", change: -0.4 }, { dimension: "competence", change: 0.1 }] }, { max: 20 });
    expect(all.map((s) => [s.severity, s.practice, s.register])).toEqual([
      [1, "joint_opportunities", "opportunities"],
      [1, "openness", "intentions"],
      [1, "openness", "risks"],
      [1, "structures", "decisions"],
      [0.9, "structures", "decisions"],
      [0.8, "commitment", "commitments"],
    ]);
    expect(all.map((s) => s.text)).toContain("Integrity scores fell: agree how decisions are recorded and reviewed.");
    expect(all.map((s) => s.text)).toContain("Decisions: one decision is past its review date.");
    expect(suggestNextSteps({ behaviour, institutions, quadrant }, { max: 2 })).toHaveLength(2);
  });

  it("suggests nothing for a healthy partnership", () => {
    expect(suggestNextSteps({})).toEqual([]);
    expect(suggestNextSteps({ institutions: institutionalisation([{ id: "d", status: "decided", decidedOn: "2024-01-01", reviewOn: "2025-01-01" }], [], "2024-03-31") })).toEqual([]);
  });

  it("flags key-person pairs and early warnings with their registers", () => {
    const steps = suggestNextSteps({
      keyPerson: [
        { a: "a", b: "b", joint: 8, sideA: { organisationId: "a", withActor: 8, personId: "p", personCount: 8, share: 1 }, sideB: { organisationId: "b", withActor: 0, personId: null, personCount: 0, share: null }, share: 1, carriedBy: { organisationId: "a", personId: "p" }, flagged: true },
      ],
      warnings: [{ kind: "trust_drop", organisationId: "c", previous: { waveId: "w1", on: "2024-01-01", score: 3.5 }, latest: { waveId: "w2", on: "2024-06-01", score: 2.8 }, drop: 0.7, pressure: [] }],
    });
    expect(steps.map((s) => [s.practice, s.register, s.organisationIds])).toEqual([
      ["structures", "ways-of-working", ["a", "b"]],
      ["communicate_directly", "priorities", ["c"]],
    ]);
    expect(steps[0]?.text).toBe("Key people: one pair of organisations relies on one person for most of their joint work; bring a second person in on each side.");
  });

  it("always gives known practices and registers, bounded severities, in a stable order, at most max (property)", () => {
    const org = fc.constantFrom("a", "b", "c", "d");
    const day = fc.integer({ min: 0, max: 120 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const inputs = fc.record({
      risks: fc.array(fc.record({ id: fc.uuid(), organisationId: org, sharedOn: day }), { maxLength: 6 }),
      intentions: fc.array(fc.record({ organisationId: org, statedOn: day }), { maxLength: 6 }),
      opportunities: fc.array(fc.record({ id: fc.uuid(), organisationIds: fc.array(org, { maxLength: 3 }), status: fc.constantFrom("idea", "agreed", "won" as const), on: day }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(inputs, fc.integer({ min: 0, max: 8 }), fc.array(fc.record({ dimension: fc.constantFrom("integrity", "competence", "goodwill"), change: fc.double({ min: -2, max: 2, noNaN: true }) }), { maxLength: 3 }), (inp, max, perceivedChanges) => {
        const behaviour = behaviouralIndicators({ ...empty, ...inp }, period, ["a", "b"]);
        const steps = suggestNextSteps({ behaviour, perceivedChanges }, { max });
        expect(steps.length).toBeLessThanOrEqual(max);
        for (const s of steps) {
          expect(PRACTICES).toContain(s.practice);
          expect(REGISTER_KEYS).toContain(s.register);
          expect(s.severity >= 0 && s.severity <= 1).toBe(true);
        }
        for (let i = 1; i < steps.length; i++) expect((steps[i - 1]?.severity ?? 0) >= (steps[i]?.severity ?? 0)).toBe(true);
        expect(suggestNextSteps({ behaviour, perceivedChanges: [...perceivedChanges].reverse() }, { max })).toEqual(steps);
      }),
    );
  });
});
