// Through the API: convenors download the export; the restored partnership's results, network, registers and health answer as the original's; bad imports change nothing.
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../accounts/sessions.ts";
import { setPassword } from "../accounts/set-password.ts";
import { createUserWithPassword } from "../accounts/users.ts";
import type { Db } from "../db/database.ts";
import { createDemoPartnership } from "../demo/create-demo-partnership.ts";
import { AppError } from "../errors/app-error.ts";
import { REGISTER_KEYS } from "../registers/keys.ts";
import { createTestContext, TestClient, type TestContext } from "../testing/test-app.ts";
import { createTestDb } from "../testing/test-db.ts";
import { importPartnership } from "./import-partnership.ts";

let a: TestContext;
let b: TestContext;
let original: TestClient;
let restored: TestClient;
let base: string;
let exported: string;
let convenorId: string;

/** Free text is released in a random order each time it is asked for. */
const unshuffled = (body: { freeText?: { figure: { texts?: string[] } }[] }) => ({ ...body, freeText: body.freeText?.map((f) => ({ ...f, figure: { ...f.figure, texts: f.figure.texts && [...f.figure.texts].sort() } })) });

async function restoreAsConvenor(ctx: TestContext, text: string): Promise<TestClient> {
  await importPartnership(ctx.handle.db, text);
  return new TestClient(ctx.app, { cookie: (await createSession(ctx.handle.db, convenorId)).secret });
}

const rowCounts = async (db: Db) => {
  const tables = ["users", "partnerships", "organisations", "people", "waves", "register_entries", "register_versions", "audit_log", "published_snapshots", "instance"] as const;
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  return out;
};

async function importError(db: Db, text: string): Promise<AppError> {
  const err = await importPartnership(db, text).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeAll(async () => {
  a = await createTestContext();
  const me = await a.user("Export Convenor");
  convenorId = me.userId;
  original = me.client;
  const p = await createDemoPartnership(a.handle.db, { userId: me.userId, name: "Export Convenor", email: me.email, via: "session" });
  base = `/api/v1/partnerships/${p.id}`;
  const res = await original.get(`${base}/export.json`);
  expect(res.status).toBe(200);
  exported = res.text;
  b = await createTestContext();
  restored = await restoreAsConvenor(b, exported);
}, 180_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
});

