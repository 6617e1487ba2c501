// Behavioural trust over a period, per organisation, derived from the registers through src/registers/metrics.
import {
  type Commitment,
  compareText,
  dayNumber,
  effectiveDueOn,
  type FreshnessBand,
  intentionsFreshness,
  type IntentionStatement,
  isoDay,
  keptOnTimeRate,
  type OfferOrAsk,
  type PairBalance,
  reciprocityBalance,
} from "../../registers/metrics/index.ts";
import type { OutwardAct } from "./early-warning.ts";
import { type AdjustedRate, adjustedKeptRate, adjustedKeptRates, DEFAULT_PRIOR_WEIGHT, partnershipPrior } from "./kept-rate.ts";

export interface Period {
  /** First and last day, inclusive (ISO dates). */
  from: string;
  to: string;
}

export interface DatedOfferOrAsk extends OfferOrAsk {
  /** When it was recorded (made). */
  createdOn: string;
  deliveredOn: string | null;
}

export interface SharedRisk {
  id: string;
  organisationId: string;
  /** When it was first shared (recorded). */
  sharedOn: string;
}

export type OpportunityStatus = "idea" | "agreed" | "in_progress" | "won" | "dropped";

export interface JointOpportunity {
  id: string;
  /** The organisations taking part: the proposer and those it would benefit. */
  organisationIds: readonly string[];
  status: OpportunityStatus;
  /** When it was agreed (or, failing that, recorded). */
  on: string;
}

export type ActionStatus = "not_started" | "in_progress" | "done" | "dropped";

export interface PlannedAction {
  id: string;
  ownerOrganisationId: string;
  dueOn: string;
  status: ActionStatus;
  completedOn: string | null;
}

export interface RegisterInputs {
  commitments: readonly Commitment[];
  offersAsks: readonly DatedOfferOrAsk[];
  risks: readonly SharedRisk[];
  intentions: readonly IntentionStatement[];
  opportunities: readonly JointOpportunity[];
  actions: readonly PlannedAction[];
}

export interface OrganisationBehaviour {
  organisationId: string;
  /** Commitments falling due in the period, kept on time, adjusted towards the partnership's rate. */
  commitments: AdjustedRate;
  reciprocity: { gave: number; received: number; balance: number };
  openness: { risksShared: number; intentionsBand: FreshnessBand; intentionsCurrent: boolean };
  opportunitiesJoined: number;
  /** Actions falling due in the period, done on time (same adjustment, Beta(1, 1) prior). */
  actions: AdjustedRate;
}

export interface BehaviourIndicators {
  period: Period;
  organisations: OrganisationBehaviour[];
  /** Give and take between each pair, from offers and asks delivered in the period. */
  pairs: PairBalance[];
}

/** Opportunities in these states count as joined. */
export const JOINED_STATUSES: ReadonlySet<OpportunityStatus> = new Set(["agreed", "in_progress", "won"]);

function within(on: string, from: number, to: number): boolean {
  const d = dayNumber(on);
  return d >= from && d <= to;
}

/**
 * Behavioural indicators per organisation for the period [from, to]:
 * - commitments: those whose due date (renegotiated if any) falls in the period; kept on time as in
 *   src/registers/metrics, judged the day after the period ends, then adjusted with a Beta prior centred on
 *   the partnership's overall rate in the period (weight 2);
 * - reciprocity: offers and asks delivered in the period, given and received, and the balance (given − received);
 * - openness: risks shared in the period, and whether its latest intentions statement is current (≤ 90 days
 *   old) at the end of the period;
 * - opportunities joined: opportunities agreed, in progress or won, dated in the period, that it takes part in;
 * - actions: actions it owns due in the period (not dropped), done on or before their due date, adjusted with Beta(1, 1).
 * Organisations listed appear even with nothing recorded; rows are sorted by organisationId.
 */
