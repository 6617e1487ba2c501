/** Generates the seeded large dataset (published waves of the accord trust instrument) with batched inserts, then writes what publishing writes (stored figures, programme summaries); progress bars for both. */
import pg from "pg";
import { openSqlite } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { SECTORS } from "../src/partnerships/sectors.ts";
import { backfillPublished } from "../src/surveys/after-publish.ts";
import { INSTRUMENT, realisticAnswers, respondentTrust } from "./lib/answers.ts";
import { benchSize, progressBar, seededHex, seededRandom, type Engine } from "./lib/common.ts";
import { datasetShape, forgetMeta, openDataset, readMeta, sqliteDatasetFile, writeMeta, type DatasetMeta } from "./lib/dataset.ts";

const engine = (process.argv[2] ?? "sqlite") as Engine;
const shape = datasetShape(benchSize());
if (readMeta(engine, shape) && process.env["BENCH_REGENERATE"] !== "1") {
  process.stderr.write(`dataset/${engine}: reusing the generated dataset (BENCH_REGENERATE=1 makes it again)\n`);
} else {
  await generate();
}
await storePublished();

/**
 * The rows are inserted directly, so no publish ran: write what it writes (each wave's stored figures and
 * programme summary) through the same backfill a deployment runs for waves published before figures were
 * stored. Once per dataset: a later run finds everything current in seconds (unless the figure code changed).
 */
async function storePublished(): Promise<void> {
  const handle = await openDataset(engine, shape);
  await migrateToLatest(handle.db);
  const started = performance.now();
  const bar = progressBar(`dataset/${engine}: published figures (partnerships)`, shape.partnerships);
  const written = await backfillPublished(handle.db, (done, total) => (done % 10 === 0 || done === total) && bar.update(done));
  bar.done();
  await handle.close();
  if (written.figures + written.summaries === 0) return;
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  writeMeta(engine, { ...readMeta(engine, shape)!, publishedIn: seconds });
  process.stderr.write(`dataset/${engine}: stored ${written.figures.toLocaleString("en")} figures and ${written.summaries.toLocaleString("en")} summaries in ${seconds} s\n`);
}

