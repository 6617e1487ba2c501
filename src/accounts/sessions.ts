/** Cookie sessions: random 256-bit ids stored hashed, created at sign-in, revoked at sign-out and on removal. */
import type { DbOrTx } from "../db/database.ts";
import { addSeconds, hashSecret, newSecret, nowIso } from "../db/ids.ts";
import type { Actor } from "./actor.ts";

export const SESSION_COOKIE = "accord_session";
export const SESSION_TTL_SECONDS = 14 * 24 * 3600;

/** Starts a fresh session for the user; the returned secret goes in the cookie and nowhere else. */
export async function createSession(db: DbOrTx, userId: string): Promise<{ secret: string; expiresAt: string }> {
  const secret = newSecret(32);
  const now = nowIso();
  const expiresAt = addSeconds(now, SESSION_TTL_SECONDS);
  await db
    .insertInto("sessions")
    .values({ id_hash: hashSecret(secret), user_id: userId, created_at: now, expires_at: expiresAt, revoked_at: null })
    .execute();
  return { secret, expiresAt };
}

export async function revokeSession(db: DbOrTx, secret: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ revoked_at: nowIso() })
    .where("id_hash", "=", hashSecret(secret))
    .where("revoked_at", "is", null)
    .execute();
}

export async function revokeAllSessions(db: DbOrTx, userId: string, exceptSecret?: string): Promise<void> {
  let q = db.updateTable("sessions").set({ revoked_at: nowIso() }).where("user_id", "=", userId).where("revoked_at", "is", null);
  if (exceptSecret) q = q.where("id_hash", "!=", hashSecret(exceptSecret));
  await q.execute();
}

/** Ends every session (but the one kept, if any) and every API token of the user: on password change, reset and disabling. */
export async function endSessionsAndTokens(db: DbOrTx, userId: string, keepSessionSecret?: string): Promise<void> {
  await revokeAllSessions(db, userId, keepSessionSecret);
  await db.updateTable("api_tokens").set({ revoked_at: nowIso() }).where("user_id", "=", userId).where("revoked_at", "is", null).execute();
}

/** The actor behind a session cookie, or undefined when it is unknown, expired, revoked or the user is disabled. */
export async function actorFromSession(db: DbOrTx, secret: string): Promise<Actor | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.name", "users.email", "users.disabled_at", "sessions.expires_at", "sessions.revoked_at"])
    .where("sessions.id_hash", "=", hashSecret(secret))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.disabled_at !== null || row.expires_at <= nowIso()) return undefined;
  return { userId: row.id, name: row.name, email: row.email, via: "session" };
}
