/** CLI commands for accounts: `user create`, `user password`, `user disable`, `token create`. */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { z } from "zod";
import { createApiToken } from "../accounts/api-tokens.ts";
import { EmailSchema, NameSchema } from "../accounts/contracts.ts";
import { PasswordSchema } from "../accounts/passwords.ts";
import { disableUser } from "../accounts/disable-user.ts";
import { setPassword } from "../accounts/set-password.ts";
import { createUserWithPassword, findUserByEmail } from "../accounts/users.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors/app-error.ts";
import { validationError } from "../http/problem.ts";
import { withDatabase } from "../server/open-database.ts";


function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(r.error, what);
  return r.data;
}

function readPassword(opts: { password?: string; passwordStdin?: boolean }): string {
  if (opts.passwordStdin) return readFileSync(0, "utf8").replace(/\r?\n$/, "");
  if (opts.password) return opts.password;
  const fromEnv = process.env["ACCORD_PASSWORD"];
  if (fromEnv) return fromEnv;
  throw new AppError("validation_failed", "Give a password with --password-stdin (safest), --password, or ACCORD_PASSWORD.");
}

export function registerAccountCommands(program: Command): void {
  const user = program.command("user").description("manage user accounts");
  user
    .command("create")
    .description("create an account that can sign in")
    .requiredOption("--email <email>", "the person's email")
    .requiredOption("--name <name>", "the person's name")
    .option("--password <password>", "password (visible in shell history; prefer --password-stdin)")
    .option("--password-stdin", "read the password from standard input")
    .action(async (opts: { email: string; name: string; password?: string; passwordStdin?: boolean }) => {
      const input = parse(z.object({ email: EmailSchema, name: NameSchema, password: PasswordSchema }), { ...opts, password: readPassword(opts) }, "input");
      await withDatabase(async ({ db }) => {
        const row = await createUserWithPassword(db, input);
        await recordAudit(db, { partnershipId: null, actorUserId: null, action: "user.created", entityType: "user", entityId: row.id, summary: `Created the account ${row.email} from the command line` });
        console.log(`Created ${row.name} <${row.email}> (${row.id}).`);
      });
    });
  user
    .command("password")
    .description("set an account's password and end its sessions (accounts restored by `accord import` have none)")
    .requiredOption("--email <email>", "the person's email")
    .option("--password <password>", "password (visible in shell history; prefer --password-stdin)")
    .option("--password-stdin", "read the password from standard input")
    .action(async (opts: { email: string; password?: string; passwordStdin?: boolean }) => {
      const input = parse(z.object({ email: EmailSchema, password: PasswordSchema }), { email: opts.email, password: readPassword(opts) }, "input");
      await withDatabase(async ({ db }) => {
        const row = await setPassword(db, input.email, input.password);
        console.log(`${row.hadPassword ? "Changed" : "Set"} the password of ${row.name} <${row.email}>; their sessions are ended.`);
        if (row.disabled) console.error("This account is disabled, so it still cannot sign in.");
      });
    });
  user
    .command("disable")
    .description("disable an account and end its sessions")
    .requiredOption("--email <email>", "the person's email")
    .action(async (opts: { email: string }) => {
      await withDatabase(async ({ db }) => {
        const row = await disableUser(db, opts.email);
        console.log(`Disabled ${row.email}; their sessions are ended.`);
      });
    });

  program
    .command("token")
    .description("manage API tokens")
    .command("create")
    .description("create a personal API token for a user and print it once")
    .requiredOption("--email <email>", "whose token")
    .option("--name <name>", "what the token is for", "command line")
    .action(async (opts: { email: string; name: string }) => {
      await withDatabase(async ({ db }) => {
        const row = await findUserByEmail(db, opts.email);
        if (!row || row.disabled_at) throw new AppError("not_found", `No active account with the email ${opts.email}. Create one with \`accord user create\`.`);
        const token = await createApiToken(db, row.id, opts.name);
        console.log(token.token);
        console.error(`Token “${opts.name}” for ${row.email}. Send it as Authorization: Bearer <token>. It is not shown again.`);
      });
    });
}
