// The OpenAPI document is generated from the request schemas and covers every /api/v1 route; the docs page is served locally.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/test-app.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe("OpenAPI", () => {
  it("is version 3.1 and documents every API route the router serves", async () => {
    const res = await ctx.anonymous().get("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(res.body.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`);
    }
    const served = ctx.app.routes
      .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/v1/") && r.path !== "/api/v1/openapi.json")
      .map((r) => `${r.method} ${r.path}`);
    expect(served.length).toBeGreaterThan(15);
    for (const route of served) expect(documented, route).toContain(route);
  });

  it("carries the validation rules of the request schemas", async () => {
    const doc = (await ctx.anonymous().get("/api/v1/openapi.json")).body;
    const org = doc.components.schemas.CreateOrganisationBody;
    expect(org.additionalProperties).toBe(false);
    expect(org.required).toEqual(expect.arrayContaining(["name", "sector"]));
    expect(doc.components.schemas.Sector.enum).toContain("voluntary_community");
    expect(doc.components.schemas.SetupBody.properties.password.minLength).toBe(10);
    expect(doc.components.securitySchemes.bearerAuth.scheme).toBe("bearer");
  });

  it("serves Swagger UI from this server, with no third-party scripts", async () => {
    const page = await ctx.anonymous().get("/api/docs/");
    expect(page.status).toBe(200);
    expect(page.text).toContain("/api/docs/swagger-ui-bundle.js");
    expect(page.text).not.toMatch(/https?:\/\//);
    const bundle = await ctx.app.request("http://localhost/api/docs/swagger-ui-bundle.js");
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("content-type")).toContain("javascript");
  });
});
