// Process test: every write answered 201 survives `kill -9` of the server right after the response (SQLite data folder).
import { afterAll, describe, expect, it } from "vitest";
import { api, cleanUp, sessionCookie, startServe, tempDir, type ApiResponse, type Server } from "./process-helpers.ts";

afterAll(cleanUp);

const ROUNDS = 2; // each round: a partnership and an organisation, each followed by kill -9 and a restart

describe("durability across kill -9", () => {
  it("keeps the first account, its session, partnerships and organisations answered 201", { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    let server: Server = await startServe({ DATA_DIR: dataDir });

    /** Sends a write, and SIGKILLs the server the moment its 201 has arrived; then starts a new one on the same folder. */
    async function writeThenKill(method: string, path: string, body: unknown, cookie?: string): Promise<ApiResponse> {
      const res = await api(server, method, path, { body, ...(cookie ? { cookie } : {}) });
      server.child.kill("SIGKILL"); // no clean shutdown: nothing after the response may be needed for durability
      expect(res.status, res.text).toBe(201);
      await server.exited;
      server = await startServe({ DATA_DIR: dataDir });
      return res;
    }

    const setup = await writeThenKill("POST", "/api/v1/setup", { name: "Ada Convenor", email: "ada@example.org", password: "a long enough password" });
    const cookie = sessionCookie(setup);
    const me = await api(server, "GET", "/api/v1/me", { cookie });
    expect(me.status, me.text).toBe(200);
    expect(me.body).toMatchObject({ email: "ada@example.org", name: "Ada Convenor" });
    expect((await api(server, "GET", "/api/v1/setup")).body).toEqual({ needed: false });

    const partnerships: { id: string; name: string; organisation: { id: string; name: string } }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const name = `Partnership ${round}`;
      const created = await writeThenKill("POST", "/api/v1/partnerships", { name, purpose: `Round ${round}` }, cookie);
      const id = created.body.id as string;
      const got = await api(server, "GET", `/api/v1/partnerships/${id}`, { cookie });
      expect(got.status, got.text).toBe(200);
      expect(got.body).toMatchObject({ id, name, myRole: "convenor" });

      const orgName = `Organisation ${round}`;
      const org = await writeThenKill("POST", `/api/v1/partnerships/${id}/organisations`, { name: orgName, sector: "nhs_trust" }, cookie);
      const orgId = org.body.id as string;
      const gotOrg = await api(server, "GET", `/api/v1/partnerships/${id}/organisations/${orgId}`, { cookie });
      expect(gotOrg.status, gotOrg.text).toBe(200);
      expect(gotOrg.body).toMatchObject({ id: orgId, name: orgName, sector: "nhs_trust" });
      partnerships.push({ id, name, organisation: { id: orgId, name: orgName } });
    }

    // After all the restarts, everything written is still listed, and the audit log recorded each change.
    const list = await api(server, "GET", "/api/v1/partnerships?limit=200", { cookie });
    expect(list.status, list.text).toBe(200);
    expect((list.body.items as { id: string }[]).map((p) => p.id).sort()).toEqual(partnerships.map((p) => p.id).sort());
    for (const p of partnerships) {
      const orgs = await api(server, "GET", `/api/v1/partnerships/${p.id}/organisations`, { cookie });
      expect((orgs.body.items as { id: string }[]).map((o) => o.id)).toEqual([p.organisation.id]);
      const audit = await api(server, "GET", `/api/v1/partnerships/${p.id}/audit`, { cookie });
      expect(audit.status, audit.text).toBe(200);
      expect((audit.body.items as unknown[]).length).toBeGreaterThanOrEqual(2);
    }
    await server.stop();
  });
});
