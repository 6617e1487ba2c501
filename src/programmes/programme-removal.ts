/** Removing a programme lead (never the last one) and deleting a programme (soft, confirmed by its name); by a lead through the API or the operator at the command line. */
import { recordAudit } from "../audit/record-audit.ts";
import type { Db, Tx } from "../db/database.ts";
import { hashSecret, newSecret, nowIso } from "../db/ids.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { auditActor, fromCli, requireProgramme, type ProgrammeActor } from "./programme-use-cases.ts";
import type { ProgrammesTable } from "./tables.ts";

/**
 * Locks the programme's row for the rest of the transaction (an update that changes nothing), so two leads removing each
 * other at once, or a removal racing the deletion, run one after the other; 404 when it was deleted meanwhile.
 */
async function lockLiveProgramme(tx: Tx, programmeId: string): Promise<void> {
  const res = await tx.updateTable("programmes").set({ deleted_at: null }).where("id", "=", programmeId).where("deleted_at", "is", null).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound("programme");
}

/**
 * Removes a lead. A lead may remove any lead, themselves included, as long as another lead with an active account remains
 * (409 otherwise, saying why); someone who does not lead the programme is a 404, like the other lead routes.
 */
export async function removeLead(db: Db, by: ProgrammeActor, programmeId: string, userId: string): Promise<{ email: string }> {
  await requireProgramme(db, by, programmeId);
  return db.transaction().execute(async (tx) => {
    await lockLiveProgramme(tx, programmeId);
    const leads = await tx
      .selectFrom("programme_leads")
      .innerJoin("users", "users.id", "programme_leads.user_id")
      .select(["users.id", "users.email", "users.disabled_at"])
      .where("programme_leads.programme_id", "=", programmeId)
      .execute();
    const target = leads.find((l) => l.id === userId);
    if (!target) throw notFound("lead of this programme");
    // The acting lead may have been removed by another lead while this request waited for the lock.
    if (by !== "operator" && !leads.some((l) => l.id === by.userId)) throw notFound("programme");
    const self = by !== "operator" && by.userId === userId;
    if (!leads.some((l) => l.id !== userId && l.disabled_at === null)) {
      throw new AppError(
        "conflict",
        self
          ? "You are this programme's only lead, so you cannot remove yourself. Add another lead first, or delete the programme."
          : `${target.email} is this programme's only lead with an active account; a programme always keeps at least one. Add another lead first, or delete the programme.`,
      );
    }
    await tx.deleteFrom("programme_leads").where("programme_id", "=", programmeId).where("user_id", "=", userId).execute();
    await recordAudit(tx, {
      partnershipId: null,
      actorUserId: auditActor(by),
      action: "programme.lead_removed",
      entityType: "programme",
      entityId: programmeId,
      summary: self ? `Stopped being a lead of the programme (${target.email})` : `Removed ${target.email} as a lead of the programme${fromCli(by)}`,
      detail: { userId },
    });
    return { email: target.email };
  });
}

/** The confirmation a deletion needs: the programme's name, typed again (422 on `confirm` otherwise). */
export function checkConfirmation(programme: Pick<ProgrammesTable, "name">, confirm: string): void {
  if (confirm.trim() !== programme.name) {
    throw new AppError("validation_failed", `To delete the programme, type its name exactly as shown: ${programme.name}`, {
      fields: [{ path: "confirm", message: "Type the programme's name exactly as shown to confirm." }],
    });
  }
}

/**
 * Deletes a programme (soft: `deleted_at` is set). It leaves every list, its pages and roll-up answer 404, its join code
 * stops working (the stored hash is replaced too), and partnerships no longer see it among those they share with. The
 * sharing rows stay as they were, for the record, but grant nothing: every read goes through a live programme.
 * Audited once for the instance and once in each sharing partnership's own log, so its convenors see why it went.
 */
export async function deleteProgramme(db: Db, by: ProgrammeActor, programmeId: string, confirm: string): Promise<{ name: string; partnerships: number }> {
  const programme = await requireProgramme(db, by, programmeId);
  checkConfirmation(programme, confirm);
  return db.transaction().execute(async (tx) => {
    await lockLiveProgramme(tx, programmeId);
    const sharing = await tx
      .selectFrom("programme_partnerships as pp")
      .innerJoin("partnerships", "partnerships.id", "pp.partnership_id")
      .select("pp.partnership_id")
      .where("pp.programme_id", "=", programmeId)
      .where("pp.withdrawn_at", "is", null)
      .where("partnerships.deleted_at", "is", null)
      .orderBy("pp.partnership_id")
      .execute();
    await tx.updateTable("programmes").set({ deleted_at: nowIso(), join_code_hash: hashSecret(`deleted_${newSecret(18)}`) }).where("id", "=", programmeId).execute();
    await recordAudit(tx, {
      partnershipId: null,
      actorUserId: auditActor(by),
      action: "programme.deleted",
      entityType: "programme",
      entityId: programmeId,
      summary: `Deleted the programme “${programme.name}”${fromCli(by)}`,
      detail: { partnershipIds: sharing.map((s) => s.partnership_id) },
    });
    for (const s of sharing) {
      await recordAudit(tx, {
        partnershipId: s.partnership_id,
        actorUserId: auditActor(by),
        action: "programme.deleted",
        entityType: "programme",
        entityId: programmeId,
        summary: `The programme “${programme.name}” was deleted${by === "operator" ? " by the operator" : " by its lead"}; it no longer sees this partnership's figures`,
      });
    }
    return { name: programme.name, partnerships: sharing.length };
  });
}
