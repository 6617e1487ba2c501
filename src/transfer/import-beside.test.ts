// Restoring several partnerships into one database: two exports of one instance land side by side and export again byte for byte, an unrelated partnership is left untouched, every clash is a 409 that writes nothing, and a register history with a version missing or twice is a 422.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/connect.ts";
import type { Db } from "../db/database.ts";
import { newId } from "../db/ids.ts";
import { createDemoPartnership } from "../demo/create-demo-partnership.ts";
import { AppError } from "../errors/app-error.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { createTestDb } from "../testing/test-db.ts";
import { buildExport, exportJson } from "./export-partnership.ts";
import type { ExportDocument } from "./export-schema.ts";
import { importPartnership, parseExport } from "./import-partnership.ts";

const TABLES = ["users", "partnerships", "organisations", "people", "waves", "wave_nominees", "published_snapshots", "register_entries", "register_versions", "pressure_events", "audit_log", "instance"] as const;

let source: TestContext;
let unrelated: TestContext;
let first: string;
let second: string;
let other: { id: string; base: string };

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  return out;
}

async function refusal(db: Db, text: string): Promise<AppError> {
  const before = await rowCounts(db);
  const err = await importPartnership(db, text).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect(await rowCounts(db)).toEqual(before);
  return err as AppError;
}

const paths = (e: AppError) => e.fields?.map((f) => f.path) ?? [];

