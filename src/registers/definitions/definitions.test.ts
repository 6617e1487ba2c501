// Checks every register definition is coherent: named fields exist with the right kinds, rules are pure and total.
import { describe, expect, it } from "vitest";
import { createSchema, defaultValue, isRealDay, normalise, updateSchema } from "../fields.ts";
import { REGISTER_KEYS } from "../keys.ts";
import { REGISTERS } from "./index.ts";

describe.each(REGISTER_KEYS)("register %s", (key) => {
  const def = REGISTERS[key];
  const field = (name: string | null) => def.fields.find((f) => f.name === name);

  it("names real fields for its title, owner, co-editors and status", () => {
    expect(def.key).toBe(key);
    expect(field(def.titleField)?.kind).toBe("text");
    expect(field(def.titleField)?.required).toBe(true);
    if (def.ownerField) expect(field(def.ownerField)?.kind).toBe("organisation");
    if (def.statusField) expect(field(def.statusField)?.kind).toBe("enum");
    expect(new Set(def.fields.map((f) => f.name)).size).toBe(def.fields.length);
  });

  it("says of every organisation field whether it is the owner, a participation (set only by its action) or a mere mention", () => {
    const participations = def.participation ?? [];
    const roles = new Map<string, string[]>();
    const add = (name: string, role: string) => roles.set(name, [...(roles.get(name) ?? []), role]);
    if (def.ownerField) add(def.ownerField, "owner");
    for (const p of participations) add(p.field, "participation");
    for (const m of def.mentions ?? []) add(m, "mention");
    const organisationFields = def.fields.filter((f) => f.kind === "organisation" || f.kind === "organisations" || f.kind === "organisationNotes").map((f) => f.name);
    // Exactly one role each, and nothing else has one (signUps, kept beside the fields, aside).
    expect(Object.fromEntries(organisationFields.map((n) => [n, roles.get(n)?.length ?? 0]))).toEqual(Object.fromEntries(organisationFields.map((n) => [n, 1])));
    expect([...roles.keys()].filter((n) => !organisationFields.includes(n))).toEqual(participations.some((p) => p.action === "sign-up") ? ["signUps"] : []);
    for (const p of participations) {
      // A take-up fills one organisation field; a sign-up the list beside the fields.
      if (p.action === "take-up") expect(field(p.field)?.kind).toBe("organisation");
      else expect(p.field).toBe("signUps");
      for (const name of p.coEditorMayChange) {
        expect(field(name), `${p.field} co-editors may change ${name}`).toBeDefined();
        expect([def.ownerField, ...participations.map((x) => x.field)]).not.toContain(name);
      }
      // A date a co-editor's change clears (datedBy) must be theirs to set again.
      for (const [date, trigger] of Object.entries(def.datedBy ?? {})) if (p.coEditorMayChange.includes(trigger)) expect(p.coEditorMayChange).toContain(date);
    }
  });

  it("links only to registers that exist, and enum defaults are allowed values", () => {
    for (const f of def.fields) {
      if (f.kind === "entry" || f.kind === "entries") expect(REGISTER_KEYS).toContain(f.register);
      if (f.kind === "enum") {
        if (f.default !== undefined) expect(f.values).toContain(f.default);
        for (const v of f.values) expect(f.labels[v]).toBeTruthy();
      }
    }
  });

  it("fills defaults for a minimal entry, and its rules accept it", () => {
    const minimal: Record<string, unknown> = {};
    for (const f of def.fields.filter((x) => x.required)) {
      minimal[f.name] = f.kind === "date" ? "2026-05-01" : f.kind === "enum" ? f.values[0] : f.kind === "organisation" ? "org-a" : "text";
    }
    const parsed = createSchema(def.fields).safeParse(minimal);
    expect(parsed.success).toBe(true);
    const data = normalise(def.fields, minimal);
    for (const f of def.fields) if (!f.required) expect(data[f.name]).toEqual(defaultValue(f));
    const completed = def.complete ? def.complete(data, "2026-05-02") : data;
    expect(def.check?.(completed) ?? []).toEqual([]);
  });

  it("refuses unknown fields and lets updates clear optional fields with null", () => {
    expect(createSchema(def.fields).safeParse({ notAField: 1 }).success).toBe(false);
    const optional = def.fields.find((f) => !f.required);
    if (optional) expect(updateSchema(def.fields).safeParse({ [optional.name]: null }).success).toBe(true);
    const required = def.fields.find((f) => f.required)!;
    expect(updateSchema(def.fields).safeParse({ [required.name]: null }).success).toBe(false);
  });
});

describe("isRealDay", () => {
  it("accepts real calendar days only", () => {
    expect(isRealDay("2028-02-29")).toBe(true);
    expect(isRealDay("2026-02-29")).toBe(false);
    expect(isRealDay("2026-1-01")).toBe(false);
    expect(isRealDay("2026-04-31")).toBe(false);
    expect(isRealDay("0050-06-01")).toBe(false);
    expect(isRealDay("1900-01-01")).toBe(true);
    expect(isRealDay("0050-06-01")).toBe(false);
    expect(isRealDay("1900-01-01")).toBe(true);
  });
});
