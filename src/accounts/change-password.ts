/** Changing one's password: checks the current one, stores the new hash, ends the person's other sessions. */
import type { Db } from "../db/database.ts";
import { nowIso } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor } from "./actor.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { revokeAllSessions } from "./sessions.ts";
import { getUser } from "./users.ts";

export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  keepSessionSecret?: string,
): Promise<void> {
  const user = await getUser(db, actor.userId);
  if (!user.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError("validation_failed", "Your current password is not right.", {
      fields: [{ path: "currentPassword", message: "This is not your current password." }],
    });
  }
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable("users").set({ password_hash: hash, updated_at: nowIso() }).where("id", "=", user.id).execute();
    await revokeAllSessions(tx, user.id, keepSessionSecret);
    await recordAudit(tx, {
      partnershipId: null,
      actorUserId: user.id,
      action: "user.password_changed",
      entityType: "user",
      entityId: user.id,
      summary: `${user.name} changed their password`,
    });
  });
}