export function behaviouralIndicators(inputs: RegisterInputs, period: Period, organisationIds: readonly string[] = []): BehaviourIndicators {
  const from = dayNumber(period.from);
  const to = dayNumber(period.to);
  if (to < from) throw new RangeError(`the period ends (${period.to}) before it starts (${period.from})`);
  const judgedOn = isoDay(to + 1);

  const commitments = inputs.commitments.filter((c) => within(effectiveDueOn(c), from, to));
  const kept = adjustedKeptRates(keptOnTimeRate(commitments, judgedOn, organisationIds), DEFAULT_PRIOR_WEIGHT);
  const delivered = inputs.offersAsks.filter((o) => o.deliveredOn !== null && within(o.deliveredOn, from, to));
  const balance = reciprocityBalance(delivered, organisationIds);
  const freshness = intentionsFreshness(inputs.intentions, period.to, organisationIds);

  const ids = new Set<string>(organisationIds);
  for (const k of kept) ids.add(k.organisationId);
  for (const o of balance.organisations) ids.add(o.organisationId);
  for (const f of freshness) ids.add(f.organisationId);
  const risks = new Map<string, number>();
  for (const r of inputs.risks) {
    if (!within(r.sharedOn, from, to)) continue;
    ids.add(r.organisationId);
    risks.set(r.organisationId, (risks.get(r.organisationId) ?? 0) + 1);
  }
  const joined = new Map<string, number>();
  for (const o of inputs.opportunities) {
    if (!JOINED_STATUSES.has(o.status) || !within(o.on, from, to)) continue;
    for (const id of new Set(o.organisationIds)) {
      ids.add(id);
      joined.set(id, (joined.get(id) ?? 0) + 1);
    }
  }
  const actions = new Map<string, { due: number; onTime: number }>();
  for (const a of inputs.actions) {
    if (a.status === "dropped" || !within(a.dueOn, from, to)) continue;
    ids.add(a.ownerOrganisationId);
    const row = actions.get(a.ownerOrganisationId) ?? { due: 0, onTime: 0 };
    row.due += 1;
    if (a.status === "done" && a.completedOn !== null && dayNumber(a.completedOn) <= dayNumber(a.dueOn)) row.onTime += 1;
    actions.set(a.ownerOrganisationId, row);
  }

  const keptById = new Map(kept.map((k) => [k.organisationId, k]));
  const givingById = new Map(balance.organisations.map((o) => [o.organisationId, o]));
  const freshById = new Map(freshness.map((f) => [f.organisationId, f]));
  const allKept = kept.reduce((s, k) => s + k.kept, 0);
  const allDue = kept.reduce((s, k) => s + k.due, 0);
  const emptyKept = adjustedKeptRate(0, 0, partnershipPrior(allKept, allDue));

  const organisations = [...ids].sort(compareText).map((organisationId): OrganisationBehaviour => {
    const k = keptById.get(organisationId);
    const g = givingById.get(organisationId);
    const band = freshById.get(organisationId)?.band ?? "none";
    const act = actions.get(organisationId) ?? { due: 0, onTime: 0 };
    const commitmentsRate: AdjustedRate = k
      ? { kept: k.kept, due: k.due, raw: k.raw, adjusted: k.adjusted, lower: k.lower, upper: k.upper, level: k.level, prior: k.prior }
      : emptyKept;
    return {
      organisationId,
      commitments: commitmentsRate,
      reciprocity: { gave: g?.gave ?? 0, received: g?.received ?? 0, balance: (g?.gave ?? 0) - (g?.received ?? 0) },
      openness: { risksShared: risks.get(organisationId) ?? 0, intentionsBand: band, intentionsCurrent: band === "current" },
      opportunitiesJoined: joined.get(organisationId) ?? 0,
      actions: adjustedKeptRate(act.onTime, act.due),
    };
  });
  return { period: { from: period.from, to: period.to }, organisations, pairs: balance.pairs };
}

/**
 * The outward acts the early warning counts, taken from the registers: each offer made (on the day it was
 * recorded), each risk shared, each commitment kept (on its outcome date) and, for every organisation taking
 * part, each opportunity agreed, in progress or won (on its date).
 */
export function outwardActs(inputs: RegisterInputs): OutwardAct[] {
  const acts: OutwardAct[] = [];
  for (const o of inputs.offersAsks) if (o.kind === "offer") acts.push({ organisationId: o.fromOrganisationId, kind: "offer", on: o.createdOn });
  for (const r of inputs.risks) acts.push({ organisationId: r.organisationId, kind: "risk_shared", on: r.sharedOn });
  for (const c of inputs.commitments) if (c.outcome === "kept" && c.outcomeOn !== null) acts.push({ organisationId: c.organisationId, kind: "commitment_kept", on: c.outcomeOn });
  for (const o of inputs.opportunities) {
    if (!JOINED_STATUSES.has(o.status)) continue;
    for (const id of new Set(o.organisationIds)) acts.push({ organisationId: id, kind: "opportunity_joined", on: o.on });
  }
  return acts;
}
