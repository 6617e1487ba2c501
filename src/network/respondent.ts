/** The network block a respondent sees on their survey, and checking and keeping the ratings they give. */
import type { DbOrTx } from "../db/database.ts";
import { newId, nowIso } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import type { NetworkMode } from "../surveys/tables.ts";
import { checkRatings, NO_TIE_LABEL, TIE_DIMENSIONS, TIE_DIMENSION_TEXT, TIE_SCALE, type Ratings } from "./ratings.ts";

export interface LinkContext {
  waveId: string;
  partnershipId: string;
  personId: string;
  organisationId: string | null;
  networkMode: NetworkMode;
}

export interface NetworkBlock {
  mode: Exclude<NetworkMode, "none">;
  explanation: string;
  organisations: { id: string; name: string }[];
  dimensions: { key: string; label: string; question: string }[];
  scale: { value: number; label: string }[];
  noTieLabel: string;
}

const EXPLAIN = {
  organisational: "You have been asked to answer for your organisation. These ratings are shared with the partnership as your organisation's view, with its name on them. Your other answers stay anonymous.",
  personal: "Rate each organisation from your own experience. Your organisation's ratings of another organisation are shown only when enough people from your organisation have rated it; nobody sees yours alone.",
} as const;

/** Whether this respondent is asked to rate organisations: personal mode asks everyone with an organisation; organisational mode asks only its nominee. */
export async function ratesOrganisations(db: DbOrTx, link: LinkContext): Promise<boolean> {
  if (link.networkMode === "none" || !link.organisationId) return false;
  if (link.networkMode === "personal") return true;
  const nominee = await db.selectFrom("wave_nominees").select("person_id").where("wave_id", "=", link.waveId).where("organisation_id", "=", link.organisationId).executeTakeFirst();
  return nominee?.person_id === link.personId;
}

async function otherOrganisations(db: DbOrTx, link: LinkContext) {
  const rows = await db.selectFrom("organisations").select(["id", "name"]).where("partnership_id", "=", link.partnershipId).where("deleted_at", "is", null).orderBy("name").execute();
  return rows.filter((o) => o.id !== link.organisationId);
}

export async function networkBlock(db: DbOrTx, link: LinkContext): Promise<NetworkBlock | null> {
  if (link.networkMode === "none" || !(await ratesOrganisations(db, link))) return null;
  return {
    mode: link.networkMode,
    explanation: EXPLAIN[link.networkMode],
    organisations: await otherOrganisations(db, link),
    dimensions: TIE_DIMENSIONS.map((key) => ({ key, ...TIE_DIMENSION_TEXT[key] })),
    scale: TIE_SCALE.map((s) => ({ ...s })),
    noTieLabel: NO_TIE_LABEL,
  };
}

/** Checks a submission's ratings; returns them cleaned, or null when there are none. */
export async function prepareRatings(db: DbOrTx, link: LinkContext, ratings: Ratings | undefined): Promise<Ratings | null> {
  if (ratings === undefined || Object.keys(ratings).length === 0) return null;
  if (!(await ratesOrganisations(db, link))) {
    throw new AppError("validation_failed", "This survey does not ask you to rate organisations.", { fields: [{ path: "ratings", message: "Leave out ratings for this survey." }] });
  }
  const allowed = new Set((await otherOrganisations(db, link)).map((o) => o.id));
  const { clean, problems } = checkRatings(ratings, allowed, link.organisationId);
  if (problems.length) throw new AppError("validation_failed", problems[0]!.message, { fields: problems });
  return Object.keys(clean).length ? clean : null;
}

/** Organisational mode: the nominee's ratings are kept attributed to their organisation, one row per rated organisation. */
export async function storeOrganisationalRatings(tx: DbOrTx, link: LinkContext, ratings: Ratings): Promise<void> {
  const at = nowIso();
  for (const [rated, r] of Object.entries(ratings)) {
    const noTie = "noTie" in r;
    await tx
      .insertInto("wave_org_ratings")
      .values({
        id: newId(),
        wave_id: link.waveId,
        rater_organisation_id: link.organisationId!,
        rated_organisation_id: rated,
        competence: noTie ? null : (r.competence ?? null),
        benevolence: noTie ? null : (r.benevolence ?? null),
        integrity: noTie ? null : (r.integrity ?? null),
        no_tie: noTie ? 1 : 0,
        person_id: link.personId,
        submitted_at: at,
      })
      .execute();
  }
}