beforeAll(async () => {
  source = await createTestContext();
  const me = await source.user("Two Partnerships Convenor");
  const actor = { userId: me.userId, name: "Two Partnerships Convenor", email: me.email, via: "session" as const };
  // Two partnerships convened by the same account: their exports share it.
  const p1 = await createDemoPartnership(source.handle.db, actor);
  const p2 = await createDemoPartnership(source.handle.db, actor);
  first = exportJson(await buildExport(source.handle.db, p1.id));
  second = exportJson(await buildExport(source.handle.db, p2.id));

  unrelated = await createTestContext();
  const them = await unrelated.user("Unrelated Convenor");
  const id = (await them.client.post("/api/v1/partnerships", { name: "Unrelated", purpose: "Something else" })).body.id as string;
  const base = `/api/v1/partnerships/${id}`;
  const org = (await them.client.post(`${base}/organisations`, { name: "Unrelated Trust", sector: "nhs_trust" })).body.id;
  await them.client.post(`${base}/people`, { name: "Una", email: "una@example.org", role: "member", organisationId: org, jobTitle: "Lead" });
  await them.client.post(`${base}/waves`, { name: "Baseline", instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2026-03-31" });
  expect((await them.client.post(`${base}/registers/priorities`, { title: "Housing", description: "Keep people at home" })).status).toBe(201);
  other = { id, base };
}, 300_000);
afterAll(async () => {
  await source?.close();
  await unrelated?.close();
});

describe("two partnerships of one instance, restored into one database", () => {
  let fresh: DbHandle;
  beforeAll(async () => {
    fresh = await createTestDb();
  });
  afterAll(async () => fresh?.close());

  it("both import, sharing their convenor's account, and export again byte for byte", async () => {
    const a = await importPartnership(fresh.db, first);
    expect(a.sharedAccounts).toBe(0);
    const convenor = JSON.parse(first).partnership.created_by as string;
    await fresh.db.updateTable("users").set({ password_hash: "set by the operator" }).where("id", "=", convenor).execute();
    const b = await importPartnership(fresh.db, second);
    expect(b.sharedAccounts).toBeGreaterThanOrEqual(1);
    expect(b.accounts.map((x) => x.email)).not.toContain(JSON.parse(second).users.find((u: { id: string }) => u.id === convenor).email);
    // The shared account is kept as it was: the second import does not take its password away.
    expect((await fresh.db.selectFrom("users").select("password_hash").where("id", "=", convenor).executeTakeFirstOrThrow()).password_hash).toBe("set by the operator");
    expect(exportJson(await buildExport(fresh.db, a.partnershipId))).toBe(first);
    expect(exportJson(await buildExport(fresh.db, b.partnershipId))).toBe(second);
  });

  it("refuses the same export a second time (already present), listing the clashes, writing nothing", async () => {
    const e = await refusal(fresh.db, first);
    expect(e.code).toBe("conflict");
    expect(e.status).toBe(409);
    expect(e.message).toMatch(/is already in this database, so it was not imported again/);
    expect(paths(e)[0]).toBe("partnership.id");
    expect(paths(e)).toContain("organisations[0].id");
  });
});

describe("two imports of one export at the same moment", () => {
  it("restore it once: the other is refused with a 409, and nothing is doubled", async () => {
    const db = await createTestDb();
    try {
      const outcomes = await Promise.allSettled([importPartnership(db.db, second), importPartnership(db.db, second)]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
      const refused = outcomes.find((o) => o.status === "rejected")!.reason as AppError;
      expect(refused).toBeInstanceOf(AppError);
      expect(refused.code).toBe("conflict");
      const doc = JSON.parse(second) as ExportDocument;
      expect(await rowCounts(db.db)).toMatchObject({ partnerships: 1, users: doc.users.length, register_versions: doc.register_versions.length, audit_log: doc.audit_log.length + 1 });
    } finally {
      await db.close();
    }
  });
});

describe("an export restored beside an unrelated partnership", () => {
  it("refuses organisation, person, wave and register-entry ids the database already uses, listing each, writing nothing", async () => {
    const db = unrelated.handle.db;
    const theirs = JSON.parse(exportJson(await buildExport(db, other.id))) as ExportDocument;
    const doc = JSON.parse(first) as ExportDocument;
    // The file stays whole (every reference renamed with the row), so only the clash can refuse it.
    let text = first;
    for (const [mine, taken] of [[doc.organisations[0]!.id, theirs.organisations[0]!.id], [doc.people[0]!.id, theirs.people[0]!.id], [doc.waves[0]!.id, theirs.waves[0]!.id], [doc.register_entries[0]!.id, theirs.register_entries[0]!.id]] as const) text = text.replaceAll(mine, taken);
    const e = await refusal(db, text);
    expect(e.code).toBe("conflict");
    expect(e.message).toMatch(/clashes with what this database already holds \(1 organisation, 1 person, 1 wave, 1 register entry\), so nothing was imported/);
    expect(paths(e)).toEqual(["organisations[0].id", "people[0].id", "waves[0].id", "register_entries[0].id"]);
  });

  it("refuses an account with the file's id but another email, and one with the file's email but another id", async () => {
    const db = unrelated.handle.db;
    const doc = JSON.parse(first) as ExportDocument;
    const [u0, u1] = [doc.users[0]!, doc.users[1]!];
    const now = new Date().toISOString();
    await db.insertInto("users").values([
      { id: u0.id, email: "somebody.else@example.org", name: "Somebody else", password_hash: null, disabled_at: null, created_at: now, updated_at: now },
      { id: newId(), email: u1.email, name: "Same address", password_hash: null, disabled_at: null, created_at: now, updated_at: now },
    ]).execute();
    try {
      const e = await refusal(db, first);
      expect(e.code).toBe("conflict");
      expect(e.fields).toEqual([
        { path: "users[0].id", message: `The account ${u0.id} is somebody.else@example.org in this database, not ${u0.email} as in the file.` },
        { path: "users[1].email", message: expect.stringMatching(/^The email .+ belongs to another account in this database/) },
      ]);
    } finally {
      await db.deleteFrom("users").where("email", "in", ["somebody.else@example.org", u1.email]).execute();
    }
  });

  it("imports, and leaves the unrelated partnership exactly as it was", async () => {
    const db = unrelated.handle.db;
    const before = exportJson(await buildExport(db, other.id));
    const counts = await rowCounts(db);
    const s = await importPartnership(db, first);
    expect(exportJson(await buildExport(db, other.id))).toBe(before);
    expect(exportJson(await buildExport(db, s.partnershipId))).toBe(first);
    const after = await rowCounts(db);
    const doc = JSON.parse(first) as ExportDocument;
    expect(after).toMatchObject({ partnerships: counts["partnerships"]! + 1, users: counts["users"]! + doc.users.length, register_versions: counts["register_versions"]! + doc.register_versions.length, instance: 1 });
  });
});

describe("a register history with a gap is refused with a 422 naming the entry", () => {
  let empty: DbHandle;
  let doc: ExportDocument;
  /** An entry with at least three versions, and the indexes of its rows in register_versions by version. */
  let entry: ExportDocument["register_entries"][number];
  beforeAll(async () => {
    empty = await createTestDb();
    doc = JSON.parse(first) as ExportDocument;
    entry = doc.register_entries.find((e) => e.version >= 3)!;
    expect(entry).toBeDefined();
  });
  afterAll(async () => empty?.close());

  const without = (version: number) => {
    const d = JSON.parse(first) as ExportDocument;
    d.register_versions = d.register_versions.filter((v) => !(v.entry_id === entry.id && v.version === version));
    return JSON.stringify(d);
  };

  it("when a middle version is missing", async () => {
    const e = await refusal(empty.db, without(2));
    expect(e.code).toBe("validation_failed");
    expect(e.status).toBe(422);
    expect(e.fields).toEqual([{ path: `register_entries[${doc.register_entries.indexOf(entry)}]`, message: expect.stringContaining(`(${entry.id}) is incomplete: the entry is at version ${entry.version}, and its history lacks version 2`) }]);
    expect(e.message).toMatch(/The register history of 1 entry is incomplete/);
  });

  it("when the last version is missing", async () => {
    const e = await refusal(empty.db, without(entry.version));
    expect(e.fields?.[0]?.message).toContain(`lacks version ${entry.version}`);
  });

  it("when a version is there twice, or the last one does not match the entry", async () => {
    const d = JSON.parse(first) as ExportDocument;
    const row = d.register_versions.find((v) => v.entry_id === entry.id && v.version === 1)!;
    d.register_versions.push({ ...row, id: newId() });
    expect((await refusal(empty.db, JSON.stringify(d))).fields?.[0]?.message).toContain("holds version 1 twice");
    const changed = JSON.parse(first) as ExportDocument;
    changed.register_versions.find((v) => v.entry_id === entry.id && v.version === entry.version)!.title = "Not what the entry says";
    expect((await refusal(empty.db, JSON.stringify(changed))).fields?.[0]?.message).toContain("does not end where the entry stands");
    expect(await rowCounts(empty.db)).toMatchObject({ partnerships: 0, users: 0, register_versions: 0 });
  });

  it("never accepts a file whose histories lost or doubled rows (property: random deletions and duplicates of history rows)", () => {
    const rows = doc.register_versions.length;
    const op = fc.record({ kind: fc.constantFrom("delete", "duplicate"), at: fc.nat({ max: rows * 2 }) });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 6 }), (ops) => {
        const d = JSON.parse(first) as ExportDocument;
        for (const o of ops) {
          const i = o.at % d.register_versions.length;
          if (o.kind === "delete") d.register_versions.splice(i, 1);
          else d.register_versions.splice(i, 0, { ...d.register_versions[i]!, id: newId() });
        }
        // The oracle: each entry's versions are exactly 1..n once (a duplicate that replaced its deleted original is whole again).
        const byEntry = new Map<string, number[]>();
        for (const v of d.register_versions) byEntry.set(v.entry_id, [...(byEntry.get(v.entry_id) ?? []), v.version]);
        const whole = d.register_entries.every((e) => (byEntry.get(e.id) ?? []).sort((x, y) => x - y).join() === Array.from({ length: e.version }, (_, n) => n + 1).join());
        const outcome = (() => {
          try {
            parseExport(JSON.stringify(d));
            return "accepted";
          } catch (err) {
            return err instanceof AppError && err.code === "validation_failed" ? "refused" : `threw ${String(err)}`;
          }
        })();
        expect(outcome).toBe(whole ? "accepted" : "refused");
      }),
      { numRuns: 20 },
    );
  });
});

describe("published figures that do not hold together are refused with a 422", () => {
  it("a published wave without its results, figures of a wave that is not published, breakdowns counting different respondents", () => {
    const refused = (change: (d: ExportDocument) => void) => {
      const d = JSON.parse(first) as ExportDocument;
      change(d);
      try {
        parseExport(JSON.stringify(d));
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        return err as AppError;
      }
      throw new Error("accepted");
    };
    const dropped = refused((d) => (d.published = d.published.filter((p) => p.kind !== "results:none")));
    expect(dropped.fields?.map((f) => f.message)).toEqual(expect.arrayContaining([expect.stringMatching(/has no results:none figures/)]));
    const draft = refused((d) => (d.waves.find((w) => w.id === d.published[0]!.wave_id)!.status = "closed"));
    expect(draft.fields?.[0]?.message).toMatch(/which is closed: only a published wave releases figures/);
    const counted = refused((d) => {
      const p = d.published.find((x) => x.kind === "results:sector")!.data as { respondents: { status: string; n?: number } };
      p.respondents = { status: "released", n: (p.respondents.n ?? 0) + 7 };
    });
    expect(counted.fields?.[0]?.message).toMatch(/respondents where published\[\d+\] counts/);
  });
});
