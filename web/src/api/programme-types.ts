// Types for programmes (/programmes…, /partnerships/{pid}/programmes), written by hand to mirror src/programmes/contracts.ts.
import type { QuestionFigure, ScoreFigure, Suppressed } from "./survey-types.ts";

export interface Programme {
  id: string;
  name: string;
  description: string;
  createdAt: string;
}

export interface CreatedProgramme {
  programme: Programme;
  joinCode: string;
}

export interface ProgrammeLead {
  userId: string;
  name: string;
  email: string;
  addedAt: string;
}

export interface SharingPartnership {
  id: string;
  name: string;
  sharedSince: string;
}

/** An invitation to lead, not yet accepted. */
export interface LeadInvitation {
  id: string;
  /** As the inviting lead typed it. */
  email: string;
  expiresAt: string;
  emailed: boolean;
}

/** A new invitation to lead: its link to pass on when accord sends no email, null when it was emailed. */
export interface CreatedLeadInvitation extends LeadInvitation {
  url: string | null;
}

export interface ProgrammeDetail {
  programme: Programme;
  leads: ProgrammeLead[];
  invitations: LeadInvitation[];
  partnerships: SharingPartnership[];
}

export type ProgrammeListItem = Programme & { partnershipCount: number };

export const SORT_KEYS = ["name", "headline", "change", "respondents", "responseRate", "keptOnTime", "sharedSince"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = "asc" | "desc";

export interface ProgrammeWaveRef {
  id: string;
  name: string;
  k: number;
  publishedAt: string;
}

export type ProgrammeChange =
  | { status: "released"; difference: number; lower: number | null; upper: number | null; since: { id: string; name: string } }
  | Suppressed;

export type ResponseRate = { status: "released"; invited: number; respondents: number; rate: number | null } | Suppressed;

export interface BehaviourSummary {
  period: { from: string; to: string };
  commitments: { due: number; kept: number; rate: number | null };
  offersAsksDelivered: number;
  risksShared: number;
  opportunitiesJoined: number;
  institutionalised: { inForce: number; inDate: number; share: number | null };
}

export interface RollupRow {
  partnershipId: string;
  name: string;
  sharedSince: string;
  wavesPublished: number;
  latestWave: ProgrammeWaveRef | null;
  headline: ScoreFigure | null;
  change: ProgrammeChange | null;
  baseline: { wave: ProgrammeWaveRef; figure: QuestionFigure } | null;
  responseRate: ResponseRate | null;
  behaviour: BehaviourSummary | null;
}

export type HeadlineDistribution =
  | {
      status: "released";
      partnerships: number;
      quantiles: { min: number; q1: number; median: number; q3: number; max: number };
      histogram: { from: number; to: number; count: number }[];
    }
  | Suppressed;

export type PooledBaseline =
  | { status: "released"; partnerships: number; n: number; options: { value: string; label: string; count: number; percent: number | null }[] }
  | Suppressed;

export interface Rollup {
  programme: Programme;
  sort: SortKey;
  order: SortOrder;
  rows: RollupRow[];
  distribution: HeadlineDistribution;
  pooledBaseline: PooledBaseline;
  note: string;
}

export type Percentile = { status: "released"; value: number; partnerships: number; mean: number } | Suppressed;

export interface PartnershipProgramme {
  programme: Programme;
  sharedSince: string;
  percentile: Percentile;
}

export interface Shared {
  programme: Programme;
  sharedSince: string;
  /** What the programme's leads see, in plain words. */
  shares: string[];
}
