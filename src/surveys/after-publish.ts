/** What follows a publish once its transaction has committed: the figures the wave releases stored (with any it changes in later-opened waves), then the programme summary read from them; and the same as a backfill. */
import type { Db } from "../db/database.ts";
import { summariseAfterPublish, writeWaveSummary } from "../programmes/summaries.ts";
import { partnershipsWithPublishedWaves, storePartnershipFigures } from "./results/stored-figures.ts";

/** Never fails the publish: whatever is not stored here is stored on the first view (figures) or the next roll-up (summary). */
export async function afterPublish(db: Db, partnershipId: string, waveId: string): Promise<void> {
  try {
    await storePartnershipFigures(db, partnershipId);
  } catch {
    /* stored on the first view */
  }
  await summariseAfterPublish(db, partnershipId, waveId);
}

/**
 * Writes what a publish would have written for waves published before it did (or whose figures are out of
 * date): every partnership's stored figures, then each wave's summary from them. Safe to run again and beside
 * live servers (writes are upserts of the same figures). `progress` hears after each partnership.
 */
export async function backfillPublished(db: Db, progress: (done: number, total: number) => void = () => {}): Promise<{ figures: number; summaries: number }> {
  const partnerships = await partnershipsWithPublishedWaves(db);
  let figures = 0;
  let summaries = 0;
  for (const [i, partnershipId] of partnerships.entries()) {
    figures += await storePartnershipFigures(db, partnershipId);
    const unsummarised = await db
      .selectFrom("waves")
      .selectAll("waves")
      .where("waves.partnership_id", "=", partnershipId)
      .where("waves.status", "=", "published")
      .where("waves.deleted_at", "is", null)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom("wave_summaries").select("wave_summaries.wave_id").whereRef("wave_summaries.wave_id", "=", "waves.id"))))
      .orderBy("waves.opened_at")
      .orderBy("waves.id")
      .execute();
    for (const wave of unsummarised) {
      await writeWaveSummary(db, wave);
      summaries++;
    }
    progress(i + 1, partnerships.length);
  }
  return { figures, summaries };
}
