/** A published wave's results and the comparison of two published waves, for members: imported figures as kept, others stored at publish (see stored-figures.ts). */
import type { Actor } from "../../accounts/actor.ts";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../errors/app-error.ts";
import { requireMembership } from "../../partnerships/access.ts";
import type { WavesTable } from "../tables.ts";
import { loadWave } from "../wave-use-cases.ts";
import type { BreakdownKind } from "./compute-results.ts";
import type { Comparison, PublishedResults } from "./compute-figures.ts";
import { publishedComparison, publishedResults } from "./stored-figures.ts";

async function publishedWave(db: Db, partnershipId: string, waveId: string) {
  const wave = await loadWave(db, partnershipId, waveId);
  if (wave.status !== "published") throw new AppError("conflict", "Results appear once the convenor has closed the wave and published its results.");
  return wave;
}

export async function getWaveResults(db: Db, actor: Actor, partnershipId: string, waveId: string, breakdown: BreakdownKind) {
  await requireMembership(db, actor, partnershipId);
  return waveResults(db, await publishedWave(db, partnershipId, waveId), breakdown);
}

/** A published wave's results (no access check): the figures kept by an import when there are some, else the stored (or computed) ones. */
export async function waveResults(db: Db, wave: WavesTable, breakdown: BreakdownKind): Promise<PublishedResults> {
  return publishedResults(db, wave, breakdown);
}

/** Change in every score of the whole partnership between two published waves, with Welch 95% intervals. */
export async function compareWaves(db: Db, actor: Actor, partnershipId: string, waveId: string, otherWaveId: string) {
  await requireMembership(db, actor, partnershipId);
  return comparePublishedWaves(db, await publishedWave(db, partnershipId, waveId), await publishedWave(db, partnershipId, otherWaveId));
}

/** The comparison of two published waves (no access check); an imported pair answers with the comparison it kept, if any (409 if not). */
export async function comparePublishedWaves(db: Db, a: WavesTable, b: WavesTable): Promise<Comparison> {
  return publishedComparison(db, a, b);
}
