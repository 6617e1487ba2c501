/** Personal API tokens for scripts: created once (secret shown once), listed, revoked, resolved to an actor. */
import type { DbOrTx } from "../db/database.ts";
import { addSeconds, hashSecret, newId, newSecret, nowIso } from "../db/ids.ts";
import { afterCursor, decodeCursor, pageLimit, toPage } from "../db/pagination.ts";
import { notFound } from "../errors/app-error.ts";
import type { Actor } from "./actor.ts";

export const TOKEN_PREFIX = "acc_";

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export async function createApiToken(db: DbOrTx, userId: string, name: string, expiresInDays?: number): Promise<ApiTokenView & { token: string }> {
  const token = TOKEN_PREFIX + newSecret(32);
  const createdAt = nowIso();
  const row = {
    id: newId(),
    user_id: userId,
    name,
    prefix: token.slice(0, 10),
    token_hash: hashSecret(token),
    created_at: createdAt,
    last_used_at: null,
    revoked_at: null,
    expires_at: expiresInDays === undefined ? null : addSeconds(createdAt, expiresInDays * 24 * 3600),
  };
  await db.insertInto("api_tokens").values(row).execute();
  return { id: row.id, name, prefix: row.prefix, createdAt: row.created_at, lastUsedAt: null, expiresAt: row.expires_at, token };
}

export async function listApiTokens(db: DbOrTx, userId: string, q: { limit?: number | undefined; cursor?: string | undefined }) {
  const limit = pageLimit(q.limit);
  const cursor = decodeCursor(q.cursor);
  let query = db
    .selectFrom("api_tokens")
    .selectAll()
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", nowIso())]))
    .orderBy("created_at")
    .orderBy("id")
    .limit(limit + 1);
  if (cursor) query = query.where(afterCursor(cursor, "created_at", "id"));
  const rows = await query.execute();
  return toPage(rows, limit, (r): ApiTokenView => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
  }));
}

export async function revokeApiToken(db: DbOrTx, userId: string, tokenId: string): Promise<void> {
  const res = await db
    .updateTable("api_tokens")
    .set({ revoked_at: nowIso() })
    .where("id", "=", tokenId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound("token");
}

export async function actorFromToken(db: DbOrTx, token: string): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const row = await db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select(["api_tokens.id as token_id", "api_tokens.last_used_at", "users.id", "users.name", "users.email", "users.disabled_at", "api_tokens.revoked_at", "api_tokens.expires_at"])
    .where("api_tokens.token_hash", "=", hashSecret(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.disabled_at !== null) return undefined;
  if (row.expires_at !== null && row.expires_at <= nowIso()) return undefined;
  // Record use at most once a minute, to keep reads cheap.
  const now = nowIso();
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", row.token_id).execute();
  }
  return { userId: row.id, name: row.name, email: row.email, via: "token" };
}
