/** Setting an account's password as the operator (CLI): for accounts that have none, such as those `accord import` restores, or a reset. */
import { recordAudit } from "../audit/record-audit.ts";
import type { Db } from "../db/database.ts";
import { nowIso } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import { assertPasswordFitsAccount, hashPassword } from "./passwords.ts";
import { endSessionsAndTokens } from "./sessions.ts";
import { findUserByEmail } from "./users.ts";

export async function setPassword(db: Db, email: string, password: string): Promise<{ id: string; email: string; name: string; hadPassword: boolean; disabled: boolean }> {
  const row = await findUserByEmail(db, email);
  if (!row) throw new AppError("not_found", `No account with the email ${email}. Create one with \`accord user create\`.`);
  assertPasswordFitsAccount(password, row.email);
  const hash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable("users").set({ password_hash: hash, updated_at: nowIso(), email_proven_at: row.email_proven_at ?? nowIso(), unproven_scope: null }).where("id", "=", row.id).execute();
    // A reset ends every session and token the old password opened; the operator vouches for the address.
    await endSessionsAndTokens(tx, row.id);
    await recordAudit(tx, { partnershipId: null, actorUserId: null, action: "user.password_set", entityType: "user", entityId: row.id, summary: `Set the password of ${row.email} from the command line` });
  });
  return { id: row.id, email: row.email, name: row.name, hadPassword: row.password_hash !== null, disabled: row.disabled_at !== null };
}
