/** HTTP route that creates a demo partnership for the signed-in person (the first-run path), within the account's limits. */
import { createRoute } from "@hono/zod-openapi";
import { requireActor } from "../http/middleware.ts";
import { commonErrors, cookieAuth, json, router } from "../http/openapi.ts";
import { limitAccount, rateLimitedResponse } from "../limits/limit-account.ts";
import { oneAtATime } from "../limits/one-at-a-time.ts";
import { describeLimit, DEMO_QUOTA, EXPENSIVE_LIMITS } from "../limits/expensive-limits.ts";
import { PartnershipSchema } from "../partnerships/contracts.ts";
import { createDemoWithinQuota } from "./demo-quota.ts";

export const demoRoutes = router();

demoRoutes.openapi(
  createRoute({
    method: "post",
    path: "/demo",
    tags: ["Demo"],
    security: cookieAuth,
    summary: "Create a demo partnership with invented organisations and people; you are its convenor",
    description: `${describeLimit(EXPENSIVE_LIMITS.demo)}, and at most ${DEMO_QUOTA} live demo partnerships per account (deleting one frees its place); beyond either, 429 with Retry-After.`,
    responses: { 201: json(PartnershipSchema, "The demo partnership"), ...rateLimitedResponse, ...commonErrors },
  }),
  async (c) => {
    const actor = requireActor(c);
    const { db, config } = c.get("deps");
    if (!config.expensiveLimits) return c.json(await createDemoWithinQuota(db, actor, { quota: false }), 201);
    await limitAccount(db, actor.userId, "demo");
    return c.json(await oneAtATime(actor.userId, () => createDemoWithinQuota(db, actor)), 201);
  },
);
