// The per-account limits on expensive routes: of many parallel requests exactly `max` are served, the rest get 429 with Retry-After and the limit in words; other accounts keep their own budget.
import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../config/config.ts";
import { createTestContext, type TestContext, type TestResponse } from "../testing/test-app.ts";
import { describeLimit, DEMO_QUOTA, EXPENSIVE_LIMITS, windowInWords, type ExpensiveLimit } from "./expensive-limits.ts";
import { limitAccount } from "./limit-account.ts";

// Time stands still three minutes into a ten-minute window (and into an hour), so the windows cannot turn mid-test
// and Retry-After is known exactly.
const NOW = new Date("2026-03-02T10:03:00.000Z");
const SECONDS_LEFT = (l: ExpensiveLimit) => l.windowSeconds - 180;

let ctx: TestContext;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  ctx = await createTestContext({ expensiveLimits: true });
});
afterEach(async () => {
  await ctx.close();
  vi.useRealTimers();
});

/** A signed-in convenor of a partnership of their own with one organisation. */
async function convenor(name: string) {
  const u = await ctx.user(name);
  const p = await u.client.post("/api/v1/partnerships", { name: `${name}'s partnership`, purpose: "Trying the limits" });
  expect(p.status).toBe(201);
  const base = `/api/v1/partnerships/${p.body.id}`;
  expect((await u.client.post(`${base}/organisations`, { name: "Riverside Trust", sector: "nhs_trust" })).status).toBe(201);
  return { ...u, base };
}

const count = (rs: TestResponse[], status: number) => rs.filter((r) => r.status === status).length;

function expectRefused(rs: TestResponse[], l: ExpensiveLimit): void {
  expect(rs.length).toBeGreaterThan(0);
  for (const r of rs) {
    expect(r.status).toBe(429);
    expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(r.headers.get("retry-after")).toBe(String(SECONDS_LEFT(l)));
    expect(r.body.code).toBe("rate_limited");
    expect(r.body.detail).toContain(describeLimit(l));
  }
}

const BAD_CSV = "title,organisationId,dueOn\nA promise,Nowhere Ltd,2026-01-01\n";
const importCsv = (c: { client: { request: (m: string, p: string, b?: unknown, h?: Record<string, string>) => Promise<TestResponse> } }, base: string) =>
  c.client.request("POST", `${base}/registers/commitments/import`, BAD_CSV, { "content-type": "text/csv" });

