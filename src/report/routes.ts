/** HTTP routes for the board report: printable HTML and PDF for a period, for any member of the partnership. */
import { createRoute, z } from "@hono/zod-openapi";
import { PeriodQuery } from "../health/contracts.ts";
import { requireActor } from "../http/middleware.ts";
import { commonErrors, cookieAuth, router } from "../http/openapi.ts";
import { describeLimit, EXPENSIVE_LIMITS } from "../limits/expensive-limits.ts";
import { limited, rateLimitedResponse } from "../limits/limit-account.ts";
import { IdParam } from "../partnerships/contracts.ts";
import { renderReportHtml } from "./report-html.ts";
import { buildReportModel, type ReportModel } from "./report-model.ts";
import { renderReportPdf } from "./report-pdf.ts";

const Params = z.object({ partnershipId: IdParam("partnershipId") });
const security = cookieAuth;
const tags = ["Board report"];
const description = `${describeLimit(EXPENSIVE_LIMITS.report)}; beyond it, 429 with Retry-After.`;

/** A filename safe in any header and file system: ASCII letters, digits and dashes only. */
export function reportFilename(m: Pick<ReportModel, "partnership" | "period">, ext: "pdf" | "html"): string {
  const slug = m.partnership.name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "") || "partnership";
  return `accord-${slug}-report-${m.period.from}-to-${m.period.to}.${ext}`;
}

export const reportRoutes = router();

reportRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/report.html", tags, security, summary: "The board report for a period as one printable HTML page (no scripts, charts as inline SVG)", description, request: { params: Params, query: PeriodQuery }, responses: { 200: { description: "Report", content: { "text/html": { schema: z.string() } } }, ...rateLimitedResponse, ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    const q = c.req.valid("query");
    const { model, html } = await limited(c, "report", async () => {
      const model = await buildReportModel(c.get("deps").db, requireActor(c), p.partnershipId, { from: q.from, to: q.to });
      return { model, html: renderReportHtml(model) };
    });
    return c.body(html, 200, { "content-type": "text/html; charset=utf-8", "content-disposition": `inline; filename="${reportFilename(model, "html")}"` });
  },
);

reportRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/report.pdf", tags, security, summary: "The same board report as an A4 PDF, made on the server without a browser", description, request: { params: Params, query: PeriodQuery }, responses: { 200: { description: "PDF", content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } } }, ...rateLimitedResponse, ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    const q = c.req.valid("query");
    const { model, pdf } = await limited(c, "report", async () => {
      const model = await buildReportModel(c.get("deps").db, requireActor(c), p.partnershipId, { from: q.from, to: q.to });
      return { model, pdf: await renderReportPdf(model) };
    });
    return c.body(new Uint8Array(pdf), 200, { "content-type": "application/pdf", "content-disposition": `attachment; filename="${reportFilename(model, "pdf")}"` });
  },
);
