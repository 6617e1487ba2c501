/** Lists a register's entries with filters, a choice of sort, and keyset cursors over (sort column, id). */
import { sql } from "kysely";
import type { Actor } from "../accounts/actor.ts";
import type { Db } from "../db/database.ts";
import { afterCursor, decodeCursor, pageLimit, toPage } from "../db/pagination.ts";
import { requireMembership } from "../partnerships/access.ts";
import { REGISTERS } from "./definitions/index.ts";
import type { RegisterKey } from "./keys.ts";
import { selectEntries, toView, type EntryView } from "./store.ts";

export const SORTS = ["created", "updated", "title", "due"] as const;
export type Sort = (typeof SORTS)[number];
const COLUMN = { created: "created_at", updated: "updated_at", title: "title", due: "due_key" } as const satisfies Record<Sort, string>;

export interface ListQuery {
  status?: string | undefined;
  organisationId?: string | undefined;
  q?: string | undefined;
  deleted?: "exclude" | "include" | "only" | undefined;
  sort?: Sort | undefined;
  order?: "asc" | "desc" | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

/** `%` and `_` typed by a person mean themselves, not wildcards. */
const likePattern = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export async function listEntries(db: Db, actor: Actor, partnershipId: string, key: RegisterKey, q: ListQuery): Promise<{ items: EntryView[]; nextCursor: string | null }> {
  const m = await requireMembership(db, actor, partnershipId);
  const def = REGISTERS[key];
  const limit = pageLimit(q.limit);
  const cursor = decodeCursor(q.cursor);
  const sort = q.sort ?? "created";
  const order = q.order ?? (sort === "created" || sort === "updated" ? "desc" : "asc");
  const col = COLUMN[sort];
  let query = selectEntries(db)
    .where("e.partnership_id", "=", partnershipId)
    .where("e.register", "=", key)
    .orderBy(`e.${col}`, order)
    .orderBy("e.id", order)
    .limit(limit + 1);
  const deleted = q.deleted ?? "exclude";
  if (deleted === "exclude") query = query.where("e.deleted_at", "is", null);
  if (deleted === "only") query = query.where("e.deleted_at", "is not", null);
  if (q.status) query = query.where("e.status", "=", q.status);
  if (q.organisationId) query = query.where("e.organisation_ids", "like", `%,${q.organisationId.replace(/[\\%_,]/g, "")},%`);
  if (q.q) query = query.where(sql<boolean>`lower(e.title) like ${likePattern(q.q)} escape '\\'`);
  if (cursor) query = query.where(afterCursor(cursor, `e.${col}`, "e.id", order));
  const rows = await query.execute();
  return toPage(rows, limit, (r) => toView(def, r, m), (r) => String(r[col]));
}
