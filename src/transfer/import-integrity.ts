/** What an export must hold together before it is restored: every id it points at is in the file, each register entry's history is complete, each published wave's figures agree with each other. Problems are listed, never repaired. */
import type { FieldProblem } from "../errors/app-error.ts";
import { REGISTERS } from "../registers/definitions/index.ts";
import type { FieldSpec, OrganisationNote } from "../registers/fields.ts";
import type { ExportDocument } from "./export-schema.ts";
import { NETWORK_KIND, RESULT_BREAKDOWNS, resultsKind } from "./snapshots.ts";

type Need = (set: ReadonlySet<string> | ReadonlyMap<string, unknown>, value: string | null | undefined, path: string, what: string) => void;

/** Every id a row points at must be in the file (a foreign key would refuse it later, less readably), once per table. */
export function referenceProblems(doc: ExportDocument): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
  const users = ids(doc.users);
  const orgs = ids(doc.organisations);
  const people = ids(doc.people);
  const waves = ids(doc.waves);
  const entries = new Map(doc.register_entries.map((e) => [e.id, e.register]));
  const pid = doc.partnership.id;
  const need: Need = (set, value, path, what) => {
    if (value !== null && value !== undefined && !set.has(value)) problems.push({ path, message: `Refers to ${what} ${value}, which is not in the file.` });
  };
  const ours = (value: string, path: string) => {
    if (value !== pid) problems.push({ path, message: `Belongs to partnership ${value}, not to ${pid}, the one this file exports.` });
  };
  const unique = (keys: string[], table: string, what: (key: string) => string, column = "id") => {
    const seen = new Set<string>();
    keys.forEach((key, i) => (seen.has(key) ? problems.push({ path: `${table}[${i}].${column}`, message: what(key) }) : seen.add(key)));
  };
  for (const [table, rows] of [["users", doc.users], ["organisations", doc.organisations], ["people", doc.people], ["waves", doc.waves], ["register_entries", doc.register_entries], ["register_versions", doc.register_versions], ["pressure_events", doc.pressure_events], ["audit_log", doc.audit_log]] as const) {
    unique(rows.map((r) => r.id), table, (key) => `The id ${key} appears twice.`);
  }
  unique(doc.users.map((u) => u.email), "users", (key) => `The email ${key} appears twice.`, "email");
  unique(doc.wave_nominees.map((n) => `${n.wave_id} and organisation ${n.organisation_id}`), "wave_nominees", (key) => `The wave ${key} are nominated twice.`, "organisation_id");
  unique(doc.people.filter((p) => p.user_id !== null && p.deleted_at === null).map((p) => p.user_id!), "people", (key) => `The account ${key} is a live member twice.`, "user_id");
  need(users, doc.partnership.created_by, "partnership.created_by", "user");
  doc.organisations.forEach((o, i) => (ours(o.partnership_id, `organisations[${i}].partnership_id`), need(users, o.created_by, `organisations[${i}].created_by`, "user")));
  doc.people.forEach((p, i) => {
    ours(p.partnership_id, `people[${i}].partnership_id`);
    need(users, p.user_id, `people[${i}].user_id`, "user");
    need(orgs, p.organisation_id, `people[${i}].organisation_id`, "organisation");
    need(users, p.created_by, `people[${i}].created_by`, "user");
  });
  doc.waves.forEach((w, i) => (ours(w.partnership_id, `waves[${i}].partnership_id`), need(users, w.created_by, `waves[${i}].created_by`, "user"), need(users, w.published_by, `waves[${i}].published_by`, "user")));
  doc.wave_nominees.forEach((n, i) => (need(waves, n.wave_id, `wave_nominees[${i}].wave_id`, "wave"), need(orgs, n.organisation_id, `wave_nominees[${i}].organisation_id`, "organisation"), need(people, n.person_id, `wave_nominees[${i}].person_id`, "person")));
  doc.published.forEach((p, i) => need(waves, p.wave_id, `published[${i}].wave_id`, "wave"));
  const sets = { users, orgs, people, entries };
  doc.register_entries.forEach((e, i) => {
    ours(e.partnership_id, `register_entries[${i}].partnership_id`);
    need(orgs, e.organisation_id, `register_entries[${i}].organisation_id`, "organisation");
    for (const c of ["created_by", "updated_by", "deleted_by"] as const) need(users, e[c], `register_entries[${i}].${c}`, "user");
    dataReferences(e.register, e.data, `register_entries[${i}].data`, sets, need, problems);
  });
  doc.register_versions.forEach((v, i) => {
    ours(v.partnership_id, `register_versions[${i}].partnership_id`);
    need(entries, v.entry_id, `register_versions[${i}].entry_id`, "register entry");
    need(users, v.changed_by, `register_versions[${i}].changed_by`, "user");
    dataReferences(v.register, v.data, `register_versions[${i}].data`, sets, need, problems);
  });
  doc.pressure_events.forEach((e, i) => (ours(e.partnership_id, `pressure_events[${i}].partnership_id`), need(users, e.created_by, `pressure_events[${i}].created_by`, "user")));
  doc.audit_log.forEach((a, i) => (ours(a.partnership_id, `audit_log[${i}].partnership_id`), need(users, a.actor_user_id, `audit_log[${i}].actor_user_id`, "user")));
  return problems;
}

