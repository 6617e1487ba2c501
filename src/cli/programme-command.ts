/** CLI commands for programmes: `programme create` (prints the join code once), `list`, `delete <id|name> --confirm`, `leads add|remove <id|name> --email`. */
import type { Command } from "commander";
import { z } from "zod";
import { EmailSchema } from "../accounts/contracts.ts";
import { findUserByEmail } from "../accounts/users.ts";
import { AppError } from "../errors/app-error.ts";
import { validationError } from "../http/problem.ts";
import { CreateProgrammeBody } from "../programmes/contracts.ts";
import { deleteProgramme, removeLead } from "../programmes/programme-removal.ts";
import { addLead, createProgramme, findProgramme, listAllProgrammes, sharingPartnerships } from "../programmes/programme-use-cases.ts";
import { withDatabase } from "../server/open-database.ts";


function email(value: string): string {
  const parsed = z.object({ email: EmailSchema }).safeParse({ email: value });
  if (!parsed.success) throw validationError(parsed.error, "input");
  return parsed.data.email;
}

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
      await withDatabase(async (db) => {
        const lead = await findUserByEmail(db.db, parsed.data.lead);
        if (!lead || lead.disabled_at !== null) throw new AppError("validation_failed", `There is no active account ${parsed.data.lead}; create it first with \`accord user create\`.`);
        const created = await createProgramme(db.db, { userId: lead.id }, parsed.data.body);
        console.log(`Created the programme “${created.programme.name}” (${created.programme.id}), led by ${lead.email}.`);
        console.log(`Join code (shown once; a convenor enters it to share their partnership): ${created.joinCode}`);
      });
    });
  programme
    .command("list")
    .description("list programmes with their leads and how many partnerships share with each")
    .action(async () => {
      await withDatabase(async (db) => {
        const all = await listAllProgrammes(db.db);
        if (all.length === 0) console.log("No programmes yet.");
        for (const p of all) console.log(`${p.id}  ${p.name}  leads: ${p.leads.join(", ") || "(none)"}  partnerships sharing: ${(await sharingPartnerships(db.db, p.id)).length}`);
      });
    });
  programme
    .command("delete")
    .description("delete a programme: it leaves every list, its join code stops working and partnerships stop sharing with it (the record is kept)")
    .argument("<programme>", "the programme's id, or its exact name")
    .option("--confirm", "really delete it (without this nothing is changed)")
    .action(async (which: string, opts: { confirm?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const found = await findProgramme(db, which);
        if (!opts.confirm) {
          const sharing = (await sharingPartnerships(db, found.id)).length;
          throw new AppError("validation_failed", `This would delete the programme “${found.name}” (${found.id}), which ${sharing === 1 ? "1 partnership shares" : `${sharing} partnerships share`} with. Nothing was changed; run again with --confirm to delete it.`);
        }
        const deleted = await deleteProgramme(db, "operator", found.id, found.name);
        const n = deleted.partnerships;
        console.log(`Deleted the programme “${deleted.name}” (${found.id}); ${n === 0 ? "no partnership was sharing with it" : n === 1 ? "1 partnership no longer shares with it" : `${n} partnerships no longer share with it`}.`);
      });
    });
  const leads = programme.command("leads").description("add or remove a programme's leads");
  leads
    .command("add")
    .description("make an existing account a lead of the programme")
    .argument("<programme>", "the programme's id, or its exact name")
    .requiredOption("--email <email>", "email of the account")
    .action(async (which: string, opts: { email: string }) => {
      const address = email(opts.email);
      await withDatabase(async ({ db }) => {
        const found = await findProgramme(db, which);
        const res = await addLead(db, "operator", found.id, address);
        console.log(res.added ? `${res.email} now leads the programme “${found.name}”.` : `${res.email} already leads the programme “${found.name}”; nothing changed.`);
      });
    });
  leads
    .command("remove")
    .description("stop an account leading the programme (a programme keeps at least one lead with an active account)")
    .argument("<programme>", "the programme's id, or its exact name")
    .requiredOption("--email <email>", "email of the lead")
    .action(async (which: string, opts: { email: string }) => {
      const address = email(opts.email);
      await withDatabase(async ({ db }) => {
        const found = await findProgramme(db, which);
        const user = await findUserByEmail(db, address);
        if (!user) throw new AppError("not_found", `There is no account ${address}.`);
        const removed = await removeLead(db, "operator", found.id, user.id);
        console.log(`${removed.email} no longer leads the programme “${found.name}”.`);
      });
    });
}
