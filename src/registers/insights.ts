/** What the registers add up to: kept-on-time rates, give/take balance, freshness of intentions, goal progress, what needs attention. */
import type { Actor } from "../accounts/actor.ts";
import type { Db } from "../db/database.ts";
import { requireMembership } from "../partnerships/access.ts";
import { REGISTERS } from "./definitions/index.ts";
import type { EntryData } from "./fields.ts";
import type { RegisterKey } from "./keys.ts";
import {
  goalProgress,
  intentionsFreshness,
  keptOnTimeRate,
  needsAttention,
  reciprocityBalance,
  type AttentionItem,
  type CommitmentOutcome,
  type OfferAskKind,
  type OfferAskStatus,
} from "./metrics/index.ts";
import { parseStored } from "./store.ts";

type Live = { id: string; title: string; organisation_id: string | null; fields: EntryData };

async function live(db: Db, partnershipId: string, keys: RegisterKey[]): Promise<Map<RegisterKey, Live[]>> {
  const rows = await db
    .selectFrom("register_entries")
    .select(["id", "register", "title", "organisation_id", "data"])
    .where("partnership_id", "=", partnershipId)
    .where("register", "in", keys)
    .where("deleted_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const out = new Map<RegisterKey, Live[]>(keys.map((k) => [k, []]));
  for (const r of rows) out.get(r.register)?.push({ id: r.id, title: r.title, organisation_id: r.organisation_id, fields: parseStored(r).fields });
  return out;
}

async function organisations(db: Db, partnershipId: string) {
  const rows = await db.selectFrom("organisations").select(["id", "name"]).where("partnership_id", "=", partnershipId).where("deleted_at", "is", null).orderBy("name").execute();
  return { ids: rows.map((r) => r.id), name: new Map(rows.map((r) => [r.id, r.name])) };
}

const s = (v: unknown) => (typeof v === "string" ? v : null);
export const todayIso = () => new Date().toISOString().slice(0, 10);

export async function keptOnTime(db: Db, actor: Actor, partnershipId: string, asOf = todayIso()) {
  await requireMembership(db, actor, partnershipId);
  const [entries, orgs] = await Promise.all([live(db, partnershipId, ["commitments"]), organisations(db, partnershipId)]);
  const commitments = (entries.get("commitments") ?? [])
    .filter((e) => orgs.name.has(s(e.fields["organisationId"]) ?? ""))
    .map((e) => ({
      id: e.id,
      organisationId: s(e.fields["organisationId"])!,
      toOrganisationId: s(e.fields["toOrganisationId"]),
      dueOn: s(e.fields["dueOn"])!,
      outcome: (s(e.fields["outcome"]) ?? "open") as CommitmentOutcome,
      outcomeOn: s(e.fields["outcomeOn"]),
      renegotiatedDueOn: s(e.fields["renegotiatedDueOn"]),
    }));
  const rows = keptOnTimeRate(commitments, asOf, orgs.ids);
  return { asOf, items: rows.map((r) => ({ ...r, organisationName: orgs.name.get(r.organisationId) ?? "" })).sort((a, b) => a.organisationName.localeCompare(b.organisationName)) };
}

export async function reciprocity(db: Db, actor: Actor, partnershipId: string) {
  await requireMembership(db, actor, partnershipId);
  const [entries, orgs] = await Promise.all([live(db, partnershipId, ["offers-asks"]), organisations(db, partnershipId)]);
  const items = (entries.get("offers-asks") ?? []).map((e) => ({
    id: e.id,
    kind: (s(e.fields["kind"]) ?? "offer") as OfferAskKind,
    fromOrganisationId: s(e.fields["organisationId"])!,
    takenUpByOrganisationId: s(e.fields["takenUpByOrganisationId"]),
    status: (s(e.fields["status"]) ?? "open") as OfferAskStatus,
  }));
  const result = reciprocityBalance(items, orgs.ids);
  const name = (id: string) => orgs.name.get(id) ?? "(removed organisation)";
  return {
    pairs: result.pairs.map((p) => ({ ...p, aName: name(p.a), bName: name(p.b) })),
    organisations: result.organisations.map((o) => ({ ...o, organisationName: name(o.organisationId) })),
  };
}

export async function intentionsFreshnessFor(db: Db, actor: Actor, partnershipId: string, asOf = todayIso()) {
  await requireMembership(db, actor, partnershipId);
  const [entries, orgs] = await Promise.all([live(db, partnershipId, ["intentions"]), organisations(db, partnershipId)]);
  const statements = (entries.get("intentions") ?? []).filter((e) => orgs.name.has(s(e.fields["organisationId"]) ?? ""));
  const rows = intentionsFreshness(statements.map((e) => ({ organisationId: s(e.fields["organisationId"])!, statedOn: s(e.fields["statedOn"])! })), asOf, orgs.ids);
  const entryFor = (orgId: string, on: string | null) => statements.find((e) => e.fields["organisationId"] === orgId && e.fields["statedOn"] === on)?.id ?? null;
  return {
    asOf,
    items: rows.map((r) => ({ ...r, organisationName: orgs.name.get(r.organisationId) ?? "", entryId: entryFor(r.organisationId, r.latestStatedOn) })).sort((a, b) => a.organisationName.localeCompare(b.organisationName)),
  };
}

export async function goalProgressFor(db: Db, actor: Actor, partnershipId: string) {
  await requireMembership(db, actor, partnershipId);
  const entries = await live(db, partnershipId, ["goals", "wins"]);
  const goals = entries.get("goals") ?? [];
  const wins = entries.get("wins") ?? [];
  const winsIn = wins.map((w) => ({ id: w.id, title: w.title, goalIds: (w.fields["goalIds"] as string[] | null) ?? [], weight: Number(w.fields["weight"] ?? 1), achievedOn: s(w.fields["achievedOn"]) ?? "" }));
  const progress = goalProgress(goals.map((g) => ({ id: g.id, target: Number(g.fields["target"] ?? 5) })), winsIn);
  return {
    items: progress.map((p, i) => ({
      ...p,
      title: goals[i]!.title,
      target: Number(goals[i]!.fields["target"] ?? 5),
      winList: winsIn.filter((w) => w.goalIds.includes(p.goalId)).map((w) => ({ id: w.id, title: w.title, achievedOn: w.achievedOn })).sort((a, b) => b.achievedOn.localeCompare(a.achievedOn)),
    })),
  };
}

type AttentionSource = AttentionItem & { register: RegisterKey; title: string; organisationId: string | null };

export async function attention(db: Db, actor: Actor, partnershipId: string, opts: { soonDays?: number | undefined; asOf?: string | undefined } = {}) {
  await requireMembership(db, actor, partnershipId);
  const asOf = opts.asOf ?? todayIso();
  const keys = (Object.keys(REGISTERS) as RegisterKey[]).filter((k) => REGISTERS[k].due);
  const entries = await live(db, partnershipId, keys);
  const items: AttentionSource[] = [];
  for (const key of keys) {
    for (const e of entries.get(key) ?? []) {
      const due = REGISTERS[key].due?.(e.fields);
      if (due) items.push({ kind: due.kind, id: e.id, dueOn: due.on, done: due.done, register: key, title: e.title, organisationId: e.organisation_id });
    }
  }
  const result = needsAttention(items, asOf, opts.soonDays ?? 14);
  const row = ({ item, days }: { item: AttentionSource; days: number }) => ({ kind: item.kind, register: item.register, entryId: item.id, title: item.title, dueOn: item.dueOn, days, organisationId: item.organisationId });
  return { asOf, overdue: result.overdue.map(row), dueSoon: result.dueSoon.map(row) };
}
