/** Shared pieces of the benchmark suite: size, engines, machine description, statistics, results files, progress, seeded PRNG. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";

export type Engine = "sqlite" | "postgres";
export type Size = "small" | "full";

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const ROOT = path.resolve(BENCH_DIR, "..");
export const RESULTS_DIR = path.join(BENCH_DIR, "results");

export function benchSize(): Size {
  const s = process.env["BENCH_SIZE"] ?? "small";
  if (s !== "small" && s !== "full") throw new Error(`BENCH_SIZE must be small or full, not ${s}`);
  return s;
}

/** The PostgreSQL server to benchmark on, if any (BENCH_DATABASE_URL, else TEST_DATABASE_URL). */
export function pgBaseUrl(): string | undefined {
  return process.env["BENCH_DATABASE_URL"] || process.env["TEST_DATABASE_URL"] || undefined;
}

export function enginesToRun(): Engine[] {
  return pgBaseUrl() ? ["sqlite", "postgres"] : ["sqlite"];
}

/** The URL of a database of our own on the bench server (created if missing, emptied when fresh). */
export async function pgDatabase(name: string, fresh: boolean): Promise<string> {
  const base = pgBaseUrl();
  if (!base) throw new Error("No BENCH_DATABASE_URL or TEST_DATABASE_URL");
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    if (fresh) await admin.query(`drop database if exists ${name} with (force)`);
    const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function pgVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return ((await c.query("show server_version")).rows[0] as { server_version: string }).server_version;
  } finally {
    await c.end();
  }
}

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  sqlite: string;
  postgres: string | null;
  python: string | null;
}

export async function describeMachine(engine?: Engine): Promise<Machine> {
  const raw = new BetterSqlite3(":memory:");
  const sqlite = (raw.prepare("select sqlite_version() as v").get() as { v: string }).v;
  raw.close();
  const base = pgBaseUrl();
  let python: string | null = null;
  try {
    python = execFileSync("/usr/bin/python3", ["--version"], { encoding: "utf8" }).trim();
  } catch {
    /* no python */
  }
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    sqlite,
    postgres: base && engine !== "sqlite" ? await pgVersion(base).catch(() => null) : null,
    python,
  };
}

export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function stats(xs: readonly number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return { n: s.length, median: at(0.5), p95: at(0.95), min: s[0]!, max: s[s.length - 1]! };
}

/** One benchmark's outcome: its figure, the baseline measured in the same run, and hard invariants. */
export interface BenchResult {
  name: string;
  engine: Engine | "none";
  size: Size;
  date: string;
  machine: Machine;
  /** What is measured and how, in a sentence or two. */
  method: string;
  figure: { label: string; value: number; unit: string };
  baseline: { label: string; value: number; unit: string } | null;
  /** figure ÷ baseline (or as stated in ratioMeaning). */
  ratio: number | null;
  ratioMeaning: string;
  target: { text: string; met: boolean } | null;
  /** Hard invariants (no errors, nothing lost or duplicated): a false one fails the suite. */
  invariants: Record<string, boolean>;
  memory?: { startMiB: number; peakMiB: number; endMiB: number; underLimit: boolean; backWithin10PctOfStart?: boolean; secondsToSettle?: number } | undefined;
  skipped?: string | undefined;
  details: Record<string, unknown>;
}

export function writeResult(r: BenchResult): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${r.name}${r.engine === "none" ? "" : `-${r.engine}`}-${r.size}.json`);
  fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  // The suite reads this line from stdout.
  console.log(`BENCH_RESULT ${file}`);
  return file;
}

/** A progress bar on stderr (redrawn in place on a terminal, every 10% otherwise). */
export function progressBar(label: string, total: number) {
  const start = Date.now();
  let lastDecile = -1;
  return {
    update(done: number) {
      const frac = total === 0 ? 1 : Math.min(1, done / total);
      const width = 30;
      const bar = "#".repeat(Math.round(frac * width)).padEnd(width, ".");
      const secs = ((Date.now() - start) / 1000).toFixed(0);
      const line = `${label} [${bar}] ${(frac * 100).toFixed(0).padStart(3)}% ${done.toLocaleString("en")}/${total.toLocaleString("en")} ${secs}s`;
      if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
      else {
        const decile = Math.floor(frac * 10);
        if (decile !== lastDecile) {
          lastDecile = decile;
          process.stderr.write(`${line}\n`);
        }
      }
    },
    done() {
      if (process.stderr.isTTY) process.stderr.write("\n");
    },
  };
}


/** A deterministic hex string of the given length from the PRNG. */
export function seededHex(rand: () => number, length: number): string {
  let s = "";
  while (s.length < length) s += Math.floor(rand() * 0x100000000).toString(16).padStart(8, "0");
  return s.slice(0, length);
}

export const MiB = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The seeded PRNG the datasets are drawn from (the same seed gives the same dataset). */
export { mulberry32 as seededRandom } from "../../src/stats/seeded-random.ts";
