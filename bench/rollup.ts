/** Benchmark 3: the programme roll-up over every generated partnership vs pandas computing the same table from the same data as CSV. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Actor } from "../src/accounts/actor.ts";
import { nowIso } from "../src/db/ids.ts";
import { programmeRollup } from "../src/programmes/programme-rollup.ts";
import { createProgramme } from "../src/programmes/programme-use-cases.ts";
import { writeWaveSummary } from "../src/programmes/summaries.ts";
import { BENCH_DIR, benchSize, describeMachine, progressBar, round, stats, writeResult, type Engine } from "./lib/common.ts";
import { datasetShape, openDataset, readMeta } from "./lib/dataset.ts";
import { sampleMemory } from "./lib/memory.ts";

const engine = (process.argv[2] ?? "sqlite") as Engine;
const size = benchSize();
const shape = datasetShape(size);
const REPEATS = Number(process.env["BENCH_REPEATS"] ?? 30);
const ROUNDS = Math.max(1, Math.min(REPEATS, Number(process.env["BENCH_ROUNDS"] ?? 3)));
const PYTHON = "/usr/bin/python3";

execFileSync(process.execPath, [path.join(BENCH_DIR, "../node_modules/tsx/dist/cli.mjs"), path.join(BENCH_DIR, "generate.ts"), engine], { stdio: ["ignore", "inherit", "inherit"] });
const meta = readMeta(engine, shape);
if (!meta) throw new Error("the dataset was not generated");
const handle = await openDataset(engine, shape);
const db = handle.db;
const actor: Actor = { userId: meta.leadUserId, name: "Programme Lead", email: "lead@bench.example", via: "session" };

// Set-up (kept in the dataset): one programme every partnership shares with, and each published wave's summary.
let programme = await db.selectFrom("programmes").select("id").where("name", "=", "Bench programme").executeTakeFirst();
if (!programme) {
  const created = await createProgramme(db, actor, { name: "Bench programme" });
  programme = { id: created.programme.id };
  const now = nowIso();
  for (let i = 0; i < meta.partnershipIds.length; i += 500) {
    const ids = meta.partnershipIds.slice(i, i + 500);
    await db.insertInto("programme_partnerships").values(ids.map((pid) => ({ programme_id: programme!.id, partnership_id: pid, shared_by: actor.userId, shared_at: now, withdrawn_at: null }))).execute();
  }
}
const waves = await db
  .selectFrom("waves")
  .selectAll("waves")
  .where("status", "=", "published")
  .where(({ not, exists, selectFrom }) => not(exists(selectFrom("wave_summaries").select("wave_summaries.wave_id").whereRef("wave_summaries.wave_id", "=", "waves.id"))))
  .orderBy("partnership_id")
  .orderBy("opened_at")
  .execute();
const summarising = performance.now();
const bar = progressBar(`rollup/${engine}: wave summaries`, waves.length);
for (const [i, w] of waves.entries()) {
  await writeWaveSummary(db, w);
  if (i % 20 === 19 || i === waves.length - 1) bar.update(i + 1);
}
bar.done();
const summarisedIn = (performance.now() - summarising) / 1000;

// The same data the roll-up reads (wave summaries of the sharing partnerships), flattened to CSV.
const rows = await db
  .selectFrom("programme_partnerships as pp")
  .innerJoin("partnerships as p", "p.id", "pp.partnership_id")
  .innerJoin("wave_summaries as ws", "ws.partnership_id", "pp.partnership_id")
  .innerJoin("waves as w", "w.id", "ws.wave_id")
  .select(["p.id as partnership_id", "p.name as partnership_name", "ws.wave_id", "w.name as wave_name", "ws.published_at", "ws.k", "ws.invited", "ws.respondents", "ws.overall", "ws.baseline", "ws.change"])
  .where("pp.programme_id", "=", programme.id)
  .where("pp.withdrawn_at", "is", null)
  .where("w.deleted_at", "is", null)
  .execute();
const OPTIONS = ["a_great_deal", "a_moderate_amount", "a_little", "none_at_all", "other"];
const csvCell = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "string" && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
const header = ["partnership_id", "partnership_name", "wave_id", "wave_name", "published_at", "k", "invited", "respondents", "overall_status", "overall_n", "overall_mean", "change_status", "change_difference", "baseline_status", "baseline_n", ...OPTIONS.map((o) => `baseline_${o}`)];
const lines = [header.join(",")];
for (const r of rows) {
  const o = r.overall ? (JSON.parse(r.overall) as { status: string; n?: number; mean?: number }) : null;
  const c = r.change ? (JSON.parse(r.change) as { status: string; difference?: number }) : null;
  const b = r.baseline ? (JSON.parse(r.baseline) as { status: string; n?: number; options?: { value: string; count: number }[] }) : null;
  const counts = OPTIONS.map((v) => (b?.status === "released" ? (b.options?.find((x) => x.value === v)?.count ?? 0) : null));
  lines.push([r.partnership_id, r.partnership_name, r.wave_id, r.wave_name, r.published_at, r.k, r.invited, r.respondents, o?.status, o?.n, o?.mean, c?.status, c?.difference, b?.status, b?.n, ...counts].map(csvCell).join(","));
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "accord-bench-rollup-"));
const csv = path.join(dir, "wave-summaries.csv");
fs.writeFileSync(csv, `${lines.join("\n")}\n`);
interface PandasRun {
  pandas: string;
  times: number[];
  rows: number;
  distribution: { partnerships: number; q1: number; median: number; q3: number; histogram: number[] } | null;
  pooled: { partnerships: number; n: number; counts: Record<string, number> } | null;
  /** Count and sum of each per-row figure (released headline mean, change, response rate). */
  checks: Record<"headline" | "change" | "responseRate", { count: number; sum: number }>;
}

