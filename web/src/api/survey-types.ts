// Types for the survey parts of the accord API: waves, personal links, responding and published results.
import type { NetworkBlock, NetworkMode } from "./network-types.ts";

export type WaveStatus = "draft" | "open" | "closed" | "published";
export type InstrumentKey = "baseline" | "accord-trust" | "pulse";

export interface Wave {
  id: string;
  name: string;
  instrumentKey: string;
  instrumentVersion: number;
  instrumentTitle: string;
  opensOn: string;
  closesOn: string;
  k: number;
  /** Whether organisations rate each other in this wave, and how. */
  networkMode: NetworkMode;
  status: WaveStatus;
  openedAt: string | null;
  closedAt: string | null;
  publishedAt: string | null;
  invitedCount: number;
  /** Convenors only, while open or after: "fewer than 5", "5–9", … */
  responseBand: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateWaveInput {
  name: string;
  instrumentKey: InstrumentKey;
  opensOn: string;
  closesOn: string;
  k?: number;
  networkMode?: NetworkMode;
}

export interface IssuedLink {
  personId: string;
  name: string;
  email: string;
  url: string;
  emailed: boolean;
}

export interface IssuedLinks {
  links: IssuedLink[];
  skipped: { personId: string; reason: string }[];
}

// The instrument as a respondent sees it

export interface ChoiceOption {
  value: string;
  label: string;
  other?: boolean;
}

export type ItemResponse = { kind: "choice"; options: ChoiceOption[] } | { kind: "agreement5" };

export interface SurveyItem {
  key: string;
  text: string;
  hint?: string;
  required: boolean;
  response: ItemResponse;
}

export interface SurveySection {
  key: string;
  title: string;
  intro?: string;
  items: SurveyItem[];
}

export interface Instrument {
  key: string;
  version: number;
  title: string;
  description: string;
  minutes: number;
  sections: SurveySection[];
}

export type LinkStatus = "open" | "not_open" | "closed" | "answered";

export interface RespondInfo {
  partnershipName: string;
  waveName: string;
  opensOn: string;
  closesOn: string;
  k: number;
  status: LinkStatus;
  instrument: Instrument;
  /** The organisation ratings this respondent is asked for, or null. */
  network: NetworkBlock | null;
}

export interface Answer {
  value: string | number;
  text?: string;
}

export type Answers = Record<string, Answer>;

export interface Submitted {
  status: "stored" | "already_stored";
  answers?: Answers;
}

// Published results

export type Band = "strength" | "discuss" | "concern";
export type Suppressed = { status: "suppressed"; reason: string };

/** How many answered: released with n, or suppressed with a reason. */
export interface RespondentsFigure {
  status: string;
  n?: number;
  reason?: string;
}

export interface OptionFigure {
  value: string;
  label: string;
  count: number;
  /** Whole percent of those who answered; null only when nobody did. */
  percent: number | null;
}

export type QuestionFigure =
  | { status: "released"; n: number; options: OptionFigure[]; mean: number | null; lower: number | null; upper: number | null; dontKnow: number }
  | { status: "coarse"; n: number; note: string; band: Band | null }
  | Suppressed;

export type ScoreFigure =
  | { status: "released"; n: number; mean: number; lower: number | null; upper: number | null; band: Band | null }
  | { status: "coarse"; n: number; band: Band | null }
  | Suppressed;

export type ScoreLevel = "interpersonal" | "interorganisational" | "system" | "all";
export type ScoreDimension = "competence" | "benevolence" | "integrity" | "all";

export interface ResultGroup {
  key: string;
  label: string;
  status: "released" | "suppressed";
  reason?: string;
  n?: number;
}

export interface QuestionResult {
  itemKey: string;
  text: string;
  sectionTitle: string;
  kind: "choice" | "agreement5";
  figures: Record<string, QuestionFigure>;
}

export interface ScoreResult {
  level: ScoreLevel;
  dimension: ScoreDimension;
  figures: Record<string, ScoreFigure>;
}

export interface FreeTextResult {
  itemKey: string;
  text: string;
  figure: { status: "released"; texts: string[] } | Suppressed;
}

export type Breakdown = "none" | "organisation" | "sector";

export interface Results {
  wave: { id: string; name: string; k: number; publishedAt: string | null };
  respondents: RespondentsFigure;
  groups: ResultGroup[];
  questions: QuestionResult[];
  scores: ScoreResult[];
  freeText: FreeTextResult[];
}

export type ChangeFigure = { status: "released"; difference: number; lower: number | null; upper: number | null } | Suppressed;

export interface ScoreChange {
  from: ScoreFigure | null;
  to: ScoreFigure | null;
  change: ChangeFigure;
}

/** A comparison as the page uses it: one group's score changes and the baseline question in both waves. */
export interface Comparison {
  from: { id: string; name: string };
  to: { id: string; name: string };
  scores: ({ level: ScoreLevel; dimension: ScoreDimension } & ScoreChange)[];
  baseline: { from: QuestionFigure | null; to: QuestionFigure | null };
}

/**
 * The comparison as the API sends it. Scores carry either one change (from/to/change) or a change per
 * group (figures[groupKey]); the baseline is a question figure or a whole question result.
 */
export interface ComparisonResponse {
  from: { id: string; name: string };
  to: { id: string; name: string };
  groups?: ResultGroup[];
  scores: ({ level: ScoreLevel; dimension: ScoreDimension } & (ScoreChange | { figures: Record<string, ScoreChange> }))[];
  baseline: { from: QuestionFigure | QuestionResult | null; to: QuestionFigure | QuestionResult | null };
}
