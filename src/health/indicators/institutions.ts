// Institutionalisation: in-date decisions and procedures, and key-person dependency between pairs of organisations.
import { compareText, dayNumber } from "../../registers/metrics/index.ts";

export type DecisionStatus = "proposed" | "decided" | "superseded" | "withdrawn";
export type ProcedureStatus = "draft" | "adopted" | "retired";

export interface DecisionRecord {
  id: string;
  status: DecisionStatus;
  decidedOn: string | null;
  reviewOn: string | null;
}

export interface ProcedureRecord {
  id: string;
  status: ProcedureStatus;
  adoptedByDecisionId: string | null;
  reviewOn: string | null;
}

/** Counts of one kind of record that is in force: in date, past its review date, or with no review date. */
export interface InDateCounts {
  inForce: number;
  inDate: number;
  overdue: number;
  noReviewDate: number;
  /** inDate / inForce, or null when nothing is in force. */
  share: number | null;
}

export interface Institutionalisation {
  asOf: string;
  decisions: InDateCounts & { overdueIds: string[] };
  procedures: InDateCounts & { overdueIds: string[] };
  /** Decisions and procedures together. */
  overall: InDateCounts;
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function classify(reviewOn: string | null, today: number): "inDate" | "overdue" | "noReviewDate" {
  if (reviewOn === null) return "noReviewDate";
  return dayNumber(reviewOn) >= today ? "inDate" : "overdue";
}

function tally(items: readonly { id: string; reviewOn: string | null }[], today: number): InDateCounts & { overdueIds: string[] } {
  const out = { inForce: items.length, inDate: 0, overdue: 0, noReviewDate: 0, share: null as number | null, overdueIds: [] as string[] };
  for (const item of items) {
    const c = classify(item.reviewOn, today);
    out[c] += 1;
    if (c === "overdue") out.overdueIds.push(item.id);
  }
  out.overdueIds.sort(compareText);
  out.share = share(out.inDate, out.inForce);
  return out;
}

/**
 * How much of the partnership's working rests on records that are in date, as of `today`. In force means a
 * decision with status "decided" (decided on or before today, or with no decision date) and a procedure with
 * status "adopted"; proposed, superseded, withdrawn, draft and retired ones are left out. Each is in date
 * when its review date is today or later, overdue when the review date has passed, and counted apart when
 * it has no review date. The share is in-date records divided by all records in force (so records never
 * given a review date count against it), for decisions, procedures and both together.
 */
export function institutionalisation(decisions: readonly DecisionRecord[], procedures: readonly ProcedureRecord[], today: string): Institutionalisation {
  const todayN = dayNumber(today);
  const decided = decisions.filter((d) => d.status === "decided" && (d.decidedOn === null || dayNumber(d.decidedOn) <= todayN));
  const adopted = procedures.filter((p) => p.status === "adopted");
  const d = tally(decided, todayN);
  const p = tally(adopted, todayN);
  const inForce = d.inForce + p.inForce;
  const inDate = d.inDate + p.inDate;
  return {
    asOf: today,
    decisions: d,
    procedures: p,
    overall: { inForce, inDate, overdue: d.overdue + p.overdue, noReviewDate: d.noReviewDate + p.noReviewDate, share: share(inDate, inForce) },
  };
}

/** One register event that involved two or more organisations, with the person who recorded or acted for each side. */
export interface JointEvent {
  id: string;
  organisationIds: readonly string[];
  /** Who acted for which organisation; a side with no one listed has no known actor for that event. */
  actors: readonly { organisationId: string; personId: string }[];
}

export interface SideCarry {
  organisationId: string;
  /** Joint events of the pair with a known actor on this side. */
  withActor: number;
  /** The person on this side present in most of those events (smallest id on a tie), or null if none known. */
  personId: string | null;
  personCount: number;
  /** personCount / withActor, or null when no actor is known. */
  share: number | null;
}

export interface KeyPersonPair {
  /** The pair, a < b in code-unit order. */
  a: string;
  b: string;
  /** Events involving both a and b. */
  joint: number;
  sideA: SideCarry;
  sideB: SideCarry;
  /** The larger of the two sides' shares (null if neither side has a known actor). */
  share: number | null;
  /** The side whose single person carries that share (a's on a tie), or null. */
  carriedBy: { organisationId: string; personId: string } | null;
  flagged: boolean;
}

export interface KeyPersonOptions {
  /** Flag a pair whose share is strictly above this (default 0.7). */
  threshold?: number;
  /** Only flag when the carrying side has a known person in at least this many joint events (default 5), so one or two events do not flag. */
  minJoint?: number;
}

export const KEY_PERSON_THRESHOLD = 0.7;
export const KEY_PERSON_MIN_JOINT = 5;

function sideCarry(organisationId: string, counts: Map<string, number> | undefined, withActor: number): SideCarry {
  let personId: string | null = null;
  let personCount = 0;
  for (const [p, n] of counts ?? []) {
    if (n > personCount || (n === personCount && personId !== null && compareText(p, personId) < 0)) {
      personId = p;
      personCount = n;
    }
  }
  return { organisationId, withActor, personId, personCount, share: share(personCount, withActor) };
}

/**
 * Key-person dependency per pair of organisations. For every pair that appears together in an event, count
 * their joint events; for each side, among the joint events where someone is recorded acting for it, find
 * the one person who appears in most of them; that person's share is their count divided by those events.
 * The pair's share is the larger of its two sides, and the pair is flagged when that share is above the
 * threshold (70%) and that side has a known person in at least the minimum number of joint events (so a side
 * seen acting once does not count as 100% carried by one person). Pairs are sorted by a, then b.
 */
export function keyPersonDependency(events: readonly JointEvent[], options: KeyPersonOptions = {}): KeyPersonPair[] {
  const threshold = options.threshold ?? KEY_PERSON_THRESHOLD;
  const minJoint = options.minJoint ?? KEY_PERSON_MIN_JOINT;
  interface Acc { a: string; b: string; joint: number; withA: number; withB: number; peopleA: Map<string, number>; peopleB: Map<string, number> }
  const pairs = new Map<string, Acc>();
  for (const e of events) {
    const orgs = [...new Set(e.organisationIds)].sort(compareText);
    const people = new Map<string, Set<string>>();
    for (const actor of e.actors) {
      let s = people.get(actor.organisationId);
      if (!s) people.set(actor.organisationId, (s = new Set()));
      s.add(actor.personId);
    }
    for (let i = 0; i < orgs.length; i++) {
      for (let j = i + 1; j < orgs.length; j++) {
        const a = orgs[i] as string;
        const b = orgs[j] as string;
        const key = JSON.stringify([a, b]);
        let acc = pairs.get(key);
        if (!acc) pairs.set(key, (acc = { a, b, joint: 0, withA: 0, withB: 0, peopleA: new Map(), peopleB: new Map() }));
        acc.joint += 1;
        const pa = people.get(a);
        const pb = people.get(b);
        if (pa && pa.size > 0) acc.withA += 1;
        if (pb && pb.size > 0) acc.withB += 1;
        for (const p of pa ?? []) acc.peopleA.set(p, (acc.peopleA.get(p) ?? 0) + 1);
        for (const p of pb ?? []) acc.peopleB.set(p, (acc.peopleB.get(p) ?? 0) + 1);
      }
    }
  }
  return [...pairs.values()]
    .sort((x, y) => compareText(x.a, y.a) || compareText(x.b, y.b))
    .map((acc) => {
      const sideA = sideCarry(acc.a, acc.peopleA, acc.withA);
      const sideB = sideCarry(acc.b, acc.peopleB, acc.withB);
      const top = (sideB.share ?? -1) > (sideA.share ?? -1) ? sideB : sideA;
      const carriedBy = top.personId === null ? null : { organisationId: top.organisationId, personId: top.personId };
      return {
        a: acc.a,
        b: acc.b,
        joint: acc.joint,
        sideA,
        sideB,
        share: top.share,
        carriedBy,
        flagged: top.share !== null && top.share > threshold && top.withActor >= minJoint,
      };
    });
}
