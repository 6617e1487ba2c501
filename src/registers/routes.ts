/** HTTP routes for the twelve registers, declared once per register so each has its own typed schemas in OpenAPI. */
import { createRoute, z } from "@hono/zod-openapi";
import { AppError } from "../errors/app-error.ts";
import { requireActor } from "../http/middleware.ts";
import { commonErrors, cookieAuth, json, jsonBody, router } from "../http/openapi.ts";
import { describeLimit, EXPENSIVE_LIMITS } from "../limits/expensive-limits.ts";
import { limited, rateLimitedResponse } from "../limits/limit-account.ts";
import { pageOf } from "../partnerships/contracts.ts";
import { EntryParams, ENTRY_SCHEMAS, HistorySchema, ImportResultSchema, ListEntriesQuery, OrganisationActionBody, RegisterParams } from "./contracts.ts";
import { REGISTERS } from "./definitions/index.ts";
import { signUp, takeUp } from "./entry-actions.ts";
import { createEntry, entryHistory, getEntry, removeEntry, restoreEntry, updateEntry } from "./entry-use-cases.ts";
import { entryJson, IfMatchHeader, noContentWithEtag, preconditionErrors } from "./etag-openapi.ts";
import { REGISTER_KEYS, type RegisterKey } from "./keys.ts";
import { listEntries } from "./list-entries.ts";
import { etagOf } from "./preconditions.ts";
import { exportRegisterCsv, importRegisterCsv } from "./register-csv.ts";
import { CREATE_BODIES, pascal, UPDATE_BODIES } from "./schemas.ts";

const security = cookieAuth;
export const MAX_IMPORT_BYTES = 1024 * 1024;
export const registerRoutes = router();

