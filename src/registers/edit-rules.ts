/** Who may set which fields of a register entry — convenors, the owner organisation's members, co-editors within their declared fields — read from each register's declaration. */
import { AppError, type FieldProblem } from "../errors/app-error.ts";
import type { Membership } from "../partnerships/access.ts";
import type { RegisterDefinition } from "./definitions/index.ts";
import { PARTICIPATION_ACTIONS, type Participation } from "./definitions/types.ts";
import { defaultValue, type EntryData } from "./fields.ts";

/** How someone stands to an entry: a convenor, a member of its owner organisation, of an organisation that took part with edit rights, or none of these. */
export type Relation = "convenor" | "owner" | "co-editor" | "none";

/** The participation that makes this member a co-editor of the entry (their organisation took it up), if any. */
function coEditorThrough(def: RegisterDefinition, m: Membership, data: EntryData): Participation | undefined {
  if (m.role !== "member" || !m.organisationId) return undefined;
  return (def.participation ?? []).find((p) => p.coEditorMayChange.length > 0 && data[p.field] === m.organisationId);
}

export function relationTo(def: RegisterDefinition, m: Membership, data: EntryData): Relation {
  if (m.role === "convenor") return "convenor";
  if (m.role !== "member" || !m.organisationId) return "none";
  if (def.ownerField && data[def.ownerField] === m.organisationId) return "owner";
  return coEditorThrough(def, m, data) ? "co-editor" : "none";
}

/** Whether this member may change anything in an entry with these values (what `canEdit` says). */
export function mayEdit(def: RegisterDefinition, m: Membership, data: EntryData): boolean {
  return relationTo(def, m, data) !== "none";
}

function notYours(def: RegisterDefinition, m: Membership): AppError {
  if (m.role === "viewer") return new AppError("forbidden", "Viewers can read the registers but not change them.");
  return new AppError(
    "forbidden",
    def.ownerField ? `Only convenors and members of the organisation it belongs to can change this ${def.singular}.` : `Only convenors can change ${def.label.toLowerCase()}.`,
  );
}

export function requireEdit(def: RegisterDefinition, m: Membership, data: EntryData): void {
  if (!mayEdit(def, m, data)) throw notYours(def, m);
}

/** Removing and restoring an entry belong to its owner's members and convenors, not to co-editors. */
export function requireOwnerOrConvenor(def: RegisterDefinition, m: Membership, data: EntryData): void {
  const relation = relationTo(def, m, data);
  if (relation === "convenor" || relation === "owner") return;
  if (relation === "co-editor") throw new AppError("forbidden", `Only convenors and members of the organisation it belongs to can remove or restore this ${def.singular}.`);
  throw notYours(def, m);
}

const label = (def: RegisterDefinition, name: string) => {
  const f = def.fields.find((x) => x.name === name);
  return f ? `“${f.label}” (${name})` : name;
};

/** The sentence pointing at the action that records a participation. */
export function useTheAction(def: RegisterDefinition, p: Participation): string {
  const path = `POST /api/v1/partnerships/{partnershipId}/registers/${def.key}/{entryId}/${PARTICIPATION_ACTIONS[p.action]}`;
  return `${label(def, p.field)} is recorded only by the ${p.action} action (${path}), by someone acting for that organisation or a convenor; it cannot be set here.`;
}

const DID: Record<Participation["action"], string> = { "take-up": "took it up", "sign-up": "signed up to it" };

/** Why this relation may not set `name` through the ordinary create or change, or null when it may. */
function refusal(def: RegisterDefinition, relation: Relation, name: string, creating: boolean, through?: Participation): string | null {
  const p = (def.participation ?? []).find((x) => x.field === name);
  if (p) return relation === "convenor" && p.convenorMaySet ? null : useTheAction(def, p);
  if (relation === "convenor") return null;
  if (name === def.ownerField && !creating) return `Only a convenor can change which organisation this ${def.singular} belongs to: ${label(def, name)} cannot be changed here.`;
  if (relation === "co-editor" && through && !through.coEditorMayChange.includes(name)) {
    return `As the organisation that ${DID[through.action]}, you may change only ${through.coEditorMayChange.map((n) => label(def, n)).join(" and ")}; ${label(def, name)} is for the organisation it belongs to and convenors.`;
  }
  return null;
}

function refuse(problems: FieldProblem[]): void {
  if (problems.length) throw new AppError("forbidden", `${problems[0]!.path}: ${problems[0]!.message}`, { fields: problems });
}

/**
 * Why this member may not add an entry with these values, one problem per field (empty when they may): convenors add
 * anything; members only for their own organisation, and never with another organisation's participation already set.
 */
export function createProblems(def: RegisterDefinition, m: Membership, fields: EntryData): FieldProblem[] {
  const relation = relationTo(def, m, fields);
  // A participation is "set" when it differs from an empty entry's value.
  const isSet = (name: string) => {
    const f = def.fields.find((x) => x.name === name);
    return f !== undefined && JSON.stringify(fields[name] ?? null) !== JSON.stringify(defaultValue(f));
  };
  const problems = (def.participation ?? []).flatMap((p) => {
    const why = isSet(p.field) ? refusal(def, relation, p.field, true) : null;
    return why ? [{ path: p.field, message: why }] : [];
  });
  if (relation === "convenor" || relation === "owner" || m.role !== "member") return problems;
  if (!def.ownerField) return [...problems, { path: "(body)", message: `Only convenors can add ${def.label.toLowerCase()}.` }];
  return [...problems, { path: def.ownerField, message: `Members add ${def.label.toLowerCase()} only for their own organisation: set ${label(def, def.ownerField)} to it.` }];
}

export function requireMayCreate(def: RegisterDefinition, m: Membership, fields: EntryData): void {
  if (m.role !== "member" && m.role !== "convenor") throw notYours(def, m);
  refuse(createProblems(def, m, fields));
}

/** A change to the named fields of a stored entry (only fields whose value actually changes): each must be this member's to change. */
export function requireMayChange(def: RegisterDefinition, m: Membership, stored: EntryData, changed: readonly string[]): void {
  const relation = relationTo(def, m, stored);
  if (relation === "none") throw notYours(def, m);
  const through = relation === "co-editor" ? coEditorThrough(def, m, stored) : undefined;
  refuse(
    changed.flatMap((name) => {
      const why = refusal(def, relation, name, false, through);
      return why ? [{ path: name, message: why }] : [];
    }),
  );
}
