/** The metrics one server process keeps: requests, the database (PostgreSQL's pool or SQLite's files), the submission group-commit queue, and the process itself. */
import fs from "node:fs";
import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";
import { HttpMetrics } from "./http-metrics.ts";

/** What pg's Pool says about itself (a structural type, so this module need not load pg). */
export interface PoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max?: number | undefined };
}

/** A group-commit writer (src/db/batch.ts BatchWriter): what waits, what is being written, and what was. */
export interface QueueStats {
  waiting: number;
  inFlight: number;
  stats: { transactions: number; items: number; fallbacks: number };
}

export interface MetricsSources {
  /** PostgreSQL: the connection pool. */
  pool?: PoolStats | undefined;
  /** SQLite: the database file (its `-wal` beside it). */
  sqliteFile?: string | undefined;
  /** The submission writer, looked up when scraped. */
  submissions?: (() => QueueStats) | undefined;
  /** Accounts with expensive requests running or waiting in this process (src/limits/one-at-a-time.ts). */
  expensiveQueued?: (() => number) | undefined;
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** A counter whose value is read from elsewhere when scraped (prom-client's counters can only be added to). */
function readCounter(registry: Registry, name: string, help: string, read: () => number): void {
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      this.reset();
      this.inc(read());
    },
  });
}

function readGauge(registry: Registry, name: string, help: string, read: () => number): void {
  new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      this.set(read());
    },
  });
}

export function createMetricsRegistry(sources: MetricsSources = {}): { registry: Registry; http: HttpMetrics } {
  const registry = new Registry();
  // Process CPU, memory, heap, handles, garbage collection and event-loop lag, under prom-client's usual names.
  collectDefaultMetrics({ register: registry });
  const http = new HttpMetrics(registry);

  const { pool, sqliteFile, submissions, expensiveQueued } = sources;
  if (pool) {
    readGauge(registry, "accord_db_pool_connections", "PostgreSQL connections open in the pool, busy or idle.", () => pool.totalCount);
    readGauge(registry, "accord_db_pool_idle_connections", "PostgreSQL connections open and idle.", () => pool.idleCount);
    readGauge(registry, "accord_db_pool_waiting_queries", "Queries waiting for a connection because every one is busy.", () => pool.waitingCount);
    readGauge(registry, "accord_db_pool_max_connections", "The most connections the pool opens.", () => pool.options.max ?? 10);
  }
  if (sqliteFile) {
    readGauge(registry, "accord_sqlite_database_bytes", "Size of the SQLite database file.", () => sizeOf(sqliteFile));
    readGauge(registry, "accord_sqlite_wal_bytes", "Size of the SQLite write-ahead log (-wal); commits not yet checkpointed into the database file live here.", () => sizeOf(`${sqliteFile}-wal`));
  }
  if (submissions) {
    readGauge(registry, "accord_submission_queue_waiting", "Survey submissions waiting to join a group commit.", () => submissions().waiting);
    readGauge(registry, "accord_submission_groups_in_flight", "Groups of submissions being committed now.", () => submissions().inFlight);
    readCounter(registry, "accord_submission_group_commits_total", "Groups of submissions committed (one transaction each).", () => submissions().stats.transactions);
    readCounter(registry, "accord_submission_group_items_total", "Submissions committed as part of a group.", () => submissions().stats.items);
    readCounter(registry, "accord_submission_group_fallbacks_total", "Groups whose write failed and were written again one submission at a time.", () => submissions().stats.fallbacks);
  }
  if (expensiveQueued) {
    readGauge(registry, "accord_expensive_accounts_queued", "Accounts with an expensive request (report, import, export, demo) running or waiting in this process.", expensiveQueued);
  }
  return { registry, http };
}
