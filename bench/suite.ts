/** `npm run bench`: runs every benchmark (each in its own process) on SQLite and, when configured, PostgreSQL; prints the table; exits 1 on a crash or a broken invariant. */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BENCH_DIR, benchSize, describeMachine, enginesToRun, round, writeResult, type BenchResult, type Engine } from "./lib/common.ts";

const size = benchSize();
const TSX = path.join(BENCH_DIR, "../node_modules/tsx/dist/cli.mjs");
const only = process.env["BENCH_ONLY"]?.split(",");

/** Runs one benchmark script; stderr passes through, stdout is echoed and scanned for result files. */
function run(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, path.join(BENCH_DIR, script), ...args], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, BENCH_SIZE: size, ...env } });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on("exit", (code) => resolve({ code, stdout }));
  });
}

const results: BenchResult[] = [];
const crashes: string[] = [];
const started = Date.now();

for (const engine of enginesToRun()) {
  for (const [name, script] of [["submission", "submission.ts"], ["scale", "scale.ts"], ["rollup", "rollup.ts"], ["expensive", "expensive.ts"]] as const) {
    if (only && !only.includes(name)) continue;
    process.stderr.write(`\n=== ${name} on ${engine} (${size}) ===\n`);
    const { code, stdout } = await run(script, [engine]);
    if (code !== 0) crashes.push(`${name}/${engine} (exit ${code})`);
    for (const m of stdout.matchAll(/^BENCH_RESULT (.+)$/gm)) results.push(JSON.parse(fs.readFileSync(m[1]!, "utf8")) as BenchResult);
  }
}

if (!only || only.includes("network")) {
  process.stderr.write(`\n=== network measures (${size}) ===\n`);
  const { code, stdout } = await run("network.ts", [], { BENCH_JSON: "1", ...(size === "small" ? { BENCH_SMALL: "1" } : {}) });
  const line = /^BENCH_JSON (.+)$/m.exec(stdout);
  if (code !== 0 || !line) crashes.push(`network (exit ${code})`);
  else {
    const { versions, rows } = JSON.parse(line[1]!) as { versions: { igraph: string; networkx: string }; rows: Array<{ label: string; ours: { wall: number }; igraph: { wall: number }; networkx: { wall: number } | null }> };
    const largest = rows.at(-1)!;
    const r: BenchResult = {
      name: "network-measures",
      engine: "none",
      size,
      date: new Date().toISOString(),
      machine: await describeMachine("sqlite"),
      method: `The full set of trust-network measures (bench/network.ts) on seeded graphs; median wall time over runs, ours vs python-igraph ${versions.igraph} (networkx ${versions.networkx} where run).`,
      figure: { label: `ours at ${largest.label}`, value: round(largest.ours.wall * 1000), unit: "ms" },
      baseline: { label: "igraph", value: round(largest.igraph.wall * 1000), unit: "ms" },
      ratio: round(largest.ours.wall / largest.igraph.wall, 2),
      ratioMeaning: "ours ÷ igraph (lower is better)",
      target: size === "full" ? { text: "≤ 1.5 × igraph at the largest size", met: largest.ours.wall / largest.igraph.wall <= 1.5 } : null,
      invariants: { "every size measured": rows.length > 0 },
      details: { rows: rows.map((x) => ({ size: x.label, oursMs: round(x.ours.wall * 1000), igraphMs: round(x.igraph.wall * 1000), networkxMs: x.networkx ? round(x.networkx.wall * 1000) : null })) },
    };
    writeResult(r);
    results.push(r);
  }
}

const engineOrder = (e: Engine | "none") => (e === "sqlite" ? 0 : e === "postgres" ? 1 : 2);
results.sort((a, b) => engineOrder(a.engine) - engineOrder(b.engine));
const fmt = (x: { value: number; unit: string } | null) => (x ? `${x.value.toLocaleString("en")} ${x.unit}` : "—");
const broken = (r: BenchResult) => Object.entries(r.invariants).filter(([, ok]) => !ok).map(([k]) => k);
const table = [
  ["benchmark", "engine", "figure", "baseline (same run)", "ratio", "target", "invariants", "memory start/peak/end MiB"],
  ...results.map((r) => [
    r.skipped ? `${r.name} (skipped)` : r.name,
    r.engine,
    `${r.figure.label}: ${fmt(r.figure)}`,
    r.baseline ? `${r.baseline.label}: ${fmt(r.baseline)}` : "—",
    r.ratio === null ? "—" : `×${r.ratio}`,
    r.target ? `${r.target.text}: ${r.target.met ? "met" : "MISSED"}` : "—",
    broken(r).length ? `BROKEN: ${broken(r).join("; ")}` : "ok",
    r.memory
      ? `${r.memory.startMiB}/${r.memory.peakMiB}/${r.memory.endMiB}${r.memory.underLimit ? "" : " (over 512)"}` +
        (r.memory.backWithin10PctOfStart === undefined ? "" : r.memory.backWithin10PctOfStart ? ` (back near start after ${r.memory.secondsToSettle} s idle)` : " (NOT back near start)")
      : "—",
  ]),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
const machine = results[0]?.machine ?? (await describeMachine());
console.log(`\naccord benchmark suite, size ${size}, ${new Date().toISOString().slice(0, 16)}Z, ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB; Node ${machine.node}; SQLite ${machine.sqlite}${machine.postgres ? `; PostgreSQL ${machine.postgres}` : ""}`);
for (const row of table) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join("  "));
console.log("Timing targets are reported, not enforced; a crash or a broken invariant (errors, lost or duplicated writes, a different table) fails the suite.");
const failures = [...crashes.map((c) => `crashed: ${c}`), ...results.flatMap((r) => broken(r).map((b) => `${r.name}/${r.engine}: ${b}`))];
if (failures.length) {
  console.log(`FAILED: ${failures.join(", ")}`);
  process.exit(1);
}
