// Simultaneous submissions share group commits: each link stores exactly one response, every other attempt gets the first answers (same key) or a refusal.
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { instrumentItems, latestInstrument } from "./instruments/registry.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const ITEMS = instrumentItems(latestInstrument("pulse")).map((i) => i.key);
const answersOf = (seed: number) => Object.fromEntries(ITEMS.map((k, i) => [k, { value: 1 + ((seed + i) % 5) }]));

it("stores one response per link however many attempts arrive together, and answers every attempt consistently", async () => {
  const convenor = await ctx.user("Cora");
  const p = (await convenor.client.post("/api/v1/partnerships", { name: "Together", purpose: "" })).body;
  const base = `/api/v1/partnerships/${p.id}`;
  const org = (await convenor.client.post(`${base}/organisations`, { name: "Trust", sector: "nhs_trust" })).body;
  for (let i = 0; i < 8; i++) await convenor.client.post(`${base}/people`, { name: `Person ${i}`, email: `p${i}@example.org`, role: "member", organisationId: org.id });
  let run = 0;
  await fc.assert(
    fc.asyncProperty(
      // per link: the attempts made at once, each with one of two idempotency keys and its own answers
      fc.array(fc.array(fc.record({ key: fc.constantFrom("key-one-aaaa", "key-two-bbbb"), seed: fc.nat(20) }), { minLength: 0, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
      async (plan) => {
        run++;
        const wave = (await convenor.client.post(`${base}/waves`, { name: `Run ${run}`, instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-01-01" })).body;
        await convenor.client.post(`${base}/waves/${wave.id}/open`);
        const links = (await convenor.client.post(`${base}/waves/${wave.id}/links`, {})).body.links as Array<{ url: string }>;
        const tokens = links.map((l) => l.url.split("/respond/")[1]!);
        if (tokens.length < plan.length) throw new Error(`only ${tokens.length} links for ${plan.length} planned`);
        const before = Number((await ctx.handle.db.selectFrom("rate_limits").select("count").where("key", "like", "submit:address:%").executeTakeFirst())?.count ?? 0);

        const attempts = plan.flatMap((list, li) => list.map((a) => ({ ...a, token: tokens[li]!, li })));
        const replies = await Promise.all(
          attempts.map((a) => ctx.anonymous().request("POST", `/api/v1/respond/${a.token}/response`, { answers: answersOf(a.seed) }, { "idempotency-key": a.key })),
        );

        const rows = await ctx.handle.db.selectFrom("wave_responses").select(["answers"]).where("wave_id", "=", wave.id).execute();
        const participants = await ctx.handle.db.selectFrom("wave_participants").select(["token_hash", "responded"]).where("wave_id", "=", wave.id).execute();
        const linksAttempted = plan.filter((l) => l.length > 0).length;
        expect(rows).toHaveLength(linksAttempted);
        expect(participants.filter((x) => Number(x.responded) === 1)).toHaveLength(linksAttempted);

        plan.forEach((_, li) => {
          const mine = attempts.map((a, i) => ({ a, r: replies[i]! })).filter((x) => x.a.li === li);
          if (mine.length === 0) return;
          const winners = mine.filter((x) => x.r.status === 201);
          expect(winners).toHaveLength(1);
          const won = winners[0]!;
          expect(won.r.body.answers).toEqual(answersOf(won.a.seed));
          expect(rows.some((r) => JSON.stringify(JSON.parse(r.answers)) === JSON.stringify(answersOf(won.a.seed)))).toBe(true);
          for (const x of mine) {
            if (x === won) continue;
            if (x.a.key === won.a.key) {
              expect(x.r.status).toBe(200);
              expect(x.r.body.answers).toEqual(won.r.body.answers);
            } else expect(x.r.status).toBe(409);
          }
        });
        const after = Number((await ctx.handle.db.selectFrom("rate_limits").select("count").where("key", "like", "submit:address:%").executeTakeFirst())?.count ?? 0);
        expect(after - before).toBe(attempts.length);
      },
    ),
    { numRuns: 8 },
  );
});
