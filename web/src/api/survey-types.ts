// Types for the survey parts of the accord API: waves, personal links, responding and published results.

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
  closesOn: string;
  k: number;
  status: LinkStatus;
  instrument: Instrument;
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
  percent: number;
}

export type QuestionFigure =
  | { status: "released"; n: number; options: OptionFigure[]; mean: number | null; lower: number | null; upper: number | null; dontKnow: number }
  | { status: "coarse"; n: number; note: string; band: Band | null }
  | Suppressed;

export type ScoreFigure =
  | { status: "released"; n: number; mean: number; lower: number; upper: number; band: Band }
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

export type ChangeFigure = { status: "released"; difference: number; lower: number; upper: number } | Suppressed;

export interface Comparison {
  from: { id: string; name: string };
  to: { id: string; name: string };
  scores: { level: ScoreLevel; dimension: ScoreDimension; from: ScoreFigure; to: ScoreFigure; change: ChangeFigure }[];
  baseline: { from: QuestionFigure | null; to: QuestionFigure | null };
}
