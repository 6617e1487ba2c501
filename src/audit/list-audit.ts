/** Reading a partnership's audit log, newest first (convenors only). */
import type { Actor } from "../accounts/actor.ts";
import type { Db } from "../db/database.ts";
import { afterCursor, decodeCursor, pageLimit, toPage } from "../db/pagination.ts";
import { requireMembership } from "../partnerships/access.ts";

export async function listAudit(db: Db, actor: Actor, partnershipId: string, q: { limit?: number | undefined; cursor?: string | undefined }) {
  await requireMembership(db, actor, partnershipId, "convenor");
  const limit = pageLimit(q.limit);
  const cursor = decodeCursor(q.cursor);
  let query = db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_user_id")
    .select(["audit_log.id", "audit_log.at", "audit_log.action", "audit_log.entity_type", "audit_log.entity_id", "audit_log.summary", "users.name as actor_name"])
    .where("audit_log.partnership_id", "=", partnershipId)
    .orderBy("audit_log.at", "desc")
    .orderBy("audit_log.id", "desc")
    .limit(limit + 1);
  if (cursor) query = query.where(afterCursor(cursor, "audit_log.at", "audit_log.id", "desc"));
  return toPage(
    await query.execute(),
    limit,
    (r) => ({ id: r.id, at: r.at, actorName: r.actor_name, action: r.action, entityType: r.entity_type, entityId: r.entity_id, summary: r.summary }),
    (r) => r.at,
  );
}
