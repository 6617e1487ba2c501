/** Benchmarks: request cost of typical reads and writes, reported as ratios to /healthz measured in the same run. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createSession } from "../src/accounts/sessions.ts";
import { createUserWithPassword } from "../src/accounts/users.ts";
import { loadConfig } from "../src/config/config.ts";
import { connect } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { createDemoPartnership } from "../src/demo/create-demo-partnership.ts";
import { createApp } from "../src/http/app.ts";
import { noMailer } from "../src/mail/mailer.ts";

const ITER = Number(process.env["BENCH_ITER"] ?? 400);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "accord-bench-"));
const url = process.env["DATABASE_URL"];
const handle = url ? connect({ databaseUrl: url }) : connect({ sqliteFile: path.join(dir, "bench.sqlite") });
await migrateToLatest(handle.db);
const app = createApp({ db: handle.db, dialect: handle.dialect, config: loadConfig({}), mailer: noMailer }, { webDist: "/nonexistent" });
const user = await createUserWithPassword(handle.db, { name: "Bench", email: `bench+${Date.now()}@example.org`, password: "benchmark password" });
const { secret } = await createSession(handle.db, user.id);
const actor = { userId: user.id, name: user.name, email: user.email, via: "session" as const };
const p = await createDemoPartnership(handle.db, actor);
const headers = { cookie: `accord_session=${secret}`, origin: "http://localhost", "content-type": "application/json" };

async function time(label: string, fn: (i: number) => Response | Promise<Response>): Promise<number> {
  for (let i = 0; i < 20; i++) await fn(i); // warm up
  const samples: number[] = [];
  for (let i = 0; i < ITER; i++) {
    const t = process.hrtime.bigint();
    const res = await fn(i);
    await res.arrayBuffer();
    if (res.status >= 400) throw new Error(`${label}: HTTP ${res.status}`);
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (i % 50 === 0 && process.stderr.isTTY) process.stderr.write(`\r${label.padEnd(34)} ${i}/${ITER}`);
    else if (i === 0) process.stderr.write(`${label}…\n`);
  }
  if (process.stderr.isTTY) process.stderr.write(`\r${" ".repeat(50)}\r`);
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const base = `http://localhost/api/v1/partnerships/${p.id}`;
const results: Array<[string, number]> = [];
results.push(["GET /healthz (baseline)", await time("healthz", () => app.request("http://localhost/healthz"))]);
results.push(["GET /api/v1/me (session lookup)", await time("me", () => app.request("http://localhost/api/v1/me", { headers }))]);
results.push(["GET people (11 rows)", await time("people", () => app.request(`${base}/people`, { headers }))]);
results.push(["GET commitments (first page)", await time("commitments", () => app.request(`${base}/registers/commitments`, { headers }))]);
results.push(["GET kept-on-time (derived)", await time("kept-on-time", () => app.request(`${base}/kept-on-time`, { headers }))]);
results.push(["GET attention (all registers)", await time("attention", () => app.request(`${base}/attention`, { headers }))]);
results.push(["GET timeline (first page)", await time("timeline", () => app.request(`${base}/timeline`, { headers }))]);
const orgId = (await (await app.request(`${base}/organisations`, { headers })).json() as { items: { id: string }[] }).items[0]!.id;
results.push(["POST commitment (durable, versioned)", await time("post commitment", (i) => app.request(`${base}/registers/commitments`, { method: "POST", headers, body: JSON.stringify({ title: `Bench promise ${i}`, organisationId: orgId, dueOn: "2027-01-01" }) }))]);
results.push(["POST organisation (durable write)", await time("post org", (i) => app.request(`${base}/organisations`, { method: "POST", headers, body: JSON.stringify({ name: `Bench org ${i}`, sector: "other" }) }))]);

const baseline = results[0]![1];
console.log(`accord bench on ${handle.dialect}, ${ITER} requests each, median latency (in-process, no network)`);
for (const [label, ms] of results) console.log(`${label.padEnd(36)} ${ms.toFixed(3).padStart(8)} ms   ×${(ms / baseline).toFixed(1)} baseline`);
await handle.close();
fs.rmSync(dir, { recursive: true, force: true });
