// Field-level authorisation, attacked: for every register and every relationship to an entry, random field changes, creations and actions; only what the declarations allow gets through, and a refusal changes nothing.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEntry, ownedBody, ROLES, rolesFixture, type Role, type RolesFixture } from "../testing/register-roles.ts";
import { createTestContext, type TestContext, type TestResponse } from "../testing/test-app.ts";
import { REGISTERS } from "./definitions/index.ts";
import { PARTICIPATION_ACTIONS } from "./definitions/types.ts";
import { defaultValue, type FieldSpec } from "./fields.ts";
import { REGISTER_KEYS, type RegisterKey } from "./keys.ts";

const RUNS = Number(process.env["FC_RUNS"] ?? 6);

let ctx: TestContext;
let fx: RolesFixture;
beforeAll(async () => {
  ctx = await createTestContext();
  fx = await rolesFixture(ctx);
});
afterAll(async () => {
  await ctx.close();
});

const isField = (key: RegisterKey, name: string) => REGISTERS[key].fields.some((f) => f.name === name);
const participations = (key: RegisterKey) => REGISTERS[key].participation ?? [];
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
/** A sent value as it would be stored: null clears a field to its default. */
const asStored = (key: RegisterKey, name: string, v: unknown) => {
  const f = REGISTERS[key].fields.find((x) => x.name === name);
  return v === null && f ? defaultValue(f) : v;
};

/** A value valid for the field on its own (rules across fields may still refuse it); organisations are A, B or C. */
function valueArb(f: FieldSpec): fc.Arbitrary<unknown> {
  const orgs = [fx.orgs.A, fx.orgs.B, fx.orgs.C];
  const v = ((): fc.Arbitrary<unknown> => {
    switch (f.kind) {
      case "text":
        return fc.constantFrom("Changed words", "Something else entirely");
      case "date":
        return fc.constantFrom("2026-01-05", "2026-09-30", "2027-02-01");
      case "enum":
        return fc.constantFrom(...f.values);
      case "int":
        return fc.integer({ min: f.min, max: f.max });
      case "organisation":
        return fc.constantFrom(...orgs);
      case "organisations":
        return fc.subarray(orgs);
      case "organisationNotes":
        return fc.subarray(orgs).map((ids) => ids.map((organisationId) => ({ organisationId, note: "Changed note" })));
      case "person":
        return fc.constantFrom(...fx.people);
      case "entry":
        return fc.constantFrom(...fx.entries[f.register]!);
      case "entries":
        return fc.subarray(fx.entries[f.register]!);
    }
  })();
  return f.required ? v : fc.oneof(v, fc.constant(null));
}

/** One to three of the register's keys (fields, and sign-ups kept beside them), each with a new value or the value it has. */
function changeArb(key: RegisterKey) {
  const def = REGISTERS[key];
  const names = [...def.fields.map((f) => f.name), ...participations(key).filter((p) => !isField(key, p.field)).map((p) => p.field)];
  return fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 3 }).chain((chosen) =>
    fc.tuple(
      ...chosen.map((name) => {
        const f = def.fields.find((x) => x.name === name);
        return fc.record({ name: fc.constant(name), keep: fc.boolean(), value: f ? valueArb(f) : fc.constant([{ organisationId: fx.orgs.C, signedOn: "2026-01-01" }]) });
      }),
    ),
  );
}

/**
 * The rule, stated from the fixture's side: a convenor changes anything; a member of the owner organisation anything but
 * the owner and the participations; a member of an organisation that took part with edit rights only its declared
 * fields; everyone else nothing. `changed` holds only fields whose value really changes.
 */
function allowedChange(key: RegisterKey, role: Role, data: Record<string, unknown>, changed: string[]): boolean {
  const def = REGISTERS[key];
  if (role === "convenor") return true;
  if (role === "viewer" || role === "unrelated") return false;
  const org = fx.orgOf[role];
  const never = [def.ownerField, ...participations(key).map((p) => p.field)];
  if (def.ownerField && data[def.ownerField] === org) return !changed.some((n) => never.includes(n));
  const part = participations(key).find((p) => p.coEditorMayChange.length > 0 && data[p.field] === org);
  return part !== undefined && changed.every((n) => part.coEditorMayChange.includes(n));
}

/** Everything a refused request must leave as it was. */
async function snapshot(entryId?: string) {
  const db = ctx.handle.db;
  const count = async (table: "register_entries" | "audit_log") => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).where("partnership_id", "=", fx.partnershipId).executeTakeFirstOrThrow()).n);
  const entry = entryId ? await db.selectFrom("register_entries").select(["version", "data", "deleted_at", "updated_at", "organisation_id", "organisation_ids", "status"]).where("id", "=", entryId).executeTakeFirst() : null;
  const versions = entryId ? (await db.selectFrom("register_versions").select("id").where("entry_id", "=", entryId).execute()).length : 0;
  return { entries: await count("register_entries"), audit: await count("audit_log"), entry, versions };
}

