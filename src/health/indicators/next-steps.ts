// Suggested next steps: from the weakest areas, a short ordered list of concrete actions linked to a register.
import { compareText } from "../../registers/metrics/index.ts";
import type { RegisterKey } from "../../registers/keys.ts";
import type { BehaviourIndicators, OrganisationBehaviour } from "./behaviour.ts";
import type { EarlyWarning } from "./early-warning.ts";
import type { Institutionalisation, KeyPersonPair } from "./institutions.ts";
import type { QuadrantResult } from "./quadrant.ts";

/** The article's five practices, and "structures" for decisions, procedures and ways of working. */
export type Practice = "communicate_directly" | "joint_opportunities" | "reciprocity" | "commitment" | "openness" | "structures";
export const PRACTICES: readonly Practice[] = ["communicate_directly", "joint_opportunities", "reciprocity", "commitment", "openness", "structures"];

export interface Suggestion {
  practice: Practice;
  /** Our own plain wording, e.g. "Risks: two organisations have shared none this period." */
  text: string;
  /** The register where it can be done. */
  register: RegisterKey;
  /** The organisations concerned, sorted (empty when it concerns the partnership as a whole). */
  organisationIds: string[];
  /** How weak the area is, 0–1 (the share of organisations or records affected, or the size of the fall); higher comes first. */
  severity: number;
}

/** A change in a perceived-trust dimension since the previous wave (or baseline), on the survey's scale. */
export interface PerceivedChange {
  dimension: string;
  change: number;
}

export interface HealthIndicators {
  behaviour?: BehaviourIndicators;
  institutions?: Institutionalisation;
  keyPerson?: readonly KeyPersonPair[];
  warnings?: readonly EarlyWarning[];
  quadrant?: QuadrantResult;
  perceivedChanges?: readonly PerceivedChange[];
}

export interface NextStepOptions {
  /** At most this many suggestions (default 5). */
  max?: number;
  /** Adjusted kept-on-time (and actions-on-time) rates below this count as weak (default 0.6). */
  weakRate?: number;
  /** A pair whose give-and-take differs by at least this many items is out of balance (default 3). */
  imbalance?: number;
  /** A perceived dimension falling by at least this is weak (default 0.2 scale points). */
  perceivedFall?: number;
}

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** "two organisations have", "one organisation has", "12 pairs have". */
function count(n: number, singular: string, plural: string, verb?: [string, string]): string {
  const word = n < NUMBER_WORDS.length ? (NUMBER_WORDS[n] as string) : String(n);
  return `${word} ${n === 1 ? singular : plural}${verb ? ` ${n === 1 ? verb[0] : verb[1]}` : ""}`;
}
const orgs = (n: number, verb?: [string, string]) => count(n, "organisation", "organisations", verb);
const HAVE: [string, string] = ["has", "have"];
const KEEP: [string, string] = ["keeps", "keep"];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Suggested next steps, from the indicators given. Each weak area found becomes one suggestion, scored by how
 * much of the partnership it affects (the share of organisations, pairs or records concerned, or the size of a
 * fall in perceived trust); the list is sorted by that score (highest first), then by practice in the article's
 * order, then by text, and cut to `max`. The areas are: organisations sharing no risks, intentions not current,
 * commitments or actions kept on time below the weak rate, pairs out of balance, organisations joining no
 * opportunity, early-warning flags, quadrant warnings and perceptions to revisit, falls in perceived trust, key-person
 * pairs, and decisions or procedures past their review date or without one.
 */
