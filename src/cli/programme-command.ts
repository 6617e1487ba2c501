/** CLI commands for programmes: `programme create` (prints the join code once) and `programme list`. */
import type { Command } from "commander";
import { z } from "zod";
import { EmailSchema } from "../accounts/contracts.ts";
import { findUserByEmail } from "../accounts/users.ts";
import { loadConfig } from "../config/config.ts";
import { AppError } from "../errors/app-error.ts";
import { validationError } from "../http/problem.ts";
import { CreateProgrammeBody } from "../programmes/contracts.ts";
import { createProgramme, listAllProgrammes, sharingPartnerships } from "../programmes/programme-use-cases.ts";
import { openDatabase } from "../server/open-database.ts";

export function registerProgrammeCommands(program: Command): void {
  const programme = program.command("programme").description("manage programmes (groups of partnerships that share published figures)");
  programme
    .command("create")
    .description("create a programme led by an existing account; prints its join code (shown once)")
    .requiredOption("--name <name>", "the programme's name")
    .requiredOption("--lead <email>", "email of the account that will lead it")
    .option("--description <text>", "what the programme is")
    .action(async (opts: { name: string; lead: string; description?: string }) => {
      const parsed = z.object({ body: CreateProgrammeBody, lead: EmailSchema }).safeParse({ body: { name: opts.name, ...(opts.description !== undefined ? { description: opts.description } : {}) }, lead: opts.lead });
      if (!parsed.success) throw validationError(parsed.error, "input");
      const db = await openDatabase(loadConfig());
      try {
        const lead = await findUserByEmail(db.db, parsed.data.lead);
        if (!lead || lead.disabled_at !== null) throw new AppError("validation_failed", `There is no active account ${parsed.data.lead}; create it first with \`accord user create\`.`);
        const created = await createProgramme(db.db, { userId: lead.id }, parsed.data.body);
        console.log(`Created the programme “${created.programme.name}” (${created.programme.id}), led by ${lead.email}.`);
        console.log(`Join code (shown once; a convenor enters it to share their partnership): ${created.joinCode}`);
      } finally {
        await db.close();
      }
    });
  programme
    .command("list")
    .description("list programmes with their leads and how many partnerships share with each")
    .action(async () => {
      const db = await openDatabase(loadConfig());
      try {
        const all = await listAllProgrammes(db.db);
        if (all.length === 0) console.log("No programmes yet.");
        for (const p of all) console.log(`${p.id}  ${p.name}  leads: ${p.leads.join(", ") || "(none)"}  partnerships sharing: ${(await sharingPartnerships(db.db, p.id)).length}`);
      } finally {
        await db.close();
      }
    });
}
