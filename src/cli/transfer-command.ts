/** CLI commands `accord export` (a partnership to JSON or a zip of CSVs) and `accord import` (a JSON export, beside any partnerships the database already holds). */
import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { loadConfig } from "../config/config.ts";
import type { Db } from "../db/database.ts";
import { AppError } from "../errors/app-error.ts";
import { openDatabase } from "../server/open-database.ts";
import { buildExport, exportJson, recordExport } from "../transfer/export-partnership.ts";
import { exportZip } from "../transfer/export-zip.ts";
import { decodeExportFile, importPartnership } from "../transfer/import-partnership.ts";

const progress = (label: string) => process.stderr.write(`… ${label}\n`);

/** A live partnership by id, or by its exact name when only one has it. */
async function findPartnership(db: Db, idOrName: string): Promise<{ id: string; name: string }> {
  const rows = await db.selectFrom("partnerships").select(["id", "name"]).where("deleted_at", "is", null).where((eb) => eb.or([eb("id", "=", idOrName), eb("name", "=", idOrName)])).execute();
  const byId = rows.find((r) => r.id === idOrName);
  if (byId) return byId;
  if (rows.length === 1) return rows[0]!;
  if (rows.length > 1) throw new AppError("conflict", `${rows.length} partnerships are called “${idOrName}”; give the id instead: ${rows.map((r) => r.id).join(", ")}.`);
  throw new AppError("not_found", `No partnership with the id or exact name “${idOrName}”.`);
}

export function registerTransferCommands(program: Command): void {
  program
    .command("export")
    .description("export a partnership: registers with history, published aggregates and audit log, never survey answers (.json to restore, .zip of CSVs to read)")
    .requiredOption("--partnership <idOrName>", "the partnership's id or exact name")
    .requiredOption("--out <file>", "where to write: a .json or .zip file")
    .action(async (opts: { partnership: string; out: string }) => {
      const format = opts.out.toLowerCase().endsWith(".zip") ? "zip" : opts.out.toLowerCase().endsWith(".json") ? "json" : undefined;
      if (!format) throw new AppError("validation_failed", "Name the output file .json (to restore with `accord import`) or .zip (CSVs to read).");
      const database = await openDatabase(loadConfig());
      try {
        const p = await findPartnership(database.db, opts.partnership);
        const started = Date.now();
        const doc = await buildExport(database.db, p.id, progress);
        const bytes = format === "zip" ? exportZip(doc) : Buffer.from(exportJson(doc), "utf8");
        writeFileSync(opts.out, bytes);
        await recordExport(database.db, p.id, null, format, "The operator (command line)");
        console.log(`Exported “${p.name}” to ${opts.out} (${bytes.length} bytes, ${Date.now() - started} ms): ${doc.organisations.length} organisations, ${doc.people.length} people, ${doc.waves.length} waves, ${doc.register_entries.length} register entries with ${doc.register_versions.length} versions, ${doc.audit_log.length} audit entries.`);
      } finally {
        await database.close();
      }
    });

  program
    .command("import")
    .description("restore a partnership from a JSON export, beside the partnerships already there; ids are kept and any clash refuses the whole file (new accounts come without passwords)")
    .requiredOption("--in <file>", "the .json file `accord export` wrote")
    .action(async (opts: { in: string }) => {
      if (opts.in.toLowerCase().endsWith(".zip")) throw new AppError("validation_failed", "Import the .json export; the zip of CSVs is for reading only.");
      const text = decodeExportFile(readFileSync(opts.in));
      const database = await openDatabase(loadConfig());
      try {
        const s = await importPartnership(database.db, text, progress);
        const c = s.counts;
        console.log(`Restored “${s.name}” (${s.partnershipId}) into ${database.describe}:`);
        console.log(`  ${c.organisations} organisations, ${c.people} people, ${c.users} accounts (${s.sharedAccounts} already here, shared and kept as they are), ${c.waves} waves with ${c.publishedFigures} published figures,`);
        console.log(`  ${c.registerEntries} register entries with ${c.registerVersions} versions, ${c.pressureEvents} pressure events, ${c.auditEntries} audit entries.`);
        console.log("Survey answers were never exported: published results and networks are kept as they were released.");
        if (s.accounts.length) {
          console.log(`The ${s.accounts.length} new accounts have no password yet, so they cannot sign in until you set one, e.g.:`);
          for (const a of s.accounts.slice(0, 3)) console.log(`  accord user password --email ${a.email} --password-stdin`);
        }
      } finally {
        await database.close();
      }
    });
}
