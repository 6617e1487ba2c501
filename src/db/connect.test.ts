// A PostgreSQL connection ended under the server (as a restart or an administrator does) must not end the process: the pool reconnects.
import { sql } from "kysely";
import pg from "pg";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { DbHandle } from "./connect.ts";
import { createTestDb, testDialect } from "../testing/test-db.ts";

let h: DbHandle;
beforeEach(async () => {
  h = await createTestDb();
});
afterEach(async () => {
  await h.close();
});

it.skipIf(testDialect !== "postgres")("rides out its idle connections being terminated, and answers again", async () => {
  // Three pooled connections at once (each sleeps a little, so they cannot share one), then left idle.
  const pid = () => sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(h.db).then((r) => r.rows[0]!.pid);
  const pids = [...new Set(await Promise.all([pid(), pid(), pid()]))];
  expect(pids.length).toBe(3);
  const admin = new pg.Client({ connectionString: process.env["TEST_DATABASE_URL"] });
  await admin.connect();
  try {
    const killed = await admin.query("select pg_terminate_backend(pid) as ok from unnest($1::int[]) as pid", [pids]);
    expect(killed.rows.every((r: { ok: boolean }) => r.ok)).toBe(true);
  } finally {
    await admin.end();
  }
  // The pool reports the ended connections as errors (unhandled, they would end the process); the next query reconnects.
  await new Promise((r) => setTimeout(r, 200));
  const again = await sql<{ two: number }>`select 2::int as two`.execute(h.db);
  expect(again.rows[0]?.two).toBe(2);
});
