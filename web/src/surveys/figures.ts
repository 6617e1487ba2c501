// Wording for published survey figures: bands, means with 95% intervals, suppressed and coarse figures.
import type { Band, OptionFigure, ScoreDimension, ScoreLevel } from "../api/survey-types.ts";

export const BAND_LABELS: Record<Band, string> = {
  strength: "Strength",
  discuss: "Worth discussing",
  concern: "Concern",
};

export const BAND_RULES: { band: Band; rule: string }[] = [
  { band: "strength", rule: "4.0 and above" },
  { band: "discuss", rule: "3.0 to 3.9" },
  { band: "concern", rule: "below 3.0" },
];

export const LEVEL_LABELS: Record<ScoreLevel, string> = {
  interpersonal: "Interpersonal",
  interorganisational: "Interorganisational",
  system: "System",
  all: "All levels",
};

export const DIMENSION_LABELS: Record<ScoreDimension, string> = {
  competence: "Competence",
  benevolence: "Benevolence",
  integrity: "Integrity",
  all: "Overall",
};

export const LEVELS: ScoreLevel[] = ["interpersonal", "interorganisational", "system", "all"];
export const DIMENSIONS: ScoreDimension[] = ["competence", "benevolence", "integrity", "all"];

export function scoreName(level: ScoreLevel, dimension: ScoreDimension): string {
  if (level === "all" && dimension === "all") return "Overall trust";
  if (level === "all") return `${DIMENSION_LABELS[dimension]}, all levels`;
  if (dimension === "all") return `${LEVEL_LABELS[level]}, overall`;
  return `${LEVEL_LABELS[level]} ${DIMENSION_LABELS[dimension].toLowerCase()}`;
}

/** One decimal place, as the bands are drawn: 3.95 shows as "4.0". */
export const one = (x: number) => x.toFixed(1);

/** "+0.4", "0.0", "−0.2" (a true minus sign). */
export function signed(x: number): string {
  const text = x.toFixed(1);
  if (text === "0.0" || text === "-0.0") return "0.0";
  return x > 0 ? `+${text}` : `−${text.slice(1)}`;
}

export function interval(lower: number | null | undefined, upper: number | null | undefined, format: (x: number) => string = one): string | null {
  return lower == null || upper == null ? null : `${format(lower)} to ${format(upper)}`;
}

/** Why a figure is held back, for each reason code the anonymity rules give. */
function because(reason: string, k: number): string {
  switch (reason) {
    case "too_few":
    case "":
      return `fewer than ${k} people`;
    case "remainder":
      return `it would let a group of fewer than ${k} people be worked out`;
    case "overlap":
      return `it differs from another group shown by fewer than ${k} people`;
    case "wave_difference":
      return `it changed by fewer than ${k} people since an earlier wave`;
    case "error":
      return "it could not be checked safely";
    default:
      return reason.replace(/\.$/, "");
  }
}

/** What a suppressed figure says instead of a number (never 0). */
export function notShown(reason: string | undefined, k: number): string {
  const why = because(reason?.trim() ?? "", k);
  return `Not shown: ${why.charAt(0).toLowerCase()}${why.slice(1)}`;
}

/** Whole percentages as people read them ("56%"). */
export const percent = (p: number | null) => (p === null ? "–" : `${Math.round(p)}%`);

/** "56% a little, 22% other (please say), 11% a great deal, …", largest first, as in the article. */
export function distributionSentence(options: OptionFigure[]): string {
  return [...options]
    .filter((o) => o.percent !== null)
    .sort((a, b) => (b.percent ?? 0) - (a.percent ?? 0))
    .map((o) => {
      const label = o.label.replace(/\s*\(please say\)\s*$/i, "");
      return `${percent(o.percent)} ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
    })
    .join(", ");
}

/** The band of a 1–5 mean as shown to one decimal place (so a mean shown as 4.0 is never "worth discussing"). */
export function bandOf(mean: number): Band {
  const shown = Number(mean.toFixed(1));
  return shown >= 4 ? "strength" : shown >= 3 ? "discuss" : "concern";
}
