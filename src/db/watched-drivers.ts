/** The driver objects Kysely is given, wrapped so every query's outcome reaches the DatabaseMonitor, and so a broken connection never ends the process. */
import fs from "node:fs";
import path from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult, SqliteDatabase, SqliteStatement } from "kysely";
import pg from "pg";
import { PROBE_TIMEOUT_MS, type DatabaseMonitor } from "./availability.ts";
import type { PreparingDatabase } from "./statement-cache.ts";

/**
 * SQLite: tells the monitor about each failure and each stored write (a statement that changes something, outside a
 * transaction, or the commit of a transaction that did). A ROLLBACK after SQLite has already rolled the transaction
 * back by itself (it does so on SQLITE_FULL and some I/O errors) is skipped, so the caller sees the first error, not
 * "cannot rollback - no transaction is active".
 */
export function watchedSqlite(inner: PreparingDatabase, raw: BetterSqlite3.Database, monitor: DatabaseMonitor): SqliteDatabase {
  const wrapped = new WeakMap<BetterSqlite3.Statement, SqliteStatement>();
  let wrote = false;
  const succeeded = (stmt: BetterSqlite3.Statement, isRollback: boolean) => {
    if (isRollback) wrote = false;
    else if (!stmt.readonly) wrote = true;
    if (wrote && !raw.inTransaction) {
      wrote = false;
      monitor.noteWriteOk();
    }
  };
  const failed = (err: unknown): never => {
    if (!raw.inTransaction) wrote = false;
    monitor.observe(err);
    throw err;
  };
  return {
    prepare(sql: string): SqliteStatement {
      let stmt: BetterSqlite3.Statement;
      try {
        stmt = inner.prepare(sql);
      } catch (err) {
        return failed(err);
      }
      const known = wrapped.get(stmt);
      if (known) return known;
      const isRollback = /^\s*rollback\b/i.test(sql);
      const statement: SqliteStatement = {
        reader: stmt.reader,
        all(parameters) {
          try {
            const rows = stmt.all(parameters as unknown[]);
            succeeded(stmt, false);
            return rows;
          } catch (err) {
            return failed(err);
          }
        },
        run(parameters) {
          if (isRollback && !raw.inTransaction) {
            wrote = false;
            return { changes: 0, lastInsertRowid: 0 };
          }
          try {
            const result = stmt.run(parameters as unknown[]);
            succeeded(stmt, isRollback);
            return result;
          } catch (err) {
            return failed(err);
          }
        },
        iterate: (parameters) => stmt.iterate(parameters as unknown[]),
      };
      wrapped.set(stmt, statement);
      return statement;
    },
    close: () => inner.close(),
  };
}

/** SQLite's room check for the monitor: at least 8 pages below `max_page_count` (counting free pages) and 1 MiB free where the file lives. */
export function sqliteHasRoom(raw: BetterSqlite3.Database, file: string): () => boolean {
  return () => {
    try {
      const pages = Number(raw.pragma("page_count", { simple: true }));
      const max = Number(raw.pragma("max_page_count", { simple: true }));
      const free = Number(raw.pragma("freelist_count", { simple: true }));
      if (max - pages + free < 8) return false;
      if (file === ":memory:" || file === "") return true;
      const disk = fs.statfsSync(path.dirname(file));
      return disk.bavail * disk.bsize >= 1024 * 1024;
    } catch {
      return true; // unknown: the writes themselves will say
    }
  };
}

/**
 * PostgreSQL: the pool Kysely uses. Checking out a connection fails at once while the server is known to be out of
 * reach; queries and check-outs count as in flight for the monitor's stall watchdog; a check-out still waiting when the
 * server is found out of reach is refused then (and the connection, if it comes later, goes back). Each query's outcome
 * reaches the monitor; a stored write is an INSERT/UPDATE/DELETE outside a transaction or the COMMIT of one that wrote.
 */
export function watchedPostgresPool(inner: PostgresPool, monitor: DatabaseMonitor): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      monitor.refuseWhileUnreachable();
      const client = await monitor.track(inner.connect(), (late) => late.release()).catch((err: unknown) => {
        monitor.observe(err);
        throw err;
      });
      let inTransaction = false;
      let wrote = false;
      const outcome = (result: PostgresQueryResult<unknown>) => {
        const command = String(result.command ?? "").toUpperCase();
        if (command === "BEGIN") [inTransaction, wrote] = [true, false];
        else if (command === "ROLLBACK") [inTransaction, wrote] = [false, false];
        else if (command === "COMMIT") {
          if (wrote) monitor.noteWriteOk();
          [inTransaction, wrote] = [false, false];
        } else if (command === "INSERT" || command === "UPDATE" || command === "DELETE" || command === "MERGE") {
          if (inTransaction) wrote = true;
          else monitor.noteWriteOk();
        }
        return result;
      };
      const query = (sql: unknown, parameters?: ReadonlyArray<unknown>): unknown => {
        if (typeof sql !== "string") return (client.query as (cursor: unknown) => unknown)(sql); // a cursor: untouched
        return monitor.track(client.query<unknown>(sql, parameters ?? [])).then(outcome, (err: unknown) => {
          monitor.observe(err);
          throw err;
        });
      };
      return { query: query as PostgresPoolClient["query"], release: (destroy?: boolean) => client.release(destroy) };
    },
    end: () => inner.end(),
  };
}

/**
 * Listens on the pg pool so a connection that breaks never ends the process: idle ones are reported by the pool, and
 * checked-out ones by the client itself (pg-pool removes its own listener while a client is lent out, so without ours
 * a server shutting down mid-query is an unhandled 'error' event). Returns a function ending every connection now.
 */
export function guardPgPool(pool: pg.Pool, monitor: DatabaseMonitor): () => void {
  const clients = new Set<pg.PoolClient>();
  pool.on("connect", (client) => {
    clients.add(client);
    client.on("error", (err) => monitor.observe(err));
  });
  pool.on("remove", (client) => clients.delete(client));
  return () => {
    for (const client of clients) client.connection?.stream?.destroy();
  };
}

/** A connection of its own to the server, outside the pool: resolves once `select 1` answers, within PROBE_TIMEOUT_MS. */
export async function probePostgres(config: pg.ClientConfig): Promise<void> {
  const client = new pg.Client({ ...config, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    void client.end().catch(() => {});
  } catch (err) {
    client.connection?.stream?.destroy();
    throw err;
  }
}
