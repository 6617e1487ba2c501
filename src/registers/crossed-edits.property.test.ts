// Property: however two writers interleave, naming fresh, stale, missing or malformed versions, no stale write is stored and no acknowledged one is lost.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext, type TestResponse } from "../testing/test-app.ts";
import { etagOf } from "./preconditions.ts";

const RUNS = 30;

let ctx: TestContext;
let convenor: TestClient;
let reg = "";
let trust = "";

beforeAll(async () => {
  ctx = await createTestContext();
  convenor = (await ctx.user("Cora")).client;
  const p = (await convenor.post("/api/v1/partnerships", { name: "Interleavings", purpose: "" })).body;
  reg = `/api/v1/partnerships/${p.id}/registers`;
  trust = (await convenor.post(`/api/v1/partnerships/${p.id}/organisations`, { name: "Riverside Trust", sector: "nhs_trust" })).body.id;
});
afterAll(async () => {
  await ctx.close();
});

/**
 * How a writer names the version it changed. "fresh…" name the version stored when the step starts; "stale" an older
 * one (or, on a first version, one the step cannot reach); "weak" the current one as a weak tag; "disagree" a fresh If-Match
 * with a stale body version.
 */
const HOWS = ["fresh", "freshBody", "freshBoth", "stale", "staleBody", "missing", "star", "weak", "disagree"] as const;
type How = (typeof HOWS)[number];
const FRESH: ReadonlySet<How> = new Set(["fresh", "freshBody", "freshBoth"]);

/** What a writer that cannot win must get, whatever else happens in the step. */
const REFUSAL: Record<Exclude<How, "fresh" | "freshBody" | "freshBoth">, number> = { stale: 412, staleBody: 409, missing: 428, star: 428, weak: 412, disagree: 412 };

const writerArb = fc.record({ how: fc.constantFrom(...HOWS), back: fc.integer({ min: 1, max: 4 }) });
const stepArb = fc.array(writerArb, { minLength: 1, maxLength: 2 });

function send(id: string, how: How, current: number, back: number, note: string): Promise<TestResponse> {
  // A version that is not the stored one, before or after this step: an older one, or (on version 1) one beyond what the
  // step can reach, since the other writer's success makes current + 1 the stored version and a tag naming it would rightly win.
  const older = current - back >= 1 ? current - back : current + 1 + back;
  const path = `${reg}/commitments/${id}`;
  switch (how) {
    case "fresh":
      return convenor.patch(path, { note }, { "if-match": etagOf(current) });
    case "freshBody":
      return convenor.patch(path, { note, version: current });
    case "freshBoth":
      return convenor.patch(path, { note, version: current }, { "if-match": etagOf(current) });
    case "stale":
      return convenor.patch(path, { note }, { "if-match": etagOf(older) });
    case "staleBody":
      return convenor.patch(path, { note, version: older });
    case "missing":
      return convenor.patch(path, { note });
    case "star":
      return convenor.patch(path, { note }, { "if-match": "*" });
    case "weak":
      return convenor.patch(path, { note }, { "if-match": `W/${etagOf(current)}` });
    case "disagree":
      return convenor.patch(path, { note, version: older }, { "if-match": etagOf(current) });
  }
}

describe("two writers, any interleaving", () => {
  it("never store a write made from a version other than the stored one, and never lose one answered 200", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 6 }), async (steps) => {
        run++;
        const made = await convenor.post(`${reg}/commitments`, { title: `Interleaving ${run}`, organisationId: trust, dueOn: "2026-01-10" });
        expect(made.headers.get("etag")).toBe('"1"');
        const id: string = made.body.id;
        let version = 1;
        /** Every acknowledged write: the note it set and the version it was answered with. */
        const acked: Array<{ note: string; version: number }> = [{ note: "", version: 1 }];
        for (const [s, writers] of steps.entries()) {
          const notes = writers.map((_, w) => `run ${run} step ${s} writer ${w}`);
          // Both writers of a step start from the same stored version and are sent together.
          const results = await Promise.all(writers.map((wr, w) => send(id, wr.how, version, wr.back, notes[w]!)));
          const what = `step ${s} from version ${version}: ${writers.map((wr, w) => `${wr.how} → ${results[w]!.status} ${results[w]!.text.slice(0, 160)}`).join(" | ")}`;
          const fresh = writers.flatMap((wr, w) => (FRESH.has(wr.how) ? [w] : []));
          const won = results.flatMap((r, w) => (r.status === 200 ? [w] : []));
          // Only a writer naming the stored version may win, and exactly one of those does.
          expect(won.every((w) => fresh.includes(w)), what).toBe(true);
          expect(won.length, what).toBe(fresh.length > 0 ? 1 : 0);
          for (const [w, wr] of writers.entries()) {
            const r = results[w]!;
            if (won.includes(w)) continue;
            // A fresh writer that lost the race is told in the terms it used; the others get their own refusal.
            const expected = FRESH.has(wr.how) ? (wr.how === "freshBody" ? 409 : 412) : REFUSAL[wr.how as keyof typeof REFUSAL];
            expect(r.status, what).toBe(expected);
            expect(r.headers.get("etag"), what).toBeNull();
          }
          if (won.length === 1) {
            const r = results[won[0]!]!;
            version++;
            expect([r.body.version, r.headers.get("etag"), r.body.data.note], what).toEqual([version, etagOf(version), notes[won[0]!]]);
            acked.push({ note: notes[won[0]!]!, version });
          }
          const now = await convenor.get(`${reg}/commitments/${id}`);
          expect([now.headers.get("etag"), now.body.data.note ?? ""], what).toEqual([etagOf(version), acked.at(-1)!.note]);
        }
        // The history holds every acknowledged write, at the version it was answered with, and nothing else.
        const history = (await convenor.get(`${reg}/commitments/${id}/history`)).body.items as Array<{ version: number; data: { note: string | null } }>;
        expect(history.map((h) => ({ note: h.data.note ?? "", version: h.version }))).toEqual(acked);
      }),
      { numRuns: RUNS },
    );
  });
});
