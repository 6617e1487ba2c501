/** HTTP routes for a convenor's full export of a partnership, as JSON and as a zip of CSVs. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireActor } from "../http/middleware.ts";
import { commonErrors, cookieAuth, router } from "../http/openapi.ts";
import { describeLimit, EXPENSIVE_LIMITS } from "../limits/expensive-limits.ts";
import { limited, rateLimitedResponse } from "../limits/limit-account.ts";
import { IdParam } from "../partnerships/contracts.ts";
import { exportFileName, exportForConvenor, exportJson } from "./export-partnership.ts";
import { exportZip } from "./export-zip.ts";

const Params = z.object({ partnershipId: IdParam("partnershipId") });
const security = cookieAuth;
const tags = ["Export"];
const description = `${describeLimit(EXPENSIVE_LIMITS.export)}; beyond it, 429 with Retry-After.`;
const attachment = (file: string) => `attachment; filename="${file}"`;

export const transferRoutes = router();

transferRoutes.openapi(
  createRoute({
    method: "get",
    path: "/partnerships/{partnershipId}/export.json",
    tags,
    security,
    summary: "Full export of the partnership as JSON (convenor): registers with history, published aggregates, audit log — never survey answers; restore with `accord import`",
    description,
    request: { params: Params },
    responses: { 200: { description: "The export (format accord-partnership-export, version 1)", content: { "application/json": { schema: z.record(z.string(), z.unknown()).openapi("PartnershipExport") } } }, ...rateLimitedResponse, ...commonErrors },
  }),
  async (c) => {
    const { doc, text } = await limited(c, "export", async () => {
      const doc = await exportForConvenor(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, "json");
      return { doc, text: exportJson(doc) };
    });
    // The same bytes `accord export` writes (indented, final newline), hence a body rather than c.json.
    return c.body(text, 200, { "content-type": "application/json; charset=utf-8", "content-disposition": attachment(exportFileName(doc.partnership.name, "json")) }) as never;
  },
);

transferRoutes.openapi(
  createRoute({
    method: "get",
    path: "/partnerships/{partnershipId}/export.zip",
    tags,
    security,
    summary: "The same export as a zip of CSVs (convenor): one file per table and register, each published wave's results, a README",
    description,
    request: { params: Params },
    responses: { 200: { description: "Zip of CSV files", content: { "application/zip": { schema: z.string().openapi({ format: "binary" }) } } }, ...rateLimitedResponse, ...commonErrors },
  }),
  async (c) => {
    const { doc, bytes } = await limited(c, "export", async () => {
      const doc = await exportForConvenor(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, "zip");
      return { doc, bytes: exportZip(doc) };
    });
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { "content-type": "application/zip", "content-disposition": attachment(exportFileName(doc.partnership.name, "zip")) });
  },
);
