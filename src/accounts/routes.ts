/** HTTP routes for setup, sign-in/out, the current user, password changes and API tokens. */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { safeString } from "../db/safe-text.ts";
import type { AppEnv } from "../http/env.ts";
import { clientAddress, isHttps, requireActor } from "../http/middleware.ts";
import { commonErrors, cookieAuth, json, jsonBody, noContent, router } from "../http/openapi.ts";
import { PageQuery, pageOf } from "../partnerships/contracts.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens.ts";
import { changePassword } from "./change-password.ts";
import {
  ApiTokenSchema,
  ChangePasswordBodySchema,
  CreateTokenBodySchema,
  CreatedApiTokenSchema,
  SetupBodySchema,
  SetupStatusSchema,
  SignInBodySchema,
  UserSchema,
} from "./contracts.ts";
import { SESSION_COOKIE, SESSION_TTL_SECONDS, revokeSession } from "./sessions.ts";
import { isSetupNeeded, setUpInstance } from "./set-up-instance.ts";
import { signIn } from "./sign-in.ts";
import { getUser, toUserView } from "./users.ts";

export function setSessionCookie(c: Context<AppEnv>, secret: string): void {
  setCookie(c, SESSION_COOKIE, secret, { httpOnly: true, sameSite: "Lax", secure: isHttps(c), path: "/", maxAge: SESSION_TTL_SECONDS });
}

const tags = ["Accounts"];
export const accountRoutes = router();

accountRoutes.openapi(
  createRoute({ method: "get", path: "/setup", tags, summary: "Whether accord still needs its first account", responses: { 200: json(SetupStatusSchema, "Setup status") } }),
  async (c) => c.json({ needed: await isSetupNeeded(c.get("deps").db) }, 200),
);

accountRoutes.openapi(
  createRoute({ method: "post", path: "/setup", tags, summary: "Create the first account (only once) and sign in", request: jsonBody(SetupBodySchema), responses: { 201: json(UserSchema, "The first account"), 409: commonErrors[422], 422: commonErrors[422] } }),
  async (c) => {
    const { user, session } = await setUpInstance(c.get("deps").db, c.req.valid("json"));
    setSessionCookie(c, session.secret);
    return c.json(user, 201);
  },
);

accountRoutes.openapi(
  createRoute({ method: "post", path: "/auth/sign-in", tags, summary: "Sign in with email and password", request: jsonBody(SignInBodySchema), responses: { 200: json(UserSchema, "Signed in"), 401: commonErrors[401], 422: commonErrors[422], 429: { description: "Too many attempts; see Retry-After" } } }),
  async (c) => {
    const body = c.req.valid("json");
    const { user, session } = await signIn(c.get("deps").db, { ...body, address: clientAddress(c), previousSessionSecret: c.get("sessionSecret") });
    setSessionCookie(c, session.secret);
    return c.json(user, 200);
  },
);

accountRoutes.openapi(
  createRoute({ method: "post", path: "/auth/sign-out", tags, summary: "Sign out (revokes this session)", responses: { ...noContent } }),
  async (c) => {
    const secret = c.get("sessionSecret");
    if (secret) await revokeSession(c.get("deps").db, secret);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.body(null, 204);
  },
);

accountRoutes.openapi(
  createRoute({ method: "get", path: "/me", tags, security: cookieAuth, summary: "The signed-in user", responses: { 200: json(UserSchema, "You"), 401: commonErrors[401] } }),
  async (c) => c.json(toUserView(await getUser(c.get("deps").db, requireActor(c).userId)), 200),
);

accountRoutes.openapi(
  createRoute({ method: "post", path: "/me/password", tags, security: cookieAuth, summary: "Change your password (ends your other sessions)", request: jsonBody(ChangePasswordBodySchema), responses: { ...noContent, 401: commonErrors[401], 422: commonErrors[422] } }),
  async (c) => {
    await changePassword(c.get("deps").db, requireActor(c), c.req.valid("json"), c.get("sessionSecret"));
    return c.body(null, 204);
  },
);

accountRoutes.openapi(
  createRoute({ method: "get", path: "/me/tokens", tags, security: cookieAuth, summary: "Your API tokens", request: { query: PageQuery }, responses: { 200: json(pageOf(ApiTokenSchema, "ApiTokenPage"), "A page of tokens"), 401: commonErrors[401] } }),
  async (c) => c.json(await listApiTokens(c.get("deps").db, requireActor(c).userId, c.req.valid("query")), 200),
);

accountRoutes.openapi(
  createRoute({ method: "post", path: "/me/tokens", tags, security: cookieAuth, summary: "Create an API token (its secret is shown once)", request: jsonBody(CreateTokenBodySchema), responses: { 201: json(CreatedApiTokenSchema, "The new token"), 401: commonErrors[401], 422: commonErrors[422] } }),
  async (c) => c.json(await createApiToken(c.get("deps").db, requireActor(c).userId, c.req.valid("json").name), 201),
);

accountRoutes.openapi(
  createRoute({ method: "delete", path: "/me/tokens/{tokenId}", tags, security: cookieAuth, summary: "Revoke an API token", request: { params: z.object({ tokenId: safeString().max(64) }) }, responses: { ...noContent, 401: commonErrors[401], 404: commonErrors[404] } }),
  async (c) => {
    await revokeApiToken(c.get("deps").db, requireActor(c).userId, c.req.valid("param").tokenId);
    return c.body(null, 204);
  },
);
