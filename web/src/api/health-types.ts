// Types for partnership health (/partnerships/{pid}/health…, pressure events), written by hand to mirror src/health/contracts.ts.
import type { Comparison, QuestionFigure, ScoreDimension, ScoreFigure, ScoreLevel } from "./survey-types.ts";

export const PRESSURE_KINDS = ["winter_pressures", "funding_cut", "restructure", "leadership_change", "policy_change", "other"] as const;
export type PressureKind = (typeof PRESSURE_KINDS)[number];

export interface PressureEvent {
  id: string;
  label: string;
  kind: PressureKind;
  startsOn: string;
  endsOn: string;
  note: string | null;
  createdAt: string;
}

export interface PressureEventInput {
  label: string;
  kind: PressureKind;
  startsOn: string;
  endsOn: string;
  note: string | null;
}

/** A small-sample adjusted kept-on-time rate: Beta posterior mean with a credible interval, and the counts. */
export interface Rate {
  kept: number;
  due: number;
  raw: number | null;
  adjusted: number;
  lower: number;
  upper: number;
  level: number;
  prior: { alpha: number; beta: number };
}

/** A pressure event as a warning cites it. */
export interface PressureRef {
  id: string;
  label: string;
  from: string;
  to: string;
}

export interface ActivityWindow {
  from: string;
  to: string;
  count: number;
}

export interface Activity {
  organisationId: string;
  organisationName: string;
  current: ActivityWindow;
  previous: ActivityWindow[];
  baseline: number;
  ratio: number | null;
}

export type Warning =
  | {
      kind: "activity_drop";
      organisationId: string;
      organisationName: string;
      activity: { current: ActivityWindow & { byKind: Record<string, number> }; previous: ActivityWindow[]; baseline: number; ratio: number | null };
      pressure: PressureRef[];
      evidence: string;
    }
  | {
      kind: "trust_drop";
      organisationId: string;
      organisationName: string;
      previous: { waveId: string; on: string; score: number };
      latest: { waveId: string; on: string; score: number };
      drop: number;
      pressure: PressureRef[];
      evidence: string;
    };

export interface WaveRef {
  id: string;
  name: string;
  k: number;
  publishedAt: string | null;
}

export interface NetworkWave {
  waveId: string;
  name: string;
  publishedAt: string | null;
  organisations: { organisationId: string; organisationName: string; received: number | null; competenceIntegrity: number | null; inDegree: number }[];
}

export interface TrendPoint {
  waveId: string;
  name: string;
  publishedAt: string | null;
  overall: ScoreFigure | null;
  baseline: QuestionFigure | null;
}

export interface OrganisationBehaviour {
  organisationId: string;
  organisationName: string;
  commitments: Rate;
  actions: Rate;
  reciprocity: { gave: number; received: number; balance: number };
  openness: { risksShared: number; intentionsBand: "current" | "ageing" | "stale" | "none"; intentionsCurrent: boolean };
  opportunitiesJoined: number;
}

export interface ReciprocityPair {
  a: string;
  b: string;
  aName: string;
  bName: string;
  aGaveToB: number;
  bGaveToA: number;
  balance: number;
}

export type QuadrantKind = "both_high" | "perception_to_revisit" | "warning" | "both_low" | "not_enough_data";

export interface QuadrantRow {
  organisationId: string;
  organisationName: string;
  perceived: number | null;
  behaviour: number | null;
  quadrant: QuadrantKind;
  label: string;
}

export interface InDate {
  inForce: number;
  inDate: number;
  overdue: number;
  noReviewDate: number;
  share: number | null;
}

export interface KeyPersonPair {
  a: string;
  b: string;
  aName: string;
  bName: string;
  joint: number;
  share: number | null;
  carriedBy: { organisationId: string; organisationName: string; personId: string; personName: string } | null;
  flagged: boolean;
}

export interface NextStep {
  practice: string;
  text: string;
  register: string;
  organisationIds: string[];
  severity: number;
}

export interface Health {
  partnership: { id: string; name: string };
  asOf: string;
  period: { from: string; to: string };
  organisations: { id: string; name: string; sector: string }[];
  perceived: {
    latestWave: WaveRef | null;
    baselineWave: WaveRef | null;
    scores: { level: ScoreLevel; dimension: ScoreDimension; figure: ScoreFigure }[];
    /** The server sends the comparison's single-group shape here. */
    sinceBaseline: Comparison | null;
    trend: TrendPoint[];
    network: NetworkWave[];
  };
  behaviour: { organisations: OrganisationBehaviour[]; pairs: ReciprocityPair[] };
  quadrant: { perceivedThreshold: number; behaviourThreshold: number; rule: string; waveId: string | null; rows: QuadrantRow[] };
  institutions: {
    asOf: string;
    decisions: InDate;
    procedures: InDate;
    overall: InDate;
    overdue: { register: "decisions" | "procedures"; entryId: string; title: string; reviewOn: string | null }[];
    keyPerson: { threshold: number; minJoint: number; pairs: KeyPersonPair[] };
  };
  warnings: Warning[];
  activity: Activity[];
  pressureEvents: PressureEvent[];
  nextSteps: NextStep[];
  explanations: Record<string, string>;
}

export interface OrganisationHealth {
  organisation: { id: string; name: string; sector: string };
  health: Health;
}

export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}
