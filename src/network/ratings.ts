/** The organisation-to-organisation rating block: its dimensions and scale (our own wording), and checking a submission. */
import { z } from "@hono/zod-openapi";
import type { FieldProblem } from "../errors/app-error.ts";
import { safeString } from "../db/safe-text.ts";

export const TIE_DIMENSIONS = ["competence", "benevolence", "integrity"] as const;
export type TieDimension = (typeof TIE_DIMENSIONS)[number];

export const TIE_DIMENSION_TEXT: Record<TieDimension, { label: string; question: string }> = {
  competence: { label: "Reliability and competence", question: "They do what they say they will, and do it well." },
  benevolence: { label: "Support for our shared aims", question: "They act for the partnership's aims, not only their own." },
  integrity: { label: "Openness and integrity", question: "They are straight with us and open to talking through hard things." },
};

/** Four points, no middle: 1 not at all … 4 completely. */
export const TIE_SCALE = [
  { value: 1, label: "Not at all" },
  { value: 2, label: "A little" },
  { value: 3, label: "Mostly" },
  { value: 4, label: "Completely" },
] as const;
export const NO_TIE_LABEL = "We don't work with them";

const Rating = z.number().int().min(1, "Use 1 to 4.").max(4, "Use 1 to 4.");
export const TieRatingSchema = z.union([
  z.strictObject({ competence: Rating.optional(), benevolence: Rating.optional(), integrity: Rating.optional() }),
  z.strictObject({ noTie: z.literal(true) }),
]);
export type TieRating = z.infer<typeof TieRatingSchema>;
export const RatingsSchema = z
  .record(safeString().max(64), TieRatingSchema)
  .openapi("OrganisationRatings", { description: "Keyed by the rated organisation's id: 1–4 per dimension (any may be skipped), or { noTie: true }." });
export type Ratings = Record<string, TieRating>;

/** Ratings may name only other live organisations of the partnership; empty ratings are dropped. */
export function checkRatings(ratings: Ratings, allowed: ReadonlySet<string>, ownOrganisationId: string | null): { clean: Ratings; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const clean: Ratings = {};
  for (const [orgId, r] of Object.entries(ratings)) {
    if (orgId === ownOrganisationId) problems.push({ path: `ratings.${orgId}`, message: "Rate the other organisations, not your own." });
    else if (!allowed.has(orgId)) problems.push({ path: `ratings.${orgId}`, message: "That organisation is not in this partnership." });
    else if ("noTie" in r || Object.keys(r).length > 0) clean[orgId] = r;
  }
  return { clean, problems };
}

/** The mean of the dimensions a person rated, or null (no tie, or nothing rated). */
export function personalTieScore(r: TieRating): number | null {
  if ("noTie" in r) return null;
  const values = TIE_DIMENSIONS.map((d) => r[d]).filter((v): v is number => v !== undefined);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}
