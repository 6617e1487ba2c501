/** Benchmark 1: durable acknowledged survey submissions per second through the real HTTP server vs raw durable inserts. */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { Pool } from "undici";
import { connect, openSqlite, sqliteFileIn } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { noMailer } from "../src/mail/mailer.ts";
import { issueLinks } from "../src/surveys/issue-links.ts";
import { responseNullifier } from "../src/surveys/tokens.ts";
import { createWave, transitionWave } from "../src/surveys/wave-use-cases.ts";
import { realisticAnswers } from "./lib/answers.ts";
import { benchSize, describeMachine, pgDatabase, round, seededRandom, stats, writeResult, type Engine } from "./lib/common.ts";
import { cpuSecondsOf, processTree, processesNamed, sampleMemory, treeRss } from "./lib/memory.ts";
import { startServer } from "./lib/server.ts";
import { seedPeople } from "./lib/seed-people.ts";

const engine = (process.argv[2] ?? "sqlite") as Engine;
const size = benchSize();
const CLIENTS = 50;
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 3);
const PER_ROUND = Number(process.env["BENCH_SUBMISSIONS"] ?? (size === "full" ? 3000 : 600));
// A first, unmeasured round on its own wave (and raw inserts), so neither side is timed while code is still being compiled and connections opened.
const WARMUP = Number(process.env["BENCH_WARMUP"] ?? PER_ROUND);
// The server's processes: one by default, as `accord serve` starts; BENCH_WORKERS=2 runs it with WORKERS=2 (PostgreSQL only), results in their own file.
const WORKERS = Number(process.env["BENCH_WORKERS"] ?? 1);
const rand = seededRandom(7);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "accord-bench-submit-"));
const databaseUrl = engine === "postgres" ? await pgDatabase("accord_bench_submit", true) : undefined;
const handle = databaseUrl ? connect({ databaseUrl }) : connect({ sqliteFile: sqliteFileIn(dataDir) });
await migrateToLatest(handle.db);

// Set-up: one partnership with enough people for every round, one open wave per round (plus one for raw inserts).
process.stderr.write(`submission/${engine}: setting up ${ROUNDS} waves × ${PER_ROUND} links\n`);
const { actor, partnershipId } = await seedPeople(handle.db, PER_ROUND);
const today = new Date().toISOString().slice(0, 10);
const later = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
const waves: Array<{ id: string; tokens: string[] }> = [];
for (let r = 0; r < ROUNDS + (WARMUP > 0 ? 1 : 0); r++) {
  const w = await createWave(handle.db, actor, partnershipId, { name: r < ROUNDS ? `Bench round ${r + 1}` : "Bench warm-up", instrumentKey: "accord-trust", opensOn: today, closesOn: later, k: 5 });
  await transitionWave(handle.db, actor, partnershipId, w.id, "open");
  const { links } = await issueLinks(handle.db, noMailer, actor, partnershipId, w.id, undefined, "http://bench");
  waves.push({ id: w.id, tokens: links.map((l) => l.url.slice("http://bench/respond/".length)) });
}
const rawWave = await createWave(handle.db, actor, partnershipId, { name: "Raw inserts", instrumentKey: "accord-trust", opensOn: today, closesOn: later, k: 5 });
const orgRow = await handle.db.selectFrom("organisations").select(["id", "sector"]).where("partnership_id", "=", partnershipId).executeTakeFirstOrThrow();
await handle.close();

