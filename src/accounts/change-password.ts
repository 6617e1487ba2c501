/** Changing one's password: checks the current one (rate-limited like sign-in), stores the new hash, ends the person's other sessions and every API token. */
import type { Db } from "../db/database.ts";
import { nowIso } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor } from "./actor.ts";
import { assertPasswordFitsAccount, hashPassword, verifyPassword } from "./passwords.ts";
import { SIGN_IN_LIMITS, consume, release } from "./rate-limit.ts";
import { endSessionsAndTokens } from "./sessions.ts";
import { getUser } from "./users.ts";

export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  keepSessionSecret?: string,
  address = "unknown",
): Promise<void> {
  const user = await getUser(db, actor.userId);
  // Reserved before the slow check, so guesses sent in parallel cannot all be checked.
  const keys = [
    { key: `password:account:${user.id}`, limit: SIGN_IN_LIMITS.perPair },
    { key: `signin:address:${address}`, limit: SIGN_IN_LIMITS.perAddress },
  ];
  for (const k of keys) await consume(db, k.key, k.limit);
  if (!user.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError("validation_failed", "Your current password is not right.", {
      fields: [{ path: "currentPassword", message: "This is not your current password." }],
    });
  }
  for (const k of keys) await release(db, k.key, k.limit);
  assertPasswordFitsAccount(input.newPassword, user.email, "newPassword");
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable("users").set({ password_hash: hash, updated_at: nowIso() }).where("id", "=", user.id).execute();
    await endSessionsAndTokens(tx, user.id, keepSessionSecret);
    await recordAudit(tx, {
      partnershipId: null,
      actorUserId: user.id,
      action: "user.password_changed",
      entityType: "user",
      entityId: user.id,
      summary: `${user.name} changed their password (other sessions and API tokens ended)`,
    });
  });
}
