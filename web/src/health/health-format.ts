// Wording and paths for the health pages: percentages, adjusted rates with counts, hidden figures, pressure kinds, links.
import type { PressureKind, Rate } from "../api/health-types.ts";
import type { ScoreFigure } from "../api/survey-types.ts";

export const PRESSURE_KIND_LABELS: Record<PressureKind, string> = {
  winter_pressures: "Winter pressures",
  funding_cut: "Funding cut",
  restructure: "Restructure",
  leadership_change: "Change of leadership",
  policy_change: "Change of policy",
  other: "Other",
};

export const REGISTER_LABELS: Record<string, string> = {
  priorities: "Priorities",
  "ways-of-working": "Ways of working",
  actions: "Action plan",
  commitments: "Commitments",
  "offers-asks": "Offers and asks",
  opportunities: "Joint opportunities",
  intentions: "Intentions",
  risks: "Risks",
  decisions: "Decisions",
  procedures: "Procedures",
  goals: "Strategic goals",
  wins: "Wins",
};

export const INTENTION_BANDS: Record<string, string> = {
  current: "Current",
  ageing: "Ageing",
  stale: "Stale",
  none: "None shared",
};

/** Whole percent of a 0–1 share ("72%"), or a dash. */
export const pct = (x: number | null | undefined) => (x == null ? "–" : `${Math.round(x * 100)}%`);

/** "72% (80% interval 55% to 86%)" */
export function rateText(rate: Rate): string {
  if (rate.due === 0) return "Nothing due yet";
  return `${pct(rate.adjusted)} (${Math.round(rate.level * 100)}% interval ${pct(rate.lower)} to ${pct(rate.upper)})`;
}

/** "2 of 2 due" – the counts that keep a small sample from outranking a large one. */
export const countText = (rate: Rate) => `${rate.kept} of ${rate.due} due`;

export const one = (x: number | null | undefined) => (x == null ? "–" : x.toFixed(1));

/** "+0.4", "0.0", "−0.2" with a true minus sign. */
export function signed(x: number): string {
  const text = x.toFixed(1);
  if (text === "0.0" || text === "-0.0") return "0.0";
  return x > 0 ? `+${text}` : `−${text.slice(1)}`;
}

/** Why a survey figure is held back, in words (never a zero). */
export function hiddenReason(reason: string | undefined): string {
  switch (reason) {
    case "remainder":
      return "Not shown: it would let a small group be worked out";
    case "overlap":
      return "Not shown: it differs from another group by too few people";
    case "wave_difference":
      return "Not shown: it changed by too few people since an earlier wave";
    case "error":
      return "Not shown: it could not be checked safely";
    default:
      return "Not shown: too few people answered";
  }
}

/** A score figure in a few words: "3.8", "Rough figure only", or why it is not shown. */
export function scoreText(figure: ScoreFigure | null | undefined): string {
  if (!figure) return "Not asked";
  if (figure.status === "released") return one(figure.mean);
  if (figure.status === "coarse") return "Rough figure only";
  return hiddenReason(figure.reason);
}

/** Parses "YYYY-MM-DD" as a local date for charts. */
export function day(ymd: string): Date {
  const [y, m, d] = ymd.slice(0, 10).split("-").map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

const enc = encodeURIComponent;
export const healthPath = (pid: string, search = "") => `/partnerships/${enc(pid)}/health${search}`;
export const orgHealthPath = (pid: string, orgId: string, search = "") => `/partnerships/${enc(pid)}/health/organisations/${enc(orgId)}${search}`;
export const registerPath = (pid: string, key: string) => `/partnerships/${enc(pid)}/registers/${enc(key)}`;
export const entryPath = (pid: string, key: string, id: string) => `${registerPath(pid, key)}/${enc(id)}`;

/** Shared chart look: the page's font and text colour, no background. */
export const CHART_STYLE = { fontSize: "14px", fontFamily: "inherit", color: "#0b0c0c", background: "transparent" };

/** Okabe–Ito colours (colour-blind safe), used with shapes or words, never alone. */
export const OKABE_ITO = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"];