describe("export routes", () => {
  it("give convenors the JSON and the zip under a dated file name, and record the download", async () => {
    const json = await original.get(`${base}/export.json`);
    expect(json.headers.get("content-type")).toContain("application/json");
    expect(json.headers.get("content-disposition")).toMatch(/^attachment; filename="accord-riverside-integrated-care-partnership-demo-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(json.body.format).toBe("accord-partnership-export");
    const zip = await a.app.request(`http://localhost${base}/export.zip`, { headers: { cookie: `accord_session=${original.cookie}`, origin: "http://localhost" } });
    expect(zip.status).toBe(200);
    expect(zip.headers.get("content-type")).toBe("application/zip");
    expect(zip.headers.get("content-disposition")).toMatch(/\.zip"$/);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(strFromU8(files["README.txt"]!)).toContain("Riverside");
    const audit = (await original.get(`${base}/audit?limit=5`)).body.items.map((e: { action: string }) => e.action);
    expect(audit.slice(0, 3)).toEqual(["partnership.exported", "partnership.exported", "partnership.exported"]);
  });

  it("export the restored partnership as the same file", async () => {
    expect((await restored.get(`${base}/export.json`)).text).toBe(exported);
  });
});

describe("the restored partnership", () => {
  it("answers the results, comparison and network pages as the original did", async () => {
    const waves = (await original.get(`${base}/waves`)).body.items as { id: string; networkMode: string }[];
    const restoredWaves = (await restored.get(`${base}/waves`)).body.items as Record<string, unknown>[];
    // Who was invited and how many answered stay behind: participation is never exported.
    const definition = ({ invitedCount: _i, responseBand: _r, ...rest }: Record<string, unknown>) => rest;
    expect(restoredWaves.map(definition)).toEqual((waves as unknown as Record<string, unknown>[]).map(definition));
    const paths = waves.flatMap((w) => [
      ...["none", "organisation", "sector"].map((bd) => `/waves/${w.id}/results?breakdown=${bd}`),
      `/waves/${w.id}/results.csv`,
      ...waves.filter((o) => o.id !== w.id).map((o) => `/waves/${w.id}/compare/${o.id}`),
      ...(w.networkMode === "none" ? [] : [`/waves/${w.id}/network`, `/waves/${w.id}/network?dimension=integrity`, `/waves/${w.id}/network/ties.csv`, `/waves/${w.id}/network.graphml`, ...waves.filter((o) => o.id !== w.id).map((o) => `/waves/${w.id}/network/compare/${o.id}`)]),
    ]);
    const orgs = (await original.get(`${base}/organisations`)).body.items as { id: string }[];
    paths.push(...orgs.map((o) => `/waves/${waves[1]!.id}/network/organisations/${o.id}`));
    for (const path of paths) {
      const [x, y] = [await original.get(`${base}${path}`), await restored.get(`${base}${path}`)];
      expect(y.status, path).toBe(200);
      if (path.includes("results?")) expect(unshuffled(y.body), path).toEqual(unshuffled(x.body));
      else if (path.endsWith(".csv") && path.includes("results")) expect(y.text.split("\r\n").sort(), path).toEqual(x.text.split("\r\n").sort());
      else expect(y.body ?? y.text, path).toEqual(x.body ?? x.text);
    }
  });

  it("answers every register, its history and the derived views as the original did", async () => {
    const paths = [
      ...REGISTER_KEYS.flatMap((k) => [`/registers/${k}?limit=200&deleted=include`, `/registers/${k}.csv`]),
      "/timeline?limit=200",
      "/attention",
      "/kept-on-time",
      "/reciprocity",
      "/intentions-freshness",
      "/goal-progress",
      "/organisations",
      "/health",
    ];
    const entries = (await original.get(`${base}/registers/commitments?limit=5`)).body.items as { id: string }[];
    paths.push(...entries.map((e) => `/registers/commitments/${e.id}/history`));
    for (const path of paths) {
      const [x, y] = [await original.get(`${base}${path}`), await restored.get(`${base}${path}`)];
      expect(x.status, path).toBe(200);
      expect(y.body ?? y.text, path).toEqual(x.body ?? x.text);
    }
  });

  it("lists the same people, each without a password until the operator sets one", async () => {
    const statuses = async (c: TestClient) => ((await c.get(`${base}/people`)).body.items as { userId: string; status: string }[]).map((p) => [p.userId, p.status] as const);
    const before = new Map(await statuses(original));
    const after = new Map(await statuses(restored));
    expect([...after.keys()]).toEqual([...before.keys()]);
    // Whoever had joined is still joined to their (restored) account; status no longer depends on a password.
    expect(after).toEqual(before);
    expect(before.get(convenorId)).toBe("active");
    // The restored accounts come without passwords: nobody signs in until the operator sets one.
    const account = () => b.handle.db.selectFrom("users").select(["email", "password_hash"]).where("id", "=", convenorId).executeTakeFirstOrThrow();
    const { email } = await account();
    expect((await account()).password_hash).toBeNull();
    expect((await b.anonymous().post("/api/v1/auth/sign-in", { email, password: "a restored long password" })).status).toBe(401);
    await setPassword(b.handle.db, email, "a restored long password");
    expect((await account()).password_hash).not.toBeNull();
    const fresh = b.anonymous();
    expect((await fresh.post("/api/v1/auth/sign-in", { email, password: "a restored long password" })).status).toBe(200);
    expect(new Map(await statuses(fresh))).toEqual(before);
  });

  it("refuses a comparison the import did not keep, with a 409 saying so", async () => {
    const c = await createTestContext();
    try {
      const doc = JSON.parse(exported) as { published: { kind: string }[] };
      doc.published = doc.published.filter((p) => !p.kind.startsWith("compare:"));
      const client = await restoreAsConvenor(c, JSON.stringify(doc));
      const waves = (await client.get(`${base}/waves`)).body.items as { id: string }[];
      const res = await client.get(`${base}/waves/${waves[1]!.id}/compare/${waves[0]!.id}`);
      expect(res.status).toBe(409);
      expect(res.body.detail).toContain("not kept in the import");
    } finally {
      await c.close();
    }
  });
});

describe("import refuses", () => {
  it("the same partnership again, or an account whose email is taken by another id, with a 409 listing the clashes, and writes nothing", async () => {
    const before = await rowCounts(a.handle.db);
    const err = await importError(a.handle.db, exported);
    expect(err.code).toBe("conflict");
    expect(err.message).toMatch(/^The partnership “.+” \(.+\) is already in this database, so it was not imported again/);
    expect(err.fields?.[0]?.path).toBe("partnership.id");
    expect(await rowCounts(a.handle.db)).toEqual(before);
    const lone = await createTestDb();
    try {
      const doc = JSON.parse(exported) as { users: { id: string; email: string }[] };
      await createUserWithPassword(lone.db, { name: "Someone", email: doc.users[0]!.email, password: "a long test password" });
      const clash = await importError(lone.db, exported);
      expect(clash.code).toBe("conflict");
      expect(clash.message).toMatch(/clashes with what this database already holds \(1 account\)/);
      expect(clash.fields).toEqual([{ path: "users[0].email", message: expect.stringMatching(/belongs to another account in this database/) }]);
      expect(await rowCounts(lone.db)).toMatchObject({ users: 1, partnerships: 0, audit_log: 0 });
    } finally {
      await lone.close();
    }
  });

  it("malformed files with a readable 422 that lists the problems, leaving the database empty", async () => {
    const empty = await createTestDb();
    try {
      expect((await importError(empty.db, "{ not json")).message).toContain("not JSON");
      expect((await importError(empty.db, '{"hello": 1}')).message).toContain("not an accord partnership export");
      const doc = JSON.parse(exported);
      delete doc.partnership.name;
      doc.people[2].role = "boss";
      doc.published[0].data.ties = "none";
      const bad = await importError(empty.db, JSON.stringify(doc));
      expect(bad.code).toBe("validation_failed");
      expect(bad.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(["partnership.name", "people.2.role", "published.0.data.ties"]));
      const dangling = JSON.parse(exported);
      dangling.people[1].user_id = "0000-nobody";
      const refs = await importError(empty.db, JSON.stringify(dangling));
      expect(refs.fields?.[0]).toEqual({ path: "people[1].user_id", message: "Refers to user 0000-nobody, which is not in the file." });
      expect(await rowCounts(empty.db)).toEqual({ users: 0, partnerships: 0, organisations: 0, people: 0, waves: 0, register_entries: 0, register_versions: 0, audit_log: 0, published_snapshots: 0, instance: 0 });
    } finally {
      await empty.close();
    }
  });
});
