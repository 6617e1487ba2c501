/** CLI command `accord demo`: creates a demo partnership for an existing account, showing progress. */
import type { Command } from "commander";
import { findUserByEmail } from "../accounts/users.ts";
import { loadConfig } from "../config/config.ts";
import { createDemoPartnership } from "../demo/create-demo-partnership.ts";
import { AppError } from "../errors/app-error.ts";
import { openDatabase } from "../server/open-database.ts";

export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description("create a demo partnership (invented organisations and people) convened by an existing account")
    .requiredOption("--email <email>", "the account that will convene the demo partnership")
    .action(async (opts: { email: string }) => {
      const database = await openDatabase(loadConfig());
      try {
        const user = await findUserByEmail(database.db, opts.email);
        if (!user || user.disabled_at) throw new AppError("not_found", `No active account with the email ${opts.email}. Create one with \`accord user create\` or the setup page.`);
        const actor = { userId: user.id, name: user.name, email: user.email, via: "session" as const };
        const p = await createDemoPartnership(database.db, actor, (done, total, label) => {
          process.stderr.write(`\r[${"#".repeat(Math.round((done / total) * 20)).padEnd(20)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`);
        });
        process.stderr.write("\n");
        console.log(`Created “${p.name}” (${p.id}), convened by ${user.email}.`);
      } finally {
        await database.close();
      }
    });
}
