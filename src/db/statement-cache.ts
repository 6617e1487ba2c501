/** Keeps better-sqlite3's prepared statements by SQL text, so a hot query is compiled by SQLite once, not on every call. */
import type BetterSqlite3 from "better-sqlite3";

/** What Kysely's SqliteDialect needs of a database: `prepare` and `close`. */
export interface PreparingDatabase {
  prepare(sql: string): BetterSqlite3.Statement;
  close(): void;
}

/**
 * Wraps a connection so `prepare` returns a cached statement for SQL it has seen (least recently used
 * dropped beyond `limit`). Safe because Kysely runs one query at a time on SQLite's single connection,
 * and SQLite re-prepares a statement by itself when the schema changes under it.
 */
export function withStatementCache(raw: BetterSqlite3.Database, limit = 500): PreparingDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = raw.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > limit) cache.delete(cache.keys().next().value!);
      return stmt;
    },
    close() {
      cache.clear();
      raw.close();
    },
  };
}
