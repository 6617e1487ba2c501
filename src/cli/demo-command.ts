/** CLI command `accord demo`: creates a demo partnership (with published survey waves), showing progress and how to sign in. */
import type { Command } from "commander";
import { findUserByEmail } from "../accounts/users.ts";
import { loadConfig } from "../config/config.ts";
import { createDemoAccount } from "../demo/create-demo-account.ts";
import { createDemoPartnership } from "../demo/create-demo-partnership.ts";
import { markDemo } from "../demo/demo-quota.ts";
import { AppError } from "../errors/app-error.ts";
import { openDatabase } from "../server/open-database.ts";

export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description("create a demo partnership (invented organisations, people and two published survey waves)")
    .option("--email <email>", "an existing account to convene it; without one, a demo account is created and its sign-in printed")
    .action(async (opts: { email?: string }) => {
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        let actor: { userId: string; name: string; email: string; via: "session" };
        let password: string | undefined;
        if (opts.email) {
          const user = await findUserByEmail(database.db, opts.email);
          if (!user || user.disabled_at) throw new AppError("not_found", `No active account with the email ${opts.email}. Leave out --email to create a demo account.`);
          actor = { userId: user.id, name: user.name, email: user.email, via: "session" };
        } else {
          const account = await createDemoAccount(database.db);
          actor = { userId: account.userId, name: account.name, email: account.email, via: "session" };
          password = account.password;
        }
        const p = await createDemoPartnership(database.db, actor, (done, total, label) => {
          if (process.stderr.isTTY) process.stderr.write(`\r[${"#".repeat(Math.round((done / total) * 20)).padEnd(20)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`);
          else if (done === total || done % 10 === 0) process.stderr.write(`${done}/${total} ${label}\n`);
        });
        // Marked like the web route's demos, so it counts towards the account's demo quota (the operator is not limited).
        await markDemo(database.db, actor, p.id, false);
        if (process.stderr.isTTY) process.stderr.write("\n");
        console.log(`Created “${p.name}”, convened by ${actor.email}.`);
        const url = config.publicUrl ?? `http://localhost:${config.port}`;
        if (password) console.log(`Sign in at ${url}/sign-in with\n  email:    ${actor.email}\n  password: ${password}`);
        else console.log(`Sign in at ${url}/sign-in as ${actor.email}.`);
      } finally {
        await database.close();
      }
    });
}
