/** The partnership's activity timeline: every register change, newest first, filterable by register and organisation. */
import type { Actor } from "../accounts/actor.ts";
import type { Db } from "../db/database.ts";
import { afterCursor, decodeCursor, pageLimit, toPage } from "../db/pagination.ts";
import { requireMembership } from "../partnerships/access.ts";
import type { RegisterKey } from "./keys.ts";
import type { RegisterVersionsTable } from "./tables.ts";

export interface TimelineItem {
  id: string;
  entryId: string;
  register: RegisterKey;
  version: number;
  action: RegisterVersionsTable["action"];
  title: string;
  summary: string;
  changedAt: string;
  changedBy: { userId: string; name: string };
}

export async function timeline(
  db: Db,
  actor: Actor,
  partnershipId: string,
  q: { register?: RegisterKey | undefined; organisationId?: string | undefined; limit?: number | undefined; cursor?: string | undefined },
): Promise<{ items: TimelineItem[]; nextCursor: string | null }> {
  await requireMembership(db, actor, partnershipId);
  const limit = pageLimit(q.limit);
  const cursor = decodeCursor(q.cursor);
  let query = db
    .selectFrom("register_versions as v")
    .leftJoin("users as u", "u.id", "v.changed_by")
    .select(["v.id", "v.entry_id", "v.register", "v.version", "v.action", "v.title", "v.summary", "v.changed_at", "v.changed_by", "u.name as changed_by_name"])
    .where("v.partnership_id", "=", partnershipId)
    .orderBy("v.changed_at", "desc")
    .orderBy("v.id", "desc")
    .limit(limit + 1);
  if (q.register) query = query.where("v.register", "=", q.register);
  if (q.organisationId) query = query.where("v.organisation_ids", "like", `%,${q.organisationId.replace(/[\\%_,]/g, "")},%`);
  if (cursor) query = query.where(afterCursor(cursor, "v.changed_at", "v.id", "desc"));
  const rows = await query.execute();
  return toPage(
    rows,
    limit,
    (r) => ({ id: r.id, entryId: r.entry_id, register: r.register, version: r.version, action: r.action, title: r.title, summary: r.summary, changedAt: r.changed_at, changedBy: { userId: r.changed_by, name: r.changed_by_name ?? "" } }),
    (r) => r.changed_at,
  );
}
