// `accord import` holds a file to the API's field rules: names, purposes, safe text, days and register fields as the contracts say; deep nesting, bytes that are not UTF-8 and floods of problems get a clear 422; nothing is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/connect.ts";
import { AppError } from "../errors/app-error.ts";
import { MAX_LISTED_PROBLEMS } from "../http/problem.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { createTestDb } from "../testing/test-db.ts";
import { buildExport, exportJson } from "./export-partnership.ts";
import { MAX_JSON_DEPTH, decodeExportFile, importPartnership, lineNestedBeyond } from "./import-partnership.ts";

let a: TestContext;
let empty: DbHandle;
let exported: string;

beforeAll(async () => {
  a = await createTestContext();
  const me = await a.user("Import Convenor");
  const c = me.client;
  const p = (await c.post("/api/v1/partnerships", { name: "Riverside", purpose: "Care" })).body.id as string;
  const base = `/api/v1/partnerships/${p}`;
  const org = (await c.post(`${base}/organisations`, { name: "Riverside Trust", sector: "nhs_trust" })).body.id;
  await c.post(`${base}/people`, { name: "Ann", email: "ann@example.org", role: "member", organisationId: org, jobTitle: "Lead" });
  await c.post(`${base}/waves`, { name: "Baseline", instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2026-03-31" });
  expect((await c.post(`${base}/registers/priorities`, { title: "Frailty", description: "Two\nlines" })).status).toBe(201);
  await c.post(`${base}/pressure-events`, { label: "Winter", kind: "winter_pressures", startsOn: "2025-12-01", endsOn: "2026-02-28" });
  exported = exportJson(await buildExport(a.handle.db, p));
  empty = await createTestDb();
}, 60_000);
afterAll(async () => {
  await a?.close();
  await empty?.close();
});

const count = async (table: "users" | "partnerships" | "organisations" | "people" | "waves" | "register_entries" | "audit_log") =>
  Number((await empty.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

/** Imports a changed copy of the export into the empty database; returns the refusal, and checks nothing was written. */
async function refusal(change: (doc: any) => void): Promise<AppError> {
  const doc = JSON.parse(exported);
  change(doc);
  return refusalOf(JSON.stringify(doc));
}

async function refusalOf(text: string): Promise<AppError> {
  const err = await importPartnership(empty.db, text).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  for (const t of ["users", "partnerships", "organisations", "people", "waves", "register_entries", "audit_log"] as const) expect(await count(t), t).toBe(0);
  return err as AppError;
}

const paths = (e: AppError) => e.fields?.map((f) => f.path) ?? [];
const messageAt = (e: AppError, path: string) => e.fields?.find((f) => f.path === path)?.message ?? `(nothing at ${path}: ${JSON.stringify(e.fields)})`;

describe("accord import applies the API's field rules", () => {
  it("takes the unchanged export (the rules refuse nothing accord itself stored)", async () => {
    const b = await createTestDb();
    try {
      await importPartnership(b.db, exported);
      expect(exportJson(await buildExport(b.db, JSON.parse(exported).partnership.id))).toBe(exported);
    } finally {
      await b.close();
    }
  });

  it("refuses a 1 MB partnership name and a long purpose, as the API would", async () => {
    const e = await refusal((d) => {
      d.partnership.name = "x".repeat(1_000_000);
      d.partnership.purpose = "p".repeat(2001);
    });
    expect(e.code).toBe("validation_failed");
    expect(messageAt(e, "partnership.name")).toMatch(/at most 200/);
    expect(messageAt(e, "partnership.purpose")).toMatch(/at most 2000/);
  });

  it("refuses NUL (which SQLite would store), bidi overrides, controls and invisible-only names, naming the character", async () => {
    const e = await refusal((d) => {
      d.organisations[0].name = "Riverside\u0000Trust";
      d.users[0].name = "Ann\u202Egnp.exe";
      d.people[0].name = "\u200B";
      d.people[0].job_title = "Lead\nNurse";
      d.waves[0].name = "Base\u0007line";
      d.pressure_events[0].label = "Winter\u2066";
      d.notes[0] = "note \u0085";
    });
    expect(messageAt(e, "organisations.0.name")).toMatch(/NUL character \(U\+0000\)/);
    expect(messageAt(e, "users.0.name")).toMatch(/right-to-left override \(U\+202E\)/);
    expect(messageAt(e, "people.0.name")).toMatch(/invisible/);
    expect(messageAt(e, "people.0.job_title")).toMatch(/line break \(U\+000A\)/);
    expect(messageAt(e, "waves.0.name")).toMatch(/U\+0007/);
    expect(messageAt(e, "pressure_events.0.label")).toMatch(/U\+2066/);
    expect(messageAt(e, "notes.0")).toMatch(/U\+0085/);
  });

  it("refuses days and times out of range, as the API's one rule for days does", async () => {
    const e = await refusal((d) => {
      d.waves[0].opens_on = "0000-01-01";
      d.waves[0].closes_on = "2200-01-01";
      d.pressure_events[0].starts_on = "1899-12-31";
      d.partnership.created_at = "yesterday";
      d.organisations[0].updated_at = "0001-01-01T00:00:00.000Z";
    });
    expect(paths(e)).toEqual(expect.arrayContaining(["waves.0.opens_on", "waves.0.closes_on", "pressure_events.0.starts_on", "partnership.created_at", "organisations.0.updated_at"]));
  });

  it("checks register entries and their history against the register's fields, title included", async () => {
    const e = await refusal((d) => {
      d.register_entries[0].title = "Frail\nty";
      d.register_entries[0].data.fields.description = "Care \u202Efor all";
      d.register_versions[0].data.fields.agreedOn = "0042-01-01";
    });
    expect(messageAt(e, "register_entries.0.title")).toMatch(/U\+000A/);
    expect(messageAt(e, "register_entries.0.data.fields.description")).toMatch(/U\+202E/);
    expect(paths(e)).toContain("register_versions.0.data.fields.agreedOn");
  });

  it(`lists at most ${MAX_LISTED_PROBLEMS} problems, then how many more`, async () => {
    const e = await refusal((d) => {
      d.notes = Array.from({ length: 5000 }, () => "\u0000");
    });
    expect(e.message).toMatch(/^The export has 5000 problems/);
    expect(e.fields).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(e.fields!.at(-1)!.message).toMatch(/…and 4,980 more problems/);
  });
});

describe("accord import refuses files it cannot read safely", () => {
  it(`says so for JSON nested deeper than ${MAX_JSON_DEPTH} levels, instead of overflowing the stack`, async () => {
    const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    for (const text of [deep(200_000), exported.replace('"notes": [', `"notes": [${deep(10_000)},`)]) {
      const e = await refusalOf(text);
      expect(e.message).toMatch(new RegExp(`nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep \\(first at line \\d+\\)`));
    }
    expect(lineNestedBeyond('{"a": "[[[[[[", "b": [[1]]}', 3)).toBeNull();
    expect(lineNestedBeyond('{"a":\n [[1]]}', 2)).toBe(2);
    expect(lineNestedBeyond('["a\\"[[[[", 1]', 1)).toBeNull();
  });

  it("refuses a file that is not UTF-8, saying where, rather than storing U+FFFD", () => {
    const bytes = new TextEncoder().encode(exported);
    const at = exported.indexOf("Riverside Trust");
    const latin1 = new Uint8Array([...bytes.subarray(0, at), 0xe9, ...bytes.subarray(at)]);
    expect(decodeExportFile(bytes)).toBe(exported);
    const line = exported.slice(0, at).split("\n").length;
    expect(() => decodeExportFile(latin1)).toThrow(new RegExp(`not UTF-8: the byte 0xE9 at line ${line}, character \\d+`));
  });
});
