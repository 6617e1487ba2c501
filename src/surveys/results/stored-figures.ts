/** Published figures as released: kept by an import, or stored durably when a wave is published (`published_snapshots` rows of source "publish"), read by the first view and recomputed when anything they depend on changed. */
import { createHash } from "node:crypto";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../errors/app-error.ts";
import { compareKind, isImportedWave, resultsKind } from "../../transfer/snapshots.ts";
import type { WavesTable } from "../tables.ts";
import { BREAKDOWN_KINDS, type BreakdownKind } from "./compute-results.ts";
import { computeComparison, computeWaveFigures, earlierOf, organisationNames, publishedWavesOf, WaveRows, type Comparison, type PublishedResults } from "./compute-figures.ts";
import { figuresCode } from "./figures-code.ts";
import { remembered } from "./published-cache.ts";

/**
 * One operation's view of a partnership (one page view, one publish, one backfill): its published waves,
 * organisation names and answers, each read once, and the wave figures computed so far.
 */
interface Context {
  db: Db;
  partnershipId: string;
  published: WavesTable[];
  rows: WaveRows;
  names: () => Promise<Map<string, string>>;
  computed: Map<string, Promise<Record<BreakdownKind, PublishedResults>>>;
}

async function contextOf(db: Db, partnershipId: string): Promise<Context> {
  let names: Promise<Map<string, string>> | undefined;
  return { db, partnershipId, published: await publishedWavesOf(db, partnershipId), rows: new WaveRows(db), names: () => (names ??= organisationNames(db, partnershipId)), computed: new Map() };
}

/**
 * Everything a wave's results depend on. A published wave's answers, k, instrument and name never change;
 * what can is the set of earlier published waves (publishing a wave opened before it, or deleting one, changes
 * what the wave-to-wave rule lets it release), the organisation names its groups are labelled with, and the
 * code that computes figures.
 */
