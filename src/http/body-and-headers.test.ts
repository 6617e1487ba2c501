// Through a real Node server: bodies read straight from the request (limits, malformed JSON, UTF-8) and the security headers on every kind of response.
import net, { type AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { MAX_BODY_BYTES } from "./app.ts";
import { SECURITY_HEADERS } from "./middleware.ts";

let ctx: TestContext;
let server: ServerType;
let base: string;
beforeAll(async () => {
  ctx = await createTestContext();
  server = serve({ fetch: ctx.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await ctx.close();
});

const post = (path: string, body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers }, duplex: "half" } as RequestInit);

describe("request bodies", () => {
  it("reads a JSON body, non-ASCII and a byte-order mark included", async () => {
    const { email, password } = await ctx.user("Zoë", "zoe@example.org");
    expect((await post("/api/v1/auth/sign-in", "\uFEFF" + JSON.stringify({ email, password }))).status).toBe(200);
    expect((await post("/api/v1/auth/sign-in", JSON.stringify({ email, password: `${password} — ünïcode ✓` }))).status).toBe(401);
  });

  it("refuses a body over the limit by its Content-Length with 413", async () => {
    const res = await post("/api/v1/auth/sign-in", "x".repeat(MAX_BODY_BYTES + 1));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe("payload_too_large");
  });

  it("refuses a streamed body (no Content-Length) once it passes the limit, with 413", async () => {
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 6) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await post("/api/v1/auth/sign-in", stream);
    expect(res.status).toBe(413);
  });

  it("lets go of a request whose client leaves half-way through the body, and keeps serving", async () => {
    const { port } = server.address() as AddressInfo;
    const socket = net.connect(port, "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    socket.write(`POST /api/v1/auth/sign-in HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"email":"a`);
    await new Promise((r) => setTimeout(r, 50));
    socket.destroy();
    await new Promise((r) => setTimeout(r, 50));
    // Nothing was left waiting on the abandoned body: the server still answers, and a whole body still works.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await post("/api/v1/auth/sign-in", JSON.stringify({ email: "nobody@example.org", password: "not the password" }))).status).toBe(401);
  });

  it("answers malformed JSON with 400, and the server keeps serving", async () => {
    const res = await post("/api/v1/auth/sign-in", '{"email":');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe("bad_request");
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe("security headers", () => {
  const cases: Array<[string, () => Promise<Response>]> = [
    ["health check", () => fetch(`${base}/healthz`)],
    ["API JSON", () => fetch(`${base}/api/v1/openapi.json`)],
    ["problem+json", () => fetch(`${base}/api/v1/respond/not-a-link`)],
    ["not found outside the API", () => fetch(`${base}/no/such/page.txt`)],
    ["docs page", () => fetch(`${base}/api/docs`)],
    ["refused body", () => post("/api/v1/auth/sign-in", "x".repeat(MAX_BODY_BYTES + 1))],
  ];
  it.each(cases)("are all on the %s response, with a request id", async (_, call) => {
    const res = await call();
    for (const [name, value] of SECURITY_HEADERS) expect(res.headers.get(name), name).toBe(value);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("marks API answers as not to be stored by caches, refusals included", async () => {
    expect((await fetch(`${base}/api/v1/respond/not-a-link`)).headers.get("cache-control")).toBe("no-store");
    const refused = await fetch(`${base}/api/v1/partnerships`, { method: "POST", headers: { "content-type": "application/json", origin: "https://elsewhere.example" }, body: "{}" });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("cache-control")).toBe("no-store");
  });
});
