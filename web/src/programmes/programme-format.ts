// Wording for programme figures: hidden reasons (never a zero), change with its interval, response and kept-on-time rates, percentiles.
import type { BehaviourSummary, Percentile, ProgrammeChange, ResponseRate, SortKey } from "../api/programme-types.ts";
import type { QuestionFigure, ScoreFigure } from "../api/survey-types.ts";
import { hiddenReason, one, pct, signed } from "../health/health-format.ts";

/** Why a programme figure is held back, in words; survey reasons fall through to the results wording. */
export function notShown(reason: string | undefined): string {
  switch (reason) {
    case "fewer_than_3_partnerships":
      return "Not shown: fewer than 3 partnerships have a figure to compare";
    case "nothing_published":
      return "Not shown: no survey results have been published yet";
    case "own_headline_not_released":
      return "Not shown: this partnership's own overall trust is not shown";
    case "not_kept":
      return "Not shown: this comparison was not kept when the partnership was moved";
    case "too_few":
      return "Not shown: too few people answered";
    default:
      return hiddenReason(reason);
  }
}

export function headlineText(figure: ScoreFigure | null): string {
  if (!figure) return "No published survey";
  if (figure.status === "released") return one(figure.mean);
  if (figure.status === "coarse") return "Rough figure only";
  return notShown(figure.reason);
}

/** "+0.4 (−0.1 to +0.9)" */
export function changeText(change: ProgrammeChange | null): string {
  if (!change) return "Needs two published surveys";
  if (change.status === "suppressed") return notShown(change.reason);
  const range = change.lower != null && change.upper != null ? ` (${signed(change.lower)} to ${signed(change.upper)})` : "";
  return `${signed(change.difference)}${range}`;
}

export function responseText(rate: ResponseRate | null): string {
  if (!rate) return "No published survey";
  if (rate.status === "suppressed") return notShown(rate.reason);
  if (rate.rate === null) return `${rate.respondents} answered`;
  return `${pct(rate.rate)} (${rate.respondents} of ${rate.invited})`;
}

export function keptText(behaviour: BehaviourSummary | null): string {
  if (!behaviour || behaviour.commitments.due === 0) return "Nothing due yet";
  const c = behaviour.commitments;
  return `${pct(c.rate)} (${c.kept} of ${c.due} due)`;
}

/** The baseline question's answers in one line: "Largely 40%, Partly 35%, …", or why they are not shown. */
export function baselineText(figure: QuestionFigure | null | undefined): string {
  if (!figure) return "Not asked";
  if (figure.status === "suppressed") return notShown(figure.reason);
  if (figure.status === "coarse") return "Rough figure only";
  return figure.options.map((o) => `${o.label} ${o.percent === null ? "–" : `${o.percent}%`}`).join(", ");
}

/** "Overall trust 3.8: higher than 62% of the 14 partnerships sharing with North East" (mid-rank percentile). */
export function percentileText(percentile: Percentile, programmeName: string): string {
  if (percentile.status === "suppressed") return `${notShown(percentile.reason)}.`;
  const programme = /programme$/i.test(programmeName.trim()) ? programmeName.trim() : `${programmeName.trim()} programme`;
  return `Overall trust ${one(percentile.mean)}: higher than ${Math.round(percentile.value)}% of the ${percentile.partnerships} partnerships in the ${programme}.`;
}

export interface Column {
  key: SortKey | null;
  label: string;
}

/** The roll-up table's columns; a null key cannot be sorted. */
export const COLUMNS: Column[] = [
  { key: "name", label: "Partnership" },
  { key: "headline", label: "Overall trust" },
  { key: "change", label: "Change since baseline" },
  { key: null, label: "Baseline question" },
  { key: "responseRate", label: "Response rate" },
  { key: "respondents", label: "Answered" },
  { key: "keptOnTime", label: "Kept on time" },
  { key: "sharedSince", label: "Sharing since" },
];

export const SORT_LABELS: Record<SortKey, string> = {
  name: "partnership name",
  headline: "overall trust",
  change: "change since baseline",
  respondents: "people who answered",
  responseRate: "response rate",
  keptOnTime: "commitments kept on time",
  sharedSince: "sharing since",
};

export const programmePath = (id: string) => `/programmes/${encodeURIComponent(id)}`;
