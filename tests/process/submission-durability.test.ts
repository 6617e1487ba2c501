// Process test: every survey response answered 201 survives kill -9 right after, and is stored exactly once.
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { instrumentItems, latestInstrument } from "../../src/surveys/instruments/registry.ts";
import { api, cleanUp, sessionCookie, startServe, tempDir, type Server } from "./process-helpers.ts";

afterAll(cleanUp);

const ANSWERS = Object.fromEntries(instrumentItems(latestInstrument("pulse")).map((i, n) => [i.key, { value: (n % 5) + 1 }]));

describe("survey submissions across kill -9", () => {
  it("keeps every acknowledged response exactly once", { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    let server: Server = await startServe({ DATA_DIR: dataDir });
    const setup = await api(server, "POST", "/api/v1/setup", { body: { name: "Ada", email: "ada@example.org", password: "a long enough password" } });
    const cookie = sessionCookie(setup);
    const p = (await api(server, "POST", "/api/v1/partnerships", { cookie, body: { name: "Durable", purpose: "" } })).body;
    const base = `/api/v1/partnerships/${p.id}`;
    for (let i = 0; i < 7; i++) await api(server, "POST", `${base}/people`, { cookie, body: { name: `P${i}`, email: `p${i}@example.org`, role: "member" } });
    const wave = (await api(server, "POST", `${base}/waves`, { cookie, body: { name: "Pulse", instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-01-01" } })).body;
    await api(server, "POST", `${base}/waves/${wave.id}/open`, { cookie });
    const links = (await api(server, "POST", `${base}/waves/${wave.id}/links`, { cookie, body: {} })).body.links as Array<{ url: string }>;
    const tokens = links.map((l) => l.url.split("/respond/")[1]!);
    expect(tokens.length).toBe(8);

    const acknowledged: Array<{ token: string; key: string }> = [];
    // Three rounds: submit some responses (in parallel), SIGKILL as soon as the 201s are in, restart.
    for (const batch of [tokens.slice(0, 1), tokens.slice(1, 4), tokens.slice(4, 7)]) {
      const results = await Promise.all(
        batch.map(async (token, i) => {
          const key = `durable-${token.slice(0, 8)}-${i}`;
          const res = await api(server, "POST", `/api/v1/respond/${token}/response`, { body: { answers: ANSWERS }, headers: { "idempotency-key": key } });
          return { token, key, res };
        }),
      );
      server.child.kill("SIGKILL");
      for (const r of results) {
        expect(r.res.status, r.res.text).toBe(201);
        acknowledged.push({ token: r.token, key: r.key });
      }
      await server.exited;
      server = await startServe({ DATA_DIR: dataDir });
    }

    for (const a of acknowledged) {
      const replay = await api(server, "POST", `/api/v1/respond/${a.token}/response`, { body: { answers: ANSWERS }, headers: { "idempotency-key": a.key } });
      expect(replay.status, replay.text).toBe(200);
      expect(replay.body.status).toBe("already_stored");
    }
    server.child.kill("SIGKILL");
    await server.exited;

    const db = new Database(path.join(dataDir, "accord.sqlite"), { readonly: true });
    try {
      const responses = db.prepare("select count(*) as n from wave_responses").get() as { n: number };
      const responded = db.prepare("select count(*) as n from wave_participants where responded = 1").get() as { n: number };
      expect(responses.n).toBe(acknowledged.length);
      expect(responded.n).toBe(acknowledged.length);
    } finally {
      db.close();
    }
  });
});
