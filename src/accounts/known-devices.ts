/** Browsers that have signed in to an account before (a long-lived cookie, stored hashed): they keep their own sign-in lane while others guess. */
import type { DbOrTx } from "../db/database.ts";
import { addSeconds, hashSecret, newSecret, nowIso } from "../db/ids.ts";

export const DEVICE_COOKIE = "accord_device";
export const DEVICE_TTL_SECONDS = 365 * 24 * 3600;

/** The account a device cookie belongs to, if it is known. */
export async function knownDeviceOwner(db: DbOrTx, secret: string): Promise<string | undefined> {
  const row = await db.selectFrom("known_devices").select("user_id").where("device_hash", "=", hashSecret(secret)).executeTakeFirst();
  return row?.user_id;
}

/** Marks this browser as known for the account: the existing cookie is touched, otherwise a new one is made (its secret returned). */
export async function rememberDevice(db: DbOrTx, userId: string, existingSecret: string | undefined): Promise<string> {
  const now = nowIso();
  if (existingSecret) {
    await db.updateTable("known_devices").set({ last_used_at: now }).where("device_hash", "=", hashSecret(existingSecret)).execute();
    return existingSecret;
  }
  const secret = newSecret(32);
  // Browsers unused for longer than their cookie lasts are forgotten as a new one is remembered, so the table stays small.
  await db.deleteFrom("known_devices").where("user_id", "=", userId).where("last_used_at", "<", addSeconds(now, -DEVICE_TTL_SECONDS)).execute();
  await db.insertInto("known_devices").values({ device_hash: hashSecret(secret), user_id: userId, created_at: now, last_used_at: now }).execute();
  return secret;
}

/** Forgets every browser of the account (a password reset: whoever reset it starts afresh). */
export async function forgetDevices(db: DbOrTx, userId: string): Promise<void> {
  await db.deleteFrom("known_devices").where("user_id", "=", userId).execute();
}
