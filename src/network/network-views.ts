/** What the API returns for a wave's network: ties and measures with names, an organisation's profile, and change between waves. */
import type { Actor } from "../accounts/actor.ts";
import type { Db } from "../db/database.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { compareNetworks } from "./measures/index.ts";
import { loadNetwork, measuresFor, previousNetworkWave, publishedNetworkWave, tieWeight, type DimensionChoice, type WaveNetworkData } from "./get-network.ts";
import { tieKey, type Tie } from "./release.ts";
import type { Role } from "../partnerships/sectors.ts";

/** Reasons a tie is hidden are for convenors; everyone else sees only "not shown". */
const tieView = (t: Tie, role: Role) => {
  const { reason, ...rest } = t;
  return role === "convenor" && reason ? { ...rest, reason } : rest;
};

export async function getNetwork(db: Db, actor: Actor, partnershipId: string, waveId: string, dimension: DimensionChoice = "overall") {
  const { wave, role } = await publishedNetworkWave(db, actor, partnershipId, waveId);
  const data = await loadNetwork(db, wave);
  return networkView(data, dimension, role);
}

export function networkView(data: WaveNetworkData, dimension: DimensionChoice, role: Role) {
  const m = measuresFor(data, dimension);
  const name = new Map(data.organisations.map((o) => [o.id, o.name]));
  const measures = new Map(m.organisations.map((o) => [o.id, o]));
  return {
    wave: data.wave,
    dimension,
    organisations: data.organisations.map((o) => {
      const { id: _id, ...rest } = measures.get(o.id)!;
      return { ...o, ...rest };
    }),
    ties: data.ties.map((t) => tieView(t, role)),
    counts: {
      released: data.ties.filter((t) => tieWeight(t, dimension) !== null).length,
      suppressed: data.ties.filter((t) => t.status === "suppressed").length,
      noTie: data.ties.filter((t) => t.status === "no_tie").length,
    },
    network: { ...m.network, communities: m.network.communities },
    asymmetricPairs: m.asymmetricPairs.map((p) => ({ ...p, fromName: name.get(p.from) ?? "", toName: name.get(p.to) ?? "" })),
  };
}

/** Pairs whose state is known in a wave: released ties and explicit "no tie" answers. */
const known = (ties: Tie[]) => new Set(ties.filter((t) => t.status !== "suppressed").map((t) => tieKey(t.from, t.to)));

/** Change between two published network waves, over the pairs known in both (a hidden tie is never counted as formed or broken). */
export function compareData(before: WaveNetworkData, after: WaveNetworkData, dimension: DimensionChoice) {
  const both = known(before.ties);
  const afterKnown = known(after.ties);
  for (const k of [...both]) if (!afterKnown.has(k)) both.delete(k);
  const nodes = after.organisations.map((o) => o.id);
  const present = new Set(nodes);
  const weighted = (ties: Tie[]) =>
    ties.flatMap((t) => {
      const w = tieWeight(t, dimension);
      return w !== null && both.has(tieKey(t.from, t.to)) && present.has(t.from) && present.has(t.to) ? [{ from: t.from, to: t.to, weight: w }] : [];
    });
  const c = compareNetworks({ nodes, ties: weighted(before.ties) }, { nodes, ties: weighted(after.ties) });
  const name = new Map(after.organisations.map((o) => [o.id, o.name]));
  const named = <T extends { from: string; to: string }>(xs: T[]) => xs.map((x) => ({ ...x, fromName: name.get(x.from) ?? "", toName: name.get(x.to) ?? "" }));
  return {
    before: before.wave,
    after: after.wave,
    dimension,
    comparablePairs: both.size,
    formed: named(c.formed),
    broken: named(c.broken),
    strengthened: named(c.strengthened),
    weakened: named(c.weakened),
    unchanged: named(c.unchanged),
    organisations: c.organisations.map((o) => ({ ...o, name: name.get(o.id) ?? "" })),
  };
}

export async function compareNetworkWaves(db: Db, actor: Actor, partnershipId: string, waveId: string, otherWaveId: string, dimension: DimensionChoice = "overall") {
  const a = await publishedNetworkWave(db, actor, partnershipId, waveId);
  const b = await publishedNetworkWave(db, actor, partnershipId, otherWaveId);
  if (a.wave.id === b.wave.id) throw new AppError("validation_failed", "Choose two different waves to compare.", { fields: [{ path: "otherWaveId", message: "Choose a different wave." }] });
  const [first, second] = (a.wave.opened_at ?? "") <= (b.wave.opened_at ?? "") ? [a.wave, b.wave] : [b.wave, a.wave];
  return compareData(await loadNetwork(db, first), await loadNetwork(db, second), dimension);
}

/** One organisation as the network sees it: how each other organisation rates it, how it rates them, and change since the previous network wave. */
export async function organisationProfile(db: Db, actor: Actor, partnershipId: string, waveId: string, organisationId: string, dimension: DimensionChoice = "overall") {
  const { wave, role } = await publishedNetworkWave(db, actor, partnershipId, waveId);
  const data = await loadNetwork(db, wave);
  const org = data.organisations.find((o) => o.id === organisationId);
  if (!org) throw notFound("organisation");
  const view = networkView(data, dimension, role);
  const name = new Map(data.organisations.map((o) => [o.id, o.name]));
  const prevWave = await previousNetworkWave(db, wave);
  let change = null;
  if (prevWave) {
    const c = compareData(await loadNetwork(db, prevWave), data, dimension);
    const involves = <T extends { from: string; to: string }>(xs: T[]) => xs.filter((x) => x.from === organisationId || x.to === organisationId);
    change = {
      previousWave: c.before,
      organisation: c.organisations.find((o) => o.id === organisationId) ?? null,
      formed: involves(c.formed),
      broken: involves(c.broken),
      strengthened: involves(c.strengthened),
      weakened: involves(c.weakened),
    };
  }
  return {
    wave: data.wave,
    dimension,
    organisation: view.organisations.find((o) => o.id === organisationId)!,
    ratedBy: view.ties.filter((t) => t.to === organisationId).map((t) => ({ ...t, organisationName: name.get(t.from) ?? "" })),
    rates: view.ties.filter((t) => t.from === organisationId).map((t) => ({ ...t, organisationName: name.get(t.to) ?? "" })),
    asymmetricPairs: view.asymmetricPairs.filter((p) => p.from === organisationId || p.to === organisationId),
    change,
  };
}
