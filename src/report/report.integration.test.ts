// The board report over the demo partnership, through the real health service, network view, routes and the operator path the CLI uses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../accounts/sessions.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-app.ts";
import { networkChart } from "./charts/index.ts";
import { operatorReport } from "./operator-report.ts";
import { SECTION_TITLES } from "./report-content.ts";
import { buildReportModel } from "./report-model.ts";
import { pdfPageCount } from "./report-pdf.ts";

let ctx: TestContext;
let convenor: { client: TestClient; userId: string; email: string };
let viewer: { client: TestClient; userId: string; email: string };
let partnership: { id: string; name: string };

beforeAll(async () => {
  ctx = await createTestContext();
  convenor = await ctx.user("Report Convenor");
  const demo = await convenor.client.post("/api/v1/demo");
  expect(demo.status).toBe(201);
  partnership = { id: demo.body.id, name: demo.body.name };
  viewer = await ctx.user("Report Viewer");
  const added = await ctx.addMember(convenor.client, partnership.id, { name: "Report Viewer", email: viewer.email, role: "viewer" }, viewer.client);
  expect(added.status).toBe(201);
}, 120_000);
afterAll(async () => {
  await ctx?.close();
});

describe("board report routes", () => {
  const base = () => `/api/v1/partnerships/${partnership.id}`;

  it("gives a viewer the HTML report with every section, summary first", async () => {
    const res = await viewer.client.get(`${base()}/report.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("content-disposition")).toMatch(/^inline; filename="accord-[A-Za-z0-9-]+-report-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.html"$/);
    // The app's CSP already allows what the report needs (inline styles, data: images) and no scripts from elsewhere.
    expect(res.headers.get("content-security-policy")).toMatch(/style-src[^;]*'unsafe-inline'/);
    const headings = [...res.text.matchAll(/<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(Object.values(SECTION_TITLES));
    expect(res.text).not.toMatch(/<script/i);
  });

  it("gives a viewer the PDF for a chosen period", async () => {
    const res = await ctx.app.request(`http://localhost${base()}/report.pdf?from=2025-01-01&to=2025-12-31`, { headers: { cookie: `${SESSION_COOKIE}=${viewer.client.cookie}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="accord-[A-Za-z0-9-]+-report-2025-01-01-to-2025-12-31\.pdf"$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdfPageCount(bytes)).toBeGreaterThanOrEqual(3);
  });

  it("hides the partnership from outsiders and refuses a bad period", async () => {
    const outsider = await ctx.user("Report Outsider");
    expect((await outsider.client.get(`${base()}/report.html`)).status).toBe(404);
    expect((await outsider.client.get(`${base()}/report.pdf`)).status).toBe(404);
    expect((await ctx.anonymous().get(`${base()}/report.pdf`)).status).toBe(401);
    const bad = await viewer.client.get(`${base()}/report.pdf?from=2025-13-40`);
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect((await viewer.client.get(`${base()}/report.html?from=2026-02-01&to=2026-01-01`)).status).toBe(422);
  });
});

describe("board report model and operator path", () => {
  it("builds the model through getHealth and draws only released ties of the latest network wave", async () => {
    const actor = { userId: viewer.userId, name: "Report Viewer", email: viewer.email, via: "session" as const };
    const model = await buildReportModel(ctx.handle.db, actor, partnership.id, { asOf: "2026-06-30" });
    expect(model.partnership.id).toBe(partnership.id);
    expect(model.generatedOn).toBe("2026-06-30");
    expect(model.health.perceived.trend.length).toBeGreaterThan(0);
    const latest = model.health.perceived.network[model.health.perceived.network.length - 1];
    expect(model.network?.wave.id).toBe(latest?.waveId);
    const drawing = networkChart({ waveName: model.network!.wave.name, organisations: model.network!.organisations, ties: model.network!.ties, received: new Map() });
    expect(drawing.items.filter((p) => p.kind === "polygon")).toHaveLength(model.network!.ties.filter((t) => t.status === "released").length);
  });

  it("writes the PDF as the earliest-added live convenor, by name or id, and the same bytes twice", async () => {
    const steps: string[] = [];
    const a = await operatorReport(ctx.handle.db, { partnership: partnership.name, format: "pdf", asOf: "2026-06-30", progress: (m) => steps.push(m) });
    expect(a.convenor.email).toBe(convenor.email);
    expect(a.pages).toBeGreaterThanOrEqual(3);
    expect(a.pages).toBe(pdfPageCount(a.bytes));
    expect(steps.length).toBeGreaterThanOrEqual(2);
    const b = await operatorReport(ctx.handle.db, { partnership: partnership.id, format: "pdf", asOf: "2026-06-30" });
    expect(b.bytes.equals(a.bytes)).toBe(true);
    const html = await operatorReport(ctx.handle.db, { partnership: partnership.id, format: "html", asOf: "2026-06-30" });
    expect(html.pages).toBeNull();
    expect(html.bytes.toString("utf8")).toContain("<!doctype html>");
  });

  it("explains unknown partnerships and bad periods in plain words", async () => {
    await expect(operatorReport(ctx.handle.db, { partnership: "No such partnership", format: "pdf" })).rejects.toThrow(/No partnership has the id or exact name/);
    await expect(operatorReport(ctx.handle.db, { partnership: partnership.id, format: "pdf", from: "2026-02-30x" })).rejects.toMatchObject({ fields: [{ path: "--from" }] });
    await expect(operatorReport(ctx.handle.db, { partnership: partnership.id, format: "pdf", from: "2026-03-01", to: "2026-02-01" })).rejects.toMatchObject({ fields: [{ path: "--to" }] });
  });
});
