/** A hand-built report model for tests: three waves, suppressed figures, a hostile organisation name, flags of each kind. */
import type { Health } from "../health/contracts.ts";
import type { ReportModel } from "./report-model.ts";

const rate = (kept: number, due: number, adjusted: number, lower: number, upper: number) => ({ kept, due, raw: due ? kept / due : null, adjusted, lower, upper, level: 0.8, prior: { alpha: 1.4, beta: 0.6 } });
const released = (mean: number, band: "strength" | "discuss" | "concern") => ({ status: "released" as const, n: 12, mean, lower: mean - 0.3, upper: mean + 0.3, band });
const hidden = { status: "suppressed" as const, reason: "too_few" };
const options = (a: number, b: number, c: number, d: number) => [
  { value: "great_deal", label: "A great deal", count: a, percent: a / (a + b + c + d) },
  { value: "moderate", label: "A moderate amount", count: b, percent: b / (a + b + c + d) },
  { value: "little", label: "A little", count: c, percent: c / (a + b + c + d) },
  { value: "none", label: "None at all", count: d, percent: d / (a + b + c + d) },
];
const baselineFigure = (a: number, b: number, c: number, d: number) => ({ status: "released" as const, n: a + b + c + d, options: options(a, b, c, d), mean: null, lower: null, upper: null, dontKnow: 0 });

export const ORGS = [
  { id: "o1", name: "Northgate Hospitals NHS Trust", sector: "nhs_trust" },
  { id: "o2", name: "Riverside Council", sector: "local_authority" },
  { id: "o3", name: "<script>alert(1)</script> & Co", sector: "voluntary_community" },
  { id: "o4", name: "Eastfield Primary Care Network", sector: "primary_care" },
];
const scores: Health["perceived"]["scores"] = [];
for (const level of ["interpersonal", "interorganisational", "system", "all"]) {
  for (const dimension of ["competence", "benevolence", "integrity", "all"]) {
    const figure = level === "system" && dimension === "benevolence" ? hidden : level === "interpersonal" && dimension === "integrity" ? ({ status: "coarse", n: 9, band: "discuss" } as const) : released(level === "system" ? 2.8 : 3.9, level === "system" ? "concern" : "discuss");
    scores.push({ level, dimension, figure });
  }
}

