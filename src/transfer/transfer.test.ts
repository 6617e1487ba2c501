// Export → import → export of the demo partnership gives identical JSON and zip bytes, and the export carries no answers, links or secrets.
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../accounts/actor.ts";
import type { DbHandle } from "../db/connect.ts";
import { newId, nowIso } from "../db/ids.ts";
import { createDemoPartnership } from "../demo/create-demo-partnership.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { createTestDb } from "../testing/test-db.ts";
import { buildExport, exportJson } from "./export-partnership.ts";
import type { ExportDocument } from "./export-schema.ts";
import { exportZip } from "./export-zip.ts";
import { importPartnership } from "./import-partnership.ts";

const SUPPRESSED_TEXT = "It depends which organisation you mean";

let a: TestContext;
let b: DbHandle;
let actor: Actor;
let partnershipId: string;
let linkToken: string;
let doc1: ExportDocument;
let json1: string;
let zip1: Uint8Array;
let timing: { exportMs: number; importMs: number };

beforeAll(async () => {
  a = await createTestContext();
  const me = await a.user("Export Convenor");
  actor = { userId: me.userId, name: "Export Convenor", email: me.email, via: "session" };
  partnershipId = (await createDemoPartnership(a.handle.db, actor)).id;
  const base = `/api/v1/partnerships/${partnershipId}`;
  // An open wave with personal links and one answer: none of it may leave in the export.
  const wave = (await me.client.post(`${base}/waves`, { name: "Open pulse", instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-01-01" })).body;
  await me.client.post(`${base}/waves/${wave.id}/open`);
  const links = (await me.client.post(`${base}/waves/${wave.id}/links`, {})).body.links as { url: string }[];
  linkToken = links[0]!.url.split("/respond/")[1]!;
  const now = nowIso();
  await a.handle.db.insertInto("pressure_events").values({ id: newId(), partnership_id: partnershipId, label: "=Winter pressures", kind: "winter_pressures", starts_on: "2025-12-01", ends_on: "2026-02-28", note: "A&E at capacity", created_by: me.userId, created_at: now, updated_at: now, deleted_at: null }).execute();
  let t = performance.now();
  doc1 = await buildExport(a.handle.db, partnershipId);
  json1 = exportJson(doc1);
  zip1 = exportZip(doc1);
  const exportMs = performance.now() - t;
  b = await createTestDb();
  t = performance.now();
  await importPartnership(b.db, json1);
  timing = { exportMs, importMs: performance.now() - t };
}, 180_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
});

describe("partnership export", () => {
  it("re-exports the imported partnership byte for byte, as JSON and as a zip", async () => {
    const doc2 = await buildExport(b.db, partnershipId);
    const json2 = exportJson(doc2);
    expect(json2).toBe(json1);
    const zip2 = exportZip(doc2);
    expect(Buffer.from(zip2).equals(Buffer.from(zip1))).toBe(true);
    console.info(`demo export: JSON ${json1.length} bytes, zip ${zip1.length} bytes; export ${timing.exportMs.toFixed(0)} ms, import ${timing.importMs.toFixed(0)} ms`);
  });

  it("holds every register change, the audit log and the published figures of both waves", () => {
    expect(doc1.register_versions.length).toBeGreaterThan(250);
    expect(doc1.audit_log.length).toBeGreaterThan(100);
    expect(doc1.pressure_events.map((e) => e.label)).toContain("=Winter pressures");
    expect(doc1.waves.map((w) => w.status)).toEqual(["published", "published", "open"]);
    const [baseline, followUp] = doc1.waves;
    expect(doc1.published.map((p) => [p.wave_id, p.kind])).toEqual([
      [baseline!.id, "network"],
      [baseline!.id, "results:none"],
      [baseline!.id, "results:organisation"],
      [baseline!.id, "results:sector"],
      [followUp!.id, `compare:${baseline!.id}`],
      [followUp!.id, "network"],
      [followUp!.id, "results:none"],
      [followUp!.id, "results:organisation"],
      [followUp!.id, "results:sector"],
    ]);
    expect(doc1.wave_nominees.length).toBeGreaterThan(0);
    const files = Object.keys(unzipSync(zip1));
    expect(files).toEqual(expect.arrayContaining(["README.txt", "partnership.csv", "people.csv", "register_versions.csv", "audit_log.csv", "registers/commitments.csv", "results/01-baseline-all.csv", "results/02-six-month-follow-up-sector.csv", "network/01-baseline-ties.csv"]));
  });

  it("exports the same bytes twice over the original partnership (deterministic ordering, no time inside)", async () => {
    const again = await buildExport(a.handle.db, partnershipId);
    expect(exportJson(again)).toBe(json1);
    expect(Buffer.from(exportZip(again)).equals(Buffer.from(zip1))).toBe(true);
  });

  it("contains no response rows, answers, link tokens, secrets or password hashes", async () => {
    const zipText = Object.values(unzipSync(zip1)).map((f) => strFromU8(f)).join("\n");
    const db = a.handle.db;
    const responses = await db.selectFrom("wave_responses").select(["id", "nullifier", "idempotency_hash"]).execute();
    const participants = await db.selectFrom("wave_participants").select(["id", "token_hash"]).execute();
    const invitations = await db.selectFrom("invitations").select(["token_hash"]).execute();
    const sessions = await db.selectFrom("sessions").select(["id_hash"]).execute();
    const hashes = await db.selectFrom("users").select("password_hash").where("password_hash", "is not", null).execute();
    const forbidden = [
      "$argon2",
      SUPPRESSED_TEXT,
      linkToken,
      ...responses.flatMap((r) => [r.id, r.nullifier, r.idempotency_hash]),
      ...participants.flatMap((p) => [p.id, p.token_hash]),
      ...invitations.map((i) => i.token_hash),
      ...sessions.map((s) => s.id_hash),
      ...hashes.map((h) => h.password_hash!),
    ];
    expect(responses.length).toBeGreaterThan(20);
    expect(participants.length).toBeGreaterThan(20);
    for (const secret of forbidden) {
      expect(json1.includes(secret), `export JSON contains ${secret}`).toBe(false);
      expect(zipText.includes(secret), `export zip contains ${secret}`).toBe(false);
    }
    for (const key of ['"password_hash"', '"answers"', '"nullifier"', '"token_hash"', '"ratings"']) expect(json1).not.toContain(key);
    // The suppressed free text is in the database, so its absence above means something.
    const answers = await db.selectFrom("wave_responses").select("answers").execute();
    expect(answers.some((r) => r.answers.includes(SUPPRESSED_TEXT))).toBe(true);
  });

  it("guards formula-like cells and restores accounts without passwords, with the instance set up", async () => {
    expect(strFromU8(unzipSync(zip1)["pressure_events.csv"]!)).toContain(",'=Winter pressures,");
    const users = await b.db.selectFrom("users").select(["email", "password_hash"]).execute();
    expect(users.length).toBe(doc1.users.length);
    expect(users.every((u) => u.password_hash === null)).toBe(true);
    expect(await b.db.selectFrom("instance").selectAll().executeTakeFirst()).toMatchObject({ set_up_by: doc1.partnership.created_by });
    expect(await b.db.selectFrom("wave_responses").select("id").execute()).toEqual([]);
    const imported = await b.db.selectFrom("audit_log").selectAll().where("action", "=", "partnership.imported").execute();
    expect(imported).toHaveLength(1);
    expect(imported[0]!.partnership_id).toBeNull();
  });
});
