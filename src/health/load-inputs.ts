/** Reads the registers (and their version history) into the plain inputs the pure health indicators take. */
import type { Db } from "../db/database.ts";
import type { RegisterKey } from "../registers/keys.ts";
import type { CommitmentOutcome, OfferAskKind, OfferAskStatus } from "../registers/metrics/index.ts";
import { parseStored } from "../registers/store.ts";
import type { EntryData } from "../registers/fields.ts";
import {
  JOINED_STATUSES,
  type ActionStatus,
  type DecisionRecord,
  type DecisionStatus,
  type JointEvent,
  type OpportunityStatus,
  type ProcedureRecord,
  type ProcedureStatus,
  type RegisterInputs,
} from "./indicators/index.ts";

const KEYS: RegisterKey[] = ["commitments", "offers-asks", "risks", "intentions", "opportunities", "actions", "decisions", "procedures"];
/** Registers whose entries are work between two or more organisations (for key-person dependency). */
const JOINT: ReadonlySet<RegisterKey> = new Set<RegisterKey>(["commitments", "offers-asks", "opportunities", "decisions"]);

interface LiveEntry {
  id: string;
  register: RegisterKey;
  title: string;
  createdOn: string;
  fields: EntryData;
}

export interface HealthInputs {
  registers: RegisterInputs;
  decisions: DecisionRecord[];
  procedures: ProcedureRecord[];
  jointEvents: JointEvent[];
  titles: Map<string, { register: RegisterKey; title: string }>;
}

const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
const day = (iso: string) => iso.slice(0, 10);

/** The organisations an entry of a joint register involves. */
function jointOrganisations(e: LiveEntry): string[] {
  const f = e.fields;
  const ids: (string | null)[] = [];
  if (e.register === "commitments") ids.push(str(f["organisationId"]), str(f["toOrganisationId"]));
  if (e.register === "offers-asks") ids.push(str(f["organisationId"]), str(f["takenUpByOrganisationId"]));
  if (e.register === "opportunities") {
    ids.push(str(f["proposedByOrganisationId"]));
    for (const b of (f["benefits"] as { organisationId: string }[] | null) ?? []) ids.push(b.organisationId);
  }
  if (e.register === "decisions") for (const id of (f["participants"] as string[] | null) ?? []) ids.push(id);
  return [...new Set(ids.filter((x): x is string => x !== null))];
}

