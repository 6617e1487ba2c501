// Process test: the operator's programme commands through the real `accord` CLI (create, leads add / remove, delete with and without --confirm, list).
import { afterAll, describe, expect, it } from "vitest";
import { cleanUp, runCli, tempDir, type CliResult } from "./process-helpers.ts";

afterAll(cleanUp);

function expectOk(res: CliResult): string {
  expect(res.code, `stdout: ${res.stdout}\nstderr: ${res.stderr}`).toBe(0);
  return res.stdout;
}

/** A clear failure: exit code 1, the message on stderr, no stack trace. */
function expectRefused(res: CliResult, message: RegExp): void {
  expect(res.code, `stdout: ${res.stdout}\nstderr: ${res.stderr}`).toBe(1);
  expect(res.stderr).toMatch(message);
  expect(res.stderr).not.toMatch(/\n\s+at \S/);
}

describe("accord programme", () => {
  it("adds and removes leads (never the last), deletes only with --confirm, and the programme is then gone", { timeout: 300_000 }, async () => {
    const env = { DATA_DIR: tempDir() };
    for (const [email, name] of [["lena@example.org", "Lena Lead"], ["olu@example.org", "Olu Other"]] as const) {
      expectOk(await runCli(["user", "create", "--email", email, "--name", name, "--password-stdin"], env, "a long enough password\n"));
    }
    const created = expectOk(await runCli(["programme", "create", "--name", "North ICS", "--lead", "lena@example.org"], env));
    const id = /\(([0-9a-f-]{36})\)/.exec(created)?.[1] ?? "";
    expect(id).not.toBe("");

    expect(expectOk(await runCli(["programme", "leads", "add", "North ICS", "--email", "olu@example.org"], env))).toContain("olu@example.org now leads the programme “North ICS”");
    expect(expectOk(await runCli(["programme", "leads", "remove", id, "--email", "olu@example.org"], env))).toContain("olu@example.org no longer leads the programme “North ICS”");
    expectRefused(await runCli(["programme", "leads", "remove", "North ICS", "--email", "lena@example.org"], env), /only lead with an active account/);

    expectRefused(await runCli(["programme", "delete", "North ICS"], env), /would delete the programme “North ICS”.*Nothing was changed; run again with --confirm/);
    expect(expectOk(await runCli(["programme", "list"], env))).toContain("North ICS");
    expect(expectOk(await runCli(["programme", "delete", "North ICS", "--confirm"], env))).toContain(`Deleted the programme “North ICS” (${id}); no partnership was sharing with it.`);
    expect(expectOk(await runCli(["programme", "list"], env))).toContain("No programmes yet.");
    expectRefused(await runCli(["programme", "delete", id, "--confirm"], env), /No programme has the id or name/);
  });
});
