// The demo partnership is created through the real use cases: its creator convenes it, and it is audited.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { DEMO_ORGANISATIONS, DEMO_PEOPLE } from "./demo-data.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

describe("demo partnership", () => {
  it("creates organisations and people, twice without clashing", async () => {
    const me = await ctx.user("Demo Viewer");
    const first = await me.client.post("/api/v1/demo");
    expect(first.status).toBe(201);
    expect(first.body.myRole).toBe("convenor");
    const orgs = await me.client.get(`/api/v1/partnerships/${first.body.id}/organisations`);
    expect(orgs.body.items).toHaveLength(DEMO_ORGANISATIONS.length);
    const people = await me.client.get(`/api/v1/partnerships/${first.body.id}/people`);
    expect(people.body.items).toHaveLength(DEMO_PEOPLE.length + 1);
    expect(people.body.items.every((p: { email: string }) => p.email === me.email || p.email.endsWith("@demo.example.org"))).toBe(true);
    const second = await me.client.post("/api/v1/demo");
    expect(second.status).toBe(201);
    expect((await me.client.get("/api/v1/partnerships")).body.items).toHaveLength(2);
    const audit = await me.client.get(`/api/v1/partnerships/${first.body.id}/audit?limit=200`);
    expect(audit.body.items.length).toBe(1 + 1 + DEMO_ORGANISATIONS.length + DEMO_PEOPLE.length);
  });
});