export function suggestNextSteps(indicators: HealthIndicators, options: NextStepOptions = {}): Suggestion[] {
  const max = options.max ?? 5;
  const weakRate = options.weakRate ?? 0.6;
  const imbalance = options.imbalance ?? 3;
  const perceivedFall = options.perceivedFall ?? 0.2;
  const out: Suggestion[] = [];
  const add = (practice: Practice, register: RegisterKey, text: string, ids: readonly string[], severity: number) =>
    out.push({ practice, register, text, organisationIds: [...new Set(ids)].sort(compareText), severity: Math.max(0, Math.min(1, severity)) });

  const b = indicators.behaviour;
  if (b && b.organisations.length > 0) {
    const n = b.organisations.length;
    const rows = b.organisations;
    const pick = (f: (o: OrganisationBehaviour) => boolean) => rows.filter(f).map((o) => o.organisationId);
    const noRisks = pick((o) => o.openness.risksShared === 0);
    if (noRisks.length > 0) add("openness", "risks", `Risks: ${orgs(noRisks.length, HAVE)} shared none this period.`, noRisks, noRisks.length / n);
    const stale = pick((o) => !o.openness.intentionsCurrent);
    if (stale.length > 0) add("openness", "intentions", `Intentions: ${orgs(stale.length, HAVE)} no statement from the last three months; ask them to restate what they are aiming for.`, stale, stale.length / n);
    const weakKept = pick((o) => o.commitments.due > 0 && o.commitments.adjusted < weakRate);
    if (weakKept.length > 0) add("commitment", "commitments", `Commitments: ${orgs(weakKept.length, KEEP)} fewer than ${Math.round(weakRate * 100)}% on time; agree dates they can meet and renegotiate early rather than late.`, weakKept, weakKept.length / n);
    const weakActions = pick((o) => o.actions.due > 0 && o.actions.adjusted < weakRate);
    if (weakActions.length > 0) add("commitment", "actions", `Action plan: ${orgs(weakActions.length, HAVE)} most of their actions late or not done; review owners and due dates together.`, weakActions, weakActions.length / n);
    const noJoint = pick((o) => o.opportunitiesJoined === 0);
    if (noJoint.length > 0) add("joint_opportunities", "opportunities", `Joint opportunities: ${orgs(noJoint.length, HAVE)} joined none this period.`, noJoint, noJoint.length / n);
    const uneven = b.pairs.filter((p) => Math.abs(p.balance) >= imbalance);
    if (uneven.length > 0) {
      const pairCount = Math.max(1, (n * (n - 1)) / 2);
      add("reciprocity", "offers-asks", `Give and take: ${count(uneven.length, "pair", "pairs", HAVE)} a one-sided exchange; invite the receiving side to make an offer.`, uneven.flatMap((p) => [p.a, p.b]), uneven.length / pairCount);
    }
  }

  const drops = (indicators.warnings ?? []).filter((w) => w.kind === "activity_drop").map((w) => w.organisationId);
  if (drops.length > 0) add("communicate_directly", "intentions", `Talk directly: ${orgs(drops.length, HAVE)} done much less with partners lately than usual; ask how things are before assuming.`, drops, 0.9);
  const trustDrops = (indicators.warnings ?? []).filter((w) => w.kind === "trust_drop").map((w) => w.organisationId);
  if (trustDrops.length > 0) add("communicate_directly", "priorities", `Trust received fell for ${orgs(trustDrops.length)}; meet to talk it through.`, trustDrops, 0.85);

  const q = indicators.quadrant?.rows ?? [];
  const warning = q.filter((r) => r.quadrant === "warning").map((r) => r.organisationId);
  if (warning.length > 0) add("commitment", "commitments", `Commitments: ${orgs(warning.length, HAVE)} high trust but ${warning.length === 1 ? "is" : "are"} not keeping commitments; raise it before trust wears thin.`, warning, 0.8);
  const revisit = q.filter((r) => r.quadrant === "perception_to_revisit").map((r) => r.organisationId);
  if (revisit.length > 0) add("communicate_directly", "wins", `Perceptions: ${orgs(revisit.length, KEEP)} commitments but ${revisit.length === 1 ? "is" : "are"} rated low; share the record and record the wins.`, revisit, 0.6);

  for (const c of [...(indicators.perceivedChanges ?? [])].sort((x, y) => compareText(x.dimension, y.dimension))) {
    if (!(c.change <= -perceivedFall)) continue;
    const isIntegrity = c.dimension.toLowerCase() === "integrity";
    const text = isIntegrity ? "Integrity scores fell: agree how decisions are recorded and reviewed." : `${capitalise(c.dimension)} scores fell: talk through what changed and agree one thing to do differently.`;
    add(isIntegrity ? "structures" : "communicate_directly", isIntegrity ? "decisions" : "ways-of-working", text, [], Math.min(1, 0.5 + Math.abs(c.change)));
  }

  const flagged = (indicators.keyPerson ?? []).filter((p) => p.flagged);
  if (flagged.length > 0) {
    const total = Math.max(1, (indicators.keyPerson ?? []).length);
    add("structures", "ways-of-working", `Key people: ${count(flagged.length, "pair", "pairs")} of organisations ${flagged.length === 1 ? "relies" : "rely"} on one person for most of their joint work; bring a second person in on each side.`, flagged.flatMap((p) => [p.a, p.b]), 0.5 + flagged.length / total / 2);
  }

  const inst = indicators.institutions;
  if (inst) {
    const d = inst.decisions;
    const p = inst.procedures;
    if (p.overdue > 0) add("structures", "procedures", `Procedures: ${count(p.overdue, "procedure is", "procedures are")} past ${p.overdue === 1 ? "its" : "their"} review date.`, [], p.overdue / Math.max(1, p.inForce));
    if (d.overdue > 0) add("structures", "decisions", `Decisions: ${count(d.overdue, "decision is", "decisions are")} past ${d.overdue === 1 ? "its" : "their"} review date.`, [], d.overdue / Math.max(1, d.inForce));
    const undated = d.noReviewDate + p.noReviewDate;
    if (undated > 0) add("structures", "decisions", `Reviews: ${count(undated, "decision or procedure has", "decisions and procedures have")} no review date; set one so they stay in date.`, [], (undated / Math.max(1, inst.overall.inForce)) * 0.5);
    if (inst.overall.inForce === 0) add("structures", "decisions", "Decisions: nothing is recorded yet; record how the partnership decides things and adopt its first procedures.", [], 0.7);
  }

  const order = (x: Practice) => PRACTICES.indexOf(x);
  return out
    .sort((x, y) => y.severity - x.severity || order(x.practice) - order(y.practice) || compareText(x.text, y.text))
    .slice(0, Math.max(0, max));
}
