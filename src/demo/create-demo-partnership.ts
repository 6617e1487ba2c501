/** Creates the demo partnership through the ordinary use cases, so it looks and audits exactly like real data. */
import type { Actor } from "../accounts/actor.ts";
import type { Db } from "../db/database.ts";
import { newId, nowIso } from "../db/ids.ts";
import { addOrganisation } from "../partnerships/organisation-use-cases.ts";
import { createPartnership, type PartnershipView } from "../partnerships/partnership-use-cases.ts";
import { addPerson } from "../partnerships/people-use-cases.ts";
import { DEMO_ORGANISATIONS, DEMO_PARTNERSHIP, DEMO_PEOPLE, demoEmail } from "./demo-data.ts";
import { createDemoPressureEvents } from "./demo-pressure.ts";
import { demoRegisterContext } from "./demo-registers-context.ts";
import { createDemoRegisters, DEMO_REGISTER_STEPS, type DemoPersonRef } from "./demo-registers.ts";
import { createDemoWaves } from "./demo-waves.ts";

export type Progress = (done: number, total: number, label: string) => void;

/** `now` is the day the demo's year ends on (default: the real time); everything is dated back from it. */
export async function createDemoPartnership(db: Db, actor: Actor, progress: Progress = () => {}, now = new Date()): Promise<PartnershipView> {
  const total = 3 + DEMO_ORGANISATIONS.length + DEMO_PEOPLE.length + DEMO_REGISTER_STEPS.length;
  let done = 0;
  const step = (label: string) => progress(++done, total, label);

  const partnership = await createPartnership(db, actor, DEMO_PARTNERSHIP);
  step("partnership");
  // A per-partnership suffix keeps demo people of two demo partnerships apart.
  const suffix = partnership.id.slice(-8);
  const orgIds = new Map<string, string>();
  for (const o of DEMO_ORGANISATIONS) {
    orgIds.set(o.key, (await addOrganisation(db, actor, partnership.id, { name: o.name, sector: o.sector })).id);
    step(o.name);
  }
  const people: DemoPersonRef[] = [];
  for (const p of DEMO_PEOPLE) {
    const person = await addPerson(db, actor, partnership.id, {
      name: p.name,
      email: demoEmail(p.name, suffix),
      organisationId: orgIds.get(p.org) ?? null,
      role: p.role,
      jobTitle: p.jobTitle,
    });
    const userId = await joinAsDemoAccount(db, person.id, p.name, person.email);
    people.push({ name: p.name, org: p.org, role: p.role, personId: person.id, userId, email: person.email });
    step(p.name);
  }
  await createDemoWaves(db, actor, partnership.id, { orgIds, people }, now);
  step("survey waves");
  await createDemoRegisters(db, partnership.id, orgIds, people, { now, step });
  await createDemoPressureEvents(demoRegisterContext(db, partnership.id, orgIds, people, now), now);
  step("pressure events");
  return partnership;
}

/**
 * Demo people act in the registers, so each joins with an account of its own: invented, on a demo address the
 * generator made (never one a user typed), with no password, so nobody can sign in as it.
 */
async function joinAsDemoAccount(db: Db, personId: string, name: string, email: string): Promise<string> {
  const now = nowIso();
  const id = newId();
  await db.transaction().execute(async (tx) => {
    await tx.insertInto("users").values({ id, email, name, password_hash: null, disabled_at: null, created_at: now, updated_at: now, email_proven_at: null, unproven_scope: null }).execute();
    await tx.updateTable("people").set({ user_id: id, joined_at: now }).where("id", "=", personId).execute();
  });
  return id;
}
