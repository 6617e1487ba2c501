/** Each register's request bodies, built once from its field specs and named for the OpenAPI document. */
import { z } from "@hono/zod-openapi";
import { REGISTERS } from "./definitions/index.ts";
import { useTheAction } from "./edit-rules.ts";
import { createSchema, updateSchema } from "./fields.ts";
import { REGISTER_KEYS, type RegisterKey } from "./keys.ts";

const pascal = (key: string) => key.split("-").map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");

/** Participations kept beside the fields (sign-ups): named in the body only to be refused with the action to use instead. */
function actionOnly(key: RegisterKey) {
  const def = REGISTERS[key];
  const shape: Record<string, z.ZodType> = {};
  for (const p of def.participation ?? []) {
    if (def.fields.some((f) => f.name === p.field)) continue;
    const message = useTheAction(def, p);
    shape[p.field] = z.unknown().refine(() => false, message).optional().openapi({ description: `Not accepted: ${message}` });
  }
  return shape;
}

export const CREATE_BODIES = Object.fromEntries(
  REGISTER_KEYS.map((k) => [k, createSchema(REGISTERS[k].fields).extend(actionOnly(k)).openapi(`Create${pascal(k)}Body`)]),
) as Record<RegisterKey, ReturnType<typeof createSchema>>;

export const UPDATE_BODIES = Object.fromEntries(
  REGISTER_KEYS.map((k) => [k, updateSchema(REGISTERS[k].fields).extend(actionOnly(k)).openapi(`Update${pascal(k)}Body`)]),
) as Record<RegisterKey, ReturnType<typeof updateSchema>>;

export { pascal };
