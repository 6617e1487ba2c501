/** Opens the database: embedded SQLite under DATA_DIR (WAL, synchronous=FULL) or PostgreSQL from DATABASE_URL. */
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database, Db, Dialect } from "./database.ts";
import { namingPool } from "./prepared.ts";
import { withStatementCache } from "./statement-cache.ts";

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  close: () => Promise<void>;
}

export interface ConnectOptions {
  databaseUrl?: string | undefined;
  /** SQLite file path; ":memory:" for tests. */
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests isolate themselves this way). */
  pgSchema?: string;
}

export function sqliteFileIn(dataDir: string): string {
  return path.join(dataDir, "accord.sqlite");
}

export function openSqlite(file: string): BetterSqlite3.Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new BetterSqlite3(file);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = FULL");
  raw.pragma("foreign_keys = ON");
  raw.pragma("busy_timeout = 5000");
  return raw;
}

export function connect(opts: ConnectOptions): DbHandle {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 10,
      // A 201 promises the write is durable: insist on synchronous commit whatever the server's default.
      options: `-c synchronous_commit=on${opts.pgSchema ? ` -c search_path=${opts.pgSchema}` : ""}`,
    });
    // An idle connection that PostgreSQL ends (a restart, an administrator) is reported on the pool; without a
    // listener Node would throw it and end the server. The pool drops that connection and opens a new one when next
    // needed, so the error is logged (at most once a minute) and the server goes on.
    let lastLogged = 0;
    pool.on("error", (err) => {
      if (Date.now() - lastLogged < 60_000) return;
      lastLogged = Date.now();
      console.error(`accord: a PostgreSQL connection was closed (${err.message}); it will be reopened when needed.`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: namingPool(pool) }) });
    return { db, dialect: "postgres", close: () => db.destroy() };
  }
  const raw = openSqlite(opts.sqliteFile ?? ":memory:");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return { db, dialect: "sqlite", close: () => db.destroy() };
}

/** True when the database answers a trivial query. */
export async function ping(db: Db): Promise<boolean> {
  try {
    await db.selectNoFrom((eb) => eb.val(1).as("one")).execute();
    return true;
  } catch {
    return false;
  }
}
