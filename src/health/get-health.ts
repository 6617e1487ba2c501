/** Partnership health: gathers survey, network and register figures and runs the pure indicators over them. */
import type { Actor } from "../accounts/actor.ts";
import type { Db } from "../db/database.ts";
import { AppError } from "../errors/app-error.ts";
import { loadOrganisation } from "../partnerships/organisation-use-cases.ts";
import { requireMembership } from "../partnerships/access.ts";
import { dayNumber, isoDay } from "../registers/metrics/index.ts";
import type { Health } from "./contracts.ts";
import { EXPLANATIONS } from "./explanations.ts";
import {
  activityWindows,
  behaviouralIndicators,
  earlyWarnings,
  institutionalisation,
  KEY_PERSON_MIN_JOINT,
  KEY_PERSON_THRESHOLD,
  keyPersonDependency,
  outwardActs,
  perceptionBehaviourQuadrant,
  suggestNextSteps,
  type EarlyWarning,
  type PerceivedChange,
} from "./indicators/index.ts";
import { loadHealthInputs } from "./load-inputs.ts";
import { perceivedTrust } from "./perceived.ts";
import { pressureEventsOf } from "./pressure-events.ts";
import { narrowToOrganisation } from "./narrow.ts";

export interface HealthOptions {
  from?: string | undefined;
  to?: string | undefined;
  /** Today, for tests and backdated demos (default: the real date). */
  asOf?: string | undefined;
}

/** The period asked for: `to` defaults to today, `from` to a year before `to`. */
export function resolvePeriod(opts: HealthOptions): { from: string; to: string; asOf: string } {
  const asOf = opts.asOf ?? new Date().toISOString().slice(0, 10);
  const to = opts.to ?? asOf;
  const from = opts.from ?? isoDay(dayNumber(to) - 364);
  if (from > to) throw new AppError("validation_failed", "The period must end on or after the day it starts.", { fields: [{ path: "to", message: "The period must end on or after the day it starts." }] });
  return { from, to, asOf };
}

const fixed = (x: number, digits = 2) => x.toFixed(digits);

function evidence(w: EarlyWarning): string {
  if (w.kind === "activity_drop") {
    const a = w.activity;
    return `${a.current.count} outward acts from ${a.current.from} to ${a.current.to}, against a usual ${fixed(a.baseline, 1)} per period (median of the ${a.previous.length} periods before).`;
  }
  return `Trust received fell from ${fixed(w.previous.score)} to ${fixed(w.latest.score)} (by ${fixed(w.drop)}) between the waves of ${w.previous.on} and ${w.latest.on}.`;
}