function addRegister(key: RegisterKey): void {
  const def = REGISTERS[key];
  const tags = [def.label];
  const base = `/partnerships/{partnershipId}/registers/${key}`;
  const Entry = ENTRY_SCHEMAS[key];
  const who = def.ownerField ? "convenors, or members for their own organisation" : "convenors";
  const crossing = "Send the entry's ETag as If-Match (a change may instead carry `version` in its body): a write naming an older version gives 412 (409 for a stale body `version`) and writes nothing; one naming no version gives 428.";

  registerRoutes.openapi(
    createRoute({ method: "get", path: base, tags, security, summary: `List ${def.label.toLowerCase()}`, description: `${def.purpose} Each item's ETag is its \`version\` in double quotes.`, request: { params: RegisterParams, query: ListEntriesQuery }, responses: { 200: json(pageOf(Entry, `${pascal(key)}Page`), "A page of entries"), ...commonErrors } }),
    async (c) => c.json(await listEntries(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, key, c.req.valid("query")), 200),
  );
  registerRoutes.openapi(
    createRoute({ method: "post", path: base, tags, security, summary: `Add a ${def.singular} (${who})`, request: { params: RegisterParams, ...jsonBody(CREATE_BODIES[key]) }, responses: { 201: entryJson(Entry, "Added"), ...commonErrors } }),
    async (c) => {
      const view = await createEntry(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, key, c.req.valid("json"));
      c.header("ETag", etagOf(view.version));
      return c.json(view, 201);
    },
  );
  registerRoutes.openapi(
    createRoute({ method: "get", path: `${base}.csv`, tags, security, summary: `${def.label} as CSV`, description: `${describeLimit(EXPENSIVE_LIMITS.registerExport)}; beyond it, 429 with Retry-After.`, request: { params: RegisterParams }, responses: { 200: { description: "CSV", content: { "text/csv": { schema: z.string() } } }, ...rateLimitedResponse, ...commonErrors } }),
    async (c) => {
      const csv = await limited(c, "registerExport", () => exportRegisterCsv(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, key));
      return c.body(csv, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="accord-${key}.csv"` });
    },
  );
  registerRoutes.openapi(
    createRoute({
      method: "post",
      path: `${base}/import`,
      tags,
      security,
      summary: `Import ${def.label.toLowerCase()} from CSV: all rows or none`,
      description: `Columns are the field names (as in the export). Organisations are named, people by email, linked entries by title. A 422 lists every bad row by line number. ${describeLimit(EXPENSIVE_LIMITS.registerImport)}, refused or not; beyond it, 429 with Retry-After.`,
      request: { params: RegisterParams, body: { required: true, content: { "text/csv": { schema: z.string() } } } },
      responses: { 201: json(ImportResultSchema, "Imported"), 415: commonErrors[422], ...rateLimitedResponse, ...commonErrors },
    }),
    async (c) => {
      const type = c.req.header("content-type") ?? "";
      if (!/^text\/(csv|plain)\b/i.test(type)) throw new AppError("unsupported_media_type", "Send the file with content-type text/csv.");
      const result = await limited(c, "registerImport", async () => importRegisterCsv(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, key, await c.req.text()));
      return c.json(result, 201);
    },
  );
  registerRoutes.openapi(
    createRoute({ method: "get", path: `${base}/{entryId}`, tags, security, summary: `One ${def.singular}`, request: { params: EntryParams }, responses: { 200: entryJson(Entry, "The entry"), ...commonErrors } }),
    async (c) => {
      const p = c.req.valid("param");
      const view = await getEntry(c.get("deps").db, requireActor(c), p.partnershipId, key, p.entryId);
      c.header("ETag", etagOf(view.version));
      return c.json(view, 200);
    },
  );
  registerRoutes.openapi(
    createRoute({ method: "patch", path: `${base}/{entryId}`, tags, security, summary: `Change a ${def.singular} (${who}); history keeps every version`, description: crossing, request: { params: EntryParams, headers: IfMatchHeader, ...jsonBody(UPDATE_BODIES[key]) }, responses: { 200: entryJson(Entry, "Changed"), 409: commonErrors[422], ...preconditionErrors(true), ...commonErrors } }),
    async (c) => {
      const p = c.req.valid("param");
      const view = await updateEntry(c.get("deps").db, requireActor(c), p.partnershipId, key, p.entryId, c.req.valid("json"), { ifMatch: c.req.valid("header")["if-match"] });
      c.header("ETag", etagOf(view.version));
      return c.json(view, 200);
    },
  );
  registerRoutes.openapi(
    createRoute({ method: "delete", path: `${base}/{entryId}`, tags, security, summary: `Remove a ${def.singular} (tombstone; it can be restored)`, description: crossing, request: { params: EntryParams, headers: IfMatchHeader }, responses: { ...noContentWithEtag, 409: commonErrors[422], ...preconditionErrors(false), ...commonErrors } }),
    async (c) => {
      const p = c.req.valid("param");
      const view = await removeEntry(c.get("deps").db, requireActor(c), p.partnershipId, key, p.entryId, { ifMatch: c.req.valid("header")["if-match"] });
      c.header("ETag", etagOf(view.version));
      return c.body(null, 204);
    },
  );
  registerRoutes.openapi(
    createRoute({ method: "post", path: `${base}/{entryId}/restore`, tags, security, summary: `Restore a removed ${def.singular}`, description: crossing, request: { params: EntryParams, headers: IfMatchHeader }, responses: { 200: entryJson(Entry, "Restored"), 409: commonErrors[422], ...preconditionErrors(false), ...commonErrors } }),
    async (c) => {
      const p = c.req.valid("param");
      const view = await restoreEntry(c.get("deps").db, requireActor(c), p.partnershipId, key, p.entryId, { ifMatch: c.req.valid("header")["if-match"] });
      c.header("ETag", etagOf(view.version));
      return c.json(view, 200);
    },
  );
  registerRoutes.openapi(
    createRoute({ method: "get", path: `${base}/{entryId}/history`, tags, security, summary: `Every version of a ${def.singular}, oldest first`, request: { params: EntryParams }, responses: { 200: json(HistorySchema, "Versions"), ...commonErrors } }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await entryHistory(c.get("deps").db, requireActor(c), p.partnershipId, key, p.entryId), 200);
    },
  );
}

for (const key of REGISTER_KEYS) addRegister(key);

const PARTICIPATION_CROSSING = "Send the entry's ETag as If-Match: taking part in words changed since you read them is refused with 412, and a request naming no version with 428.";

registerRoutes.openapi(
  createRoute({ method: "post", path: "/partnerships/{partnershipId}/registers/ways-of-working/{entryId}/sign-ups", tags: [REGISTERS["ways-of-working"].label], security, summary: "Sign an organisation up to a statement (members for their own organisation; convenors for any)", description: PARTICIPATION_CROSSING, request: { params: EntryParams, headers: IfMatchHeader, ...jsonBody(OrganisationActionBody) }, responses: { 201: entryJson(ENTRY_SCHEMAS["ways-of-working"], "Signed up"), 409: commonErrors[422], ...preconditionErrors(false), ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    const view = await signUp(c.get("deps").db, requireActor(c), p.partnershipId, p.entryId, c.req.valid("json").organisationId, { ifMatch: c.req.valid("header")["if-match"] });
    c.header("ETag", etagOf(view.version));
    return c.json(view, 201);
  },
);

registerRoutes.openapi(
  createRoute({ method: "post", path: "/partnerships/{partnershipId}/registers/offers-asks/{entryId}/take-up", tags: [REGISTERS["offers-asks"].label], security, summary: "Another organisation takes up an open offer or ask", description: PARTICIPATION_CROSSING, request: { params: EntryParams, headers: IfMatchHeader, ...jsonBody(OrganisationActionBody) }, responses: { 200: entryJson(ENTRY_SCHEMAS["offers-asks"], "Taken up"), 409: commonErrors[422], ...preconditionErrors(false), ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    const view = await takeUp(c.get("deps").db, requireActor(c), p.partnershipId, p.entryId, c.req.valid("json").organisationId, { ifMatch: c.req.valid("header")["if-match"] });
    c.header("ETag", etagOf(view.version));
    return c.json(view, 200);
  },
);
