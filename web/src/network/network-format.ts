// Wording for the trust network: modes, dimensions, tie figures and the links between its pages.
import type { DimensionChoice, NetworkMode, Tie, TieDimension } from "../api/network-types.ts";
import { wavePath } from "../surveys/wave-format.ts";

export const MODE_LABELS: Record<NetworkMode, string> = {
  none: "No ratings between organisations",
  organisational: "One person answers for each organisation",
  personal: "Everyone rates from their own experience",
};

export const MODE_HINTS: Record<NetworkMode, string> = {
  none: "Only the survey questions.",
  organisational:
    "You choose one person in each organisation to rate the others on its behalf. Their ratings are shown with the organisation’s name on them.",
  personal:
    "Everyone linked to an organisation rates the others. A rating between two organisations is shown only when at least k people from the rating organisation gave one.",
};

export const DIMENSION_CHOICES: { value: DimensionChoice; label: string }[] = [
  { value: "overall", label: "Overall (the mean of all three)" },
  { value: "competence", label: "Reliability and competence" },
  { value: "benevolence", label: "Support for shared aims" },
  { value: "integrity", label: "Openness and integrity" },
];

export const DIMENSION_SHORT: Record<TieDimension, string> = {
  competence: "Reliability",
  benevolence: "Shared aims",
  integrity: "Openness",
};

export const asDimension = (value: string | null): DimensionChoice =>
  value === "competence" || value === "benevolence" || value === "integrity" ? value : "overall";

export const dimensionName = (d: DimensionChoice) => DIMENSION_CHOICES.find((c) => c.value === d)?.label ?? d;

/** The weight a tie carries for the chosen dimension, or null when it is not shown or not rated. */
export function tieWeight(t: Tie, dimension: DimensionChoice): number | null {
  if (t.status !== "released") return null;
  return dimension === "overall" ? t.mean : t.dimensions[dimension];
}

/** One decimal place: "3.5". */
export const one = (x: number | null | undefined) => (x === null || x === undefined ? "—" : x.toFixed(1));
/** A share as a whole percent: "47%". */
export const pct = (x: number | null | undefined) => (x === null || x === undefined ? "—" : `${Math.round(x * 100)}%`);
/** "+0.5", "−1.0", "0.0" with a true minus sign. */
export function change(x: number | null | undefined): string {
  if (x === null || x === undefined) return "—";
  const text = Math.abs(x).toFixed(1);
  if (text === "0.0") return "0.0";
  return x > 0 ? `+${text}` : `−${text}`;
}

/** Why a tie is not shown, in words (convenors get the reason; others only "not shown"). */
export function hiddenReason(reason: string | undefined, k: number): string {
  switch (reason) {
    case "too_few":
      return `fewer than ${k} people from the rating organisation rated it`;
    case "too_alike":
      return "nearly everyone gave the same rating, so one person’s could be worked out";
    case "wave_difference":
      return `the number who rated it changed by fewer than ${k} since an earlier wave`;
    case "dimension":
      return `fewer than ${k} people rated this part of it, or their ratings were too alike`;
    default:
      return `too few people rated it to show safely (at least ${k} are needed)`;
  }
}

export const networkPath = (pid: string, wid: string, dimension: DimensionChoice = "overall") =>
  `${wavePath(pid, wid)}/network${dimension === "overall" ? "" : `?dimension=${dimension}`}`;

export const profilePath = (pid: string, wid: string, organisationId: string, dimension: DimensionChoice = "overall") =>
  `${wavePath(pid, wid)}/network/organisations/${encodeURIComponent(organisationId)}${dimension === "overall" ? "" : `?dimension=${dimension}`}`;