const server = await startServer({ DATA_DIR: dataDir, TRUST_PROXY: "1", WORKERS: String(WORKERS), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
await new Promise((r) => setTimeout(r, 500));
// The server is its process and, with WORKERS > 1, its workers: CPU and memory are summed over them all.
const serverProcesses = processTree(server.pid);
const memory = sampleMemory(server.pid, 100, { tree: true });

// undici's Pool as the load generator: 50 keep-alive connections, one request at a time on each. It costs the
// client about a third of the CPU per request that node:http does, which matters when client, server and
// database share two cores.
// A new pool per round: no connection left idle through the raw-insert phase, which the server may close as another request goes out on it.
let pool = new Pool(server.url, { connections: CLIENTS, pipelining: 1 });
async function post(path: string, body: string, headers: Record<string, string>): Promise<number> {
  const res = await pool.request({ path, method: "POST", body, headers: { "content-type": "application/json", ...headers } });
  await res.body.dump();
  return res.statusCode;
}

const sent = new Map<string, string>(); // token → answers JSON acknowledged with 201
const statuses = new Map<number | string, number>();
const latencies: number[] = [];
const httpRates: number[] = [];
const rawRates: number[] = [];

/** CPU seconds the server's processes have used so far. */
const serverCpu = () => cpuSecondsOf(serverProcesses);

/** CPU seconds used so far by every local PostgreSQL process (NaN for SQLite): the database's share of the work. */
const postgresCpu = () => (databaseUrl ? cpuSecondsOf(processesNamed("postgres")) : NaN);
const cpuPerSubmission: number[] = [];
const dbCpuPerSubmission: number[] = [];
const dbCpuPerRawInsert: number[] = [];
const clientCpuPerSubmission: number[] = [];

let attempted = 0;
async function httpRound(tokens: string[]): Promise<number> {
  attempted += tokens.length;
  let next = 0;
  const bodies = tokens.map((t) => {
    const answers = JSON.stringify(realisticAnswers(rand, 1 + rand() * 4));
    return [t, `{"answers":${answers}}`, answers] as const;
  });
  await pool.close();
  pool = new Pool(server.url, { connections: CLIENTS, pipelining: 1 });
  const start = performance.now();
  const cpu0 = serverCpu();
  const db0 = postgresCpu();
  const client0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      // Each client is its own address (TRUST_PROXY): a whole team behind one address would meet the submission limit.
      const headers = { "x-forwarded-for": `10.0.${Math.floor(c / 250)}.${(c % 250) + 1}` };
      while (next < bodies.length) {
        const [token, body, answers] = bodies[next++]!;
        const t = performance.now();
        let status: number | string;
        try {
          status = await post(`/api/v1/respond/${token}/response`, body, { ...headers, "idempotency-key": randomBytes(12).toString("hex") });
        } catch (err) {
          status = (err as NodeJS.ErrnoException).code ?? "network error";
        }
        latencies.push(performance.now() - t);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 201) sent.set(token, answers);
      }
    }),
  );
  cpuPerSubmission.push(((serverCpu() - cpu0) * 1000) / tokens.length);
  dbCpuPerSubmission.push(((postgresCpu() - db0) * 1000) / tokens.length);
  const client = process.cpuUsage(client0);
  clientCpuPerSubmission.push((client.user + client.system) / 1000 / tokens.length);
  return tokens.length / ((performance.now() - start) / 1000);
}

const rawRow = (i: number) => ({
  id: randomBytes(16).toString("hex"),
  wave_id: rawWave.id,
  nullifier: randomBytes(32).toString("hex"),
  idempotency_hash: randomBytes(32).toString("hex"),
  organisation_id: orgRow.id,
  sector: orgRow.sector,
  answers: JSON.stringify(realisticAnswers(rand, 1 + (i % 4))),
});

async function rawRound(n: number): Promise<number> {
  const rows = Array.from({ length: n }, (_, i) => rawRow(i));
  const cols = "id, wave_id, nullifier, idempotency_hash, organisation_id, sector, answers";
  if (!databaseUrl) {
    // The server's own settings (openSqlite: WAL, synchronous=FULL), one autocommit insert after another, as its one connection does.
    const raw = openSqlite(sqliteFileIn(dataDir));
    const stmt = raw.prepare(`insert into wave_responses (${cols}) values (@id, @wave_id, @nullifier, @idempotency_hash, @organisation_id, @sector, @answers)`);
    const start = performance.now();
    for (const row of rows) stmt.run(row);
    const rate = n / ((performance.now() - start) / 1000);
    raw.close();
    return rate;
  }
  // Autocommit, synchronous_commit on, as many connections as the server's pools (10 per worker), driven by the same 50 concurrent callers.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 * WORKERS, options: "-c synchronous_commit=on" });
  await pool.query("select 1");
  let next = 0;
  const db0 = postgresCpu();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < rows.length) {
        const r = rows[next++]!;
        await pool.query(`insert into wave_responses (${cols}) values ($1, $2, $3, $4, $5, $6, $7)`, [r.id, r.wave_id, r.nullifier, r.idempotency_hash, r.organisation_id, r.sector, r.answers]);
      }
    }),
  );
  const rate = n / ((performance.now() - start) / 1000);
  dbCpuPerRawInsert.push(((postgresCpu() - db0) * 1000) / n);
  await pool.end();
  return rate;
}

if (WARMUP > 0) {
  process.stderr.write(`submission/${engine}: warm-up: ${WARMUP} submissions over HTTP, ${WARMUP} raw inserts (not counted)\n`);
  await httpRound(waves[ROUNDS]!.tokens.slice(0, WARMUP));
  await rawRound(WARMUP);
  for (const measured of [latencies, cpuPerSubmission, dbCpuPerSubmission, clientCpuPerSubmission, dbCpuPerRawInsert]) measured.length = 0;
}
for (let r = 0; r < ROUNDS; r++) {
  process.stderr.write(`submission/${engine}: round ${r + 1}/${ROUNDS}: ${PER_ROUND} submissions over HTTP (${CLIENTS} clients)`);
  httpRates.push(await httpRound(waves[r]!.tokens));
  process.stderr.write(` ${httpRates.at(-1)!.toFixed(0)}/s; ${PER_ROUND} raw inserts`);
  rawRates.push(await rawRound(PER_ROUND));
  process.stderr.write(` ${rawRates.at(-1)!.toFixed(0)}/s\n`);
}
// After the load: the server sits idle; trace its RSS each second until it is back within 10% of its start (or SETTLE_S pass).
const SETTLE_S = Number(process.env["BENCH_SETTLE_S"] ?? 30);
const afterLoad: number[] = [];
for (let s = 0; s < SETTLE_S; s++) {
  await new Promise((r) => setTimeout(r, 1000));
  afterLoad.push(round(treeRss(server.pid) / 1024 / 1024, 1));
  if (afterLoad.at(-1)! <= memory.startMiB * 1.1) break;
}
const mem = memory.stop();
await pool.close();
const exitCode = await server.stop();

