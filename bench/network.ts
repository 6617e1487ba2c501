/** Benchmark: the full set of trust-network measures against python-igraph and networkx on the same deterministic graphs. */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { generateNetwork, namedNetwork, networkMeasures } from "../src/network/measures/index.ts";
import type { GenerateOptions } from "../src/network/measures/index.ts";

// BENCH_SMALL=1: two small graphs, seconds in all (for CI). BENCH_NETWORKX_LARGE=1 or --networkx-large:
// also time networkx at 5,000 / 100,000 (its pure-Python betweenness takes many minutes there).
// BENCH_RUNS overrides the number of timed runs per library and size.
const SMALL = process.env["BENCH_SMALL"] === "1";
const NX_LARGE = process.env["BENCH_NETWORKX_LARGE"] === "1" || process.argv.includes("--networkx-large");
const RUNS = process.env["BENCH_RUNS"] ? Number(process.env["BENCH_RUNS"]) : null;
const PYTHON = "/usr/bin/python3";
const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "../src/network/measures/reference.py");

interface Size extends GenerateOptions {
  label: string;
  runs: number;
  networkx: boolean;
}
const size = (n: number, m: number, runs: number, networkx: boolean, seed: number): Size => ({
  label: `${n.toLocaleString("en")} / ${m.toLocaleString("en")}`,
  n,
  m,
  seed,
  runs: RUNS ?? runs,
  networkx,
  groups: Math.max(2, Math.round(n / 100)),
  reciprocity: 0.4,
  sinks: Math.floor(n / 50),
  sources: Math.floor(n / 100),
  isolated: Math.floor(n / 200),
});
const sizes: Size[] = SMALL
  ? [size(50, 600, 7, true, 11), size(300, 3000, 5, true, 12)]
  : [size(50, 600, 9, true, 11), size(500, 10_000, 5, true, 12), size(5000, 100_000, 5, NX_LARGE, 13)];

interface Time {
  wall: number;
  cpu: number;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medianTime = (ts: Time[]): Time => ({ wall: median(ts.map((t) => t.wall)), cpu: median(ts.map((t) => t.cpu)) });

/** A reference.py server holding one graph; ask() runs one library's full measure set there. */
async function pythonServer(file: string) {
  const child = spawn(PYTHON, [SCRIPT, "serve", file], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const r = await lines.next();
    if (r.done) throw new Error("reference.py serve stopped early");
    return JSON.parse(r.value) as unknown;
  };
  const versions = (await next()) as { igraph: string; networkx: string };
  return {
    versions,
    ask: async (lib: "igraph" | "networkx") => {
      child.stdin.write(`${lib}\n`);
      return (await next()) as Time;
    },
    close: () => child.stdin.end(),
  };
}

function timeOurs(nodes: string[], ties: { from: string; to: string; weight: number }[]): Time {
  const cpu = process.cpuUsage();
  const t = process.hrtime.bigint();
  networkMeasures(nodes, ties);
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1e6 };
}

try {
  execFileSync(PYTHON, ["-c", "import igraph, networkx"], { stdio: "pipe" });
} catch {
  console.error(`${PYTHON} with igraph and networkx is needed: apt-get install -y python3-igraph python3-networkx`);
  process.exit(1);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "accord-bench-network-"));
const rows: Array<{ label: string; ours: Time; igraph: Time; networkx: Time | null }> = [];
let versions = { igraph: "?", networkx: "?" };
for (const s of sizes) {
  const g = generateNetwork(s);
  const { nodes, ties } = namedNetwork(g);
  const file = path.join(dir, `graph-${s.n}.json`);
  fs.writeFileSync(file, JSON.stringify({ graphs: [{ name: s.label, n: g.n, from: [...g.from], to: [...g.to], weight: [...g.weight] }] }));
  const py = await pythonServer(file);
  versions = py.versions;
  const libs: Array<"igraph" | "networkx"> = s.networkx ? ["igraph", "networkx"] : ["igraph"];
  // One warm-up each (ours twice, for the JIT), then the runs interleaved so load changes hit all alike.
  process.stderr.write(`${s.label}: warm-up\n`);
  timeOurs(nodes, ties);
  timeOurs(nodes, ties);
  // networkx at 5,000 / 100,000 takes minutes a run: no warm-up there.
  for (const lib of libs) if (lib === "igraph" || s.n <= 1000) await py.ask(lib);
  const times: Record<"ours" | "igraph" | "networkx", Time[]> = { ours: [], igraph: [], networkx: [] };
  for (let i = 0; i < s.runs; i++) {
    process.stderr.write(`${s.label}: run ${i + 1}/${s.runs} ours`);
    times.ours.push(timeOurs(nodes, ties));
    for (const lib of libs) {
      process.stderr.write(`, ${lib}`);
      times[lib].push(await py.ask(lib));
    }
    process.stderr.write("\n");
  }
  py.close();
  rows.push({ label: s.label, ours: medianTime(times.ours), igraph: medianTime(times.igraph), networkx: s.networkx ? medianTime(times.networkx) : null });
}
fs.rmSync(dir, { recursive: true, force: true });

const ms = (x: number) => (x >= 10 ? `${Math.round(x * 1000)} ms` : `${(x * 1000).toFixed(1)} ms`);
const ratio = (a: number, b: number | undefined) => (b === undefined ? "—" : `×${(a / b).toFixed(2)}`);
console.log(
  `Trust-network measures: median time of the full set (degrees, strengths, betweenness, closeness, PageRank, density,` +
    ` reciprocity, centralisation, Louvain/multilevel communities; ours also asymmetric pairs and one-sided ties),` +
    ` wall (cpu). Node ${process.version}, python-igraph ${versions.igraph}, networkx ${versions.networkx}; Python times` +
    ` exclude loading the graph; ours is the public networkMeasures() from string ids.`,
);
const header = ["nodes / ties", "ours", "igraph", "networkx", "ours/igraph", "ours/networkx"];
const table = rows.map((r) => [
  r.label,
  `${ms(r.ours.wall)} (${ms(r.ours.cpu)})`,
  `${ms(r.igraph.wall)} (${ms(r.igraph.cpu)})`,
  r.networkx === null ? "skipped" : `${ms(r.networkx.wall)} (${ms(r.networkx.cpu)})`,
  `${ratio(r.ours.wall, r.igraph.wall)} (${ratio(r.ours.cpu, r.igraph.cpu)})`,
  r.networkx === null ? "—" : `${ratio(r.ours.wall, r.networkx.wall)} (${ratio(r.ours.cpu, r.networkx.cpu)})`,
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
console.log(header.map((h, i) => h.padEnd(widths[i]!)).join("  "));
for (const row of table) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join("  "));
if (!NX_LARGE && !SMALL) console.log("networkx at the largest size skipped; BENCH_NETWORKX_LARGE=1 (or --networkx-large) runs it.");
const largest = rows.at(-1)!;
const r = largest.ours.wall / largest.igraph.wall;
if (!SMALL) console.log(`Target ours ≤ ×1.5 igraph at ${largest.label}: ${r <= 1.5 ? "met" : "missed"} (×${r.toFixed(2)} wall).`);
// For the suite (bench/suite.ts): the rows as one JSON line.
if (process.env["BENCH_JSON"] === "1") console.log(`BENCH_JSON ${JSON.stringify({ versions, rows })}`);
