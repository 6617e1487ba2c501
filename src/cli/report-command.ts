/** CLI command `accord report`: writes the board report of a partnership as PDF (or HTML when --out ends in .html), acting as its earliest-added live convenor. */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../config/config.ts";
import { AppError } from "../errors/app-error.ts";
import { operatorReport } from "../report/operator-report.ts";
import { openDatabase } from "../server/open-database.ts";

export function registerReportCommand(program: Command): void {
  program
    .command("report")
    .description("write a partnership's board report as PDF, or as HTML when --out ends in .html")
    .requiredOption("--partnership <id or name>", "the partnership's id or exact name")
    .requiredOption("--out <file>", "where to write it, e.g. report.pdf or report.html")
    .option("--from <YYYY-MM-DD>", "first day of the period (default: a year before --to)")
    .option("--to <YYYY-MM-DD>", "last day of the period (default: today)")
    .action(async (opts: { partnership: string; out: string; from?: string; to?: string }) => {
      const format = opts.out.toLowerCase().endsWith(".html") || opts.out.toLowerCase().endsWith(".htm") ? "html" : "pdf";
      if (format === "pdf" && !opts.out.toLowerCase().endsWith(".pdf")) throw new AppError("validation_failed", "--out must end in .pdf or .html.");
      const path = resolve(opts.out);
      const database = await openDatabase(loadConfig());
      try {
        const report = await operatorReport(database.db, { partnership: opts.partnership, format, from: opts.from, to: opts.to, progress: (m) => process.stderr.write(`${m}…\n`) });
        console.log(`Reporting on “${report.partnership.name}” as its convenor ${report.convenor.name} <${report.convenor.email}> (the earliest-added convenor still active).`);
        try {
          await writeFile(path, report.bytes);
        } catch (err) {
          throw new AppError("validation_failed", `Could not write ${path}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "its folder does not exist" : (err as Error).message}.`);
        }
        console.log(report.pages === null ? `Wrote ${path} (HTML, ${report.bytes.length} bytes).` : `Wrote ${path} (${report.pages} pages).`);
      } finally {
        await database.close();
      }
    });
}