// Verification: every acknowledged response stored exactly once, with the answers sent, and nothing else stored.
const check = databaseUrl ? connect({ databaseUrl }) : connect({ sqliteFile: sqliteFileIn(dataDir) });
const waveIds = waves.map((w) => w.id);
const stored = await check.db.selectFrom("wave_responses").select(["nullifier", "answers"]).where("wave_id", "in", waveIds).execute();
const byNullifier = new Map<string, string[]>();
for (const s of stored) byNullifier.set(s.nullifier, [...(byNullifier.get(s.nullifier) ?? []), s.answers]);
let missing = 0;
let duplicated = 0;
let altered = 0;
for (const [token, answers] of sent) {
  const found = byNullifier.get(responseNullifier(token)) ?? [];
  if (found.length === 0) missing++;
  if (found.length > 1) duplicated++;
  if (found.length >= 1 && found[0] !== answers) altered++;
}
const responded = await check.db.selectFrom("wave_participants").select((eb) => eb.fn.countAll<number>().as("n")).where("wave_id", "in", waveIds).where("responded", "=", 1).executeTakeFirstOrThrow();
await check.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const errors = attempted - (statuses.get(201) ?? 0);
const httpRate = stats(httpRates).median;
const rawRate = stats(rawRates).median;
const lat = stats(latencies);
writeResult({
  name: WORKERS > 1 ? `submission-${WORKERS}-workers` : "submission",
  engine,
  size,
  date: new Date().toISOString(),
  machine: await describeMachine(engine),
  method:
    `${ROUNDS} rounds of ${PER_ROUND} survey submissions (accord trust instrument, one personal link each) POSTed by ${CLIENTS} concurrent keep-alive clients (undici Pool) ` +
    `to a real \`accord serve\` child process (${WORKERS === 1 ? "one process" : `WORKERS=${WORKERS}: ${WORKERS} worker processes`}); each round followed by ${PER_ROUND} raw single-row autocommit inserts of the same rows into wave_responses ` +
    (engine === "sqlite" ? "(WAL, synchronous=FULL, one connection, as the server)" : `(synchronous_commit=on, pool of ${10 * WORKERS} connections as the server's, ${CLIENTS} concurrent callers)`) +
    `. Median rate over rounds, after an unmeasured warm-up of ${WARMUP} of each.`,
  figure: { label: "HTTP submissions/s", value: round(httpRate, 1), unit: "/s" },
  baseline: { label: "raw inserts/s", value: round(rawRate, 1), unit: "/s" },
  ratio: round(httpRate / rawRate, 3),
  ratioMeaning: "HTTP rate ÷ raw insert rate (higher is better)",
  target: { text: "≥ 0.5 of the raw rate", met: httpRate / rawRate >= 0.5 },
  invariants: {
    "no errors (every request 201)": errors === 0,
    "every acknowledged response stored": missing === 0,
    "no response stored twice": duplicated === 0 && stored.length === sent.size,
    "stored answers equal those sent": altered === 0,
    "participation marked once per response": Number(responded.n) === sent.size,
    "server stopped cleanly": exitCode === 0,
  },
  memory: { ...mem, backWithin10PctOfStart: afterLoad.at(-1)! <= memory.startMiB * 1.1, secondsToSettle: afterLoad.length },
  details: {
    rounds: ROUNDS,
    warmup: WARMUP,
    workers: WORKERS,
    serverProcesses: serverProcesses.length,
    perRound: PER_ROUND,
    clients: CLIENTS,
    httpRates: httpRates.map((x) => round(x, 1)),
    rawRates: rawRates.map((x) => round(x, 1)),
    serverCpuMsPerSubmission: round(stats(cpuPerSubmission).median),
    clientCpuMsPerSubmission: round(stats(clientCpuPerSubmission).median),
    ...(databaseUrl ? { postgresCpuMsPerSubmission: round(stats(dbCpuPerSubmission).median), postgresCpuMsPerRawInsert: round(stats(dbCpuPerRawInsert).median) } : {}),
    rssAfterLoadMiB: afterLoad,
    latencyMs: { median: round(lat.median), p95: round(lat.p95), max: round(lat.max) },
    statuses: Object.fromEntries(statuses),
    acknowledged: sent.size,
    stored: stored.length,
    missing,
    duplicated,
    altered,
  },
});
