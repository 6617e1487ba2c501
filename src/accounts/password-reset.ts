/** Password reset by email: single-use, expiring tokens stored hashed; the same answer whether or not the address has an account; a reset proves the address and ends every session and token. */
import { recordAudit } from "../audit/record-audit.ts";
import type { Db } from "../db/database.ts";
import { addSeconds, hashSecret, newId, newSecret, nowIso } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import type { Mailer } from "../mail/mailer.ts";
import { forgetDevices } from "./known-devices.ts";
import { assertPasswordFitsAccount, hashPassword } from "./passwords.ts";
import { type Limit, consume } from "./rate-limit.ts";
import { createSession, endSessionsAndTokens } from "./sessions.ts";
import { findUserByEmail, toUserView } from "./users.ts";

export const RESET_TTL_SECONDS = 60 * 60;
export const RESET_LIMITS = {
  /** Requests from one client address (answered 429 beyond). */
  perAddress: { max: 10, windowSeconds: 60 * 60 },
  /** Mails to one address (beyond, requests are answered as usual but nothing is sent, so the answer never differs). */
  perEmail: { max: 3, windowSeconds: 60 * 60 },
} as const satisfies Record<string, Limit>;

/** The work a reset request does after it has been answered, so the answer's timing does not depend on the account. */
const pending = new Set<Promise<void>>();
/** Waits for reset requests still being worked on (tests, and a server shutting down). */
export async function settleResetRequests(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}

/**
 * Asks for a reset link. Refuses only what does not depend on the account (no mail server, too many requests from
 * this address); otherwise the answer is the same, and the lookup, token and mail happen after it.
 */
export async function requestPasswordReset(db: Db, mailer: Mailer, input: { email: string; address: string; baseUrl: string | undefined; mailConfigured: boolean }): Promise<void> {
  if (!input.mailConfigured || !input.baseUrl) {
    throw new AppError("mail_not_configured", "This accord sends no email, so it cannot send a reset link. Ask the person who runs it to set your password (`accord user password`).");
  }
  const baseUrl = input.baseUrl;
  await consume(db, `reset:address:${input.address}`, RESET_LIMITS.perAddress);
  const work = sendResetLink(db, mailer, input.email.trim().toLowerCase(), baseUrl).catch((err: unknown) => {
    console.error(`accord: a password reset request failed: ${(err as Error).message}`);
  });
  pending.add(work);
  void work.finally(() => pending.delete(work));
}

async function sendResetLink(db: Db, mailer: Mailer, email: string, baseUrl: string): Promise<void> {
  const mailed = await consume(db, `reset:email:${email}`, RESET_LIMITS.perEmail).then(
    () => true,
    () => false,
  );
  if (!mailed) return;
  const user = await findUserByEmail(db, email);
  if (!user || user.disabled_at !== null) return;
  const token = newSecret(32);
  const now = nowIso();
  const expiresAt = addSeconds(now, RESET_TTL_SECONDS);
  await db.transaction().execute(async (tx) => {
    // One live link at a time: a new request replaces the earlier one.
    await tx.updateTable("password_resets").set({ used_at: now }).where("user_id", "=", user.id).where("used_at", "is", null).execute();
    await tx.insertInto("password_resets").values({ id: newId(), user_id: user.id, token_hash: hashSecret(token), created_at: now, expires_at: expiresAt, used_at: null }).execute();
  });
  await mailer.send({
    to: user.email,
    subject: "Choose a new accord password",
    text:
      `Hello ${user.name},\n\nSomeone (we hope you) asked to choose a new password for your accord account.\n` +
      `Open this link within an hour to do so; it works once:\n${baseUrl}/reset-password/${token}\n\n` +
      `If you did not ask, ignore this email: your password stays as it is.\n`,
  });
}

async function openReset(db: Db, token: string) {
  const row = await db
    .selectFrom("password_resets")
    .innerJoin("users", "users.id", "password_resets.user_id")
    .select(["password_resets.id", "password_resets.expires_at", "password_resets.used_at", "users.id as user_id", "users.email", "users.name", "users.disabled_at", "users.created_at", "users.email_proven_at"])
    .where("password_resets.token_hash", "=", hashSecret(token))
    .executeTakeFirst();
  if (!row || row.used_at !== null || row.expires_at <= nowIso() || row.disabled_at !== null) {
    throw new AppError("not_found", "This reset link is not valid: it may have been used, replaced by a newer one, or expired. Ask for a new one.");
  }
  return row;
}

/** What a reset link is for (the address it was sent to), or 404. */
export async function describePasswordReset(db: Db, token: string): Promise<{ email: string }> {
  return { email: (await openReset(db, token)).email };
}

/** Sets the new password through a reset link: proves the address, ends every session, token and known browser, and signs in. */
export async function completePasswordReset(db: Db, token: string, password: string) {
  const row = await openReset(db, token);
  assertPasswordFitsAccount(password, row.email);
  const hash = await hashPassword(password);
  return db.transaction().execute(async (tx) => {
    const now = nowIso();
    const claimed = await tx.updateTable("password_resets").set({ used_at: now }).where("id", "=", row.id).where("used_at", "is", null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError("not_found", "This reset link has just been used.");
    await tx.updateTable("password_resets").set({ used_at: now }).where("user_id", "=", row.user_id).where("used_at", "is", null).execute();
    await tx.updateTable("users").set({ password_hash: hash, email_proven_at: row.email_proven_at ?? now, unproven_scope: null, updated_at: now }).where("id", "=", row.user_id).execute();
    await endSessionsAndTokens(tx, row.user_id);
    await forgetDevices(tx, row.user_id);
    await recordAudit(tx, { partnershipId: null, actorUserId: row.user_id, action: "user.password_reset", entityType: "user", entityId: row.user_id, summary: `${row.name} chose a new password through a link sent by email (sessions and API tokens ended)` });
    const session = await createSession(tx, row.user_id);
    return { user: toUserView({ id: row.user_id, name: row.name, email: row.email, created_at: row.created_at, email_proven_at: now }), session };
  });
}
