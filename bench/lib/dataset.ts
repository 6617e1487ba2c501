/** The large seeded dataset (partnerships × waves × responses): its shape per size, where it lives, and its marker. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { connect, type DbHandle } from "../../src/db/connect.ts";
import { pgDatabase, type Engine, type Size } from "./common.ts";

export interface DatasetShape {
  partnerships: number;
  wavesPerPartnership: number;
  responses: number;
  organisationsPerPartnership: number;
  seed: number;
}

export function datasetShape(size: Size): DatasetShape {
  const env = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);
  return size === "full"
    ? { partnerships: env("BENCH_PARTNERSHIPS", 1000), wavesPerPartnership: 4, responses: env("BENCH_RESPONSES", 1_000_000), organisationsPerPartnership: 6, seed: 2024 }
    : { partnerships: env("BENCH_PARTNERSHIPS", 20), wavesPerPartnership: 4, responses: env("BENCH_RESPONSES", 5_000), organisationsPerPartnership: 6, seed: 2024 };
}

/** What the generator leaves behind for the timing runs. */
export interface DatasetMeta {
  shape: DatasetShape;
  leadUserId: string;
  partnershipIds: string[];
  /** Wave ids per partnership, oldest first. */
  waveIds: string[][];
  generatedIn: number;
  /** Seconds the last backfill of stored figures and summaries took (what publishing each wave writes). */
  publishedIn?: number;
}

const DATA_ROOT = process.env["BENCH_DATA_DIR"] ?? path.join(os.tmpdir(), "accord-bench-data");
const key = (shape: DatasetShape) => `p${shape.partnerships}-w${shape.wavesPerPartnership}-r${shape.responses}-s${shape.seed}`;

export function sqliteDatasetFile(shape: DatasetShape): string {
  return path.join(DATA_ROOT, `scale-${key(shape)}.sqlite`);
}
const metaFile = (engine: Engine, shape: DatasetShape) => path.join(DATA_ROOT, `scale-${engine}-${key(shape)}.json`);
export const pgDatasetName = (shape: DatasetShape) => `accord_bench_scale_${key(shape).replace(/-/g, "_")}`;

export function readMeta(engine: Engine, shape: DatasetShape): DatasetMeta | undefined {
  const f = metaFile(engine, shape);
  return fs.existsSync(f) ? (JSON.parse(fs.readFileSync(f, "utf8")) as DatasetMeta) : undefined;
}

export function writeMeta(engine: Engine, meta: DatasetMeta): void {
  fs.mkdirSync(DATA_ROOT, { recursive: true });
  fs.writeFileSync(metaFile(engine, meta.shape), JSON.stringify(meta));
}

export function forgetMeta(engine: Engine, shape: DatasetShape): void {
  fs.rmSync(metaFile(engine, shape), { force: true });
}

/** Opens the dataset's database with the server's own settings. */
export async function openDataset(engine: Engine, shape: DatasetShape, fresh = false): Promise<DbHandle & { url?: string }> {
  if (engine === "postgres") {
    const url = await pgDatabase(pgDatasetName(shape), fresh);
    return { ...connect({ databaseUrl: url }), url };
  }
  const file = sqliteDatasetFile(shape);
  if (fresh) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  return connect({ sqliteFile: file });
}
