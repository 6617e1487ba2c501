// Where perceived and behavioural trust disagree: each organisation placed in one of four quadrants.
import { compareText } from "../../registers/metrics/index.ts";

export type Quadrant = "both_high" | "perception_to_revisit" | "warning" | "both_low" | "not_enough_data";

/** Plain-language reading of each quadrant. */
export const QUADRANT_LABELS: Readonly<Record<Quadrant, string>> = {
  both_high: "Trusted and keeps its commitments",
  perception_to_revisit: "Keeps its commitments but is rated low: a perception to revisit",
  warning: "Rated highly but does not keep its commitments: a warning",
  both_low: "Rated low and does not keep its commitments",
  not_enough_data: "Not enough data to place",
};

export interface QuadrantInput {
  organisationId: string;
  /** Trust received on the chosen dimensions (e.g. competence and integrity), on the survey's scale; null if not released. */
  perceived: number | null;
  /** Behavioural score in [0, 1], normally the adjusted kept-on-time rate; null if there is none. */
  behaviour: number | null;
}

export interface QuadrantOptions {
  /** The perceived-trust scale (default 1 to 4). */
  scale?: { min: number; max: number };
  /** Perceived trust at or above this is high (default: the middle of the scale, 2.5 on 1–4, 3 on 1–5). */
  perceivedThreshold?: number;
  /** A behavioural score at or above this is high (default 0.7). */
  behaviourThreshold?: number;
}

export interface QuadrantRow extends QuadrantInput {
  quadrant: Quadrant;
  label: string;
}

export interface QuadrantResult {
  perceivedThreshold: number;
  behaviourThreshold: number;
  /** The rule used, in plain language, for the page to show. */
  rule: string;
  rows: QuadrantRow[];
}

export const DEFAULT_BEHAVIOUR_THRESHOLD = 0.7;

/**
 * Places each organisation by two thresholds: perceived trust is high at or above the perceived threshold
 * (by default the middle of the scale), behaviour is high at or above the behaviour threshold (by default a
 * 70% adjusted kept-on-time rate). High on both: both high; low perceived, high behaviour: a perception to
 * revisit; high perceived, low behaviour: a warning; low on both: both low. An organisation missing either
 * score is not placed. Rows are sorted by organisationId.
 */
export function perceptionBehaviourQuadrant(rows: readonly QuadrantInput[], options: QuadrantOptions = {}): QuadrantResult {
  const scale = options.scale ?? { min: 1, max: 4 };
  if (!(scale.max > scale.min)) throw new RangeError(`the scale's max must exceed its min, got ${scale.min}–${scale.max}`);
  const perceivedThreshold = options.perceivedThreshold ?? (scale.min + scale.max) / 2;
  const behaviourThreshold = options.behaviourThreshold ?? DEFAULT_BEHAVIOUR_THRESHOLD;
  if (!(behaviourThreshold >= 0 && behaviourThreshold <= 1)) throw new RangeError(`behaviourThreshold must be in [0, 1], got ${behaviourThreshold}`);
  const placed = rows.map((r): QuadrantRow => {
    let quadrant: Quadrant;
    if (r.perceived === null || r.behaviour === null || !Number.isFinite(r.perceived) || !Number.isFinite(r.behaviour)) quadrant = "not_enough_data";
    else {
      const perceivedHigh = r.perceived >= perceivedThreshold;
      const behavesWell = r.behaviour >= behaviourThreshold;
      quadrant = perceivedHigh ? (behavesWell ? "both_high" : "warning") : behavesWell ? "perception_to_revisit" : "both_low";
    }
    return { organisationId: r.organisationId, perceived: r.perceived, behaviour: r.behaviour, quadrant, label: QUADRANT_LABELS[quadrant] };
  });
  placed.sort((x, y) => compareText(x.organisationId, y.organisationId));
  const pct = Math.round(behaviourThreshold * 100);
  return {
    perceivedThreshold,
    behaviourThreshold,
    rule:
      `Trust received counts as high at ${perceivedThreshold} or above on the ${scale.min}–${scale.max} scale; ` +
      `behaviour counts as high when the adjusted kept-on-time rate is ${pct}% or above. ` +
      "Rated low but keeping commitments is a perception to revisit; rated high but not keeping them is a warning.",
    rows: placed,
  };
}
