/** Test helper: one partnership holding every relationship to a register entry — owner, co-editor, unrelated member, viewer, convenor — and entries to point at. */
import { expect } from "vitest";
import { REGISTERS } from "../registers/definitions/index.ts";
import type { RegisterKey } from "../registers/keys.ts";
import { sampleRegisterBody } from "./register-samples.ts";
import type { TestClient, TestContext } from "./test-app.ts";

export const ROLES = ["convenor", "owner", "coEditor", "unrelated", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export interface RolesFixture {
  partnershipId: string;
  reg: string;
  clients: Record<Role, TestClient>;
  /** A: the entries' owner; B: takes part (takes up, signs up, is promised to, benefits); C: has nothing to do with them. */
  orgs: { A: string; B: string; C: string };
  /** The organisation each role acts for (none for the convenor; the viewer sits in the owner organisation). */
  orgOf: Record<Role, string | null>;
  people: string[];
  /** Live entries of each register, for entry fields. */
  entries: Partial<Record<RegisterKey, string[]>>;
}

export async function rolesFixture(ctx: TestContext): Promise<RolesFixture> {
  const convenor = await ctx.user("Cora");
  const p = await convenor.client.post("/api/v1/partnerships", { name: "Roles Partnership", purpose: "" });
  expect(p.status).toBe(201);
  const base = `/api/v1/partnerships/${p.body.id}`;
  const org = async (name: string) => (await convenor.client.post(`${base}/organisations`, { name, sector: "nhs_trust" })).body.id as string;
  const orgs = { A: await org("Owner Trust"), B: await org("Partner Council"), C: await org("Unrelated Charity") };
  const person = async (name: string, role: string, organisationId: string) => {
    const u = await ctx.user(name);
    const res = await ctx.addMember(convenor.client, base, { name, email: u.email, role, organisationId }, u.client);
    expect(res.status, res.text).toBe(201);
    return { client: u.client, id: res.body.id as string };
  };
  const [owner, coEditor, unrelated, viewer] = [await person("Olu", "member", orgs.A), await person("Pat", "member", orgs.B), await person("Una", "member", orgs.C), await person("Vic", "viewer", orgs.A)];
  const reg = `${base}/registers`;
  const entries: Partial<Record<RegisterKey, string[]>> = {};
  for (const key of ["priorities", "decisions", "goals"] as const) {
    for (const n of [1, 2]) {
      const res = await convenor.client.post(`${reg}/${key}`, sampleRegisterBody(key, orgs.A, `Target ${key} ${n}`, "Target"));
      expect(res.status).toBe(201);
      (entries[key] ??= []).push(res.body.id);
    }
  }
  return {
    partnershipId: p.body.id,
    reg,
    clients: { convenor: convenor.client, owner: owner.client, coEditor: coEditor.client, unrelated: unrelated.client, viewer: viewer.client },
    orgs,
    orgOf: { convenor: null, owner: orgs.A, coEditor: orgs.B, unrelated: orgs.C, viewer: orgs.A },
    people: [owner.id, coEditor.id],
    entries,
  };
}

/** A valid body for an entry owned by A that names B in every mention (promised to B, benefits B, agreed by A and B…). */
export function ownedBody(fx: RolesFixture, key: RegisterKey, title: string): Record<string, unknown> {
  const def = REGISTERS[key];
  const body = sampleRegisterBody(key, fx.orgs.A, title, "Base");
  for (const name of def.mentions ?? []) {
    const f = def.fields.find((x) => x.name === name)!;
    body[name] = f.kind === "organisation" ? fx.orgs.B : f.kind === "organisations" ? [fx.orgs.A, fx.orgs.B] : [{ organisationId: fx.orgs.B, note: "Fewer readmissions" }];
  }
  return body;
}

/**
 * Makes an entry as the convenor and lets B take its part through the register's own action (takes the offer up,
 * signs the statement); `open` leaves an offer open instead, so B is then just another organisation.
 */
export async function makeEntry(fx: RolesFixture, key: RegisterKey, title: string, open = false): Promise<{ id: string; data: Record<string, unknown>; version: number }> {
  const made = await fx.clients.convenor.post(`${fx.reg}/${key}`, ownedBody(fx, key, title));
  expect(made.status, made.text).toBe(201);
  let entry = made.body;
  for (const p of REGISTERS[key].participation ?? []) {
    if (open && p.action === "take-up") continue;
    const path = p.action === "take-up" ? "take-up" : "sign-ups";
    const res = await fx.clients.coEditor.post(`${fx.reg}/${key}/${entry.id}/${path}`, { organisationId: fx.orgs.B }, { "if-match": `"${entry.version}"` });
    expect(res.status, res.text).toBeLessThan(300);
    entry = res.body;
  }
  return { id: entry.id, data: entry.data, version: entry.version };
}
