/** What the demo's register activity needs to know: the organisations, the people who act, and the calendar relative to today. */
import type { Actor } from "../accounts/actor.ts";
import type { Db } from "../db/database.ts";
import type { Role } from "../partnerships/sectors.ts";

/** A demo person as created: which organisation (by demo key) and role, and the ids to act and be named with. */
export interface DemoPersonRef {
  name: string;
  org: string;
  role: Role;
  personId: string;
  userId: string;
  email: string;
}

const DAY_MS = 86_400_000;

export interface DemoRegisterContext {
  db: Db;
  partnershipId: string;
  /** The id of a demo organisation, by its key (trust, pcn, council, care, vcs, housing). */
  org(key: string): string;
  /** The named person as the actor: someone recording their own organisation's entry. */
  as(name: string): Actor;
  /** The named person's id in the partnership (for owner fields). */
  person(name: string): string;
  /** The calendar day `offset` days from today (negative: in the past), as YYYY-MM-DD. */
  day(offset: number): string;
  /** When a change happened: `offset` days from today at the given hour (UTC), never later than now. */
  at(offset: number, hour?: number): { at: Date };
}

export function demoRegisterContext(db: Db, partnershipId: string, orgIds: ReadonlyMap<string, string>, people: readonly DemoPersonRef[], now: Date): DemoRegisterContext {
  const byName = new Map(people.map((p) => [p.name, p]));
  const find = (name: string): DemoPersonRef => {
    const p = byName.get(name);
    if (!p) throw new Error(`The demo registers name ${name}, who is not one of the demo people.`);
    if (p.role === "viewer") throw new Error(`The demo registers have ${name} record something, but ${name} is a viewer.`);
    return p;
  };
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return {
    db,
    partnershipId,
    org(key) {
      const id = orgIds.get(key);
      if (!id) throw new Error(`No demo organisation ${key}.`);
      return id;
    },
    as(name) {
      const p = find(name);
      return { userId: p.userId, name: p.name, email: p.email, via: "session" };
    },
    person: (name) => find(name).personId,
    day: (offset) => new Date(midnight + offset * DAY_MS).toISOString().slice(0, 10),
    at: (offset, hour = 10) => ({ at: new Date(Math.min(midnight + offset * DAY_MS + hour * 3_600_000, now.getTime() - 60_000)) }),
  };
}
