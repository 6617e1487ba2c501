/** Benchmark: other accounts' latency (p50/p99 of a cheap authenticated GET) while one account hammers the expensive routes, against the same GETs with nobody hammering, in one run. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Pool } from "undici";
import { createSession } from "../src/accounts/sessions.ts";
import { createUserWithPassword } from "../src/accounts/users.ts";
import { connect, sqliteFileIn } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { createDemoPartnership } from "../src/demo/create-demo-partnership.ts";
import { DEMO_ORGANISATIONS } from "../src/demo/demo-data.ts";
import { createPartnership } from "../src/partnerships/partnership-use-cases.ts";
import { addOrganisation } from "../src/partnerships/organisation-use-cases.ts";
import { benchSize, describeMachine, pgDatabase, round, writeResult, type Engine } from "./lib/common.ts";
import { startServer } from "./lib/server.ts";

const engine = (process.argv[2] ?? "sqlite") as Engine;
const size = benchSize();
/** Seconds of each phase, and the other accounts' request rate (open loop: a request is due every 1/rate s whatever the server is doing). */
const QUIET_S = Number(process.env["BENCH_QUIET_S"] ?? (size === "full" ? 20 : 5));
const HAMMER_S = Number(process.env["BENCH_HAMMER_S"] ?? (size === "full" ? 30 : 10));
const RATE = Number(process.env["BENCH_RATE"] ?? (size === "full" ? 100 : 50));
/** The attacker's parallel request loops. */
const ATTACKERS = Number(process.env["BENCH_ATTACKERS"] ?? 4);
const IMPORT_ROWS = 5000;

// ---- Set-up, before the server starts: two other accounts with a partnership each, and the attacker with a demo of its own to report on and export.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "accord-bench-expensive-"));
const databaseUrl = engine === "postgres" ? await pgDatabase("accord_bench_expensive", true) : undefined;
const handle = databaseUrl ? connect({ databaseUrl }) : connect({ sqliteFile: sqliteFileIn(dataDir) });
await migrateToLatest(handle.db);
process.stderr.write(`expensive/${engine}: setting up\n`);

async function account(name: string) {
  const user = await createUserWithPassword(handle.db, { name, email: `${name.toLowerCase()}@bench.example`, password: "a benchmark password" });
  const { secret } = await createSession(handle.db, user.id);
  return { actor: { userId: user.id, name, email: `${name.toLowerCase()}@bench.example`, via: "session" as const }, cookie: `accord_session=${secret}` };
}
const others = await Promise.all(["Olwen", "Osian"].map(async (name) => {
  const a = await account(name);
  const p = await createPartnership(handle.db, a.actor, { name: `${name}'s partnership`, purpose: "Going about their business" });
  for (const o of DEMO_ORGANISATIONS) await addOrganisation(handle.db, a.actor, p.id, { name: o.name, sector: o.sector });
  return { ...a, path: `/api/v1/partnerships/${p.id}/organisations` };
}));
const attacker = await account("Mallory");
const own = await createDemoPartnership(handle.db, attacker.actor);
// Someone who uses each expensive route once before anything is measured, so no phase pays for code loaded on first use (fonts, zip, charts).
const warmer = await account("Wendy");
const warmed = await createDemoPartnership(handle.db, warmer.actor);
await handle.close();

// A 5,000-row commitments file that fails on its last row (an organisation that is not there): every row is checked, nothing is written.
const rows = ["title,organisationId,dueOn"];
for (let i = 1; i < IMPORT_ROWS; i++) rows.push(`Promise ${i},${DEMO_ORGANISATIONS[i % DEMO_ORGANISATIONS.length]!.name},2027-01-01`);
rows.push("The last promise,Nowhere Ltd,2027-01-01");
const failingCsv = `${rows.join("\n")}\n`;

