/** Opaque keyset cursors: lists are ordered by (created_at, id) and resume after the last item seen. */
import { sql, type RawBuilder, type SqlBool } from "kysely";
import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import { safeString } from "./safe-text.ts";

const CursorSchema = z.object({ c: safeString(), i: safeString() });
export type Cursor = z.infer<typeof CursorSchema>;

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify({ c: createdAt, i: id }), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined): Cursor | undefined {
  if (cursor === undefined || cursor === "") return undefined;
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("validation_failed", "The cursor is not one this server gave out.", {
      fields: [{ path: "cursor", message: "Unknown cursor; start again without it." }],
    });
  }
}

/**
 * Given limit+1 rows fetched, returns the page and the cursor for the next one. Rows are keyed by
 * (created_at, id) unless `sortKey` names another time column, such as the audit log's `at`.
 */
export function toPage<R extends { id: string }, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
  sortKey: (row: R) => string = (row) => (row as unknown as { created_at: string }).created_at,
): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(map),
    nextCursor: more && last ? encodeCursor(sortKey(last), last.id) : null,
  };
}

/** SQL condition "row comes after the cursor" for a list ordered by (created, id), ascending or descending. */
export function afterCursor(
  cursor: Cursor,
  createdCol: string,
  idCol: string,
  direction: "asc" | "desc" = "asc",
): RawBuilder<SqlBool> {
  const c = sql.ref(createdCol);
  const i = sql.ref(idCol);
  const op = sql.raw(direction === "asc" ? ">" : "<");
  return sql<SqlBool>`(${c} ${op} ${cursor.c} or (${c} = ${cursor.c} and ${i} ${op} ${cursor.i}))`;
}

/** Reads ?limit= into a bounded page size. */
export function pageLimit(limit: number | undefined): number {
  return Math.min(Math.max(limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
}
