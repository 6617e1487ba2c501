/** `npm run bench:chaos [sqlite|postgres]`: many clients submit survey answers while the server is SIGKILLed at random (workers and primary, restarted by a small supervisor) and PostgreSQL restarts once; prints acknowledged / stored / lost / duplicated and exits 1 on any loss. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { answersFor, seedOpenWaves, type Target } from "../tests/process/close-load-helpers.ts";
import { ownPostgres, type OwnPostgres } from "../tests/process/own-postgres.ts";
import { freePort } from "../tests/process/process-helpers.ts";
import { ChaosTally, submit, type Submission } from "./lib/chaos-client.ts";
import { reckon } from "./lib/chaos-verify.ts";
import { Supervisor } from "./lib/chaos-supervisor.ts";
import { benchSize, describeMachine, pgVersion, round, seededRandom, writeResult, type Engine } from "./lib/common.ts";

const engine = (process.argv[2] ?? "sqlite") as Engine;
if (engine !== "sqlite" && engine !== "postgres") throw new Error(`Say sqlite or postgres, not ${engine}`);
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SECONDS = num("CHAOS_SECONDS", 60);
const CLIENTS = num("CHAOS_CLIENTS", 40);
const KILLS = num("CHAOS_KILLS", 6);
const WORKERS = engine === "postgres" ? num("CHAOS_WORKERS", 2) : 1;
/** How long PostgreSQL stays down in its one restart (0: no restart). */
const DB_DOWN = engine === "postgres" ? num("CHAOS_DB_DOWN_SECONDS", 10) : 0;
/** A client's mean pause between submissions (a person reading the page), in ms. */
const THINK_MS = num("CHAOS_THINK_MS", 60);
const PEOPLE = num("CHAOS_PEOPLE", 5000);
const WAVES = num("CHAOS_WAVES", 4);
/** How long a submission is retried after the load has ended before it is given up as in doubt. */
const DRAIN = num("CHAOS_DRAIN_SECONDS", 60);
const SEED = num("CHAOS_SEED", Date.now() % 1_000_000);
const random = seededRandom(SEED);

const t0 = Date.now();
const since = () => (Date.now() - t0) / 1000;
const say = (line: string) => process.stderr.write(`chaos/${engine} ${since().toFixed(1).padStart(5)} s  ${line}\n`);
const events: Array<{ at: number; what: string }> = [];
const event = (what: string) => {
  events.push({ at: round(since(), 1), what });
  say(what);
};

say(`${CLIENTS} clients for ${SECONDS} s, ${KILLS} SIGKILLs${WORKERS > 1 ? `, WORKERS=${WORKERS}` : ""}${DB_DOWN ? `, PostgreSQL down ${DB_DOWN} s once` : ""}; seed ${SEED}`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "accord-chaos-"));
let cluster: OwnPostgres | undefined;
let target: Target;
if (engine === "postgres") {
  say("starting a throwaway PostgreSQL cluster");
  cluster = await ownPostgres();
  target = { databaseUrl: cluster.url };
} else target = { dataDir: path.join(work, "data") };
let supervisor: Supervisor | undefined;
let cleaned = false;
/** Synchronous, so it also runs from the exit handler when something throws: no server, no cluster, no data left behind. */
const ended = () => {
  if (cleaned) return;
  cleaned = true;
  supervisor?.killNow();
  cluster?.destroy();
  fs.rmSync(path.join(work, "data"), { recursive: true, force: true });
};
process.once("exit", ended);
process.once("SIGINT", () => process.exit(130));

say(`seeding ${WAVES} open waves × ${PEOPLE + 1} links`);
const fx = await seedOpenWaves(target, { people: PEOPLE, waves: WAVES });
const tokens = fx.waves.flatMap((w) => w.tokens).sort(() => random() - 0.5);
const logFile = path.join(work, "server.log");
supervisor = new Supervisor({ DATA_DIR: path.join(work, "data"), TRUST_PROXY: "true", WORKERS: String(WORKERS), ...(cluster ? { DATABASE_URL: cluster.url } : {}) }, await freePort(), logFile, t0, event);
supervisor.start();
for (let ready = false; !ready; ) {
  if (since() > 120) throw new Error(`accord serve did not come up; see ${logFile}`);
  ready = await fetch(`${supervisor.url}/healthz`).then((r) => r.status === 200, () => false);
  if (!ready) await new Promise((r) => setTimeout(r, 200));
}
await new Promise((r) => setTimeout(r, 1000)); // the other workers join
say(`server up on ${supervisor.url} (server log: ${logFile})`);