const server = await startServer({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
const pool = new Pool(server.url, { connections: 32, pipelining: 1 });
const base = { origin: server.url };

async function send(method: string, p: string, cookie: string, body?: string, type?: string): Promise<{ status: number; retryAfter: string | null }> {
  const res = await pool.request({ method, path: p, headers: { ...base, cookie, ...(type ? { "content-type": type } : {}) }, ...(body !== undefined ? { body } : {}) });
  await res.body.dump();
  const retry = res.headers["retry-after"];
  return { status: res.statusCode, retryAfter: typeof retry === "string" ? retry : null };
}

/**
 * A GET, sent again once if the server closed the kept-alive connection it went out on (a server whose event loop
 * stalls past its keep-alive timeout closes connections a request is already on its way down, as browsers know).
 */
let resent = 0;
async function get(p: string, cookie: string): Promise<number> {
  try {
    return (await send("GET", p, cookie)).status;
  } catch (err) {
    if ((err as { code?: string }).code !== "UND_ERR_SOCKET") throw err;
    resent++;
    return (await send("GET", p, cookie)).status;
  }
}

/** Other accounts' GETs, due every 1/RATE s for `seconds`; each latency counts from when it was due, so a stalled server shows in full. */
async function victims(seconds: number): Promise<{ latencies: number[]; failures: number }> {
  const n = Math.round(seconds * RATE);
  const start = performance.now() + 20;
  const latencies: number[] = [];
  let failures = 0;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const who = others[i % others.length]!;
    inFlight.push(
      get(who.path, who.cookie).then(
        (status) => {
          latencies.push(performance.now() - due);
          if (status !== 200) failures++;
        },
        (err: unknown) => {
          if (failures++ < 3) process.stderr.write(`expensive/${engine}: another account's GET failed: ${String(err)}\n`);
        },
      ),
    );
  }
  await Promise.all(inFlight);
  return { latencies, failures };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
};

// ---- The attacker: parallel loops going round the expensive routes until told to stop.
const routes = (who: { cookie: string }, partnershipId: string) =>
  ({
    demo: () => send("POST", "/api/v1/demo", who.cookie, "{}", "application/json"),
    import: () => send("POST", `/api/v1/partnerships/${partnershipId}/registers/commitments/import`, who.cookie, failingCsv, "text/csv"),
    "commitments.csv": () => send("GET", `/api/v1/partnerships/${partnershipId}/registers/commitments.csv`, who.cookie),
    "report.pdf": () => send("GET", `/api/v1/partnerships/${partnershipId}/report.pdf`, who.cookie),
    "report.html": () => send("GET", `/api/v1/partnerships/${partnershipId}/report.html`, who.cookie),
    "export.zip": () => send("GET", `/api/v1/partnerships/${partnershipId}/export.zip`, who.cookie),
    "export.json": () => send("GET", `/api/v1/partnerships/${partnershipId}/export.json`, who.cookie),
  }) as const;
const ROUTES = routes(attacker, own.id);
type RouteName = keyof typeof ROUTES;
const outcomes: Record<RouteName, Record<string, number>> = Object.fromEntries(Object.keys(ROUTES).map((k) => [k, {}])) as Record<RouteName, Record<string, number>>;
let refusedWithoutRetryAfter = 0;

/** BENCH_ROUTES=import,report.pdf hammers only those (to see which one costs the others most). */
const HAMMERED = (process.env["BENCH_ROUTES"]?.split(",") ?? Object.keys(ROUTES)).filter((r): r is RouteName => r in ROUTES);

async function hammer(until: () => boolean, loop: number): Promise<void> {
  const names = HAMMERED;
  for (let i = loop; !until(); i++) {
    const name = names[i % names.length]!;
    // The attacker does not resend: a connection the server closed is counted as "closed".
    const r = await ROUTES[name]().catch((err: unknown) => ({ status: (err as { code?: string }).code === "UND_ERR_SOCKET" ? "closed" : "failed", retryAfter: null }));
    outcomes[name][r.status] = (outcomes[name][r.status] ?? 0) + 1;
    if (r.status === 429 && !r.retryAfter) refusedWithoutRetryAfter++;
  }
}

// Warm-up (unmeasured): the GET path, and each expensive route once by another account, before anything is timed.
for (let i = 0; i < 20; i++) await send("GET", others[0]!.path, others[0]!.cookie);
for (const [name, run] of Object.entries(routes(warmer, warmed.id))) {
  const r = await run();
  if (r.status >= 500) throw new Error(`warm-up ${name}: HTTP ${r.status}`);
}

process.stderr.write(`expensive/${engine}: quiet: ${QUIET_S} s of other accounts' GETs at ${RATE}/s\n`);
const quiet = await victims(QUIET_S);
process.stderr.write(`expensive/${engine}: hammered: ${HAMMER_S} s of the same GETs while one account hammers ${HAMMERED.join(", ")} with ${ATTACKERS} parallel loops\n`);
const hammerStart = Date.now();
let stop = false;
const attackers = Array.from({ length: ATTACKERS }, (_, i) => hammer(() => stop, i));
const hammered = await victims(HAMMER_S);
stop = true;
await Promise.all(attackers);
const hammerEnd = Date.now();
process.stderr.write(`expensive/${engine}: quiet again: ${QUIET_S} s\n`);
const after = await victims(QUIET_S);
await pool.close();
await server.stop();

// ---- Invariants, read from the database the server left: what the limits allowed, and nothing else.
const check = databaseUrl ? connect({ databaseUrl }) : connect({ sqliteFile: sqliteFileIn(dataDir) });
const liveDemos = Number((await check.db.selectFrom("partnerships").select((eb) => eb.fn.countAll<number>().as("n")).where("created_by", "=", attacker.actor.userId).where("deleted_at", "is", null).executeTakeFirstOrThrow()).n) - 1;
const imported = Number((await check.db.selectFrom("register_entries").select((eb) => eb.fn.countAll<number>().as("n")).where("partnership_id", "=", own.id).where("register", "=", "commitments").where("created_at", ">=", new Date(hammerStart).toISOString()).executeTakeFirstOrThrow()).n);
await check.close();
fs.rmSync(dataDir, { recursive: true, force: true });

// The limits as the server declares them; a window that turned during the phase may allow its budget twice.
const { EXPENSIVE_LIMITS, DEMO_QUOTA } = await import("../src/limits/expensive-limits.ts").catch(() => ({ EXPENSIVE_LIMITS: null, DEMO_QUOTA: null }));
const windows = (seconds: number) => Math.floor(hammerEnd / 1000 / seconds) - Math.floor(hammerStart / 1000 / seconds) + 1;
const served = (name: RouteName, status: number) => outcomes[name][status] ?? 0;
const within = (n: number, l: { max: number; windowSeconds: number }) => n <= l.max * windows(l.windowSeconds);
const invariants: Record<string, boolean> = {
  "every other account's GET answered 200": quiet.failures + hammered.failures + after.failures === 0,
  "no 5xx for the attacker": Object.values(outcomes).every((o) => Object.keys(o).every((s) => !(Number(s) >= 500) && s !== "failed")),
  "every 429 carries Retry-After": refusedWithoutRetryAfter === 0,
  "the failing imports stored nothing": imported === 0,
  ...(EXPENSIVE_LIMITS
    ? {
        "demo partnerships: at most the quota live": liveDemos <= DEMO_QUOTA! && served("demo", 201) <= DEMO_QUOTA!,
        "imports checked: at most the limit": within(served("import", 422), EXPENSIVE_LIMITS.registerImport),
        "register downloads: at most the limit": within(served("commitments.csv", 200), EXPENSIVE_LIMITS.registerExport),
        "reports made: at most the limit": within(served("report.pdf", 200) + served("report.html", 200), EXPENSIVE_LIMITS.report),
        "exports made: at most the limit": within(served("export.zip", 200) + served("export.json", 200), EXPENSIVE_LIMITS.export),
      }
    : { "the server declares its limits (src/limits/expensive-limits.ts)": false }),
};

const ms = (x: number) => round(x, 2);
const q = (r: { latencies: number[] }) => ({ n: r.latencies.length, p50: ms(quantile(r.latencies, 0.5)), p99: ms(quantile(r.latencies, 0.99)), max: ms(Math.max(...r.latencies)) });
const figures = { quiet: q(quiet), hammered: q(hammered), quietAfter: q(after) };
const result = writeResult({
  name: "expensive-routes",
  engine,
  size,
  date: new Date().toISOString(),
  machine: await describeMachine(engine),
  method:
    `Two other accounts GET their organisations list (cheap, authenticated) through a real accord serve at ${RATE}/s, open loop (latency from when each was due): ` +
    `${QUIET_S} s with nobody else, ${HAMMER_S} s while one account runs ${ATTACKERS} parallel loops over ${HAMMERED.join(", ")} (the import a ${IMPORT_ROWS.toLocaleString("en")}-row file failing on its last row), ` +
    `then ${QUIET_S} s quiet again. The ratio is p99 hammered ÷ p99 quiet.`,
  figure: { label: "other accounts' p99 while hammered", value: figures.hammered.p99, unit: "ms" },
  baseline: { label: "p99 with nobody hammering", value: figures.quiet.p99, unit: "ms" },
  ratio: round(figures.hammered.p99 / figures.quiet.p99, 2),
  ratioMeaning: "p99 latency of other accounts' GETs while one account hammers ÷ without (lower is better; 1 = unaffected)",
  target: { text: "other accounts' p99 ≤ 5 × quiet while hammered", met: figures.hammered.p99 <= 5 * figures.quiet.p99 },
  invariants,
  details: {
    ...figures,
    p50Ratio: round(figures.hammered.p50 / figures.quiet.p50, 2),
    attacker: outcomes,
    getsResentAfterAClosedConnection: resent,
    liveDemoPartnerships: liveDemos,
  },
});
process.stderr.write(
  `expensive/${engine}: other accounts' GET p50/p99 quiet ${figures.quiet.p50}/${figures.quiet.p99} ms, hammered ${figures.hammered.p50}/${figures.hammered.p99} ms (×${round(figures.hammered.p50 / figures.quiet.p50, 1)}/×${round(figures.hammered.p99 / figures.quiet.p99, 1)}), quiet again ${figures.quietAfter.p50}/${figures.quietAfter.p99} ms\n` +
    `expensive/${engine}: attacker ${JSON.stringify(outcomes)}\n`,
);
const broken = Object.entries(invariants).filter(([, ok]) => !ok).map(([k]) => k);
if (broken.length) process.stderr.write(`expensive/${engine}: BROKEN: ${broken.join("; ")} (${result})\n`);
