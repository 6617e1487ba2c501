/** Disabling an account (operators, from the CLI): it can no longer sign in, and its sessions and tokens stop working. */
import { recordAudit } from "../audit/record-audit.ts";
import type { Db } from "../db/database.ts";
import { nowIso } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import { endSessionsAndTokens } from "./sessions.ts";
import { findUserByEmail } from "./users.ts";

export async function disableUser(db: Db, email: string): Promise<{ id: string; email: string }> {
  const row = await findUserByEmail(db, email);
  if (!row) throw new AppError("not_found", `No account with the email ${email}.`);
  await db.transaction().execute(async (tx) => {
    const now = nowIso();
    await tx.updateTable("users").set({ disabled_at: now, updated_at: now }).where("id", "=", row.id).execute();
    await endSessionsAndTokens(tx, row.id);
    await recordAudit(tx, { partnershipId: null, actorUserId: null, action: "user.disabled", entityType: "user", entityId: row.id, summary: `Disabled ${row.email}` });
  });
  return { id: row.id, email: row.email };
}
