/** Opens the database: embedded SQLite under DATA_DIR (WAL, synchronous=FULL) or PostgreSQL from DATABASE_URL, each watched by a DatabaseMonitor. */
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database, Db, Dialect } from "./database.ts";
import { DatabaseMonitor, type MonitorOptions } from "./availability.ts";
import { namingPool } from "./prepared.ts";
import { withStatementCache } from "./statement-cache.ts";
import { guardPgPool, probePostgres, sqliteHasRoom, watchedPostgresPool, watchedSqlite } from "./watched-drivers.ts";

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  close: () => Promise<void>;
  /** PostgreSQL's connection pool, for its metrics (src/observability). */
  pool?: pg.Pool;
  /** Whether the database can be reached and has room (read by /healthz and /readyz). */
  monitor: DatabaseMonitor;
}

export interface ConnectOptions {
  databaseUrl?: string | undefined;
  /** SQLite file path; ":memory:" for tests. */
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests isolate themselves this way). */
  pgSchema?: string;
  /** Overrides for the availability monitor (tests: its log, how long "no room" takes to settle). */
  monitor?: Pick<MonitorOptions, "log" | "settleMs">;
}

/** How long opening a PostgreSQL connection, or waiting for a free pooled one, may take. */
export const POOL_CONNECT_TIMEOUT_MS = 10_000;

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
    const settings = {
      connectionString: opts.databaseUrl,
      // A 201 promises the write is durable: insist on synchronous commit whatever the server's default.
      options: `-c synchronous_commit=on${opts.pgSchema ? ` -c search_path=${opts.pgSchema}` : ""}`,
    };
    const pool = new pg.Pool({
      ...settings,
      max: 10,
      // Opening a connection, or waiting for a free one, gives up after this; a server that stops answering is found
      // sooner by the monitor's stall watchdog (availability.ts), which then refuses at once until it answers again.
      connectionTimeoutMillis: POOL_CONNECT_TIMEOUT_MS,
      keepAlive: true,
    });
    const monitor = new DatabaseMonitor({ probe: () => probePostgres(settings), dropConnections: () => dropConnections(), ...opts.monitor });
    const dropConnections = guardPgPool(pool, monitor);
    // An idle connection that PostgreSQL ends (a restart, an administrator) is reported on the pool; without a
    // listener Node would throw it and end the server. The pool drops that connection and opens a new one when next
    // needed, so the error is logged (at most once a minute), the monitor checks the server, and the server goes on.
    let lastLogged = 0;
    pool.on("error", (err) => {
      monitor.observe(err);
      if (Date.now() - lastLogged < 60_000) return;
      lastLogged = Date.now();
      console.error(`accord: a PostgreSQL connection was closed (${err.message}); it will be reopened when needed.`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: watchedPostgresPool(namingPool(pool), monitor) }) });
    monitors.set(db, monitor);
    return { db, dialect: "postgres", pool, monitor, close: () => (monitor.close(), db.destroy()) };
  }
  const file = opts.sqliteFile ?? ":memory:";
  const raw = openSqlite(file);
  const monitor = new DatabaseMonitor({ hasRoom: sqliteHasRoom(raw, file), ...opts.monitor });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: watchedSqlite(withStatementCache(raw), raw, monitor) }) });
  monitors.set(db, monitor);
  return { db, dialect: "sqlite", monitor, close: () => (monitor.close(), db.destroy()) };
}

const monitors = new WeakMap<Db, DatabaseMonitor>();

/** The monitor of a database opened by `connect` (for the health probes), or undefined for any other handle. */
export function monitorOf(db: Db): DatabaseMonitor | undefined {
  return monitors.get(db);
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
