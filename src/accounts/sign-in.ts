/** Sign-in with email and password: rate-limited per account and address, same answer for unknown emails. */
import type { Db } from "../db/database.ts";
import { nowIso } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "./passwords.ts";
import { SIGN_IN_LIMITS, assertUnderLimit, hit } from "./rate-limit.ts";
import { createSession, revokeSession } from "./sessions.ts";
import { findUserByEmail, toUserView } from "./users.ts";

export async function signIn(
  db: Db,
  input: { email: string; password: string; address: string; previousSessionSecret?: string | undefined },
) {
  const email = input.email.trim().toLowerCase();
  const accountKey = `signin:account:${email}`;
  const addressKey = `signin:address:${input.address}`;
  await assertUnderLimit(db, accountKey, SIGN_IN_LIMITS.perAccount);
  await assertUnderLimit(db, addressKey, SIGN_IN_LIMITS.perAddress);

  const user = await findUserByEmail(db, email);
  const ok =
    user && user.password_hash && user.disabled_at === null
      ? await verifyPassword(user.password_hash, input.password)
      : await verifyAgainstDummy(input.password);
  if (!ok || !user) {
    await hit(db, accountKey, SIGN_IN_LIMITS.perAccount);
    await hit(db, addressKey, SIGN_IN_LIMITS.perAddress);
    throw new AppError("invalid_credentials", "Email or password is not right.");
  }
  if (user.password_hash && needsRehash(user.password_hash)) {
    await db
      .updateTable("users")
      .set({ password_hash: await hashPassword(input.password), updated_at: nowIso() })
      .where("id", "=", user.id)
      .execute();
  }
  // Rotation: whatever session the browser had before is ended; a fresh id is issued.
  if (input.previousSessionSecret) await revokeSession(db, input.previousSessionSecret);
  const session = await createSession(db, user.id);
  return { user: toUserView(user), session };
}
