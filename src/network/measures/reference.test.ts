// Reference test: our measures against python-igraph and networkx (Debian's /usr/bin/python3) on seeded random networks.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateNetwork } from "./generate.ts";
import type { GenerateOptions } from "./generate.ts";
import { buildCsr } from "./graph.ts";
import { measuresOfCsr } from "./measures.ts";
import type { NetworkMeasures } from "./measures.ts";

// CI installs python3-igraph and python3-networkx; without them this test fails, unless a developer
// sets ACCORD_SKIP_PYTHON_REFERENCE=1.
const SKIP = process.env["ACCORD_SKIP_PYTHON_REFERENCE"] === "1";
const PYTHON = "/usr/bin/python3";
const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "reference.py");
const MISSING = `needs ${PYTHON} with python-igraph ≥ 0.10 and networkx (Debian: apt-get install -y python3-igraph python3-networkx); set ACCORD_SKIP_PYTHON_REFERENCE=1 to skip it`;

/** Seeded networks: sparse and dense, with dangling nodes (sinks), unreachable ones (sources), isolated ones, separate parts. */
const specs: Array<GenerateOptions & { name: string }> = [
  { name: "three nodes, two ties", n: 3, m: 2, seed: 1 },
  { name: "six nodes, no ties", n: 6, m: 0, seed: 2 },
  { name: "sparse 30/60 with sinks, sources and isolated nodes", n: 30, m: 60, seed: 3, sinks: 3, sources: 3, isolated: 2 },
  { name: "complete 25/600", n: 25, m: 600, seed: 4 },
  { name: "dense 50/600", n: 50, m: 600, seed: 5, reciprocity: 0.5 },
  { name: "two separate parts 60/300", n: 60, m: 300, seed: 6, groups: 2, mixing: 0 },
  { name: "groups 200/1,500 with sinks, sources and isolated nodes", n: 200, m: 1500, seed: 7, groups: 6, sinks: 5, sources: 5, isolated: 3 },
  { name: "groups 400/4,000, mostly mutual", n: 400, m: 4000, seed: 8, groups: 8, reciprocity: 0.7, sinks: 4 },
];

type Ref = Record<string, unknown> & {
  betweenness: number[];
  closeness: Array<number | null>;
  pagerank: number[];
  inStrength: number[];
  outStrength: number[];
  inDegree: number[];
  outDegree: number[];
  density: number | null;
  reciprocity: number | null;
  inDegreeCentralisation: number | null;
  meanTrust: number | null;
  ourModularity: number | null;
  multilevelModularity?: number | null;
  louvainModularity?: number | null;
};

/** |ours − theirs| ≤ 1e-9 · max(1, |theirs|): absolute for values up to 1 (PageRank, closeness, density, …), relative above (betweenness, strengths). */
function close(ours: number | null, theirs: number | null, what: string): void {
  if (ours === null || theirs === null) {
    expect(ours, what).toBe(theirs);
    return;
  }
  const tolerance = 1e-9 * Math.max(1, Math.abs(theirs));
  if (!(Math.abs(ours - theirs) <= tolerance)) expect.fail(`${what}: ours ${ours}, theirs ${theirs} (|Δ| ${Math.abs(ours - theirs)} > ${tolerance})`);
}

describe.skipIf(SKIP)("measures agree with python-igraph and networkx", () => {
  const ours: NetworkMeasures[] = [];
  let results: Array<{ name: string; igraph: Ref; networkx: Ref }> = [];
  let dir = "";

  beforeAll(() => {
    if (!fs.existsSync(PYTHON)) throw new Error(`The network reference test ${MISSING}: ${PYTHON} is missing.`);
    try {
      const v = execFileSync(PYTHON, ["-c", "import igraph, networkx; print(igraph.__version__)"], { encoding: "utf8", stdio: "pipe" }).trim();
      const [major, minor] = v.split(".").map(Number) as [number, number];
      if (major === 0 && minor < 10) throw new Error(`python-igraph ${v} is too old (closeness changed in 0.10)`);
    } catch (err) {
      throw new Error(`The network reference test ${MISSING}: ${(err as Error).message.split("\n").filter(Boolean).at(-1)}`);
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "accord-network-reference-"));
    const graphs = specs.map((spec) => {
      const g = generateNetwork(spec);
      const r = measuresOfCsr(buildCsr(g.n, g.from, g.to, g.weight), Array.from({ length: g.n }, (_, i) => String(i)));
      ours.push(r);
      return { name: spec.name, n: g.n, from: [...g.from], to: [...g.to], weight: [...g.weight], membership: r.organisations.map((o) => o.community) };
    });
    const file = path.join(dir, "graphs.json");
    fs.writeFileSync(file, JSON.stringify({ graphs }));
    const out = execFileSync(PYTHON, [SCRIPT, "check", file], { encoding: "utf8", maxBuffer: 1 << 28 });
    results = (JSON.parse(out) as { results: typeof results }).results;
  }, 180_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  specs.forEach((spec, k) => {
    it(spec.name, () => {
      const r = ours[k]!;
      const ref = results[k]!;
      expect(ref.name).toBe(spec.name);
      for (const lib of ["igraph", "networkx"] as const) {
        const t = ref[lib];
        r.organisations.forEach((o, v) => {
          expect(o.inDegree, `${lib} in-degree ${v}`).toBe(t.inDegree[v]);
          expect(o.outDegree, `${lib} out-degree ${v}`).toBe(t.outDegree[v]);
          close(o.inStrength, t.inStrength[v]!, `${lib} in-strength ${v}`);
          close(o.outStrength, t.outStrength[v]!, `${lib} out-strength ${v}`);
          close(o.betweenness, t.betweenness[v]!, `${lib} betweenness ${v}`);
          // A node that reaches nobody: ours null, igraph NaN (sent as null), networkx 0.
          const theirs = t.closeness[v]!;
          close(o.closeness, lib === "networkx" && theirs === 0 ? null : theirs, `${lib} closeness ${v}`);
          close(o.pagerank, t.pagerank[v]!, `${lib} PageRank ${v}`);
        });
        for (const key of ["density", "reciprocity", "inDegreeCentralisation", "meanTrust"] as const) close(r.network[key], t[key], `${lib} ${key}`);
        // Our partition scored by their modularity function.
        close(r.network.modularity, t.ourModularity, `${lib} modularity of our partition`);
      }
      // Partitions differ between implementations; ours must be about as good as igraph's multilevel and networkx's Louvain.
      const theirs = [ref.igraph.multilevelModularity, ref.networkx.louvainModularity];
      for (const q of theirs) {
        if (q === null || q === undefined) expect(r.network.modularity).toBeNull();
        else expect(r.network.modularity!).toBeGreaterThanOrEqual(q - 0.02);
      }
    });
  });
});
