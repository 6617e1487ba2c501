/** A partnership sharing its published aggregates with a programme (convenor, by join code), stopping, and its position in each programme. */
import type { Actor } from "../accounts/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db } from "../db/database.ts";
import { hashSecret, nowIso } from "../db/ids.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { requireMembership } from "../partnerships/access.ts";
import { programmeView } from "./programme-use-cases.ts";
import { programmeRows } from "./programme-rollup.ts";
import { partnershipPercentile } from "./rollup/index.ts";

/** What a programme's leads see of a sharing partnership, in plain words (recorded in the audit entry). */
export const WHAT_IS_SHARED = [
  "the partnership's name and when it started sharing",
  "for each published wave: the overall trust score, its change since the first published wave and the baseline question's distribution, exactly as the results page releases them (anything not shown there stays not shown)",
  "how many people were invited and the released number who answered",
  "behavioural indicators from the registers over the last year (commitments kept on time, offers and asks delivered, risks shared, joint opportunities, decisions and procedures in date)",
];

/** Share with the programme whose join code this is. A wrong code is a 422 on `joinCode` (codes are secrets; nothing about other programmes is revealed). */
export async function shareWithProgramme(db: Db, actor: Actor, partnershipId: string, joinCode: string) {
  await requireMembership(db, actor, partnershipId, "convenor");
  const programme = await db.selectFrom("programmes").selectAll().where("join_code_hash", "=", hashSecret(joinCode.trim())).where("deleted_at", "is", null).executeTakeFirst();
  if (!programme) throw new AppError("validation_failed", "No programme has this join code; ask its lead for the current one.", { fields: [{ path: "joinCode", message: "No programme has this join code." }] });
  return db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom("programme_partnerships").selectAll().where("programme_id", "=", programme.id).where("partnership_id", "=", partnershipId).executeTakeFirst();
    if (existing && existing.withdrawn_at === null) return { programme: programmeView(programme), sharedSince: existing.shared_at, shares: WHAT_IS_SHARED };
    const now = nowIso();
    if (existing) await tx.updateTable("programme_partnerships").set({ shared_by: actor.userId, shared_at: now, withdrawn_at: null }).where("programme_id", "=", programme.id).where("partnership_id", "=", partnershipId).execute();
    else await tx.insertInto("programme_partnerships").values({ programme_id: programme.id, partnership_id: partnershipId, shared_by: actor.userId, shared_at: now, withdrawn_at: null }).execute();
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: "programme.shared", entityType: "programme", entityId: programme.id, summary: `Started sharing published figures with the programme “${programme.name}”`, detail: { programmeId: programme.id, shares: WHAT_IS_SHARED } });
    return { programme: programmeView(programme), sharedSince: now, shares: WHAT_IS_SHARED };
  });
}

/** Stop sharing: the programme's leads stop seeing the partnership at once (the roll-up reads only live shares). */
export async function stopSharing(db: Db, actor: Actor, partnershipId: string, programmeId: string): Promise<void> {
  await requireMembership(db, actor, partnershipId, "convenor");
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom("programme_partnerships")
      .innerJoin("programmes", "programmes.id", "programme_partnerships.programme_id")
      .select(["programmes.name"])
      .where("programme_partnerships.partnership_id", "=", partnershipId)
      .where("programme_partnerships.programme_id", "=", programmeId)
      .where("programme_partnerships.withdrawn_at", "is", null)
      .where("programmes.deleted_at", "is", null)
      .executeTakeFirst();
    if (!row) throw notFound("programme");
    await tx.updateTable("programme_partnerships").set({ withdrawn_at: nowIso() }).where("partnership_id", "=", partnershipId).where("programme_id", "=", programmeId).execute();
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: "programme.withdrawn", entityType: "programme", entityId: programmeId, summary: `Stopped sharing with the programme “${row.name}”` });
  });
}

/** The programmes this partnership shares with, and its percentile in each (any member). */
export async function partnershipProgrammes(db: Db, actor: Actor, partnershipId: string) {
  await requireMembership(db, actor, partnershipId);
  const shares = await db
    .selectFrom("programme_partnerships as pp")
    .innerJoin("programmes", "programmes.id", "pp.programme_id")
    .selectAll("programmes")
    .select("pp.shared_at")
    .where("pp.partnership_id", "=", partnershipId)
    .where("pp.withdrawn_at", "is", null)
    .where("programmes.deleted_at", "is", null)
    .orderBy("programmes.name")
    .orderBy("programmes.id")
    .execute();
  const items = [];
  for (const s of shares) {
    const rows = await programmeRows(db, s.id, { behaviour: false });
    items.push({ programme: programmeView(s), sharedSince: s.shared_at, percentile: partnershipPercentile(rows, partnershipId) });
  }
  return { items };
}
