/** zod contracts for accounts: what the API accepts and returns (these also generate the OpenAPI document). */
import { z } from "@hono/zod-openapi";
import { safeString } from "../db/safe-text.ts";
import { PasswordSchema } from "./passwords.ts";

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Use at most 254 characters.")
  .email("Enter an email address like name@example.org.");

export const NameSchema = safeString().trim().min(1, "Enter a name.").max(200, "Use at most 200 characters.");

export const UserSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string(), createdAt: z.string() })
  .openapi("User");
export type UserView = z.infer<typeof UserSchema>;

export const SetupStatusSchema = z.object({ needed: z.boolean() }).openapi("SetupStatus");

export const SetupBodySchema = z
  .strictObject({ name: NameSchema, email: EmailSchema, password: PasswordSchema })
  .openapi("SetupBody");

export const SignInBodySchema = z
  .strictObject({ email: EmailSchema, password: z.string().min(1, "Enter your password.").max(256) })
  .openapi("SignInBody");

export const ChangePasswordBodySchema = z
  .strictObject({ currentPassword: z.string().min(1, "Enter your current password.").max(256), newPassword: PasswordSchema })
  .openapi("ChangePasswordBody");

export const CreateTokenBodySchema = z
  .strictObject({ name: safeString().trim().min(1, "Name the token.").max(100) })
  .openapi("CreateTokenBody");

export const ApiTokenSchema = z
  .object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })
  .openapi("ApiToken");

export const CreatedApiTokenSchema = ApiTokenSchema.extend({ token: z.string() }).openapi("CreatedApiToken");
