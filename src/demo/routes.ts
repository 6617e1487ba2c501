/** HTTP route that creates a demo partnership for the signed-in person (the first-run path). */
import { createRoute } from "@hono/zod-openapi";
import { requireActor } from "../http/middleware.ts";
import { commonErrors, cookieAuth, json, router } from "../http/openapi.ts";
import { PartnershipSchema } from "../partnerships/contracts.ts";
import { createDemoPartnership } from "./create-demo-partnership.ts";

export const demoRoutes = router();

demoRoutes.openapi(
  createRoute({ method: "post", path: "/demo", tags: ["Demo"], security: cookieAuth, summary: "Create a demo partnership with invented organisations and people; you are its convenor", responses: { 201: json(PartnershipSchema, "The demo partnership"), ...commonErrors } }),
  async (c) => c.json(await createDemoPartnership(c.get("deps").db, requireActor(c)), 201),
);
