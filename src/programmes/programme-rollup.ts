/** The programme roll-up: reads only wave summaries (plus a live behavioural summary where registers have entries) and hands them to the pure roll-up. */
import type { Actor } from "../accounts/actor.ts";
import type { Db } from "../db/database.ts";
import { behaviouralIndicators, institutionalisation } from "../health/indicators/index.ts";
import { loadHealthInputs } from "../health/load-inputs.ts";
import type { SortKey } from "./contracts.ts";
import { programmeView, requireLead } from "./programme-use-cases.ts";
import { buildRow, DP_NOTE, headlineDistribution, pooledBaseline, sortRows, type BehaviourSummary, type RollupRow, type WaveSummaryInput } from "./rollup/index.ts";
import { backfillWaveSummaries } from "./summaries.ts";

const parse = (s: string | null): unknown => {
  if (s === null) return null;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return { status: "suppressed", reason: "error" };
  }
};

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

/** One row per live partnership sharing with the programme (no access check). Behaviour only for partnerships whose registers have entries. */
export async function programmeRows(db: Db, programmeId: string, opts: { behaviour: boolean; today?: string }): Promise<RollupRow[]> {
  await backfillWaveSummaries(db, programmeId);
  const sharing = await db
    .selectFrom("programme_partnerships as pp")
    .innerJoin("partnerships", "partnerships.id", "pp.partnership_id")
    .select(["pp.partnership_id", "partnerships.name", "pp.shared_at"])
    .where("pp.programme_id", "=", programmeId)
    .where("pp.withdrawn_at", "is", null)
    .where("partnerships.deleted_at", "is", null)
    .execute();
  const summaries = await db
    .selectFrom("programme_partnerships as pp")
    .innerJoin("wave_summaries as ws", "ws.partnership_id", "pp.partnership_id")
    .innerJoin("waves", "waves.id", "ws.wave_id")
    .select(["ws.partnership_id", "ws.wave_id", "waves.name", "ws.published_at", "ws.k", "ws.invited", "ws.respondents", "ws.overall", "ws.baseline", "ws.change"])
    .where("pp.programme_id", "=", programmeId)
    .where("pp.withdrawn_at", "is", null)
    .where("waves.deleted_at", "is", null)
    .where("waves.status", "=", "published")
    .execute();
  const byPartnership = new Map<string, WaveSummaryInput[]>();
  for (const s of summaries) {
    const list = byPartnership.get(s.partnership_id) ?? [];
    list.push({ waveId: s.wave_id, waveName: s.name, publishedAt: s.published_at, k: Number(s.k), invited: s.invited === null ? null : Number(s.invited), respondents: s.respondents === null ? null : Number(s.respondents), overall: parse(s.overall), baseline: parse(s.baseline), change: parse(s.change) });
    byPartnership.set(s.partnership_id, list);
  }
  const behaviour = new Map<string, BehaviourSummary>();
  if (opts.behaviour) {
    const today = opts.today ?? new Date().toISOString().slice(0, 10);
    const withEntries = await db
      .selectFrom("programme_partnerships as pp")
      .select("pp.partnership_id")
      .where("pp.programme_id", "=", programmeId)
      .where("pp.withdrawn_at", "is", null)
      .where(({ exists, selectFrom }) => exists(selectFrom("register_entries as re").select("re.id").whereRef("re.partnership_id", "=", "pp.partnership_id").where("re.deleted_at", "is", null)))
      .execute();
    for (const p of withEntries) behaviour.set(p.partnership_id, await behaviourOf(db, p.partnership_id, today));
  }
  return sharing.map((p) => buildRow({ partnershipId: p.partnership_id, name: p.name, sharedSince: p.shared_at, summaries: byPartnership.get(p.partnership_id) ?? [], behaviour: behaviour.get(p.partnership_id) ?? null }));
}

/** The roll-up a programme lead sees: sorted rows, the distribution of headline means, the pooled baseline question. */
export async function programmeRollup(db: Db, actor: Actor, programmeId: string, q: { sort?: SortKey; order?: "asc" | "desc"; today?: string } = {}) {
  const programme = await requireLead(db, actor, programmeId);
  const rows = await programmeRows(db, programmeId, { behaviour: true, ...(q.today ? { today: q.today } : {}) });
  const sort = q.sort ?? "name";
  const order = q.order ?? "asc";
  return { programme: programmeView(programme), sort, order, rows: sortRows(rows, sort, order), distribution: headlineDistribution(rows), pooledBaseline: pooledBaseline(rows), note: DP_NOTE };
}