export const healthFixture: Health = {
  partnership: { id: "p1", name: "Northgate Care Partnership" },
  asOf: "2026-06-30",
  period: { from: "2025-07-01", to: "2026-06-30" },
  organisations: ORGS,
  perceived: {
    latestWave: { id: "w3", name: "Spring 2026", k: 5, publishedAt: "2026-04-20T10:00:00Z" },
    baselineWave: { id: "w1", name: "Baseline 2025", k: 5, publishedAt: "2025-06-01T10:00:00Z" },
    scores,
    sinceBaseline: {
      from: { id: "w1", name: "Baseline 2025" },
      to: { id: "w3", name: "Spring 2026" },
      scores: [{ level: "all", dimension: "all", from: released(3.2, "discuss"), to: released(3.7, "discuss"), change: { status: "released", difference: 0.5, lower: 0.1, upper: 0.9 } }],
      baseline: { from: baselineFigure(1, 1, 5, 2), to: baselineFigure(3, 5, 4, 0) },
    },
    trend: [
      { waveId: "w1", name: "Baseline 2025", publishedAt: "2025-06-01", overall: released(3.2, "discuss"), baseline: baselineFigure(1, 1, 5, 2) },
      { waveId: "w2", name: "Pulse autumn", publishedAt: "2025-11-01", overall: hidden, baseline: hidden },
      { waveId: "w3", name: "Spring 2026", publishedAt: "2026-04-20", overall: released(3.7, "discuss"), baseline: baselineFigure(3, 5, 4, 0) },
    ],
    network: [
      { waveId: "w1", name: "Baseline 2025", publishedAt: "2025-06-01", organisations: ORGS.map((o, i) => ({ organisationId: o.id, organisationName: o.name, received: 2.5 + i * 0.2, competenceIntegrity: 2.6 + i * 0.2, inDegree: 2 })) },
      { waveId: "w3", name: "Spring 2026", publishedAt: "2026-04-20", organisations: ORGS.map((o, i) => ({ organisationId: o.id, organisationName: o.name, received: i === 3 ? null : 3 - i * 0.4, competenceIntegrity: i === 3 ? null : 3 - i * 0.4, inDegree: 2 })) },
    ],
  },
  behaviour: {
    organisations: ORGS.map((o, i) => ({
      organisationId: o.id,
      organisationName: o.name,
      commitments: i === 3 ? rate(0, 0, 0.7, 0.35, 0.95) : i === 2 ? rate(2, 2, 0.8, 0.55, 0.97) : rate(45 - i * 20, 50 - i * 20, 0.88 - i * 0.2, 0.82 - i * 0.25, 0.93 - i * 0.15),
      actions: rate(3, 4, 0.72, 0.5, 0.9),
      reciprocity: { gave: 4 - i, received: 2 + i, balance: 2 - 2 * i },
      openness: { risksShared: i % 2, intentionsBand: i === 1 ? "stale" : "current", intentionsCurrent: i !== 1 },
      opportunitiesJoined: 2,
    })),
    pairs: [{ a: "o1", b: "o2", aName: ORGS[0]!.name, bName: ORGS[1]!.name, aGaveToB: 5, bGaveToA: 1, balance: 4 }],
  },
  quadrant: {
    perceivedThreshold: 2.5,
    behaviourThreshold: 0.7,
    rule: "High perceived trust is 2.5 or more on the 1–4 scale; high behaviour is an adjusted kept-on-time rate of 70% or more.",
    waveId: "w3",
    rows: [
      { organisationId: "o1", organisationName: ORGS[0]!.name, perceived: 3, behaviour: 0.88, quadrant: "both_high", label: "Trusted and keeps its commitments" },
      { organisationId: "o2", organisationName: ORGS[1]!.name, perceived: 2.6, behaviour: 0.68, quadrant: "warning", label: "Rated highly but does not keep its commitments: a warning" },
      { organisationId: "o3", organisationName: ORGS[2]!.name, perceived: 2.2, behaviour: 0.8, quadrant: "perception_to_revisit", label: "Keeps its commitments but is rated low: a perception to revisit" },
      { organisationId: "o4", organisationName: ORGS[3]!.name, perceived: null, behaviour: null, quadrant: "not_enough_data", label: "Not enough data to place" },
    ],
  },
  institutions: {
    asOf: "2026-06-30",
    decisions: { inForce: 8, inDate: 5, overdue: 2, noReviewDate: 1, share: 5 / 8 },
    procedures: { inForce: 3, inDate: 1, overdue: 1, noReviewDate: 1, share: 1 / 3 },
    overall: { inForce: 11, inDate: 6, overdue: 3, noReviewDate: 2, share: 6 / 11 },
    overdue: [{ register: "decisions", entryId: "e1", title: "Shared discharge protocol <b>v2</b>", reviewOn: "2026-03-01" }],
    keyPerson: {
      threshold: 0.7,
      minJoint: 5,
      pairs: [
        { a: "o1", b: "o2", aName: ORGS[0]!.name, bName: ORGS[1]!.name, joint: 12, share: 0.83, carriedBy: { organisationId: "o1", personId: "pe1", personName: "Priya Shah", organisationName: ORGS[0]!.name }, flagged: true },
        { a: "o1", b: "o3", aName: ORGS[0]!.name, bName: ORGS[2]!.name, joint: 6, share: 0.5, carriedBy: null, flagged: false },
      ],
    },
  },
  warnings: [
    {
      kind: "activity_drop",
      organisationId: "o2",
      organisationName: ORGS[1]!.name,
      activity: { current: { from: "2026-04-02", to: "2026-06-30", count: 1, byKind: { offer: 1 } }, previous: [{ from: "2026-01-02", to: "2026-04-01", count: 6 }, { from: "2025-10-04", to: "2026-01-01", count: 5 }], baseline: 5.5, ratio: 0.18 },
      pressure: [{ id: "pe1", label: "Budget cut → 12% ≥ last year", from: "2026-04-01", to: "2026-05-31" }],
      evidence: "1 outward act from 2026-04-02 to 2026-06-30, against a usual 5.5 per period.",
    },
    {
      kind: "trust_drop",
      organisationId: "o3",
      organisationName: ORGS[2]!.name,
      previous: { waveId: "w1", on: "2025-06-01", score: 2.9 },
      latest: { waveId: "w3", on: "2026-04-20", score: 2.2 },
      drop: 0.7,
      pressure: [],
      evidence: "Trust received fell from 2.90 to 2.20 (by 0.70) between the waves of 2025-06-01 and 2026-04-20.",
    },
  ],
  activity: ORGS.map((o, i) => ({ organisationId: o.id, organisationName: o.name, current: { from: "2026-04-02", to: "2026-06-30", count: i === 1 ? 1 : 4 }, previous: [{ from: "2026-01-02", to: "2026-04-01", count: 6 }, { from: "2025-10-04", to: "2026-01-01", count: 5 }], baseline: 5.5, ratio: i === 1 ? 0.18 : 0.73 })),
  pressureEvents: [{ id: "pe1", label: "Budget cut → 12% ≥ last year", kind: "funding_cut", startsOn: "2026-04-01", endsOn: "2026-05-31", note: null, createdAt: "2026-04-01T09:00:00Z" }],
  nextSteps: [
    { practice: "openness", text: "Risks: two organisations have shared none this period.", register: "risks", organisationIds: ["o2", "o4"], severity: 0.5 },
    { practice: "commitment", text: "Commitments: Riverside Council keeps fewer than 60% on time.", register: "commitments", organisationIds: ["o2"], severity: 0.4 },
    { practice: "structures", text: "Decisions: three reviews are overdue.", register: "decisions", organisationIds: [], severity: 0.3 },
    { practice: "reciprocity", text: "Give and take: one pair is out of balance.", register: "offers", organisationIds: ["o1", "o2"], severity: 0.2 },
  ],
  explanations: { perceived: "Scores come from the published waves.", network: "Average rating received.", behaviour: "From the registers.", quadrant: "Two thresholds.", institutions: "In-date share.", keyPerson: "One person's share.", warnings: "Own baseline.", nextSteps: "Weakest areas first." },
};

export const reportFixture: ReportModel = {
  partnership: healthFixture.partnership,
  period: healthFixture.period,
  generatedOn: healthFixture.asOf,
  health: healthFixture,
  network: {
    wave: { id: "w3", name: "Spring 2026" },
    organisations: ORGS,
    ties: [
      { from: "o1", to: "o2", status: "released", mean: 3.4 },
      { from: "o2", to: "o1", status: "released", mean: 2.1 },
      { from: "o1", to: "o3", status: "suppressed", mean: null },
      { from: "o3", to: "o1", status: "released", mean: 3.9 },
      { from: "o2", to: "o3", status: "no_tie", mean: null },
      { from: "o4", to: "o2", status: "released", mean: 1.5 },
    ],
  },
};
