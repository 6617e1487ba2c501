/** Membership checks: outsiders get 404 (they may not know the partnership exists), insiders lacking the role 403. */
import type { Actor } from "../accounts/actor.ts";
import type { DbOrTx } from "../db/database.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import type { Role } from "./sectors.ts";

const RANK: Record<Role, number> = { viewer: 1, member: 2, convenor: 3 };

export interface Membership {
  partnershipId: string;
  personId: string;
  role: Role;
  organisationId: string | null;
}

/** The actor's live membership of a live partnership, or a 404. */
export async function requireMembership(db: DbOrTx, actor: Actor, partnershipId: string, atLeast: Role = "viewer"): Promise<Membership> {
  const row = await db
    .selectFrom("people")
    .innerJoin("partnerships", "partnerships.id", "people.partnership_id")
    .select(["people.id", "people.role", "people.organisation_id"])
    .where("people.partnership_id", "=", partnershipId)
    .where("people.user_id", "=", actor.userId)
    .where("people.deleted_at", "is", null)
    .where("partnerships.deleted_at", "is", null)
    .executeTakeFirst();
  if (!row) throw notFound("partnership");
  if (RANK[row.role] < RANK[atLeast]) {
    throw new AppError("forbidden", `Only a ${atLeast} of this partnership can do this; you are a ${row.role}.`);
  }
  return { partnershipId, personId: row.id, role: row.role, organisationId: row.organisation_id };
}