/** Every write names the version it was made from (preconditions.ts); these tests are about who may write, not when. */
const ifMatch = (version: number) => ({ "if-match": `"${version}"` });

const describeRes = (res: TestResponse) => `${res.status} ${res.text.slice(0, 400)}`;

describe.each(REGISTER_KEYS)("register %s", (key) => {
  const def = REGISTERS[key];

  it.each(ROLES)("as %s, changes only the fields this relationship may change; a refusal names the field and changes nothing", async (role) => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), changeArb(key), async (open, change) => {
        const subject = await makeEntry(fx, key, "Subject", open);
        const body = Object.fromEntries(change.map((c) => [c.name, c.keep ? (subject.data[c.name] ?? null) : c.value]));
        const changed = change.filter((c) => isField(key, c.name) && !same(asStored(key, c.name, body[c.name]), subject.data[c.name])).map((c) => c.name);
        const actionOnly = participations(key).find((p) => !isField(key, p.field) && p.field in body);
        const allowed = !actionOnly && allowedChange(key, role, subject.data, changed);
        // The same entry for a convenor to make the same change to, made before anything is measured.
        const twin = allowed && role !== "convenor" ? await makeEntry(fx, key, "Subject", open) : null;
        const before = await snapshot(subject.id);
        const res = await fx.clients[role].patch(`${fx.reg}/${key}/${subject.id}`, body, ifMatch(subject.version));
        const after = await snapshot(subject.id);
        const what = `${key} as ${role} (${open ? "open" : "taken part"}) PATCH ${JSON.stringify(body)} → ${describeRes(res)}`;

        if (actionOnly) {
          // Sign-ups are not a field: whoever sends them is told to use the action.
          expect(res.status, what).toBe(422);
          expect(res.body.errors.find((e: { path: string }) => e.path === actionOnly.field)?.message, what).toContain(`/${PARTICIPATION_ACTIONS[actionOnly.action]}`);
        } else if (!allowed) {
          expect(res.status, what).toBe(403);
          const forbidden = changed.filter((n) => !allowedChange(key, role, subject.data, [n]));
          // Someone who may change some fields is told which field they may not; the rest may change nothing at all.
          if (allowedChange(key, role, subject.data, [])) {
            const errors: Array<{ path: string; message: string }> = res.body.errors ?? [];
            expect(errors.length, what).toBeGreaterThan(0);
            for (const e of errors) expect(forbidden, what).toContain(e.path);
            // A participation set directly is told which action records it.
            for (const p of participations(key)) for (const e of errors.filter((x) => x.path === p.field)) expect(e.message, what).toContain(`/${PARTICIPATION_ACTIONS[p.action]}`);
          }
        } else if (role === "convenor") {
          expect([200, 422], what).toContain(res.status);
        } else if (twin) {
          // Whatever this member may change goes through exactly as it would for a convenor (whose rules across fields are the same).
          const conv = await fx.clients.convenor.patch(`${fx.reg}/${key}/${twin.id}`, body, ifMatch(twin.version));
          expect(res.status, `${what}; convenor: ${describeRes(conv)}`).toBe(conv.status);
          if (res.status === 200) expect(res.body.data, what).toEqual(conv.body.data);
        }
        if (res.status !== 200) expect(after, what).toEqual(before);
        else expect(res.body.version, what).toBe(changed.length > 0 ? subject.version + 1 : subject.version);
      }),
      { numRuns: RUNS },
    );
  });

  it.each(ROLES)("as %s, adds entries only for its own organisation and never with another's participation set", async (role) => {
    const ownerSpec = def.fields.find((f) => f.name === def.ownerField);
    const orgChoice = fc.constantFrom<"A" | "B" | "C" | null>("A", "B", "C", null);
    await fc.assert(
      fc.asyncProperty(orgChoice, fc.array(orgChoice, { minLength: participations(key).length, maxLength: participations(key).length }), async (owner, parts) => {
        const body = ownedBody(fx, key, "Created");
        if (def.ownerField) body[def.ownerField] = owner && fx.orgs[owner];
        if (ownerSpec?.required && owner === null) body[def.ownerField!] = fx.orgs.A;
        participations(key).forEach((p, i) => {
          const org = parts[i] ?? null;
          // An organisation field is sent even when null (which sets nothing); sign-ups only when chosen.
          if (isField(key, p.field)) body[p.field] = org && fx.orgs[org];
          else if (org !== null) body[p.field] = [{ organisationId: fx.orgs[org] }];
        });
        const actionOnly = participations(key).some((p) => !isField(key, p.field) && p.field in body);
        const participationSet = participations(key).some((p) => isField(key, p.field) && body[p.field] != null);
        const org = fx.orgOf[role];
        const allowed = role === "convenor" || (role !== "viewer" && def.ownerField !== null && body[def.ownerField] === org && !participationSet);
        const before = await snapshot();
        const res = await fx.clients[role].post(`${fx.reg}/${key}`, body);
        const after = await snapshot();
        const what = `${key} as ${role} POST ${JSON.stringify(body)} → ${describeRes(res)}`;
        if (actionOnly) expect(res.status, what).toBe(422);
        else if (!allowed) {
          expect(res.status, what).toBe(403);
          if (participationSet && role !== "viewer") expect(res.body.detail, what).toMatch(/take-up|sign-ups/);
        } else if (role === "convenor") expect([201, 422], what).toContain(res.status);
        else {
          // What a member may add is added exactly as a convenor's would be (or refused by the same rules across fields).
          const conv = await fx.clients.convenor.post(`${fx.reg}/${key}`, body);
          expect(res.status, `${what}; convenor: ${describeRes(conv)}`).toBe(conv.status);
          if (res.status === 201) expect(res.body.data, what).toEqual(conv.body.data);
        }
        if (res.status !== 201) expect(after, what).toEqual(before);
        else expect(after.entries, what).toBe(before.entries + 1);
      }),
      { numRuns: RUNS },
    );
  });

  it.each(ROLES)("as %s, removes, restores, takes up and signs up only as the rules say; a refusal changes nothing", async (role) => {
    const ops = ["remove", "restore", ...participations(key).map((p) => p.action)] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ops), fc.constantFrom<"A" | "B" | "C">("A", "B", "C"), fc.boolean(), async (op, forOrg, open) => {
        const subject = await makeEntry(fx, key, "Acted on", open);
        if (op === "restore") expect((await fx.clients.convenor.delete(`${fx.reg}/${key}/${subject.id}`, ifMatch(subject.version))).status).toBe(204);
        const current = ifMatch(op === "restore" ? subject.version + 1 : subject.version);
        const before = await snapshot(subject.id);
        const path = `${fx.reg}/${key}/${subject.id}`;
        const org = fx.orgs[forOrg];
        const res =
          op === "remove" ? await fx.clients[role].delete(path, current)
          : op === "restore" ? await fx.clients[role].post(`${path}/restore`, {}, current)
          : await fx.clients[role].post(`${path}/${PARTICIPATION_ACTIONS[op]}`, { organisationId: org }, current);
        const after = await snapshot(subject.id);
        const what = `${key} as ${role}: ${op}${op === "take-up" || op === "sign-up" ? ` for ${forOrg}` : ""} (${open ? "open" : "taken part"}) → ${describeRes(res)}`;
        const ownsIt = role === "owner" && def.ownerField !== null;
        const actsFor = role === "convenor" || (role !== "viewer" && fx.orgOf[role] === org);
        if (op === "remove" || op === "restore") expect(res.status, what).toBe(role === "convenor" || ownsIt ? (op === "remove" ? 204 : 200) : 403);
        else if (!actsFor) expect(res.status, what).toBe(403);
        // B has signed the statement and, unless the offer was left open, taken it up; A owns the offer.
        else if (op === "take-up") expect(res.status, what).toBe(forOrg === "A" ? (open ? 422 : 409) : open ? 200 : 409);
        else expect(res.status, what).toBe(forOrg === "B" ? 409 : 201);
        if (res.status >= 400) expect(after, what).toEqual(before);
        else expect(after.versions, what).toBe(before.versions + 1);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the declared co-editor rights", () => {
  it("are the offers-asks taker's status and delivery date, and nothing anywhere else", () => {
    const rights = Object.fromEntries(REGISTER_KEYS.map((k) => [k, participations(k).flatMap((p) => p.coEditorMayChange)]).filter(([, r]) => (r?.length ?? 0) > 0));
    expect(rights).toEqual({ "offers-asks": ["status", "deliveredOn"] });
    expect(participations("offers-asks").map((p) => [p.field, p.action])).toEqual([["takenUpByOrganisationId", "take-up"]]);
    expect(participations("ways-of-working").map((p) => [p.field, p.action])).toEqual([["signUps", "sign-up"]]);
  });
});
