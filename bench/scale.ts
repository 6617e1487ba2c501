/** Benchmark 2: one partnership's published results (all questions, level × dimension, two waves compared) at scale: first view (stored at publish) and later views vs the bare SQL aggregate, and computing them from the answers. */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { sql } from "kysely";
import type { Actor } from "../src/accounts/actor.ts";
import type { Db } from "../src/db/database.ts";
import { computeComparison, computeWaveFigures, earlierOf, organisationNames, publishedWavesOf, WaveRows } from "../src/surveys/results/compute-figures.ts";
import { compareWaves, getWaveResults } from "../src/surveys/results/get-results.ts";
import { BENCH_DIR, benchSize, describeMachine, round, seededRandom, stats, writeResult, type Engine } from "./lib/common.ts";
import { datasetShape, openDataset, readMeta } from "./lib/dataset.ts";
import { sampleMemory } from "./lib/memory.ts";

const engine = (process.argv[2] ?? "sqlite") as Engine;
const size = benchSize();
const shape = datasetShape(size);
const REPEATS = Number(process.env["BENCH_REPEATS"] ?? 60);

// Generation runs in its own process, so this one's memory is the reading side's alone.
execFileSync(process.execPath, [path.join(BENCH_DIR, "../node_modules/tsx/dist/cli.mjs"), path.join(BENCH_DIR, "generate.ts"), engine], { stdio: ["ignore", "inherit", "inherit"] });
const meta = readMeta(engine, shape);
if (!meta) throw new Error("the dataset was not generated");

const memory = sampleMemory(process.pid);
const actor: Actor = { userId: meta.leadUserId, name: "Programme Lead", email: "lead@bench.example", via: "session" };

const item = "ip_competence_1";
const bareAggregate = (db: Db, pid: string) =>
  engine === "sqlite"
    ? sql`select count(*) as n, avg(case when json_type(r.answers, ${`$.${item}.value`}) = 'integer' then json_extract(r.answers, ${`$.${item}.value`}) end) as mean
          from wave_responses r join waves w on w.id = r.wave_id where w.partnership_id = ${pid}`.execute(db)
    : sql`select count(*) as n, avg(case when jsonb_typeof(r.answers::jsonb -> ${item} -> 'value') = 'number' then (r.answers::jsonb -> ${item} ->> 'value')::numeric end) as mean
          from wave_responses r join waves w on w.id = r.wave_id where w.partnership_id = ${pid}`.execute(db);

async function once(db: Db, p: number) {
  const pid = meta!.partnershipIds[p]!;
  const waves = meta!.waveIds[p]!;
  const latest = waves.at(-1)!;
  const t0 = performance.now();
  const results = await getWaveResults(db, actor, pid, latest, "none");
  const t1 = performance.now();
  const comparison = await compareWaves(db, actor, pid, waves.at(-2)!, latest);
  const t2 = performance.now();
  // The aggregate is timed warm (its rows read once just before): the figures no longer read the answers, so
  // they would otherwise leave the baseline alone to pay for reading them from disk.
  await bareAggregate(db, pid);
  const t3a = performance.now();
  await bareAggregate(db, pid);
  const t3 = performance.now();
  if (results.questions.length === 0 || comparison.scores.length === 0) throw new Error("empty results");
  return { results: t1 - t0, compare: t2 - t1, total: t2 - t0, bare: t3 - t3a, figures: normal([results, comparison]) };
}

/** Figures as JSON, free text (released in a random order) sorted. */
const normal = (figures: unknown) => JSON.stringify(figures, (key, v: unknown) => (key === "texts" && Array.isArray(v) ? [...(v as string[])].sort() : v));

/**
 * The same figures computed from the answers, as every first view did before they were stored: the latest
 * wave's results, then the comparison (both waves' results and their respondents' scores), each from its rows.
 */
async function fromRows(db: Db, p: number) {
  const pid = meta!.partnershipIds[p]!;
  const [previousId, latestId] = meta!.waveIds[p]!.slice(-2) as [string, string];
  const t0 = performance.now();
  const published = await publishedWavesOf(db, pid);
  const names = await organisationNames(db, pid);
  const latest = published.find((w) => w.id === latestId)!;
  const previous = published.find((w) => w.id === previousId)!;
  const results = await computeWaveFigures(new WaveRows(db), latest, earlierOf(published, latest), names);
  const t1 = performance.now();
  const rows = new WaveRows(db);
  const x = await computeWaveFigures(rows, previous, earlierOf(published, previous), names);
  const y = await computeWaveFigures(rows, latest, earlierOf(published, latest), names);
  const comparison = await computeComparison(rows, previous, latest, x.none, y.none);
  const t2 = performance.now();
  return { results: t1 - t0, compare: t2 - t1, total: t2 - t0, figures: normal([results.none, comparison]) };
}

