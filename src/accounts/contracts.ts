/** zod contracts for accounts: what the API accepts and returns (these also generate the OpenAPI document). */
import { z } from "@hono/zod-openapi";
import { safeString, singleLine } from "../db/safe-text.ts";
import { PasswordSchema } from "./passwords.ts";

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Use at most 254 characters.")
  .email("Enter an email address like name@example.org.");

export const NameSchema = singleLine().trim().min(1, "Enter a name.").max(200, "Use at most 200 characters.");

export const UserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    createdAt: z.string(),
    emailProven: z.boolean().openapi({ description: "False when the account's first password came through a link a convenor or lead held, and no email has proven the address since." }),
  })
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
  .strictObject({
    name: singleLine().trim().min(1, "Name the token.").max(100),
    expiresInDays: z.number().int("Give a whole number of days.").min(1, "A token lasts at least 1 day.").max(366, "A token lasts at most 366 days.").optional().openapi({ description: "Days until the token stops working; without it, it works until revoked, a password change or reset." }),
  })
  .openapi("CreateTokenBody");

export const ApiTokenSchema = z
  .object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), expiresAt: z.string().nullable() })
  .openapi("ApiToken");

export const ForgotPasswordBodySchema = z.strictObject({ email: EmailSchema }).openapi("ForgotPasswordBody");
export const ResetPasswordBodySchema = z.strictObject({ password: PasswordSchema }).openapi("ResetPasswordBody");
export const ResetInfoSchema = z.object({ email: z.string() }).openapi("PasswordResetInfo");

export const CreatedApiTokenSchema = ApiTokenSchema.extend({ token: z.string() }).openapi("CreatedApiToken");
