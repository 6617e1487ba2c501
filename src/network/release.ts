/** Which organisation-to-organisation ties a wave may show (pure): personal ratings go through the anonymity rules; organisational ones are attributed. */
import { releaseMean, releaseOf, type Breakdown } from "../anonymity/index.ts";
import { personalTieScore, TIE_DIMENSIONS, type Ratings, type TieDimension } from "./ratings.ts";

export interface PersonalResponse {
  id: string;
  raterOrganisationId: string;
  ratings: Ratings;
}

export interface OrganisationalRating {
  raterOrganisationId: string;
  ratedOrganisationId: string;
  noTie: boolean;
  competence: number | null;
  benevolence: number | null;
  integrity: number | null;
}

export type TieStatus = "released" | "suppressed" | "no_tie";

export interface Tie {
  from: string;
  to: string;
  status: TieStatus;
  /** People behind the figure (organisational mode: 1, the nominee); null when suppressed. */
  n: number | null;
  /** Mean over the dimensions, 1–4; null unless released. */
  mean: number | null;
  dimensions: Record<TieDimension, number | null>;
  /** Why it is not shown, for convenors; members see only "not shown". */
  reason?: string;
}

const NO_DIMS: Record<TieDimension, number | null> = { competence: null, benevolence: null, integrity: null };
export const tieKey = (from: string, to: string) => `${from}>${to}`;

/** Ties as rated in organisational mode: one row per ordered pair, shown with the organisation's name on it. */
export function organisationalTies(rows: readonly OrganisationalRating[]): Tie[] {
  return rows.map((r): Tie | null => {
    if (r.noTie) return { from: r.raterOrganisationId, to: r.ratedOrganisationId, status: "no_tie", n: 1, mean: null, dimensions: { ...NO_DIMS } };
    const dims = { competence: r.competence, benevolence: r.benevolence, integrity: r.integrity };
    const given = TIE_DIMENSIONS.map((d) => dims[d]).filter((v): v is number => v !== null);
    if (given.length === 0) return null;
    return { from: r.raterOrganisationId, to: r.ratedOrganisationId, status: "released", n: 1, mean: given.reduce((a, b) => a + b, 0) / given.length, dimensions: dims };
  }).filter((t): t is Tie => t !== null);
}

/**
 * Ties from personal ratings, one for every ordered pair of the given organisations. The A→B tie's
 * figure covers the people from A who rated B; it is released only under the survey anonymity rules
 * (at least k people, not all-but-one alike), each dimension likewise, and only if its size moved by
 * 0 or at least k since the previous wave that released it. Every other pair is "suppressed" —
 * including pairs nobody rated and "we don't work with them" answers — so the map never shows what a
 * handful of people (or nobody) said: unknown, never absent and never a zero.
 */
export function personalTies(responses: readonly PersonalResponse[], organisationIds: readonly string[], k: number, previous: ReadonlyArray<ReadonlyMap<string, number>> = []): Tie[] {
  const byPair = new Map<string, { from: string; to: string; scores: Map<string, number>; dims: Record<TieDimension, Map<string, number>> }>();
  for (const r of responses) {
    for (const [to, rating] of Object.entries(r.ratings)) {
      if (to === r.raterOrganisationId) continue;
      const key = tieKey(r.raterOrganisationId, to);
      let pair = byPair.get(key);
      if (!pair) {
        pair = { from: r.raterOrganisationId, to, scores: new Map(), dims: { competence: new Map(), benevolence: new Map(), integrity: new Map() } };
        byPair.set(key, pair);
      }
      const score = personalTieScore(rating);
      if (!("noTie" in rating) && score !== null) {
        pair.scores.set(r.id, score);
        for (const d of TIE_DIMENSIONS) if (rating[d] !== undefined) pair.dims[d].set(r.id, rating[d]);
      }
    }
  }
  const ties: Tie[] = [];
  const orgs = [...new Set(organisationIds)].sort();
  const hidden = (from: string, to: string, reason: string): Tie => ({ from, to, status: "suppressed", n: null, mean: null, dimensions: { ...NO_DIMS }, reason });
  for (const from of orgs) {
    for (const to of orgs) {
      if (from === to) continue;
      const key = tieKey(from, to);
      const pair = byPair.get(key);
      const n = pair?.scores.size ?? 0;
      if (!pair || n === 0) {
        ties.push(hidden(from, to, "too_few"));
        continue;
      }
      if (previous.some((sizes) => { const prev = sizes.get(key); return prev !== undefined && n !== prev && Math.abs(n - prev) < k; })) {
        ties.push(hidden(from, to, "wave_difference"));
        continue;
      }
      const figure = (answers: Map<string, number>) => {
        const b: Breakdown = { total: { key, members: new Set(answers.keys()) }, groups: [], k };
        return releaseOf(releaseMean(b, answers, { banded: false }), key);
      };
      const overall = figure(pair.scores);
      if (overall.status !== "released") {
        ties.push(hidden(from, to, overall.status === "coarse" ? "too_alike" : overall.reason));
        continue;
      }
      const dimensions = { ...NO_DIMS };
      for (const d of TIE_DIMENSIONS) {
        const f = figure(pair.dims[d]);
        dimensions[d] = f.status === "released" ? f.value.mean : null;
      }
      ties.push({ from, to, status: "released", n: overall.n, mean: overall.value.mean, dimensions });
    }
  }
  return ties;
}

/** The sizes of the ties a wave released, for the wave-to-wave rule of later waves. */
export function releasedTieSizes(ties: readonly Tie[]): Map<string, number> {
  return new Map(ties.filter((t) => t.status === "released" && t.n !== null).map((t) => [tieKey(t.from, t.to), t.n!]));
}