describe("per-account limits on expensive routes", () => {
  it("register CSV imports: of max + 20 at once exactly max are checked (422: a bad file), the rest 429; another account is unaffected", async () => {
    const l = EXPENSIVE_LIMITS.registerImport;
    const ada = await convenor("Ada");
    const all = await Promise.all(Array.from({ length: l.max + 20 }, () => importCsv(ada, ada.base)));
    expect(count(all, 422)).toBe(l.max);
    expectRefused(all.filter((r) => r.status !== 422), l);
    expect(all.filter((r) => r.status === 429)).toHaveLength(20);
    // Another account has its own budget, and Ada's stays spent.
    const bea = await convenor("Bea");
    expect((await importCsv(bea, bea.base)).status).toBe(422);
    expectRefused([await importCsv(ada, ada.base)], l);
  });

  it("register CSV downloads: of max + 20 at once exactly max are made; another account is unaffected", async () => {
    const l = EXPENSIVE_LIMITS.registerExport;
    const ada = await convenor("Ada");
    const all = await Promise.all(Array.from({ length: l.max + 20 }, () => ada.client.get(`${ada.base}/registers/commitments.csv`)));
    expect(count(all, 200)).toBe(l.max);
    expectRefused(all.filter((r) => r.status !== 200), l);
    expectRefused([await ada.client.get(`${ada.base}/registers/risks.csv`)], l);
    const bea = await convenor("Bea");
    expect((await bea.client.get(`${bea.base}/registers/risks.csv`)).status).toBe(200);
  });

  it("board reports: HTML and PDF share one budget; of max + 20 at once exactly max are made", async () => {
    const l = EXPENSIVE_LIMITS.report;
    const ada = await convenor("Ada");
    const all = await Promise.all(Array.from({ length: l.max + 20 }, () => ada.client.get(`${ada.base}/report.html`)));
    expect(count(all, 200)).toBe(l.max);
    expectRefused(all.filter((r) => r.status !== 200), l);
    expectRefused([await ada.client.get(`${ada.base}/report.pdf`)], l);
    const bea = await convenor("Bea");
    const pdf = await bea.client.get(`${bea.base}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.text.startsWith("%PDF-")).toBe(true);
  });

  it("partnership exports: JSON and zip share one budget; of max + 20 at once exactly max are made", async () => {
    const l = EXPENSIVE_LIMITS.export;
    const ada = await convenor("Ada");
    const all = await Promise.all(Array.from({ length: l.max + 20 }, () => ada.client.get(`${ada.base}/export.json`)));
    expect(count(all, 200)).toBe(l.max);
    expectRefused(all.filter((r) => r.status !== 200), l);
    expectRefused([await ada.client.get(`${ada.base}/export.zip`)], l);
    const bea = await convenor("Bea");
    expect((await bea.client.get(`${bea.base}/export.zip`)).status).toBe(200);
  });

  it("gives the budget back when the window ends, and never counts anonymous callers", async () => {
    const l = EXPENSIVE_LIMITS.registerImport;
    const ada = await convenor("Ada");
    for (let i = 0; i < l.max; i++) await limitAccount(ctx.handle.db, ada.userId, "registerImport");
    expectRefused([await importCsv(ada, ada.base)], l);
    vi.setSystemTime(new Date(Date.parse("2026-03-02T10:00:00.000Z") + l.windowSeconds * 1000));
    expect((await importCsv(ada, ada.base)).status).toBe(422);
    const before = await ctx.handle.db.selectFrom("rate_limits").select("key").execute();
    const anonymous = ctx.anonymous();
    expect((await anonymous.get(`${ada.base}/report.html`)).status).toBe(401);
    expect((await anonymous.request("POST", `${ada.base}/registers/commitments/import`, BAD_CSV, { "content-type": "text/csv" })).status).toBe(401);
    expect(await ctx.handle.db.selectFrom("rate_limits").select("key").execute()).toEqual(before);
  });

  it("are on unless EXPENSIVE_LIMITS=off, which serves every request", async () => {
    expect(loadConfig({}).expensiveLimits).toBe(true);
    expect(loadConfig({ EXPENSIVE_LIMITS: "off" }).expensiveLimits).toBe(false);
    expect(() => loadConfig({ EXPENSIVE_LIMITS: "no" })).toThrow(/EXPENSIVE_LIMITS must be on or off/);
    const off = await createTestContext({ expensiveLimits: false });
    try {
      const u = await off.user("Cy");
      const p = await u.client.post("/api/v1/partnerships", { name: "Unlimited", purpose: "Limits off" });
      const base = `/api/v1/partnerships/${p.body.id}`;
      const all = await Promise.all(Array.from({ length: EXPENSIVE_LIMITS.registerImport.max + 5 }, () => u.client.request("POST", `${base}/registers/commitments/import`, BAD_CSV, { "content-type": "text/csv" })));
      expect(count(all, 422)).toBe(all.length);
    } finally {
      await off.close();
    }
  });
});

describe("the README's Limits section", () => {
  it("states every limit as declared", () => {
    const readme = fs.readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("\n## Limits\n"), readme.indexOf("\n## ", readme.indexOf("\n## Limits\n") + 1));
    expect(section.length).toBeGreaterThan(100);
    for (const l of Object.values(EXPENSIVE_LIMITS)) {
      const row = section.split("\n").find((line) => l.routes.every((r) => line.includes(r.split(" ")[0]!) && line.includes(r.slice(r.lastIndexOf("/")))));
      expect(row, l.what).toBeDefined();
      expect(row, l.what).toContain(`| ${l.max} per ${windowInWords(l.windowSeconds)}`);
    }
    expect(section).toContain(`at most ${DEMO_QUOTA} live demo partnerships`);
  });
});
