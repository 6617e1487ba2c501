/** Per-wave published summaries (`wave_summaries`): written when a wave is published, backfilled lazily for older and imported waves. */
import { sql } from "kysely";
import type { Db } from "../db/database.ts";
import { ALL } from "../surveys/results/compute-results.ts";
import { comparePublishedWaves, waveResults } from "../surveys/results/get-results.ts";
import type { WavesTable } from "../surveys/tables.ts";
import { isImportedWave } from "../transfer/snapshots.ts";
import { cleanChange, cleanQuestion, cleanScore, type ChangeFigure } from "./rollup/index.ts";

async function firstPublishedWave(db: Db, partnershipId: string): Promise<WavesTable | undefined> {
  return db
    .selectFrom("waves")
    .selectAll()
    .where("partnership_id", "=", partnershipId)
    .where("status", "=", "published")
    .where("deleted_at", "is", null)
    .orderBy("opened_at")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
}

/** Change of all × all since the first published wave, through the real comparison (so it is released only as the comparison page releases it). */
async function changeSinceFirst(db: Db, wave: WavesTable): Promise<ChangeFigure | null> {
  const first = await firstPublishedWave(db, wave.partnership_id);
  if (!first || first.id === wave.id) return null;
  try {
    const comparison = await comparePublishedWaves(db, first, wave);
    const all = comparison.scores.find((s) => s.level === "all" && s.dimension === "all");
    if (!all) return null;
    return cleanChange(all.change.status === "released" ? { ...all.change, since: { id: first.id, name: first.name } } : all.change);
  } catch {
    // An imported pair whose comparison was not kept, or any failure: the change is not shown.
    return { status: "suppressed", reason: "not_kept" };
  }
}

/** Computes a published wave's summary through the results code (only released figures) and stores it once. */
export async function writeWaveSummary(db: Db, wave: WavesTable): Promise<void> {
  if (wave.status !== "published" || wave.published_at === null) return;
  const results = await waveResults(db, wave, "none");
  const overallRaw = results.scores.find((s) => s.level === "all" && s.dimension === "all")?.figures[ALL];
  const baselineRaw = results.questions.find((q) => q.itemKey === "baseline_trust")?.figures[ALL];
  const overall = overallRaw === undefined ? null : cleanScore(overallRaw);
  const baseline = baselineRaw === undefined ? null : cleanQuestion(baselineRaw);
  const change = overall === null ? null : await changeSinceFirst(db, wave);
  let invited: number | null = null;
  if (!(await isImportedWave(db, wave.id))) {
    const row = await db.selectFrom("wave_participants").select((eb) => eb.fn.countAll<number>().as("n")).where("wave_id", "=", wave.id).executeTakeFirstOrThrow();
    invited = Number(row.n);
  }
  await db
    .insertInto("wave_summaries")
    .values({
      wave_id: wave.id,
      partnership_id: wave.partnership_id,
      wave_name: wave.name,
      published_at: wave.published_at,
      k: wave.k,
      invited,
      respondents: overall && overall.status !== "suppressed" ? overall.n : null,
      overall: overall === null ? null : JSON.stringify(overall),
      baseline: baseline === null ? null : JSON.stringify(baseline),
      change: change === null ? null : JSON.stringify(change),
      overall_status: overall?.status ?? null,
      baseline_status: baseline?.status ?? null,
    })
    .onConflict((oc) => oc.column("wave_id").doNothing())
    .execute();
}

/**
 * Called after the publish transaction commits (after the wave's figures are stored); a failure here is repaired
 * by the lazy backfill, so publishing never fails because of it. Publishing a wave opened before others changes
 * what those may release (the wave-to-wave rule) and, when it becomes the first, their change since the first:
 * their summaries are removed and written again (one that fails stays missing until the next roll-up writes it),
 * so the roll-up never shows a figure their results page no longer shows.
 */
export async function summariseAfterPublish(db: Db, partnershipId: string, waveId: string): Promise<void> {
  try {
    const wave = await db.selectFrom("waves").selectAll().where("partnership_id", "=", partnershipId).where("id", "=", waveId).executeTakeFirst();
    if (!wave) return;
    await writeWaveSummary(db, wave);
    const openedAt = wave.opened_at;
    if (openedAt === null) return;
    const later = await db
      .selectFrom("waves")
      .selectAll()
      .where("partnership_id", "=", partnershipId)
      .where("status", "=", "published")
      .where("deleted_at", "is", null)
      .where((eb) => eb.or([eb("opened_at", ">", openedAt), eb.and([eb("opened_at", "=", openedAt), eb("id", ">", wave.id)])]))
      .orderBy("opened_at")
      .orderBy("id")
      .execute();
    if (later.length === 0) return;
    await db.deleteFrom("wave_summaries").where("partnership_id", "=", partnershipId).where("wave_id", "in", later.map((w) => w.id)).execute();
    for (const w of later) await writeWaveSummary(db, w);
  } catch {
    /* backfilled on the next roll-up */
  }
}

/**
 * Writes the missing summaries of published waves — of the partnerships sharing with one programme, or of
 * every partnership when none is given. Oldest first, so a wave's change is computed after its first wave.
 */
export async function backfillWaveSummaries(db: Db, programmeId?: string): Promise<number> {
  let q = db
    .selectFrom("waves")
    .selectAll("waves")
    .where("waves.status", "=", "published")
    .where("waves.deleted_at", "is", null)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom("wave_summaries").select(sql`1`.as("one")).whereRef("wave_summaries.wave_id", "=", "waves.id"))));
  if (programmeId !== undefined) {
    q = q.innerJoin("programme_partnerships as pp", "pp.partnership_id", "waves.partnership_id").where("pp.programme_id", "=", programmeId).where("pp.withdrawn_at", "is", null);
  }
  const missing = await q.orderBy("waves.partnership_id").orderBy("waves.opened_at").orderBy("waves.id").execute();
  let written = 0;
  for (const wave of missing) {
    try {
      await writeWaveSummary(db, wave);
      written++;
    } catch {
      /* left for the next attempt; the row shows what is there */
    }
  }
  return written;
}