/** The organisations, people and entries a register entry's fields and sign-ups name must be in the file too (entries in the register the field says). */
function dataReferences(register: keyof typeof REGISTERS, data: Record<string, unknown>, path: string, sets: { users: Set<string>; orgs: Set<string>; people: Set<string>; entries: Map<string, string> }, need: Need, problems: FieldProblem[]): void {
  const fields = (data["fields"] ?? {}) as Record<string, unknown>;
  for (const f of REGISTERS[register].fields as FieldSpec[]) {
    const v = fields[f.name];
    if (v === null || v === undefined) continue;
    const at = `${path}.fields.${f.name}`;
    const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === "string") : typeof x === "string" ? [x] : []);
    if (f.kind === "organisation" || f.kind === "organisations") for (const id of strings(v)) need(sets.orgs, id, at, "organisation");
    if (f.kind === "organisationNotes" && Array.isArray(v)) for (const n of v as OrganisationNote[]) need(sets.orgs, n?.organisationId, at, "organisation");
    if (f.kind === "person") for (const id of strings(v)) need(sets.people, id, at, "person");
    if (f.kind === "entry" || f.kind === "entries") {
      for (const id of strings(v)) {
        const found = sets.entries.get(id);
        if (found !== undefined && found !== f.register) problems.push({ path: at, message: `Refers to entry ${id} of ${found}, where the field takes one of ${f.register}.` });
        else need(sets.entries, id, at, "register entry");
      }
    }
  }
  const signUps = data["signUps"];
  if (Array.isArray(signUps)) {
    signUps.forEach((s: { organisationId?: unknown; signedByUserId?: unknown } | null, j) => {
      need(sets.orgs, typeof s?.organisationId === "string" ? s.organisationId : `${String(s?.organisationId)}`, `${path}.signUps[${j}].organisationId`, "organisation");
      if (s?.signedByUserId !== undefined) need(sets.users, typeof s.signedByUserId === "string" ? s.signedByUserId : String(s.signedByUserId), `${path}.signUps[${j}].signedByUserId`, "user");
    });
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Each register entry's history must be whole: versions 1..n with none missing or twice, n the entry's version, the
 * first one its creation, the last one the entry as it stands (fields, title, author, time, removed or not). One
 * problem per entry, naming it, so a file missing part of its history is refused rather than restored without a word.
 */
export function historyProblems(doc: ExportDocument): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const byEntry = new Map<string, ExportDocument["register_versions"]>();
  for (const v of doc.register_versions) {
    const list = byEntry.get(v.entry_id);
    if (list) list.push(v);
    else byEntry.set(v.entry_id, [v]);
  }
  for (const [i, e] of doc.register_entries.entries()) {
    const problem = entryHistoryProblem(e, byEntry.get(e.id) ?? []);
    if (problem) problems.push({ path: `register_entries[${i}]`, message: `The history of ${e.register} entry “${e.title}” (${e.id}) ${problem}.` });
  }
  return problems;
}

/** What is wrong with one entry's history, or undefined when it is whole. */
function entryHistoryProblem(e: ExportDocument["register_entries"][number], rows: ExportDocument["register_versions"]): string | undefined {
  const versions = [...rows].sort((a, b) => a.version - b.version);
  const numbers = versions.map((v) => v.version);
  if (versions.length === 0) return `is missing: the entry is at version ${e.version} and the file holds none of its versions`;
  const missing: number[] = [];
  for (let n = 1; n <= Math.max(e.version, numbers.at(-1)!); n++) if (!numbers.includes(n)) missing.push(n);
  const twice = [...new Set(numbers.filter((n, j) => numbers.indexOf(n) !== j))];
  if (missing.length || twice.length || numbers.at(-1) !== e.version) {
    const parts = [missing.length ? `lacks version${missing.length === 1 ? "" : "s"} ${listed(missing)}` : "", twice.length ? `holds version${twice.length === 1 ? "" : "s"} ${listed(twice)} twice` : "", numbers.at(-1)! > e.version ? `goes on to version ${numbers.at(-1)} past the entry's ${e.version}` : ""].filter(Boolean);
    return `is incomplete: the entry is at version ${e.version}, and its history ${parts.join(" and ")}`;
  }
  const first = versions[0]!;
  const last = versions.at(-1)!;
  if (!["created", "imported"].includes(first.action) || first.changed_at !== e.created_at || first.changed_by !== e.created_by) return "does not begin with its creation (version 1 differs from when and by whom the entry was added)";
  const later = versions.slice(1).find((v) => v.action === "created" || v.action === "imported");
  if (later) return `has version ${later.version} claiming to create the entry again`;
  const drift = versions.find((v) => v.register !== e.register);
  if (drift) return `has version ${drift.version} in the register ${drift.register}`;
  if (!sameJson(last.data, e.data) || last.title !== e.title || last.organisation_ids !== e.organisation_ids || last.changed_at !== e.updated_at || last.changed_by !== e.updated_by) {
    return `does not end where the entry stands: version ${last.version} differs from the entry's current fields, title or last change`;
  }
  if ((e.deleted_at !== null) !== (last.action === "removed")) return e.deleted_at !== null ? `does not record its removal (the last version, ${last.version}, is ${last.action})` : "ends with its removal, yet the entry is not removed";
  return undefined;
}