export async function loadHealthInputs(db: Db, partnershipId: string, liveOrganisationIds: ReadonlySet<string>): Promise<HealthInputs> {
  const rows = await db
    .selectFrom("register_entries")
    .select(["id", "register", "title", "data", "created_at"])
    .where("partnership_id", "=", partnershipId)
    .where("register", "in", KEYS)
    .where("deleted_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const entries: LiveEntry[] = rows.map((r) => ({ id: r.id, register: r.register, title: r.title, createdOn: day(r.created_at), fields: parseStored(r).fields }));
  const byId = new Map(entries.map((e) => [e.id, e]));

  // Who changed each entry, and when an opportunity first reached a joined state, come from the version history.
  const versions = await db
    .selectFrom("register_versions")
    .select(["entry_id", "register", "data", "changed_by", "changed_at"])
    .where("partnership_id", "=", partnershipId)
    .where("register", "in", ["commitments", "offers-asks", "opportunities", "decisions"])
    .orderBy("changed_at")
    .orderBy("version")
    .execute();
  const people = await db.selectFrom("people").select(["id", "user_id", "organisation_id"]).where("partnership_id", "=", partnershipId).execute();
  const personOfUser = new Map(people.filter((p) => p.user_id !== null).map((p) => [p.user_id as string, p]));
  const orgOfPerson = new Map(people.map((p) => [p.id, p.organisation_id]));

  const joinedOn = new Map<string, string>();
  const actors = new Map<string, Map<string, string>>(); // entry → "org|person" → org
  const addActor = (entryId: string, organisationId: string | null | undefined, personId: string) => {
    if (!organisationId) return;
    let m = actors.get(entryId);
    if (!m) actors.set(entryId, (m = new Map()));
    m.set(`${organisationId}|${personId}`, organisationId);
  };
  for (const v of versions) {
    if (!byId.has(v.entry_id)) continue;
    if (v.register === "opportunities" && !joinedOn.has(v.entry_id)) {
      const status = parseStored(v).fields["status"];
      if (typeof status === "string" && JOINED_STATUSES.has(status as OpportunityStatus)) joinedOn.set(v.entry_id, day(v.changed_at));
    }
    const person = personOfUser.get(v.changed_by);
    if (person) addActor(v.entry_id, person.organisation_id, person.id);
  }

  type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
  const registers: Mutable<RegisterInputs> = { commitments: [], offersAsks: [], risks: [], intentions: [], opportunities: [], actions: [] };
  const decisions: DecisionRecord[] = [];
  const procedures: ProcedureRecord[] = [];
  const jointEvents: JointEvent[] = [];
  const live = (id: string | null) => id !== null && liveOrganisationIds.has(id);
  for (const e of entries) {
    const f = e.fields;
    switch (e.register) {
      case "commitments":
        if (live(str(f["organisationId"])) && str(f["dueOn"]))
          registers.commitments.push({ id: e.id, organisationId: str(f["organisationId"])!, toOrganisationId: str(f["toOrganisationId"]), dueOn: str(f["dueOn"])!, outcome: (str(f["outcome"]) ?? "open") as CommitmentOutcome, outcomeOn: str(f["outcomeOn"]), renegotiatedDueOn: str(f["renegotiatedDueOn"]) });
        break;
      case "offers-asks":
        if (live(str(f["organisationId"])))
          registers.offersAsks.push({ id: e.id, kind: (str(f["kind"]) ?? "offer") as OfferAskKind, fromOrganisationId: str(f["organisationId"])!, takenUpByOrganisationId: str(f["takenUpByOrganisationId"]), status: (str(f["status"]) ?? "open") as OfferAskStatus, createdOn: e.createdOn, deliveredOn: str(f["deliveredOn"]) });
        break;
      case "risks":
        if (live(str(f["organisationId"]))) registers.risks.push({ id: e.id, organisationId: str(f["organisationId"])!, sharedOn: e.createdOn });
        break;
      case "intentions":
        if (live(str(f["organisationId"])) && str(f["statedOn"])) registers.intentions.push({ organisationId: str(f["organisationId"])!, statedOn: str(f["statedOn"])! });
        break;
      case "opportunities":
        registers.opportunities.push({ id: e.id, organisationIds: jointOrganisations(e).filter(live), status: (str(f["status"]) ?? "idea") as OpportunityStatus, on: joinedOn.get(e.id) ?? e.createdOn });
        break;
      case "actions":
        if (live(str(f["ownerOrganisationId"])) && str(f["dueOn"]))
          registers.actions.push({ id: e.id, ownerOrganisationId: str(f["ownerOrganisationId"])!, dueOn: str(f["dueOn"])!, status: (str(f["status"]) ?? "not_started") as ActionStatus, completedOn: str(f["completedOn"]) });
        break;
      case "decisions":
        decisions.push({ id: e.id, status: (str(f["status"]) ?? "proposed") as DecisionStatus, decidedOn: str(f["decidedOn"]), reviewOn: str(f["reviewOn"]) });
        break;
      case "procedures":
        procedures.push({ id: e.id, status: (str(f["status"]) ?? "draft") as ProcedureStatus, adoptedByDecisionId: str(f["adoptedByDecisionId"]), reviewOn: str(f["reviewOn"]) });
        break;
    }
    if (JOINT.has(e.register)) {
      const orgs = jointOrganisations(e).filter(live);
      if (orgs.length >= 2) {
        const owner = str(f["ownerPersonId"]);
        if (owner) addActor(e.id, orgOfPerson.get(owner), owner);
        const acts = [...(actors.get(e.id) ?? new Map<string, string>()).entries()]
          .map(([key, organisationId]) => ({ organisationId, personId: key.slice(organisationId.length + 1) }))
          .filter((a) => orgs.includes(a.organisationId));
        jointEvents.push({ id: e.id, organisationIds: orgs, actors: acts });
      }
    }
  }
  const titles = new Map(entries.map((e) => [e.id, { register: e.register, title: e.title }]));
  return { registers, decisions, procedures, jointEvents, titles };
}
