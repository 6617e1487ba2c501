/** Sign-in with email and password: attempts reserved before the check, limited per account and address or known browser, the owner told of a burst of failures, the same answer for unknown emails. */
import { recordAudit } from "../audit/record-audit.ts";
import type { Db } from "../db/database.ts";
import { hashSecret, nowIso } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import type { Mailer } from "../mail/mailer.ts";
import { knownDeviceOwner, rememberDevice } from "./known-devices.ts";
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "./passwords.ts";
import { SIGN_IN_LIMITS, consume, count, peek, release } from "./rate-limit.ts";
import { createSession, revokeSession } from "./sessions.ts";
import { findUserByEmail, toUserView } from "./users.ts";

export interface SignInInput {
  email: string;
  password: string;
  address: string;
  /** The browser's known-device cookie, if it has one. */
  deviceSecret?: string | undefined;
  previousSessionSecret?: string | undefined;
}

export async function signIn(db: Db, mailer: Mailer, input: SignInInput, links: { baseUrl?: string | undefined } = {}) {
  const email = input.email.trim().toLowerCase();
  const user = await findUserByEmail(db, email);
  const deviceOwner = input.deviceSecret ? await knownDeviceOwner(db, input.deviceSecret) : undefined;
  const knownBrowser = user !== undefined && deviceOwner === user.id;

  // Reserve this attempt before the slow password check, so guesses sent together are counted together.
  const reserved = knownBrowser
    ? [{ key: `signin:device:${hashSecret(input.deviceSecret ?? "")}`, limit: SIGN_IN_LIMITS.perPair }]
    : [
        { key: `signin:pair:${email}|${input.address}`, limit: SIGN_IN_LIMITS.perPair },
        { key: `signin:address:${input.address}`, limit: SIGN_IN_LIMITS.perAddress },
      ];
  for (const r of reserved) await consume(db, r.key, r.limit);
  const failuresKey = `signin:failures:${email}`;
  if (!knownBrowser && (await peek(db, failuresKey, SIGN_IN_LIMITS.accountFailures)) >= SIGN_IN_LIMITS.accountFailures.max) {
    await consume(db, `signin:slow:${email}`, SIGN_IN_LIMITS.slowLane);
  }

  const ok =
    user && user.password_hash && user.disabled_at === null
      ? await verifyPassword(user.password_hash, input.password)
      : await verifyAgainstDummy(input.password);
  if (!ok || !user) {
    const failures = await count(db, failuresKey, SIGN_IN_LIMITS.accountFailures);
    if (user && failures === SIGN_IN_LIMITS.accountFailures.max) await tellOwner(db, mailer, user, links.baseUrl);
    throw new AppError("invalid_credentials", "Email or password is not right.");
  }
  for (const r of reserved) await release(db, r.key, r.limit);
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
  const deviceSecret = await rememberDevice(db, user.id, knownBrowser ? input.deviceSecret : undefined);
  return { user: toUserView(user), session, deviceSecret };
}

/** Records, and mails the owner once per window, that many wrong passwords were tried on their account. */
async function tellOwner(db: Db, mailer: Mailer, user: { id: string; email: string; name: string }, baseUrl: string | undefined) {
  const n = SIGN_IN_LIMITS.accountFailures.max;
  const minutes = SIGN_IN_LIMITS.accountFailures.windowSeconds / 60;
  await recordAudit(db, { partnershipId: null, actorUserId: null, action: "user.sign_in_failures", entityType: "user", entityId: user.id, summary: `${n} wrong passwords were tried for ${user.email} within ${minutes} minutes` });
  const reset = baseUrl ? `\n\nIf you have forgotten your password, you can choose a new one here:\n${baseUrl}/forgot-password\n` : "\n";
  void mailer.send({
    to: user.email,
    subject: "Wrong passwords tried on your accord account",
    text:
      `Hello ${user.name},\n\n${n} wrong passwords were tried for your accord account within ${minutes} minutes.\n` +
      `If this was you, there is nothing to do. If not, your account is still safe while your password is not guessed: ` +
      `browsers you have signed in from before are not slowed down, others are for a while.${reset}`,
  });
}