const listed = (ns: number[]) => (ns.length > 8 ? `${ns.slice(0, 8).join(", ")} and ${ns.length - 8} more` : ns.join(", "));

/**
 * Published figures: only a live published wave has them, and it has all three results breakdowns; each figure is of
 * its own wave, a comparison names a wave of the file, a network belongs to a wave that asked for one, and the
 * breakdowns of one wave count the same respondents (none more in its groups than in the whole).
 */
export function publishedProblems(doc: ExportDocument): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const waves = new Map(doc.waves.map((w) => [w.id, w]));
  const kinds = new Map<string, Set<string>>();
  const respondents = new Map<string, { n: number | null; at: string }>();
  doc.published.forEach((p, i) => {
    const at = `published[${i}]`;
    const wave = waves.get(p.wave_id);
    if (!wave) return; // named by referenceProblems
    const seen = kinds.get(p.wave_id) ?? new Set<string>();
    kinds.set(p.wave_id, seen);
    if (seen.has(p.kind)) problems.push({ path: `${at}.kind`, message: `The wave ${p.wave_id} has two “${p.kind}” figures.` });
    seen.add(p.kind);
    if (wave.status !== "published" || wave.deleted_at !== null) problems.push({ path: at, message: `Figures of the wave “${wave.name}”, which is ${wave.deleted_at !== null ? "removed" : wave.status}: only a published wave releases figures.` });
    const data = p.data as { wave?: { id?: unknown }; from?: { id?: unknown }; to?: { id?: unknown }; respondents?: { status?: string; n?: number }; groups?: { n?: number }[] };
    if (p.kind.startsWith("results:") || p.kind === NETWORK_KIND) {
      if (data.wave?.id !== p.wave_id) problems.push({ path: `${at}.data.wave.id`, message: `The figures are of the wave ${String(data.wave?.id)}, not of ${p.wave_id}, the wave they are filed under.` });
    }
    if (p.kind === NETWORK_KIND && wave.network_mode === "none") problems.push({ path: at, message: `A network for the wave “${wave.name}”, which asked for none.` });
    if (p.kind.startsWith("compare:")) {
      const other = p.kind.slice("compare:".length);
      const ends = [data.from?.id, data.to?.id];
      if (!waves.has(other)) problems.push({ path: `${at}.kind`, message: `Compares with the wave ${other}, which is not in the file.` });
      else if (other === p.wave_id || !ends.includes(other) || !ends.includes(p.wave_id)) problems.push({ path: `${at}.data`, message: `The comparison is between ${String(ends[0])} and ${String(ends[1])}, not between ${p.wave_id} and ${other} as it is filed.` });
    }
    if (p.kind.startsWith("results:")) {
      const n = data.respondents?.status === "released" && typeof data.respondents.n === "number" ? data.respondents.n : null;
      const before = respondents.get(p.wave_id);
      if (before && before.n !== n) problems.push({ path: `${at}.data.respondents`, message: `Counts ${n ?? "a suppressed number of"} respondents where ${before.at} counts ${before.n ?? "a suppressed number"} for the same wave.` });
      else if (!before) respondents.set(p.wave_id, { n, at });
      const inGroups = (data.groups ?? []).reduce((sum, g) => sum + (typeof g.n === "number" ? g.n : 0), 0);
      if (n !== null && inGroups > n) problems.push({ path: `${at}.data.groups`, message: `Its groups count ${inGroups} respondents, more than the ${n} of the whole wave.` });
    }
  });
  doc.waves.forEach((w, i) => {
    if (w.status !== "published" || w.deleted_at !== null) return;
    const lacking = RESULT_BREAKDOWNS.map(resultsKind).filter((k) => !kinds.get(w.id)?.has(k));
    if (lacking.length) problems.push({ path: `waves[${i}]`, message: `The published wave “${w.name}” (${w.id}) has no ${lacking.join(", ")} figures: an export keeps every published wave's results.` });
    if (w.published_at === null) problems.push({ path: `waves[${i}].published_at`, message: `The wave “${w.name}” is published but has no time of publication.` });
  });
  return problems;
}
