/** Each register's request bodies, built once from its field specs and named for the OpenAPI document. */
import { REGISTERS } from "./definitions/index.ts";
import { createSchema, updateSchema } from "./fields.ts";
import { REGISTER_KEYS, type RegisterKey } from "./keys.ts";

const pascal = (key: string) => key.split("-").map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");

export const CREATE_BODIES = Object.fromEntries(
  REGISTER_KEYS.map((k) => [k, createSchema(REGISTERS[k].fields).openapi(`Create${pascal(k)}Body`)]),
) as Record<RegisterKey, ReturnType<typeof createSchema>>;

export const UPDATE_BODIES = Object.fromEntries(
  REGISTER_KEYS.map((k) => [k, updateSchema(REGISTERS[k].fields).openapi(`Update${pascal(k)}Body`)]),
) as Record<RegisterKey, ReturnType<typeof updateSchema>>;

export { pascal };
