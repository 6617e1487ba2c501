/** The `accord` operator CLI: serve, migrate, user and token management, programmes. Calls services directly, never the HTTP API. */
import { Command, CommanderError } from "commander";
import { loadConfig } from "../config/config.ts";
import { DataDirLockedError } from "../db/lock.ts";
import { AppError } from "../errors/app-error.ts";
import { registerAccountCommands } from "./account-commands.ts";
import { registerDemoCommand } from "./demo-command.ts";
import { registerReportCommand } from "./report-command.ts";
import { openDatabase } from "../server/open-database.ts";
import { startServer, stopOnSignals } from "../server/serve.ts";
import { isClusterPrimary, runPrimary } from "../server/workers.ts";

const program = new Command()
  .name("accord")
  .description("accord: measure trust between partner organisations and build it into how they work.")
  .showHelpAfterError("(run `accord --help` for the commands)")
  .exitOverride();

program
  .command("serve")
  .description("serve the web app and API (PORT, DATA_DIR, DATABASE_URL, PUBLIC_URL, WORKERS, SMTP_* configure it)")
  .option("-p, --port <port>", "port to listen on (overrides PORT)")
  .action(async (opts: { port?: string }) => {
    const config = loadConfig(opts.port ? { ...process.env, PORT: opts.port } : process.env);
    if (isClusterPrimary(config)) return runPrimary(config); // bin/accord.js normally gets there first, without loading the CLI
    stopOnSignals(await startServer(config));
  });

program
  .command("migrate")
  .description("apply database migrations and exit")
  .action(async () => {
    const db = await openDatabase(loadConfig());
    console.log(db.applied.length ? `Applied: ${db.applied.join(", ")}` : `Already up to date (${db.describe}).`);
    await db.close();
  });

registerAccountCommands(program);
registerDemoCommand(program);
registerReportCommand(program);
(await import("./transfer-command.ts")).registerTransferCommands(program);
(await import("./programme-command.ts")).registerProgrammeCommands(program);
(await import("./backup-command.ts")).registerBackupCommand(program);

function explain(err: unknown): string {
  if (err instanceof AppError) return [err.message, ...(err.fields ?? []).map((f) => `${f.path}: ${f.message}`).filter((line) => line !== err.message).map((line) => `  ${line}`)].join("\n");
  if (err instanceof DataDirLockedError) return err.message;
  if (err instanceof Error) return (err as NodeJS.ErrnoException).code === "ECONNREFUSED" ? `Cannot reach the database: ${err.message}` : err.message;
  return String(err);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  console.error(`accord: ${explain(err)}`);
  process.exit(1);
}