export async function getHealth(db: Db, actor: Actor, partnershipId: string, opts: HealthOptions = {}): Promise<Health> {
  await requireMembership(db, actor, partnershipId);
  const period = resolvePeriod(opts);
  const partnership = await db.selectFrom("partnerships").select(["id", "name"]).where("id", "=", partnershipId).executeTakeFirstOrThrow();
  const organisations = await db.selectFrom("organisations").select(["id", "name", "sector"]).where("partnership_id", "=", partnershipId).where("deleted_at", "is", null).orderBy("name").orderBy("id").execute();
  const orgIds = organisations.map((o) => o.id);
  const name = new Map(organisations.map((o) => [o.id, o.name]));
  const nameOf = (id: string) => name.get(id) ?? "(removed organisation)";

  const inputs = await loadHealthInputs(db, partnershipId, new Set(orgIds));
  const { perceived, trustReceived } = await perceivedTrust(db, actor, partnershipId, period.to);
  const behaviour = behaviouralIndicators(inputs.registers, { from: period.from, to: period.to }, orgIds);

  const latestNetwork = perceived.network[perceived.network.length - 1];
  const perceivedOf = new Map((latestNetwork?.organisations ?? []).map((o) => [o.organisationId, o.competenceIntegrity]));
  const quadrant = perceptionBehaviourQuadrant(
    behaviour.organisations.map((b) => ({ organisationId: b.organisationId, perceived: perceivedOf.get(b.organisationId) ?? null, behaviour: b.commitments.due > 0 ? b.commitments.adjusted : null })),
  );

  const institutions = institutionalisation(inputs.decisions, inputs.procedures, period.to);
  const keyPerson = keyPersonDependency(inputs.jointEvents);
  const events = await pressureEventsOf(db, partnershipId);
  const pressure = events.map((e) => ({ id: e.id, label: e.label, from: e.startsOn, to: e.endsOn }));
  const acts = outwardActs(inputs.registers);
  const warnings = earlyWarnings(acts, trustReceived, pressure, period.to, orgIds);
  const activity = activityWindows(acts, period.to, orgIds);

  const perceivedChanges: PerceivedChange[] = (perceived.sinceBaseline?.scores ?? []).flatMap((s) => (s.level === "all" && s.change.status === "released" ? [{ dimension: s.dimension, change: s.change.difference }] : []));
  const nextSteps = suggestNextSteps({ behaviour, institutions, keyPerson, warnings, quadrant, perceivedChanges });

  const personName = new Map((await db.selectFrom("people").select(["people.id as id", "people.name as name"]).where("people.partnership_id", "=", partnershipId).execute()).map((p) => [p.id, p.name]));
  const overdue = [...institutions.decisions.overdueIds, ...institutions.procedures.overdueIds].map((id) => {
    const t = inputs.titles.get(id);
    const reviewOn = [...inputs.decisions, ...inputs.procedures].find((r) => r.id === id)?.reviewOn ?? null;
    return { register: (t?.register ?? "decisions") as "decisions" | "procedures", entryId: id, title: t?.title ?? "", reviewOn };
  });

  return {
    partnership,
    asOf: period.asOf,
    period: { from: period.from, to: period.to },
    organisations,
    perceived,
    behaviour: {
      organisations: behaviour.organisations.map((o) => ({ ...o, organisationName: nameOf(o.organisationId) })),
      pairs: behaviour.pairs.map((p) => ({ ...p, aName: nameOf(p.a), bName: nameOf(p.b) })),
    },
    quadrant: { ...quadrant, waveId: latestNetwork?.waveId ?? null, rows: quadrant.rows.map((r) => ({ ...r, organisationName: nameOf(r.organisationId) })) },
    institutions: {
      asOf: institutions.asOf,
      decisions: counts(institutions.decisions),
      procedures: counts(institutions.procedures),
      overall: institutions.overall,
      overdue,
      keyPerson: {
        threshold: KEY_PERSON_THRESHOLD,
        minJoint: KEY_PERSON_MIN_JOINT,
        pairs: keyPerson.map((p) => ({
          a: p.a,
          b: p.b,
          aName: nameOf(p.a),
          bName: nameOf(p.b),
          joint: p.joint,
          share: p.share,
          carriedBy: p.carriedBy ? { ...p.carriedBy, personName: personName.get(p.carriedBy.personId) ?? "", organisationName: nameOf(p.carriedBy.organisationId) } : null,
          flagged: p.flagged,
        })),
      },
    },
    warnings: warnings.map((w) => ({ ...w, organisationName: nameOf(w.organisationId), evidence: evidence(w) })),
    activity: activity.map((a) => ({ organisationId: a.organisationId, organisationName: nameOf(a.organisationId), current: { from: a.current.from, to: a.current.to, count: a.current.count }, previous: a.previous, baseline: a.baseline, ratio: a.ratio })),
    pressureEvents: events,
    nextSteps: nextSteps.map((s) => ({ practice: s.practice, text: s.text, register: s.register, organisationIds: s.organisationIds, severity: s.severity })),
    explanations: { ...EXPLANATIONS },
  };
}

function counts(c: { inForce: number; inDate: number; overdue: number; noReviewDate: number; share: number | null }) {
  return { inForce: c.inForce, inDate: c.inDate, overdue: c.overdue, noReviewDate: c.noReviewDate, share: c.share };
}

/** One organisation's health: the partnership's figures narrowed to the rows about it. */
export async function getOrganisationHealth(db: Db, actor: Actor, partnershipId: string, organisationId: string, opts: HealthOptions = {}) {
  await requireMembership(db, actor, partnershipId);
  const org = await loadOrganisation(db, partnershipId, organisationId);
  const health = await getHealth(db, actor, partnershipId, opts);
  return { organisation: { id: org.id, name: org.name, sector: org.sector }, health: narrowToOrganisation(health, organisationId) };
}
