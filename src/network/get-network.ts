/** Loads a published wave's ratings, releases its ties, and computes the network measures on the released ties only. */
import type { Actor } from "../accounts/actor.ts";
import type { Db } from "../db/database.ts";
import { AppError } from "../errors/app-error.ts";
import { requireMembership } from "../partnerships/access.ts";
import type { Role, Sector } from "../partnerships/sectors.ts";
import type { WavesTable } from "../surveys/tables.ts";
import { loadWave } from "../surveys/wave-use-cases.ts";
import { NETWORK_KIND, readSnapshot } from "../transfer/snapshots.ts";
import { networkMeasures, type NetworkMeasures } from "./measures/index.ts";
import type { Ratings, TieDimension } from "./ratings.ts";
import { organisationalTies, personalTies, releasedTieSizes, type Tie } from "./release.ts";

export type DimensionChoice = TieDimension | "overall";

export interface WaveNetworkData {
  wave: { id: string; name: string; mode: "organisational" | "personal"; k: number; publishedAt: string | null; openedAt: string | null };
  organisations: { id: string; name: string; sector: Sector }[];
  ties: Tie[];
}

async function tiesOf(db: Db, wave: WavesTable, orgIds: string[], previous: Map<string, number>[]): Promise<Tie[]> {
  if (wave.network_mode === "organisational") {
    const rows = await db.selectFrom("wave_org_ratings").selectAll().where("wave_id", "=", wave.id).execute();
    const live = new Set(orgIds);
    return organisationalTies(
      rows
        .filter((r) => live.has(r.rater_organisation_id) && live.has(r.rated_organisation_id))
        .map((r) => ({ raterOrganisationId: r.rater_organisation_id, ratedOrganisationId: r.rated_organisation_id, noTie: r.no_tie === 1, competence: r.competence, benevolence: r.benevolence, integrity: r.integrity })),
    );
  }
  const rows = await db.selectFrom("wave_responses").select(["id", "organisation_id", "ratings"]).where("wave_id", "=", wave.id).where("ratings", "is not", null).execute();
  const responses = rows.filter((r) => r.organisation_id !== null).map((r) => ({ id: r.id, raterOrganisationId: r.organisation_id!, ratings: JSON.parse(r.ratings!) as Ratings }));
  return personalTies(responses, orgIds, wave.k, previous);
}

/** Earlier published personal-mode waves' released tie sizes, oldest first, each decided with its own predecessors. */
async function previousSizes(db: Db, wave: WavesTable, orgIds: string[]): Promise<Map<string, number>[]> {
  if (wave.network_mode !== "personal") return [];
  const earlier = await db.selectFrom("waves").selectAll().where("partnership_id", "=", wave.partnership_id).where("status", "=", "published").where("network_mode", "=", "personal").where("deleted_at", "is", null).where("opened_at", "<", wave.opened_at ?? "").orderBy("opened_at").orderBy("id").execute();
  const maps: Map<string, number>[] = [];
  for (const w of earlier) maps.push(releasedTieSizes(await tiesOf(db, w, orgIds, [...maps])));
  return maps;
}

/** The published network wave, or a 409 saying why there is none yet. */
export async function publishedNetworkWave(db: Db, actor: Actor, partnershipId: string, waveId: string): Promise<{ wave: WavesTable; role: Role }> {
  const m = await requireMembership(db, actor, partnershipId);
  const wave = await loadWave(db, partnershipId, waveId);
  if (wave.network_mode === "none") throw new AppError("conflict", "This wave did not ask organisations to rate each other.");
  if (wave.status !== "published") throw new AppError("conflict", "The network appears once the convenor has closed the wave and published its results.");
  return { wave, role: m.role };
}

export async function loadNetwork(db: Db, wave: WavesTable): Promise<WaveNetworkData> {
  // An imported partnership has no ratings to recompute from: it keeps the network as it was released.
  const kept = await readSnapshot(db, wave.id, NETWORK_KIND);
  if (kept !== undefined) return kept as WaveNetworkData;
  const organisations = await db.selectFrom("organisations").select(["id", "name", "sector"]).where("partnership_id", "=", wave.partnership_id).where("deleted_at", "is", null).orderBy("name").orderBy("id").execute();
  const orgIds = organisations.map((o) => o.id);
  const ties = await tiesOf(db, wave, orgIds, await previousSizes(db, wave, orgIds));
  return { wave: { id: wave.id, name: wave.name, mode: wave.network_mode as "organisational" | "personal", k: wave.k, publishedAt: wave.published_at, openedAt: wave.opened_at }, organisations, ties };
}

/** The weight a released tie carries for the chosen dimension, or null if that dimension was not released. */
export function tieWeight(t: Tie, dimension: DimensionChoice): number | null {
  if (t.status !== "released") return null;
  return dimension === "overall" ? t.mean : t.dimensions[dimension];
}

export function measuresFor(data: WaveNetworkData, dimension: DimensionChoice): NetworkMeasures {
  const ties = data.ties.flatMap((t) => {
    const w = tieWeight(t, dimension);
    return w === null ? [] : [{ from: t.from, to: t.to, weight: w }];
  });
  return networkMeasures(data.organisations.map((o) => o.id), ties);
}

/** The previous published network wave of the same partnership, if any. */
export async function previousNetworkWave(db: Db, wave: WavesTable): Promise<WavesTable | undefined> {
  return db.selectFrom("waves").selectAll().where("partnership_id", "=", wave.partnership_id).where("status", "=", "published").where("network_mode", "!=", "none").where("deleted_at", "is", null).where("opened_at", "<", wave.opened_at ?? "").orderBy("opened_at", "desc").orderBy("id", "desc").executeTakeFirst();
}