async function generate(): Promise<void> {
  forgetMeta(engine, shape);
  const started = performance.now();
  const handle = await openDataset(engine, shape, true);
  await migrateToLatest(handle.db);
  await handle.close();

  const rand = seededRandom(shape.seed);
  const uuid = () => {
    const h = seededHex(rand, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  const T0 = "2023-01-02T09:00:00.000Z";
  const iso = (days: number) => new Date(Date.parse(T0) + days * 86400_000).toISOString();
  const leadUserId = uuid();

  type Row = Record<string, string | number | null>;
  interface Sink {
    insert(table: string, rows: Row[]): Promise<void>;
    commit(): Promise<void>;
    close(): Promise<void>;
  }

  /** SQLite: one transaction per partnership, synchronous off while generating (the timing runs reopen with FULL). */
  function sqliteSink(): Sink {
    const raw = openSqlite(sqliteDatasetFile(shape));
    raw.pragma("synchronous = OFF");
    const stmts = new Map<string, ReturnType<typeof raw.prepare>>();
    raw.exec("begin");
    return {
      async insert(table, rows) {
        if (!rows.length) return;
        const cols = Object.keys(rows[0]!);
        const k = `${table}:${cols.join(",")}`;
        if (!stmts.has(k)) stmts.set(k, raw.prepare(`insert into ${table} (${cols.join(", ")}) values (${cols.map((c) => `@${c}`).join(", ")})`));
        const stmt = stmts.get(k)!;
        for (const r of rows) stmt.run(r);
      },
      async commit() {
        raw.exec("commit; begin");
      },
      async close() {
        raw.exec("commit");
        raw.pragma("wal_checkpoint(TRUNCATE)");
        raw.exec("analyze");
        raw.close();
      },
    };
  }

  /** PostgreSQL: multi-row inserts of up to 1,000 rows, one transaction per partnership. */
  async function pgSink(url: string): Promise<Sink> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("set synchronous_commit = off");
    await client.query("begin");
    return {
      async insert(table, rows) {
        for (let i = 0; i < rows.length; i += 1000) {
          const chunk = rows.slice(i, i + 1000);
          const cols = Object.keys(chunk[0]!);
          const params: unknown[] = [];
          const tuples = chunk.map((r) => `(${cols.map((c) => (params.push(r[c]), `$${params.length}`)).join(", ")})`);
          await client.query(`insert into ${table} (${cols.join(", ")}) values ${tuples.join(", ")}`, params);
        }
      },
      async commit() {
        await client.query("commit");
        await client.query("begin");
      },
      async close() {
        await client.query("commit");
        await client.query("analyze");
        await client.end();
      },
    };
  }

  const sink = engine === "postgres" ? await pgSink((await openDataset(engine, shape)).url!) : sqliteSink();
  await sink.insert("users", [{ id: leadUserId, email: "lead@bench.example", name: "Programme Lead", password_hash: null, disabled_at: null, created_at: T0, updated_at: T0, email_proven_at: T0, unproven_scope: null }]);

  const totalWaves = shape.partnerships * shape.wavesPerPartnership;
  const orgWeights = [0.3, 0.2, 0.15, 0.15, 0.1, 0.1].slice(0, shape.organisationsPerPartnership);
  const meta: DatasetMeta = { shape, leadUserId, partnershipIds: [], waveIds: [], generatedIn: 0 };
  const bar = progressBar(`dataset/${engine}: responses`, shape.responses);
  let written = 0;
  let waveIndex = 0;
  for (let p = 0; p < shape.partnerships; p++) {
    const pid = uuid();
    meta.partnershipIds.push(pid);
    await sink.insert("partnerships", [{ id: pid, name: `Partnership ${String(p + 1).padStart(4, "0")}`, purpose: "Generated for the benchmark", created_by: leadUserId, created_at: T0, updated_at: T0, deleted_at: null }]);
    const orgs = orgWeights.map((_, o) => ({ id: uuid(), partnership_id: pid, name: `Organisation ${p + 1}.${o + 1}`, sector: SECTORS[(p + o) % SECTORS.length]!, created_by: leadUserId, created_at: T0, updated_at: T0, deleted_at: null }));
    await sink.insert("organisations", orgs);
    await sink.insert("people", [{ id: uuid(), partnership_id: pid, user_id: leadUserId, name: "Programme Lead", email: "lead@bench.example", joined_at: T0, organisation_id: orgs[0]!.id, role: "convenor", job_title: null, created_by: leadUserId, created_at: T0, updated_at: T0, deleted_at: null }]);
    const level = 2 + rand() * 2.2;
    const waveIds: string[] = [];
    for (let w = 0; w < shape.wavesPerPartnership; w++) {
      const id = uuid();
      waveIds.push(id);
      const day = w * 182;
      await sink.insert("waves", [{
        id, partnership_id: pid, name: `Wave ${w + 1}`, instrument_key: INSTRUMENT.key, instrument_version: INSTRUMENT.version, opens_on: iso(day).slice(0, 10), closes_on: iso(day + 21).slice(0, 10),
        k: 5, status: "published", network_mode: "none", opened_at: iso(day), closed_at: iso(day + 21), published_at: iso(day + 28), published_by: leadUserId, created_by: leadUserId, created_at: iso(day - 7), updated_at: iso(day + 28), deleted_at: null,
      }]);
      const n = Math.floor((shape.responses * (waveIndex + 1)) / totalWaves) - Math.floor((shape.responses * waveIndex) / totalWaves);
      waveIndex++;
      const rows: Row[] = [];
      for (let i = 0; i < n; i++) {
        let u = rand();
        let o = 0;
        while (o < orgWeights.length - 1 && u >= orgWeights[o]!) u -= orgWeights[o++]!;
        const org = orgs[o]!;
        rows.push({ id: seededHex(rand, 32), wave_id: id, nullifier: seededHex(rand, 64), idempotency_hash: seededHex(rand, 64), organisation_id: org.id, sector: org.sector, answers: JSON.stringify(realisticAnswers(rand, respondentTrust(rand, level, w))), ratings: null });
      }
      await sink.insert("wave_responses", rows);
      written += n;
    }
    meta.waveIds.push(waveIds);
    await sink.commit();
    bar.update(written);
  }
  await sink.close();
  bar.done();
  meta.generatedIn = Math.round((performance.now() - started) / 100) / 10;
  writeMeta(engine, meta);
  process.stderr.write(`dataset/${engine}: ${shape.partnerships} partnerships × ${shape.wavesPerPartnership} waves, ${written.toLocaleString("en")} responses in ${meta.generatedIn} s\n`);
}
