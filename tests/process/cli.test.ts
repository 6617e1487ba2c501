// Process test: the `accord` command line as an operator uses it (help, migrate, user create, token create, errors).
import { afterAll, describe, expect, it } from "vitest";
import { api, cleanUp, runCli, startServe, tempDir, type CliResult } from "./process-helpers.ts";

afterAll(cleanUp);

/** A clear failure: exit code 1, something said on stderr, and no stack trace. */
function expectCleanFailure(res: CliResult, message: RegExp): void {
  expect(res.code, `stdout: ${res.stdout}\nstderr: ${res.stderr}`).toBe(1);
  expect(res.stderr).toMatch(message);
  expect(res.stderr).not.toMatch(/\n\s+at \S/);
  expect(res.stderr).not.toMatch(/node:internal|\.ts:\d+/);
}

describe.concurrent("accord CLI", { timeout: 60_000 }, () => {
  it("--help lists the commands", async () => {
    const res = await runCli(["--help"], { DATA_DIR: tempDir() });
    expect(res.code).toBe(0);
    for (const command of ["serve", "migrate", "user", "token"]) expect(res.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
  });

  it("an unknown command fails with a pointer to the help", async () => {
    const res = await runCli(["frobnicate"], { DATA_DIR: tempDir() });
    expect(res.code).not.toBe(0);
    expect(res.code).not.toBeNull();
    expect(res.stderr).toContain("unknown command 'frobnicate'");
    expect(res.stderr).toContain("--help");
  });

  it("a malformed DATABASE_URL is a clear configuration error", async () => {
    const res = await runCli(["migrate"], { DATA_DIR: tempDir(), DATABASE_URL: "garbage" });
    expectCleanFailure(res, /Invalid configuration[\s\S]*DATABASE_URL/);
  });

  it("user create refuses an invalid email clearly", async () => {
    const res = await runCli(["user", "create", "--email", "not-an-email", "--name", "X", "--password-stdin"], { DATA_DIR: tempDir() }, "a long enough password\n");
    expectCleanFailure(res, /email/i);
  });

  it("migrate, user create, token create on a fresh data folder; the token then authenticates against a server", { timeout: 180_000 }, async () => {
    const env = { DATA_DIR: tempDir() };

    const first = await runCli(["migrate"], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Applied: 0001-foundation/);
    const again = await runCli(["migrate"], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/up to date/i);

    const email = "operator@example.org";
    const created = await runCli(["user", "create", "--email", email, "--name", "Olu Operator", "--password-stdin"], env, "a long enough password\n");
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(email);
    expect(created.stdout + created.stderr).not.toContain("a long enough password");

    // One command at a time: each takes the data folder lock while it runs.
    const duplicate = await runCli(["user", "create", "--email", email, "--name", "Someone Else", "--password-stdin"], env, "another long password\n");
    expectCleanFailure(duplicate, /already/i);
    expect(duplicate.stderr).toContain(email);

    const token = await runCli(["token", "create", "--email", email, "--name", "ci"], env);
    expect(token.code, token.stderr).toBe(0);
    const secret = token.stdout.trim();
    expect(secret).toMatch(/^\S+$/); // stdout holds the token alone, so `$(accord token create …)` works
    expect(token.stderr).toContain("Authorization: Bearer");

    // The data folder is locked while serving, so the server starts after the CLI is done with it.
    const server = await startServe(env);
    const me = await api(server, "GET", "/api/v1/me", { bearer: secret });
    expect(me.status, me.text).toBe(200);
    expect(me.body).toMatchObject({ email, name: "Olu Operator" });
    const wrong = await api(server, "GET", "/api/v1/me", { bearer: `${secret}x` });
    expect(wrong.status).toBe(401);
    await server.stop();
  });
});