// The chaos: kills at random moments in the middle 80% of the load, clear of the database's outage.
const loadStart = Date.now();
const loadEnd = loadStart + SECONDS * 1000;
const dbAt = SECONDS * 0.45;
// Clear of it by 8 s before (a server restarted just before would meet the outage still starting, and the running server's handling would go untried) and 6 s after.
const clearOfOutage = (t: number) => !DB_DOWN || t < dbAt - 8 || t > dbAt + DB_DOWN + 6;
const killTimes: number[] = [];
for (let tries = 0; killTimes.length < KILLS && tries < 1000; tries++) {
  const t = SECONDS * (0.1 + 0.8 * random());
  if (clearOfOutage(t) && killTimes.every((k) => Math.abs(k - t) > 4)) killTimes.push(t);
}
killTimes.sort((a, b) => a - b);
if (killTimes.length < KILLS) say(`only ${killTimes.length} of ${KILLS} kills fit in ${SECONDS} s (4 s apart, clear of the outage); a longer CHAOS_SECONDS fits more`);
const plan = [...killTimes.map((at, i) => ({ at, what: WORKERS > 1 && (i === 0 || (i > 1 && random() < 0.6)) ? ("worker" as const) : ("primary" as const) })), ...(DB_DOWN ? [{ at: dbAt, what: "database" as const }] : [])].sort((a, b) => a.at - b.at);
const kills = { worker: 0, primary: 0, skipped: 0 };
/** A probe's status (with the time it took, when slow), or what went wrong. */
const probe = async (route: string) => {
  const from = Date.now();
  const answer = await fetch(`${supervisor!.url}${route}`, { signal: AbortSignal.timeout(5000) }).then((r) => String(r.status), (e: Error & { cause?: { code?: string } }) => e.cause?.code ?? e.name);
  const ms = Date.now() - from;
  return ms > 500 ? `${answer} after ${(ms / 1000).toFixed(1)} s` : answer;
};
const waitHealthy = async (ms: number) => {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) if ((await probe("/healthz")) === "200") return true;
  return false;
};
const chaos = (async () => {
  for (const step of plan) {
    await new Promise((r) => setTimeout(r, Math.max(0, loadStart + step.at * 1000 - Date.now())));
    if (Date.now() > loadEnd - 3000) {
      kills.skipped++;
      event(`no time left for the ${step.what === "database" ? "database's restart" : `${step.what}'s kill`}`);
      continue;
    }
    if (step.what === "database") {
      const up = await waitHealthy(15_000);
      event(`stopping PostgreSQL for ${DB_DOWN} s${up ? "" : " (the server was not answering /healthz 200 even so)"}`);
      cluster!.stop();
      await new Promise((r) => setTimeout(r, (DB_DOWN * 1000) / 2));
      event(`PostgreSQL down: /healthz answers ${await probe("/healthz")}, /readyz ${await probe("/readyz")}`);
      await new Promise((r) => setTimeout(r, (DB_DOWN * 1000) / 2));
      cluster!.start();
      event("PostgreSQL started again");
      continue;
    }
    // A kill waits (up to 10 s) for a server answering /healthz 200 (killing one still starting would try nothing the
    // first kill did not), and a worker kill for the full count of workers (one of them may still be starting: fair game).
    await waitHealthy(10_000);
    let pid: number | undefined;
    for (let wait = 0; pid === undefined && wait < 50; wait++) {
      pid = step.what === "worker" ? (supervisor.workers().length === WORKERS ? supervisor.killWorker() : undefined) : supervisor.killPrimary();
      if (pid === undefined) await new Promise((r) => setTimeout(r, 200));
    }
    if (pid === undefined) {
      kills.skipped++;
      event(`no ${step.what} to kill in 10 s (server ${supervisor!.primary() ?? "not running"}, worker processes ${supervisor!.workers().join(", ") || "none"})`);
    } else {
      kills[step.what]++;
      event(`SIGKILL ${step.what === "worker" ? "worker" : WORKERS > 1 ? "primary" : "server"} ${pid}`);
    }
  }
})();

// The load: each client takes the next unused link; once they are all used, it replays acknowledged ones (same key).
const tally = new ChaosTally();
const submissions: Submission[] = [];
const acknowledged: Submission[] = [];
let next = 0;
let linksUsedUpAt: number | undefined;
const options = { base: supervisor.url, tally, t0, giveUpAt: () => loadEnd + DRAIN * 1000, timeoutMs: 15_000, random };
const client = async () => {
  while (Date.now() < loadEnd) {
    await new Promise((r) => setTimeout(r, THINK_MS * 2 * random()));
    const i = next++;
    if (i >= tokens.length) {
      linksUsedUpAt ??= (Date.now() - loadStart) / 1000;
      const done = acknowledged[Math.floor(random() * acknowledged.length)];
      if (!done) continue;
      tally.replays++;
      await submit({ ...done, attempts: 0 }, options, true);
      continue;
    }
    const token = tokens[i]!;
    const s: Submission = { token, key: `chaos-${i}-${token.slice(0, 8)}`, answers: answersFor(i), address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, attempts: 0 };
    submissions.push(s);
    tally.sent++;
    if ((await submit(s, options)) === "acknowledged") acknowledged.push(s);
  }
};
const progress = setInterval(() => {
  const up = supervisor.primary() !== undefined ? `${supervisor.workers().length || 1} process(es)` : "down";
  say(`sent ${tally.sent}, acknowledged ${tally.acknowledged} (${tally.acknowledgedOnRetry} on a retry), retries ${tally.retries}, refused ${tally.refused}, failed ${tally.failed}, in doubt ${tally.inDoubt}; statuses ${[...tally.statuses].map(([k, n]) => `${k}:${n}`).join(" ")}; server ${up}, started ${supervisor.starts}×`);
}, 3000);
await Promise.all(Array.from({ length: CLIENTS }, client));
await chaos;
clearInterval(progress);
const loadSeconds = (Date.now() - loadStart) / 1000;
say(`load over after ${loadSeconds.toFixed(1)} s; stopping the server (SIGTERM)`);
const stopped = await supervisor.stop();
say(`server stopped: ${stopped ? `${stopped.signal ?? `exit ${stopped.code}`} after ${stopped.seconds.toFixed(1)} s${stopped.forced ? " (SIGKILL: SIGTERM was not enough in 15 s)" : ""}` : "it was not running"}`);

const r = await reckon(target, fx.waves.map((w) => w.id), submissions);
const serverLog = fs.readFileSync(logFile, "utf8");
const selfExits = supervisor.exits.filter((e) => !e.killedByUs);
const workerLines = serverLog.split("\n").filter((l) => /worker \d+ stopped \(exit|failed before it could serve \(exit/.test(l));
// The server's own messages (not the JSON access log), numbers blanked so alike lines count together.
const messages = new Map<string, number>();
for (const line of serverLog.split("\n")) {
  if (!line.startsWith("accord:")) continue;
  const shape = line.replace(/\d+(\.\d+)?/g, "N").slice(0, 160);
  messages.set(shape, (messages.get(shape) ?? 0) + 1);
}
const ackSeconds = [...tally.ackSeconds].sort((a, b) => a - b);
const longestStall = ackSeconds.reduce((m, s, i) => (i === 0 ? m : Math.max(m, s - ackSeconds[i - 1]!)), 0);
const summary = [
  `chaos run on ${engine}${WORKERS > 1 ? ` (WORKERS=${WORKERS})` : ""}: ${CLIENTS} clients, ${loadSeconds.toFixed(0)} s, seed ${SEED}`,
  `  chaos: ${kills.worker} workers and ${kills.primary} ${WORKERS > 1 ? "primaries" : "servers"} SIGKILLed${kills.skipped ? ` (${kills.skipped} planned step(s) skipped: nothing to kill, or no time left)` : ""}${DB_DOWN ? `, PostgreSQL down ${DB_DOWN} s once` : ""}; server started ${supervisor.starts}×, stopped by itself ${selfExits.length}× (${selfExits.map((e) => e.signal ?? `exit ${e.code}`).join(", ") || "never"}), workers that stopped by themselves ${workerLines.length}, workers outliving their primary ${supervisor.orphans}`,
  `  submissions: ${tally.sent} sent, ${r.acknowledged} acknowledged (${tally.acknowledgedOnRetry} by a replay of a retry), ${tally.refused} refused, ${tally.failed} failed, ${tally.inDoubt} in doubt; ${tally.retries} retries (${tally.retryAfter} told Retry-After)${linksUsedUpAt ? `; links used up at ${linksUsedUpAt.toFixed(0)} s, then ${tally.replays} replays (${tally.replayMismatches} not answered already_stored)` : ""}`,
  `  stored ${r.stored}, flagged ${r.flagged}: LOST ${r.lost}, DUPLICATED ${r.duplicated}, altered ${r.altered}, flags without rows ${r.flagsWithoutRows}, rows without flags ${r.rowsWithoutFlags}, unknown rows ${r.strangers}; stored but never acknowledged ${r.storedUnacknowledged}`,
  `  answers seen: ${[...tally.statuses].map(([k, n]) => `${k} ×${n}`).join(", ")}${tally.connectionErrors.size ? ` (connection errors: ${[...tally.connectionErrors].map(([k, n]) => `${k} ×${n}`).join(", ")})` : ""}; longest time without an acknowledgement ${longestStall} s`,
  ...tally.samples.slice(0, 6).map((s) => `  sample: ${s}`),
  ...r.lostSamples.map((s) => `  lost: ${s}`),
  `  server messages (${logFile}):`,
  ...[...messages].map(([m, n]) => `    ${String(n).padStart(4)} × ${m}`),
];
console.log(summary.join("\n"));

const machine = await describeMachine(engine);
if (cluster) machine.postgres = await pgVersion(cluster.url).catch(() => null);
const invariants = {
  "no acknowledged submission lost": r.lost === 0,
  "no submission stored twice": r.duplicated === 0,
  "stored answers equal those sent": r.altered === 0,
  "participation flags match stored rows": r.flagsWithoutRows === 0 && r.rowsWithoutFlags === 0 && r.strangers === 0,
  "replays of acknowledged submissions answered already_stored": tally.replayMismatches === 0,
};
writeResult({
  // PostgreSQL's default is WORKERS=2; another count gets a file of its own.
  name: engine === "postgres" && WORKERS !== 2 ? `chaos-${WORKERS}-worker${WORKERS === 1 ? "" : "s"}` : "chaos",
  engine,
  size: benchSize(),
  date: new Date().toISOString(),
  machine,
  method:
    `${CLIENTS} clients submit pulse answers, each through its own personal link (${WAVES} open waves × ${PEOPLE + 1} links), to a real \`accord serve\`${WORKERS > 1 ? ` with WORKERS=${WORKERS}` : ""} for ${SECONDS} s, ` +
    `retrying connection failures, timeouts, 429 and 5xx with the same link, Idempotency-Key and answers (Retry-After honoured); ${KILLS} SIGKILLs at random moments (${WORKERS > 1 ? "workers and the primary" : "the server"}), a supervisor restarting the server 1 s after any exit` +
    `${DB_DOWN ? `; PostgreSQL (a throwaway cluster) stopped for ${DB_DOWN} s once at ${dbAt.toFixed(0)} s` : ""}. Then the database is compared with what the clients were told.`,
  figure: { label: "acknowledged submissions", value: r.acknowledged, unit: "" },
  baseline: null,
  ratio: null,
  ratioMeaning: "",
  target: null,
  invariants,
  details: {
    seed: SEED,
    seconds: round(loadSeconds, 1),
    clients: CLIENTS,
    workers: WORKERS,
    kills,
    databaseDownSeconds: DB_DOWN,
    serverStarts: supervisor.starts,
    serverExits: supervisor.exits.map((e) => ({ ...e, at: round(e.at, 1), ranSeconds: round(e.ranSeconds, 1) })),
    workersStoppedByThemselves: workerLines.length,
    serverMessages: Object.fromEntries(messages),
    workersOutlivingPrimary: supervisor.orphans,
    sigterm: stopped ? { ...stopped, seconds: round(stopped.seconds, 1) } : null,
    sent: tally.sent,
    ...r,
    refused: tally.refused,
    failed: tally.failed,
    inDoubt: tally.inDoubt,
    retries: tally.retries,
    acknowledgedOnRetry: tally.acknowledgedOnRetry,
    retryAfterSeen: tally.retryAfter,
    replays: tally.replays,
    replayMismatches: tally.replayMismatches,
    linksUsedUpAtSecond: linksUsedUpAt === undefined ? null : round(linksUsedUpAt, 1),
    longestSecondsWithoutAcknowledgement: longestStall,
    statuses: Object.fromEntries(tally.statuses),
    connectionErrors: Object.fromEntries(tally.connectionErrors),
    samples: tally.samples,
    events,
  },
});
ended();
const broken = Object.entries(invariants).filter(([, ok]) => !ok).map(([k]) => k);
if (broken.length) console.log(`FAILED: ${broken.join("; ")}`);
process.exit(broken.length ? 1 : 0);