async function resultsKey(ctx: Context, wave: WavesTable, breakdown: BreakdownKind): Promise<string> {
  const names = breakdown === "organisation" ? [...(await ctx.names())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : null;
  const waveKey = [wave.id, wave.name, wave.k, wave.published_at, wave.instrument_key, wave.instrument_version];
  return JSON.stringify(["results", figuresCode(), breakdown, waveKey, earlierOf(ctx.published, wave).map((w) => w.id), names]);
}

/** Everything a comparison depends on: both waves, the later one's earlier published waves (the earlier one's are a prefix of them) and the code. */
function compareKey(ctx: Context, from: WavesTable, to: WavesTable): string {
  const waveKey = (w: WavesTable) => [w.id, w.name, w.k, w.published_at, w.instrument_key, w.instrument_version];
  return JSON.stringify(["compare", figuresCode(), waveKey(from), waveKey(to), earlierOf(ctx.published, to).map((w) => w.id)]);
}

const digest = (key: string) => createHash("sha256").update(key).digest("hex");

type Row = { wave_id: string; kind: string; source: "import" | "publish"; depends_on: string | null; data: string };

/** The rows of these kinds kept for these waves, whichever their source (an import's or stored at publish); one search of the primary key. */
function readRows(ctx: Context, waveIds: string[], kinds: string[]): Promise<Row[]> {
  return ctx.db
    .selectFrom("published_snapshots")
    .select(["wave_id", "kind", "source", "depends_on", "data"])
    .where("partnership_id", "=", ctx.partnershipId)
    .where("wave_id", "in", waveIds)
    .where("kind", "in", kinds)
    .execute();
}

/** The figures of a row stored at publish under this key; undefined when there is none or it is out of date. */
function current(row: Row | undefined, key: string): unknown {
  return row && row.source === "publish" && row.depends_on === digest(key) ? (JSON.parse(row.data) as unknown) : undefined;
}

async function readStored(ctx: Context, waveId: string, kind: string, key: string): Promise<unknown> {
  return current((await readRows(ctx, [waveId], [kind]))[0], key);
}

interface Pending {
  waveId: string;
  kind: string;
  key: string;
  data: unknown;
}

/** Writes figures in one transaction, replacing out-of-date ones; concurrent writers of the same figure write the same row. Never touches an import's rows. */
async function writeStored(ctx: Context, pending: readonly Pending[]): Promise<void> {
  if (pending.length === 0) return;
  await ctx.db.transaction().execute(async (tx) => {
    for (const p of pending) {
      await tx
        .insertInto("published_snapshots")
        .values({ partnership_id: ctx.partnershipId, wave_id: p.waveId, kind: p.kind, data: JSON.stringify(p.data), source: "publish", depends_on: digest(p.key) })
        .onConflict((oc) =>
          oc
            .columns(["partnership_id", "wave_id", "kind"])
            .doUpdateSet((eb) => ({ data: eb.ref("excluded.data"), depends_on: eb.ref("excluded.depends_on") }))
            .where("published_snapshots.source", "=", "publish"),
        )
        .execute();
    }
  });
}

/** A wave's results in every breakdown computed from its answers, once per operation, with the rows that would store them. */
function computeWave(ctx: Context, wave: WavesTable): Promise<Record<BreakdownKind, PublishedResults>> {
  let figures = ctx.computed.get(wave.id);
  if (!figures) {
    figures = (async () => computeWaveFigures(ctx.rows, wave, earlierOf(ctx.published, wave), await ctx.names()))();
    ctx.computed.set(wave.id, figures);
  }
  return figures;
}

async function resultRows(ctx: Context, wave: WavesTable, figures: Record<BreakdownKind, PublishedResults>): Promise<Pending[]> {
  return Promise.all(BREAKDOWN_KINDS.map(async (b) => ({ waveId: wave.id, kind: resultsKind(b), key: await resultsKey(ctx, wave, b), data: figures[b] })));
}

/** Storing is a saving, not a condition: a view whose figures could not be stored still answers (they are computed again next time). */
async function tryWrite(ctx: Context, pending: Pending[]): Promise<void> {
  try {
    await writeStored(ctx, pending);
  } catch {
    /* computed again on the next first view */
  }
}

/** A wave's results in one breakdown: stored when current, otherwise computed (every breakdown at once) and stored. */
async function resultsIn(ctx: Context, wave: WavesTable, breakdown: BreakdownKind, key: string, store: Pending[] | null): Promise<PublishedResults> {
  if (!ctx.computed.has(wave.id)) {
    const stored = await readStored(ctx, wave.id, resultsKind(breakdown), key);
    if (stored !== undefined) return stored as PublishedResults;
  }
  const figures = await computeWave(ctx, wave);
  const rows = await resultRows(ctx, wave, figures);
  if (store) store.push(...rows);
  else await tryWrite(ctx, rows);
  return figures[breakdown];
}

/**
 * A published wave's results (no access check): remembered per handle; else the figures an import kept (an
 * imported wave has no answers to compute from); else stored when current; else computed and stored.
 */
export async function publishedResults(db: Db, wave: WavesTable, breakdown: BreakdownKind): Promise<PublishedResults> {
  const ctx = await contextOf(db, wave.partnership_id);
  const key = await resultsKey(ctx, wave, breakdown);
  return remembered(db, key, async () => {
    const row = (await readRows(ctx, [wave.id], [resultsKind(breakdown)]))[0];
    if (row?.source === "import") return JSON.parse(row.data) as PublishedResults;
    return (current(row, key) as PublishedResults | undefined) ?? resultsIn(ctx, wave, breakdown, key, null);
  });
}

/** The two waves in opened order (the later one keeps the comparison). */
function ordered(a: WavesTable, b: WavesTable): [WavesTable, WavesTable] {
  return (a.opened_at ?? "") <= (b.opened_at ?? "") ? [a, b] : [b, a];
}

/** Computes a comparison from the two waves' results (stored or computed) and their answers, and stores it under the later wave. */
async function computeComparisonOf(ctx: Context, from: WavesTable, to: WavesTable, key: string, store: Pending[] | null): Promise<Comparison> {
  const none = async (w: WavesTable) => resultsIn(ctx, w, "none", await resultsKey(ctx, w, "none"), store);
  const c = await computeComparison(ctx.rows, from, to, await none(from), await none(to));
  const row = { waveId: to.id, kind: compareKind(from.id), key, data: c };
  if (store) store.push(row);
  else await tryWrite(ctx, [row]);
  return c;
}

/**
 * The comparison of two published waves (no access check): remembered per handle; else the one an import kept
 * for the pair; refused when either wave is imported and the pair was not kept (there are no answers to compute
 * it from); else stored when current; else computed and stored.
 */
export async function publishedComparison(db: Db, a: WavesTable, b: WavesTable): Promise<Comparison> {
  const [from, to] = ordered(a, b);
  const ctx = await contextOf(db, to.partnership_id);
  const key = compareKey(ctx, from, to);
  return remembered(db, key, async () => {
    const rows = await readRows(ctx, [a.id, b.id], [compareKind(a.id), compareKind(b.id)]);
    const kept = (w: WavesTable, other: WavesTable) => rows.find((r) => r.source === "import" && r.wave_id === w.id && r.kind === compareKind(other.id));
    const imported = kept(a, b) ?? kept(b, a);
    if (imported) return JSON.parse(imported.data) as Comparison;
    const stored = current(rows.find((r) => r.wave_id === to.id && r.kind === compareKind(from.id)), key);
    if (stored !== undefined) return stored as Comparison;
    if ((await isImportedWave(db, a.id)) || (await isImportedWave(db, b.id))) {
      throw new AppError("conflict", "This comparison was not kept in the import: an imported partnership keeps each published wave compared with the one before it and with the first.");
    }
    return computeComparisonOf(ctx, from, to, key, null);
  });
}

/**
 * Stores what a partnership's published waves release and is missing or out of date: each wave's results in
 * every breakdown, and its comparison with the previous and with the first published wave (other pairs are
 * stored when first viewed). Imported waves keep their own figures. Called after a publish (which may also
 * change later-opened waves' figures) and by backfills; returns how many figures it wrote.
 */
export async function storePartnershipFigures(db: Db, partnershipId: string): Promise<number> {
  const ctx = await contextOf(db, partnershipId);
  const rows = await db.selectFrom("published_snapshots").select(["wave_id", "kind", "source", "depends_on"]).where("partnership_id", "=", partnershipId).execute();
  const imported = new Set(rows.filter((r) => r.source === "import").map((r) => r.wave_id));
  const stored = new Map(rows.filter((r) => r.source === "publish").map((r) => [`${r.wave_id}|${r.kind}`, r.depends_on]));
  const isCurrent = (waveId: string, kind: string, key: string) => stored.get(`${waveId}|${kind}`) === digest(key);
  const pending: Pending[] = [];
  const waves = ctx.published.filter((w) => !imported.has(w.id));
  for (const wave of waves) {
    let stale = false;
    for (const b of BREAKDOWN_KINDS) if (!isCurrent(wave.id, resultsKind(b), await resultsKey(ctx, wave, b))) stale = true;
    if (stale) pending.push(...(await resultRows(ctx, wave, await computeWave(ctx, wave))));
    const earlier = earlierOf(ctx.published, wave);
    for (const other of new Set([earlier.at(-1), earlier[0]])) {
      if (!other || imported.has(other.id)) continue;
      const key = compareKey(ctx, other, wave);
      if (!isCurrent(wave.id, compareKind(other.id), key)) await computeComparisonOf(ctx, other, wave, key, pending);
    }
  }
  const unique = new Map(pending.map((p) => [`${p.waveId}|${p.kind}`, p]));
  await writeStored(ctx, [...unique.values()]);
  return unique.size;
}

/** Every partnership with published waves, for a backfill (oldest partnership id first). */
export async function partnershipsWithPublishedWaves(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("waves").select("partnership_id").distinct().where("status", "=", "published").where("deleted_at", "is", null).orderBy("partnership_id").execute();
  return rows.map((r) => r.partnership_id);
}
