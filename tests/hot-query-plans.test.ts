// SQLite EXPLAIN QUERY PLAN of every query the hot requests really send (submission, results, registers, insights, health, network, audit): no full scan of a partnership's table.
import { Kysely, SqliteDialect, type CompiledQuery } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../src/accounts/sessions.ts";
import { loadConfig } from "../src/config/config.ts";
import { openSqlite } from "../src/db/connect.ts";
import type { Database } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { createDemoAccount } from "../src/demo/create-demo-account.ts";
import { createDemoPartnership } from "../src/demo/create-demo-partnership.ts";
import { createApp } from "../src/http/app.ts";
import { instrumentItems, latestInstrument } from "../src/surveys/instruments/registry.ts";
import { CapturingMailer, TestClient } from "../src/testing/test-app.ts";
import { testDialect } from "../src/testing/test-db.ts";

/** A partnership's tables: reading any of them whole would grow with every other partnership on the instance. */
const TENANT_TABLES = new Set([
  "organisations", "people", "invitations", "audit_log", "waves", "wave_participants", "wave_responses", "wave_nominees", "wave_org_ratings",
  "register_entries", "register_versions", "pressure_events", "published_snapshots", "wave_summaries", "programme_partnerships",
]);

const raw = openSqlite(":memory:");
const captured: CompiledQuery[] = [];
let capturing = false;
const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }), log: (e) => void (capturing && e.level === "query" && captured.push(e.query)) });

interface Plan {
  sql: string;
  details: string[];
  fullScans: string[];
}

/** The plan of one captured statement, and the tenant tables it reads whole (SCAN without a SEARCH key). */
function explain(q: CompiledQuery): Plan {
  const aliases = new Map<string, string>();
  for (const m of q.sql.matchAll(/"(\w+)" as "(\w+)"/g)) aliases.set(m[2]!, m[1]!);
  const rows = raw.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as Array<{ detail: string }>;
  const details = rows.map((r) => r.detail);
  const fullScans = details
    .map((d) => /^SCAN (\w+)/.exec(d)?.[1])
    .filter((name): name is string => name !== undefined)
    .map((name) => aliases.get(name) ?? name)
    .filter((table) => TENANT_TABLES.has(table));
  return { sql: q.sql, details, fullScans };
}

describe.skipIf(testDialect !== "sqlite")("query plans of the hot requests (SQLite)", () => {
  const plans: Plan[] = [];
  const answered: string[] = [];

  beforeAll(async () => {
    await migrateToLatest(db);
    const account = await createDemoAccount(db);
    const actor = { userId: account.userId, name: account.name, email: account.email, via: "session" as const };
    const p = await createDemoPartnership(db, actor);
    const app = createApp({ db, dialect: "sqlite", config: loadConfig({}), mailer: new CapturingMailer() }, { webDist: "/nonexistent" });
    const c = new TestClient(app, { cookie: (await createSession(db, account.userId)).secret });
    const base = `/api/v1/partnerships/${p.id}`;
    const waves = (await c.get(`${base}/waves`)).body.items as Array<{ id: string; status: string; opensOn: string }>;
    const [first, latest] = waves.filter((w) => w.status === "published").sort((a, b) => a.opensOn.localeCompare(b.opensOn));
    const open = (await c.post(`${base}/waves`, { name: "Pulse", instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-01-01" })).body;
    await c.post(`${base}/waves/${open.id}/open`);
    const links = (await c.post(`${base}/waves/${open.id}/links`, {})).body.links as Array<{ url: string }>;
    const token = links[0]!.url.split("/respond/")[1]!;
    const answers = Object.fromEntries(instrumentItems(latestInstrument("pulse")).map((i) => [i.key, { value: 3 }]));
    const organisationId = (await c.get(`${base}/organisations`)).body.items[0].id as string;

    capturing = true;
    const hot: Array<[string, string, unknown?, Record<string, string>?]> = [
      ["POST", `/api/v1/respond/${token}/response`, { answers }, { "idempotency-key": "plan-check-key" }],
      ["GET", `${base}/waves/${latest!.id}/results`],
      ["GET", `${base}/waves/${latest!.id}/results?breakdown=organisation`],
      ["GET", `${base}/waves/${latest!.id}/compare/${first!.id}`],
      ["GET", `${base}/registers/commitments`],
      ["POST", `${base}/registers/commitments`, { title: "Plan check", organisationId, dueOn: "2026-09-01" }],
      ["GET", `${base}/attention`],
      ["GET", `${base}/kept-on-time`],
      ["GET", `${base}/reciprocity`],
      ["GET", `${base}/timeline`],
      ["GET", `${base}/health`],
      ["GET", `${base}/waves/${latest!.id}/network`],
      ["GET", `${base}/audit`],
      ["GET", `${base}/waves`],
    ];
    for (const [method, path, body, headers] of hot) {
      const res = await c.request(method, path, body, headers);
      answered.push(`${method} ${path.replace(base, "…")} ${res.status}`);
    }
    capturing = false;
    const seen = new Set<string>();
    for (const q of captured) {
      if (!/^\s*(select|update|delete|with)\b/i.test(q.sql) || seen.has(q.sql)) continue;
      seen.add(q.sql);
      plans.push(explain(q));
    }
  }, 120_000);

  afterAll(() => db.destroy());

  it("answered every hot request", () => {
    expect(answered.filter((a) => !/ 20[01]$/.test(a))).toEqual([]);
    expect(plans.length).toBeGreaterThan(20);
  });

  it("reads no partnership's table whole: each is searched by an index (partnership, wave or a unique key)", () => {
    const offenders = plans.filter((p) => p.fullScans.length).map((p) => `${p.fullScans.join(", ")} ← ${p.sql}\n    ${p.details.join("\n    ")}`);
    console.log(`${plans.length} distinct statements from ${answered.length} hot requests; ${offenders.length} read a tenant table whole`);
    if (process.env["PLAN_DEBUG"]) console.log(plans.map((p) => `${p.sql.slice(0, 140)}\n    ${p.details.join("\n    ")}`).join("\n"));
    expect(offenders).toEqual([]);
  });
});
