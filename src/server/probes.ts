/** The health probes, each answering within about 2 s: /livez (the process answers), /healthz (the database can be reached and written), /readyz (send traffic here). */
import { Hono } from "hono";
import { sql } from "kysely";
import type { DatabaseMonitor } from "../db/availability.ts";
import { monitorOf } from "../db/connect.ts";
import { classifyDatabaseError } from "../db/errors.ts";
import type { Db } from "../db/database.ts";
import { LATEST_MIGRATION } from "../db/migrate.ts";
import type { AppEnv, Deps } from "../http/env.ts";
import { isDraining } from "./draining.ts";

/** A probe's database check gives up after this (a stalled PostgreSQL must not hold a probe for 20 s). */
export const PROBE_BUDGET_MS = 2_000;

type DatabaseCheck = "ok" | "unreachable" | "timeout";

/** Settles with `work`, or with "timeout" after `ms` (the work goes on; its late failure is ignored). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | "timeout"> {
  work.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `query` against the database within the budget: refused at once while the monitor knows the server is out of reach, and a timeout makes the monitor look. */
async function reach<T>(db: Db, monitor: DatabaseMonitor | undefined, query: (db: Db) => Promise<T>): Promise<{ check: DatabaseCheck; value?: T }> {
  if (monitor?.unreachable) return { check: "unreachable" };
  try {
    const value = await within(query(db), PROBE_BUDGET_MS);
    if (value === "timeout") {
      void monitor?.suspect();
      return { check: "timeout" };
    }
    return { check: "ok", value };
  } catch {
    return { check: "unreachable" };
  }
}

const noStore = { "cache-control": "no-store" };

export function probeRoutes(deps: Pick<Deps, "db">): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const monitor = () => monitorOf(deps.db);

  // Liveness: answers while the process can serve HTTP at all, whatever the database does; restarting accord would not bring a database back.
  app.get("/livez", (c) => c.json({ status: "ok" }, 200, noStore));

  // Health, for monitoring and alerts: the database answers within the budget and can store (no "no room" errors, and on SQLite room on disk and below the page limit).
  app.get("/healthz", async (c) => {
    const m = monitor();
    const { check: database } = await reach(deps.db, m, (db) => db.selectNoFrom((eb) => eb.val(1).as("one")).execute());
    const storage = m?.storageFull ? "full" : "ok";
    const ok = database === "ok" && storage === "ok";
    return c.json({ status: ok ? "ok" : "unavailable", checks: { database, storage } }, ok ? 200 : 503, noStore);
  });

  // Readiness, for load balancers: not stopping, the database answers, and it has every migration this code knows.
  app.get("/readyz", async (c) => {
    if (isDraining()) return c.json({ status: "unavailable", checks: { draining: true } }, 503, noStore);
    const { check: database, value } = await reach(deps.db, monitor(), (db) =>
      sql<{ name: string | null }>`select max(name) as name from kysely_migration`.execute(db).then(
        (r) => r.rows[0]?.name ?? null,
        (err: unknown) => {
          if (classifyDatabaseError(err)) throw err; // out of reach, locked: not a missing table
          return "missing" as const;
        },
      ),
    );
    const migrations = database !== "ok" ? "unknown" : value !== "missing" && value !== null && value !== undefined && value >= LATEST_MIGRATION ? "ok" : "pending";
    const ok = database === "ok" && migrations === "ok";
    return c.json({ status: ok ? "ok" : "unavailable", checks: { draining: false, database, migrations } }, ok ? 200 : 503, noStore);
  });
  return app;
}
