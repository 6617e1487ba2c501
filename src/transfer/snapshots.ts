/** Reading the published figures kept with an imported partnership (`published_snapshots` rows of source "import"), for the results and network code. */
import type { DbOrTx } from "../db/database.ts";

export const RESULT_BREAKDOWNS = ["none", "organisation", "sector"] as const;
export const resultsKind = (breakdown: (typeof RESULT_BREAKDOWNS)[number]) => `results:${breakdown}` as const;
export const NETWORK_KIND = "network";
export const compareKind = (otherWaveId: string) => `compare:${otherWaveId}`;

/**
 * A wave's kept figures, reached through the primary key (partnership_id, wave_id, kind): the partnership
 * is looked up from the wave, so the tenant key leads the search instead of a scan of every partnership's rows.
 * Only an import's rows: figures stored at publish (source "publish") are the results code's own.
 */
function ofWave(db: DbOrTx, waveId: string) {
  return db
    .selectFrom("published_snapshots")
    .where("partnership_id", "=", db.selectFrom("waves").select("waves.partnership_id").where("waves.id", "=", waveId))
    .where("wave_id", "=", waveId)
    .where("source", "=", "import");
}

/** The kept figure of this kind for the wave, parsed, or undefined when none was kept. */
export async function readSnapshot(db: DbOrTx, waveId: string, kind: string): Promise<unknown> {
  const row = await ofWave(db, waveId).select("data").where("kind", "=", kind).executeTakeFirst();
  return row ? (JSON.parse(row.data) as unknown) : undefined;
}

/** True when the wave came from an import: its figures are kept, and there are no answers to compute others from. */
export async function isImportedWave(db: DbOrTx, waveId: string): Promise<boolean> {
  const row = await ofWave(db, waveId).select("kind").limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Every kept figure of a wave, ordered by kind (what a re-export writes out again unchanged). */
export async function snapshotsOf(db: DbOrTx, waveId: string): Promise<{ kind: string; data: unknown }[]> {
  const rows = await ofWave(db, waveId).select(["kind", "data"]).execute();
  return rows.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0)).map((r) => ({ kind: r.kind, data: JSON.parse(r.data) as unknown }));
}
