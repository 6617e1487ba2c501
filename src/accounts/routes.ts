/** HTTP routes for setup, sign-in/out, the current user, password changes and API tokens. */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { safeString } from "../db/safe-text.ts";
import type { AppEnv } from "../http/env.ts";
import { clientAddress, isHttps, requireActor } from "../http/middleware.ts";
import { emailBaseUrl } from "../mail/links.ts";
import { commonErrors, cookieAuth, json, jsonBody, noContent, router } from "../http/openapi.ts";
import { PageQuery, pageOf } from "../partnerships/contracts.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens.ts";
import { changePassword } from "./change-password.ts";
import {
  ApiTokenSchema,
  ChangePasswordBodySchema,
  CreateTokenBodySchema,
  CreatedApiTokenSchema,
  ForgotPasswordBodySchema,
  ResetInfoSchema,
  ResetPasswordBodySchema,
  SetupBodySchema,
  SetupStatusSchema,
  SignInBodySchema,
  UserSchema,
} from "./contracts.ts";
import { DEVICE_COOKIE, DEVICE_TTL_SECONDS } from "./known-devices.ts";
import { completePasswordReset, describePasswordReset, requestPasswordReset } from "./password-reset.ts";
import { SESSION_COOKIE, SESSION_TTL_SECONDS, revokeSession } from "./sessions.ts";
import { isSetupNeeded, setUpInstance } from "./set-up-instance.ts";
import { signIn } from "./sign-in.ts";
import { getUser, toUserView } from "./users.ts";

export function setSessionCookie(c: Context<AppEnv>, secret: string): void {
  setCookie(c, SESSION_COOKIE, secret, { httpOnly: true, sameSite: "Lax", secure: isHttps(c), path: "/", maxAge: SESSION_TTL_SECONDS });
}

function setDeviceCookie(c: Context<AppEnv>, secret: string): void {
  setCookie(c, DEVICE_COOKIE, secret, { httpOnly: true, sameSite: "Lax", secure: isHttps(c), path: "/api/v1/auth", maxAge: DEVICE_TTL_SECONDS });
}

const tags = ["Accounts"];
const ResetTokenParams = z.object({ token: safeString().min(1).max(200).openapi({ param: { name: "token", in: "path" } }) });
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
    const { db, mailer } = c.get("deps");
    const { user, session, deviceSecret } = await signIn(
      db,
      mailer,
      { ...body, address: clientAddress(c), deviceSecret: getCookie(c, DEVICE_COOKIE), previousSessionSecret: c.get("sessionSecret") },
      { baseUrl: emailBaseUrl(c) },
    );
    setSessionCookie(c, session.secret);
    setDeviceCookie(c, deviceSecret);
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
  createRoute({ method: "post", path: "/me/password", tags, security: cookieAuth, summary: "Change your password (ends your other sessions and every API token)", request: jsonBody(ChangePasswordBodySchema), responses: { ...noContent, 401: commonErrors[401], 422: commonErrors[422] } }),
  async (c) => {
    await changePassword(c.get("deps").db, requireActor(c), c.req.valid("json"), c.get("sessionSecret"), clientAddress(c));
    return c.body(null, 204);
  },
);

accountRoutes.openapi(
  createRoute({ method: "get", path: "/me/tokens", tags, security: cookieAuth, summary: "Your API tokens", request: { query: PageQuery }, responses: { 200: json(pageOf(ApiTokenSchema, "ApiTokenPage"), "A page of tokens"), 401: commonErrors[401] } }),
  async (c) => c.json(await listApiTokens(c.get("deps").db, requireActor(c).userId, c.req.valid("query")), 200),
);

accountRoutes.openapi(
  createRoute({ method: "post", path: "/me/tokens", tags, security: cookieAuth, summary: "Create an API token (its secret is shown once)", request: jsonBody(CreateTokenBodySchema), responses: { 201: json(CreatedApiTokenSchema, "The new token"), 401: commonErrors[401], 422: commonErrors[422] } }),
  async (c) => {
    const body = c.req.valid("json");
    return c.json(await createApiToken(c.get("deps").db, requireActor(c).userId, body.name, body.expiresInDays), 201);
  },
);

accountRoutes.openapi(
  createRoute({ method: "delete", path: "/me/tokens/{tokenId}", tags, security: cookieAuth, summary: "Revoke an API token", request: { params: z.object({ tokenId: safeString().max(64) }) }, responses: { ...noContent, 401: commonErrors[401], 404: commonErrors[404] } }),
  async (c) => {
    await revokeApiToken(c.get("deps").db, requireActor(c).userId, c.req.valid("param").tokenId);
    return c.body(null, 204);
  },
);

accountRoutes.openapi(
  createRoute({ method: "post", path: "/auth/password-reset", tags, summary: "Ask for a link to choose a new password, sent by email; the same answer whether or not the address has an account", request: jsonBody(ForgotPasswordBodySchema), responses: { 202: { description: "If the address has an account, a link is on its way" }, 422: commonErrors[422], 429: { description: "Too many requests from this address; see Retry-After" }, 503: { description: "This accord sends no email" } } }),
  async (c) => {
    const { db, mailer, config } = c.get("deps");
    await requestPasswordReset(db, mailer, { email: c.req.valid("json").email, address: clientAddress(c), baseUrl: config.publicUrl, mailConfigured: config.smtp !== undefined });
    return c.json({ detail: "If this address has an accord account, a link to choose a new password is on its way. It works once, for an hour." }, 202);
  },
);

accountRoutes.openapi(
  createRoute({ method: "get", path: "/auth/password-reset/{token}", tags, summary: "Whether a reset link still works, and for which address", request: { params: ResetTokenParams }, responses: { 200: json(ResetInfoSchema, "The link works"), 404: commonErrors[404] } }),
  async (c) => c.json(await describePasswordReset(c.get("deps").db, c.req.valid("param").token), 200),
);

accountRoutes.openapi(
  createRoute({ method: "post", path: "/auth/password-reset/{token}", tags, summary: "Choose a new password through a reset link: proves the address, ends every session and API token, signs in", request: { params: ResetTokenParams, ...jsonBody(ResetPasswordBodySchema) }, responses: { 200: json(UserSchema, "Signed in with the new password"), 404: commonErrors[404], 422: commonErrors[422] } }),
  async (c) => {
    const { user, session } = await completePasswordReset(c.get("deps").db, c.req.valid("param").token, c.req.valid("json").password);
    setSessionCookie(c, session.secret);
    return c.json(user, 200);
  },
);
