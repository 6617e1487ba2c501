/** Small helpers for declaring routes once: the zod schemas validate requests and describe them in OpenAPI. */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { ZodType } from "zod";
import type { AppEnv } from "./env.ts";
import { validationError } from "./problem.ts";

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    instance: z.string(),
    requestId: z.string().nullable(),
  })
  .openapi("Problem");

/** A router whose validation failures become our 422 problem responses. */
export function router(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target);
    },
  });
}

export function jsonBody<T extends ZodType>(schema: T) {
  return { body: { required: true, content: { "application/json": { schema } } } } as const;
}

export function json<T extends ZodType>(schema: T, description: string) {
  return { content: { "application/json": { schema } }, description };
}

const problem = (description: string) => ({ content: { "application/problem+json": { schema: ProblemSchema } }, description });

/** The error responses every authenticated route can give. */
export const commonErrors = {
  401: problem("Not signed in"),
  403: problem("Signed in but not allowed, or refused as cross-site"),
  404: problem("Not found, or not visible to you"),
  422: problem("A field is not valid; `errors` lists each one"),
  503: problem("The database cannot be reached just now (`database_unavailable`); try again after `Retry-After` seconds"),
  507: problem("The server has no room to store this (`storage_full`); nothing was stored"),
} as const;

export const noContent = { 204: { description: "Done; nothing to return" } } as const;

export const cookieAuth: Array<Record<string, string[]>> = [{ cookieAuth: [] }, { bearerAuth: [] }];
