/** The report for operators (the CLI): find the partnership by id or exact name, act as its earliest-added live convenor, render PDF or HTML. */
import type { Actor } from "../accounts/actor.ts";
import type { Db } from "../db/database.ts";
import { AppError } from "../errors/app-error.ts";
import { PeriodQuery } from "../health/contracts.ts";
import { renderReportHtml } from "./report-html.ts";
import { buildReportModel } from "./report-model.ts";
import { pdfPageCount, renderReportPdf } from "./report-pdf.ts";

export interface OperatorReportOptions {
  partnership: string;
  format: "pdf" | "html";
  from?: string | undefined;
  to?: string | undefined;
  asOf?: string | undefined;
  progress?: (message: string) => void;
}

export interface OperatorReport {
  partnership: { id: string; name: string };
  convenor: Actor;
  bytes: Buffer;
  /** Pages in the PDF; null for HTML. */
  pages: number | null;
}

/** The live partnership whose id or exact name is `ref`; a name shared by several partnerships must be given as an id. */
export async function findPartnership(db: Db, ref: string): Promise<{ id: string; name: string }> {
  const rows = await db.selectFrom("partnerships").select(["id", "name"]).where("deleted_at", "is", null).where((eb) => eb.or([eb("id", "=", ref), eb("name", "=", ref)])).orderBy("created_at").orderBy("id").execute();
  const byId = rows.find((r) => r.id === ref);
  if (byId) return byId;
  if (rows.length === 0) throw new AppError("not_found", `No partnership has the id or exact name “${ref}”.`);
  if (rows.length > 1) throw new AppError("conflict", `${rows.length} partnerships are called “${ref}”; give one of their ids instead: ${rows.map((r) => r.id).join(", ")}.`);
  return rows[0]!;
}

/** The convenor added first who is still in the partnership and whose account is active. */
export async function earliestConvenor(db: Db, partnershipId: string): Promise<Actor> {
  const row = await db
    .selectFrom("people")
    .innerJoin("users", "users.id", "people.user_id")
    .select(["users.id as userId", "users.name", "users.email"])
    .where("people.partnership_id", "=", partnershipId)
    .where("people.role", "=", "convenor")
    .where("people.deleted_at", "is", null)
    .where("users.disabled_at", "is", null)
    .orderBy("people.created_at")
    .orderBy("people.id")
    .executeTakeFirst();
  if (!row) throw new AppError("conflict", "This partnership has no active convenor to produce the report as.");
  return { userId: row.userId, name: row.name, email: row.email, via: "session" };
}

export async function operatorReport(db: Db, opts: OperatorReportOptions): Promise<OperatorReport> {
  const period = PeriodQuery.safeParse({ from: opts.from, to: opts.to });
  if (!period.success) {
    const fields = period.error.issues.map((i) => ({ path: `--${i.path.join(".") || "from"}`, message: i.message }));
    throw new AppError("validation_failed", "The period is not valid.", { fields });
  }
  const progress = opts.progress ?? (() => {});
  const partnership = await findPartnership(db, opts.partnership);
  const convenor = await earliestConvenor(db, partnership.id);
  progress("Gathering the figures");
  const model = await buildReportModel(db, convenor, partnership.id, { from: period.data.from, to: period.data.to, asOf: opts.asOf });
  progress(opts.format === "pdf" ? "Drawing the PDF" : "Writing the HTML");
  if (opts.format === "html") return { partnership, convenor, bytes: Buffer.from(renderReportHtml(model), "utf8"), pages: null };
  const bytes = await renderReportPdf(model);
  return { partnership, convenor, bytes, pages: pdfPageCount(bytes) };
}
