/** The two register actions a different organisation takes: signing up to a ways-of-working statement, taking up an offer or ask. */
import type { Actor } from "../accounts/actor.ts";
import type { Db } from "../db/database.ts";
import { nowIso } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import { requireMembership, type Membership } from "../partnerships/access.ts";
import { loadOrganisation } from "../partnerships/organisation-use-cases.ts";
import { REGISTERS } from "./definitions/index.ts";
import type { WriteOptions } from "./entry-use-cases.ts";
import type { RegisterKey } from "./keys.ts";
import { requireExpected } from "./preconditions.ts";
import { derivedColumns, loadEntry, parseStored, saveChange, toView, type EntryView, type SignUp } from "./store.ts";
import type { RegisterVersionsTable } from "./tables.ts";

/** Members act for their own organisation; convenors for any. */
function requireActsFor(m: Membership, organisationId: string): void {
  if (m.role === "convenor") return;
  if (m.role === "member" && m.organisationId === organisationId) return;
  throw new AppError("forbidden", m.role === "viewer" ? "Viewers cannot act for an organisation." : "You can act only for your own organisation.");
}

async function changeStored(
  db: Db,
  actor: Actor,
  partnershipId: string,
  key: RegisterKey,
  id: string,
  organisationId: string,
  action: RegisterVersionsTable["action"],
  at: string,
  ifMatch: string | undefined,
  apply: (stored: ReturnType<typeof parseStored>, orgName: string) => { stored: ReturnType<typeof parseStored>; summary: string },
): Promise<EntryView> {
  const def = REGISTERS[key];
  const m = await requireMembership(db, actor, partnershipId, "member");
  requireActsFor(m, organisationId);
  return db.transaction().execute(async (tx) => {
    const org = await loadOrganisation(tx, partnershipId, organisationId);
    const before = await loadEntry(tx, partnershipId, key, id);
    if (before.deleted_at) throw new AppError("conflict", `This ${def.singular} was removed.`);
    // What the person saw must still be what is stored: signing up to, or taking up, words changed since is not agreeing to them.
    const staleCode = requireExpected(def.singular, before.version, { ifMatch }, false);
    const { stored, summary } = apply(parseStored(before), org.name);
    const row = await saveChange(tx, before, { ...before, ...derivedColumns(def, stored.fields), data: JSON.stringify(stored) }, { action, summary, userId: actor.userId, at, detail: { organisationId }, staleCode });
    return toView(def, { ...row, updated_by_name: actor.name }, m);
  });
}

/** Records that an organisation signs up to a ways-of-working statement (once per organisation; `opts.ifMatch` must name the stored version). */
export async function signUp(db: Db, actor: Actor, partnershipId: string, id: string, organisationId: string, opts: WriteOptions = {}): Promise<EntryView> {
  const at = nowIso(opts.at);
  return changeStored(db, actor, partnershipId, "ways-of-working", id, organisationId, "signed_up", at, opts.ifMatch, (stored, orgName) => {
    const signUps: SignUp[] = stored.signUps ?? [];
    if (signUps.some((s) => s.organisationId === organisationId)) throw new AppError("conflict", `${orgName} has already signed up to this statement.`);
    return {
      stored: { ...stored, signUps: [...signUps, { organisationId, signedOn: at.slice(0, 10), signedByUserId: actor.userId }] },
      summary: `${orgName} signed up to “${String(stored.fields["statement"])}”`,
    };
  });
}

/** The field the register declares its take-up fills (definitions/practices.ts). */
function takeUpField(key: RegisterKey): string {
  const p = REGISTERS[key].participation?.find((x) => x.action === "take-up");
  if (!p) throw new Error(`The ${key} register declares no take-up.`);
  return p.field;
}

/** Another organisation takes up an open offer or ask: the only way, besides a convenor's correction, its taker is recorded (`opts.ifMatch` as above). */
export async function takeUp(db: Db, actor: Actor, partnershipId: string, id: string, organisationId: string, opts: WriteOptions = {}): Promise<EntryView> {
  const at = nowIso(opts.at);
  const def = REGISTERS["offers-asks"];
  const field = takeUpField(def.key);
  return changeStored(db, actor, partnershipId, def.key, id, organisationId, "taken_up", at, opts.ifMatch, (stored, orgName) => {
    const f = stored.fields;
    if (f["status"] !== "open") throw new AppError("conflict", "Only an open offer or ask can be taken up.");
    if (def.ownerField && f[def.ownerField] === organisationId) throw new AppError("validation_failed", "An organisation cannot take up its own offer or ask.", { fields: [{ path: "organisationId", message: "Choose a different organisation." }] });
    return {
      stored: { ...stored, fields: { ...f, [field]: organisationId, status: "taken_up" } },
      summary: `${orgName} took up the ${String(f["kind"])} “${String(f["title"])}”`,
    };
  });
}