// Published figures are stored when a wave is published (generate.ts wrote them the way publishing does) and
// remembered per database handle: a fresh handle per repeat is a new server (its memory empty; its connection
// opened before the clock starts) for the first view, a second call on it a later view.
process.stderr.write(`scale/${engine}: warming up\n`);
const warm = await openDataset(engine, shape);
for (let i = 0; i < 5; i++) await once(warm.db, i % meta.partnershipIds.length);
await warm.close();
const rand = seededRandom(99);
const cold: Awaited<ReturnType<typeof once>>[] = [];
const cached: Awaited<ReturnType<typeof once>>[] = [];
const computed: Awaited<ReturnType<typeof fromRows>>[] = [];
for (let i = 0; i < REPEATS; i++) {
  const h = await openDataset(engine, shape);
  await sql`select 1`.execute(h.db);
  const p = Math.floor(rand() * meta.partnershipIds.length);
  cold.push(await once(h.db, p));
  cached.push(await once(h.db, p));
  computed.push(await fromRows(h.db, p));
  await h.close();
  if ((i + 1) % 10 === 0) process.stderr.write(`scale/${engine}: ${i + 1}/${REPEATS}\n`);
}
const mem = memory.stop();
const machine = await describeMachine(engine);

const summary = (xs: number[]) => {
  const s = stats(xs);
  return { median: round(s.median), p95: round(s.p95) };
};

function report(name: string, samples: typeof cold, what: string) {
  const total = stats(samples.map((s) => s.total));
  const bare = stats(samples.map((s) => s.bare));
  const rowsTotal = stats(computed.map((s) => s.total));
  writeResult({
    name,
    engine,
    size,
    date: new Date().toISOString(),
    machine,
    method:
      `${shape.partnerships.toLocaleString("en")} partnerships × ${shape.wavesPerPartnership} published waves, ${shape.responses.toLocaleString("en")} responses (seeded); ` +
      "each wave's figures stored the way publishing stores them (the backfill in generate.ts). " +
      `Per repeat (${REPEATS}, random partnerships): getWaveResults(latest wave, breakdown none) then compareWaves(previous, latest), as the lead convenor, ${what}; ` +
      "baseline: the bare SQL aggregate (count and mean of one item) over that partnership's responses, timed right after, warm (run once untimed just before). " +
      "details.fromRowsMs: the same figures computed from the answers (what a first view cost before figures were stored).",
    figure: { label: "results + comparison p95", value: round(total.p95), unit: "ms" },
    baseline: { label: "bare SQL aggregate p95", value: round(bare.p95), unit: "ms" },
    ratio: round(total.p95 / bare.p95, 2),
    ratioMeaning: "our p95 ÷ bare aggregate p95",
    target: { text: "p95 < 50 ms", met: total.p95 < 50 },
    invariants: {
      "every repeat answered with results": samples.length === REPEATS,
      "the figures shown equal those computed from the answers": samples.every((s, i) => s.figures === computed[i]!.figures),
    },
    memory: mem,
    details: {
      shape,
      generatedInSeconds: meta!.generatedIn,
      publishedInSeconds: meta!.publishedIn ?? null,
      repeats: REPEATS,
      totalMs: { median: round(total.median), p95: round(total.p95), max: round(total.max) },
      resultsMs: summary(samples.map((s) => s.results)),
      compareMs: summary(samples.map((s) => s.compare)),
      bareMs: { median: round(bare.median), p95: round(bare.p95) },
      fromRowsMs: { median: round(rowsTotal.median), p95: round(rowsTotal.p95), results: summary(computed.map((s) => s.results)), compare: summary(computed.map((s) => s.compare)) },
      fromRowsRatioToBare: round(rowsTotal.p95 / bare.p95, 2),
      responsesPerWave: Math.round(shape.responses / (shape.partnerships * shape.wavesPerPartnership)),
    },
  });
}
report("results-first-view", cold, "first view on a fresh handle (a new server: figures read as stored at publish)");
report("results-later-views", cached, "a second view on the same handle (published figures remembered)");
