/** The programme roll-up: reads the wave summaries each row shows (plus a live behavioural summary where registers have entries) and hands them to the pure roll-up. */
import type { Actor } from "../accounts/actor.ts";
import type { Db } from "../db/database.ts";
import { behaviouralIndicators, institutionalisation } from "../health/indicators/index.ts";
import { loadHealthInputs } from "../health/load-inputs.ts";
import type { SortKey } from "./contracts.ts";
import { programmeView, requireLead } from "./programme-use-cases.ts";
import { buildRow, DP_NOTE, headlineDistribution, pooledBaseline, sortRows, type BehaviourSummary, type RollupRow } from "./rollup/index.ts";
import { missingSummaries, otherBaselines, rollupSources, shownSummaries, type RollupSource } from "./rollup-sources.ts";
import { backfillWaveSummaries } from "./summaries.ts";

/** Behaviour over the year to `today`, from the registers (attributed records, not anonymous answers). */
async function behaviourOf(db: Db, partnershipId: string, today: string): Promise<BehaviourSummary> {
  const orgs = await db.selectFrom("organisations").select("id").where("partnership_id", "=", partnershipId).where("deleted_at", "is", null).execute();
  const orgIds = orgs.map((o) => o.id);
  const inputs = await loadHealthInputs(db, partnershipId, new Set(orgIds));
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  const b = behaviouralIndicators(inputs.registers, { from, to: today }, orgIds);
  const inst = institutionalisation(inputs.decisions, inputs.procedures, today);
  const due = b.organisations.reduce((s, o) => s + o.commitments.due, 0);
  const kept = b.organisations.reduce((s, o) => s + o.commitments.kept, 0);
  return {
    period: { from, to: today },
    commitments: { due, kept, rate: due === 0 ? null : kept / due },
    offersAsksDelivered: b.organisations.reduce((s, o) => s + o.reciprocity.gave, 0),
    risksShared: b.organisations.reduce((s, o) => s + o.openness.risksShared, 0),
    opportunitiesJoined: inputs.registers.opportunities.filter((o) => o.on >= from && o.on <= today && ["agreed", "in_progress", "won"].includes(o.status)).length,
    institutionalised: { inForce: inst.overall.inForce, inDate: inst.overall.inDate, share: inst.overall.share },
  };
}

/**
 * One row per live partnership sharing with the programme (no access check). Behaviour only for partnerships whose
 * registers have entries. `reading` is the read already under way, if the caller started it.
 */
export async function programmeRows(db: Db, programmeId: string, opts: { behaviour: boolean; today?: string; reading?: Promise<RollupSource[]> }): Promise<RollupRow[]> {
  let sources = await (opts.reading ?? rollupSources(db, programmeId));
  // Waves published before summaries existed, imported ones, or a summary whose write failed after publishing: written now, then read again.
  if (missingSummaries(sources) && (await backfillWaveSummaries(db, programmeId)) > 0) sources = await rollupSources(db, programmeId);
  const baselines = await otherBaselines(db, sources);
  const behaviour = new Map<string, BehaviourSummary>();
  if (opts.behaviour) {
    const today = opts.today ?? new Date().toISOString().slice(0, 10);
    for (const s of sources) if (s.has_entries === true || s.has_entries === 1) behaviour.set(s.partnership_id, await behaviourOf(db, s.partnership_id, today));
  }
  return sources.map((s) =>
    buildRow({ partnershipId: s.partnership_id, name: s.name, sharedSince: s.shared_at, summaries: shownSummaries(s, baselines), wavesPublished: Number(s.summarised ?? 0), behaviour: behaviour.get(s.partnership_id) ?? null }),
  );
}

/** The roll-up a programme lead sees: sorted rows, the distribution of headline means, the pooled baseline question. */
export async function programmeRollup(db: Db, actor: Actor, programmeId: string, q: { sort?: SortKey; order?: "asc" | "desc"; today?: string } = {}) {
  // The read (nothing is written, nothing returned until the check passes) goes to the database beside the lead check.
  const reading = rollupSources(db, programmeId);
  reading.catch(() => {});
  const programme = await requireLead(db, actor, programmeId);
  const rows = await programmeRows(db, programmeId, { behaviour: true, reading, ...(q.today ? { today: q.today } : {}) });
  const sort = q.sort ?? "name";
  const order = q.order ?? "asc";
  return { programme: programmeView(programme), sort, order, rows: sortRows(rows, sort, order), distribution: headlineDistribution(rows), pooledBaseline: pooledBaseline(rows), note: DP_NOTE };
}