// Ours and pandas take turns (ROUNDS blocks each, every block warmed up first), so a change in the machine's load
// during the run falls on both sides rather than on whichever happened to run then.
const memory = sampleMemory(process.pid);
process.stderr.write(`rollup/${engine}: timing the roll-up and pandas, ${ROUNDS} rounds of ${Math.ceil(REPEATS / ROUNDS)}\n`);
let rollup = await programmeRollup(db, actor, programme.id);
const ours: number[] = [];
const pandasTimes: number[] = [];
let py: PandasRun | undefined;
for (let round = 0; round < ROUNDS; round++) {
  const n = Math.ceil(REPEATS / ROUNDS);
  rollup = await programmeRollup(db, actor, programme.id); // warm-up, as pandas warms up each round
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    rollup = await programmeRollup(db, actor, programme.id);
    ours.push(performance.now() - t);
  }
  py = JSON.parse(execFileSync(PYTHON, [path.join(BENCH_DIR, "rollup.py"), csv, String(n)], { encoding: "utf8" })) as PandasRun;
  pandasTimes.push(...py.times);
}
const mem = memory.stop();
await handle.close();
if (!py) throw new Error("pandas did not run");
fs.rmSync(dir, { recursive: true, force: true });

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const d = rollup.distribution;
const p = rollup.pooledBaseline;
const sameDistribution =
  d.status === "released" && py.distribution !== null
    ? d.partnerships === py.distribution.partnerships && close(d.quantiles.median, py.distribution.median) && close(d.quantiles.q1, py.distribution.q1) && close(d.quantiles.q3, py.distribution.q3) && d.histogram.every((h, i) => h.count === py.distribution!.histogram[i])
    : d.status !== "released" && py.distribution === null;
const samePooled =
  p.status === "released" && py.pooled !== null
    ? p.n === py.pooled.n && p.partnerships === py.pooled.partnerships && p.options.every((o) => py.pooled!.counts[o.value] === o.count)
    : p.status !== "released" && py.pooled === null;
const sumOf = (values: (number | null | undefined)[]) => {
  const present = values.filter((v): v is number => typeof v === "number");
  return { count: present.length, sum: present.reduce((a, b) => a + b, 0) };
};
const oursChecks = {
  headline: sumOf(rollup.rows.map((r) => (r.headline?.status === "released" ? r.headline.mean : null))),
  change: sumOf(rollup.rows.map((r) => (r.change?.status === "released" ? r.change.difference : null))),
  responseRate: sumOf(rollup.rows.map((r) => (r.responseRate?.status === "released" ? r.responseRate.rate : null))),
};
const sameRows = (["headline", "change", "responseRate"] as const).every((k) => oursChecks[k].count === py.checks[k].count && Math.abs(oursChecks[k].sum - py.checks[k].sum) < 1e-6);
const oursStats = stats(ours);
const pandasStats = stats(pandasTimes);
writeResult({
  name: "programme-rollup",
  engine,
  size,
  date: new Date().toISOString(),
  machine: await describeMachine(engine),
  method:
    `programmeRollup() (as the lead; rows, headline distribution, pooled baseline) over one programme shared by all ${shape.partnerships.toLocaleString("en")} partnerships (${rows.length.toLocaleString("en")} wave summaries; ` +
    `one statement picks each partnership's latest summaries from all of them, then only those figures are read), ${REPEATS} repeats, vs pandas ${py.pandas} reading the same summaries from CSV and computing the same table ` +
    `(per-partnership latest headline, change, response rate, baseline; quantiles, histogram, pooled baseline), ${REPEATS} repeats in the same run, the two taking turns in ${ROUNDS} rounds.`,
  figure: { label: "roll-up median", value: round(oursStats.median), unit: "ms" },
  baseline: { label: "pandas median", value: round(pandasStats.median), unit: "ms" },
  ratio: round(oursStats.median / pandasStats.median, 2),
  ratioMeaning: "ours ÷ pandas (median; lower is better)",
  target: { text: "≤ 1 × pandas", met: oursStats.median <= pandasStats.median },
  invariants: { "a row per partnership": rollup.rows.length === shape.partnerships && py.rows === shape.partnerships, "pandas computes the same rows (released headlines, changes, response rates)": sameRows, "pandas computes the same distribution": sameDistribution, "pandas computes the same pooled baseline": samePooled },
  memory: mem,
  details: {
    shape,
    summaries: rows.length,
    summarisedInSeconds: round(summarisedIn, 1),
    oursMs: { median: round(oursStats.median), p95: round(oursStats.p95) },
    pandasMs: { median: round(pandasStats.median), p95: round(pandasStats.p95) },
    released: d.status === "released" ? d.partnerships : 0,
  },
});
