/** HTTP routes for waves (convenors run them) and for respondents answering through a personal link. */
import { createRoute, z } from "@hono/zod-openapi";
import type { TypedResponse } from "hono";
import { SUBMIT_LIMIT, hit } from "../accounts/rate-limit.ts";
import { safeString } from "../db/safe-text.ts";
import { AppError } from "../errors/app-error.ts";
import { clientAddress, publicOrigin, requireActor } from "../http/middleware.ts";
import { commonErrors, cookieAuth, json, jsonBody, router } from "../http/openapi.ts";
import { IdParam, PageQuery, pageOf } from "../partnerships/contracts.ts";
import { CreateWaveBody, IssueLinksBody, IssuedLinksSchema, RespondInfoSchema, SubmitResponseBody, SubmittedSchema, UpdateWaveBody, WaveSchema } from "./contracts.ts";
import { issueLinks } from "./issue-links.ts";
import { describeLink, submitResponse } from "./respond.ts";
import { createWave, getWave, listWaves, transitionWave, updateWave } from "./wave-use-cases.ts";

const WavesParams = z.object({ partnershipId: IdParam("partnershipId") });
const WaveParams = WavesParams.extend({ waveId: IdParam("waveId") });
const TokenParams = z.object({ linkToken: safeString().min(1).max(200).openapi({ param: { name: "linkToken", in: "path" } }) });
const security = cookieAuth;
const tags = ["Survey waves"];

export const waveRoutes = router();

waveRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/waves", tags, security, summary: "Survey waves of the partnership", request: { params: WavesParams, query: PageQuery }, responses: { 200: json(pageOf(WaveSchema, "WavePage"), "A page of waves"), ...commonErrors } }),
  async (c) => c.json(await listWaves(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, c.req.valid("query")), 200),
);

waveRoutes.openapi(
  createRoute({ method: "post", path: "/partnerships/{partnershipId}/waves", tags, security, summary: "Create a wave as a draft (convenor)", request: { params: WavesParams, ...jsonBody(CreateWaveBody) }, responses: { 201: json(WaveSchema, "Created"), ...commonErrors } }),
  async (c) => c.json(await createWave(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, c.req.valid("json")), 201),
);

waveRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/waves/{waveId}", tags, security, summary: "One wave (convenors also see the response rate, in bands)", request: { params: WaveParams }, responses: { 200: json(WaveSchema, "The wave"), ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    return c.json(await getWave(c.get("deps").db, requireActor(c), p.partnershipId, p.waveId), 200);
  },
);

waveRoutes.openapi(
  createRoute({ method: "patch", path: "/partnerships/{partnershipId}/waves/{waveId}", tags, security, summary: "Change a draft wave (convenor); locked once open", request: { params: WaveParams, ...jsonBody(UpdateWaveBody) }, responses: { 200: json(WaveSchema, "Updated"), 409: commonErrors[422], ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    return c.json(await updateWave(c.get("deps").db, requireActor(c), p.partnershipId, p.waveId, c.req.valid("json")), 200);
  },
);

for (const action of ["open", "close", "publish"] as const) {
  waveRoutes.openapi(
    createRoute({ method: "post", path: `/partnerships/{partnershipId}/waves/{waveId}/${action}`, tags, security, summary: `${action[0]!.toUpperCase()}${action.slice(1)} the wave (convenor)`, request: { params: WaveParams }, responses: { 200: json(WaveSchema, "The wave, moved on"), 409: commonErrors[422], ...commonErrors } }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await transitionWave(c.get("deps").db, requireActor(c), p.partnershipId, p.waveId, action), 200);
    },
  );
}

waveRoutes.openapi(
  createRoute({ method: "post", path: "/partnerships/{partnershipId}/waves/{waveId}/links", tags, security, summary: "Issue personal single-use links (everyone, or the people named); shown once, emailed when SMTP is set", request: { params: WaveParams, ...jsonBody(IssueLinksBody) }, responses: { 201: json(IssuedLinksSchema, "The links to pass on"), 409: commonErrors[422], ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    const { db, mailer } = c.get("deps");
    return c.json(await issueLinks(db, mailer, requireActor(c), p.partnershipId, p.waveId, c.req.valid("json").personIds, publicOrigin(c)), 201);
  },
);

const respondTags = ["Responding"];

waveRoutes.openapi(
  createRoute({ method: "get", path: "/respond/{linkToken}", tags: respondTags, summary: "The survey behind a personal link (no account needed)", request: { params: TokenParams }, responses: { 200: json(RespondInfoSchema, "The survey"), 404: commonErrors[404] } }),
  async (c) => c.json(await describeLink(c.get("deps").db, c.req.valid("param").linkToken), 200),
);

const IDEMPOTENCY_MESSAGE = "Send an Idempotency-Key header of 8–200 characters (a random UUID is ideal).";
const IdempotencyHeader = z.object({
  // Optional to the validator so that body problems are reported first; the handler insists on it.
  "idempotency-key": safeString().min(8, IDEMPOTENCY_MESSAGE).max(200, IDEMPOTENCY_MESSAGE).optional().openapi({ param: { name: "idempotency-key", in: "header", required: true } }),
});

waveRoutes.openapi(
  createRoute({ method: "post", path: "/respond/{linkToken}/response", tags: respondTags, summary: "Submit answers once; a replay with the same Idempotency-Key returns the first answers", request: { params: TokenParams, headers: IdempotencyHeader, ...jsonBody(SubmitResponseBody) }, responses: { 201: json(SubmittedSchema, "Stored durably"), 200: json(SubmittedSchema, "Already stored under this Idempotency-Key"), 404: commonErrors[404], 409: commonErrors[422], 422: commonErrors[422], 429: { description: "Too many submissions from this address" } } }),
  async (c) => {
    const { db } = c.get("deps");
    const idempotencyKey = c.req.valid("header")["idempotency-key"];
    const { answers, ratings } = c.req.valid("json");
    if (!idempotencyKey) throw new AppError("validation_failed", IDEMPOTENCY_MESSAGE, { fields: [{ path: "idempotency-key", message: IDEMPOTENCY_MESSAGE }] });
    const key = `submit:address:${clientAddress(c)}`;
    // Every attempt under the limit counts once: a stored response counts inside its own transaction (one
    // durable commit per group of submissions); replays, refusals and errors count on their own.
    let result: Awaited<ReturnType<typeof submitResponse>> | undefined;
    let limited = false;
    try {
      result = await submitResponse(db, c.req.valid("param").linkToken, idempotencyKey, answers, undefined, ratings, { key, limit: SUBMIT_LIMIT });
    } catch (err) {
      limited = err instanceof AppError && err.code === "rate_limited";
      throw err;
    } finally {
      if (!limited && (!result || result.replayed)) await hit(db, key, SUBMIT_LIMIT);
    }
    if (result.replayed) c.header("idempotent-replayed", "true");
    // The SubmittedSchema body, written around the answers' stored JSON rather than serialising them a second time.
    const status = result.replayed ? "already_stored" : "stored";
    c.header("content-type", "application/json");
    return c.body(`{"status":"${status}","answers":${result.answersJson}}`, result.replayed ? 200 : 201) as unknown as TypedResponse<z.infer<typeof SubmittedSchema>, 200 | 201, "json">;
  },
);

