/** OpenAPI pieces for edits that cross: the If-Match request header, the ETag response header and the 400/412/428 answers. */
import { z } from "@hono/zod-openapi";
import { ProblemSchema } from "../http/openapi.ts";

/** Optional to the validator: a change may name its version in the body instead; the use case answers 428 when neither is sent. */
export const IfMatchHeader = z.object({
  "if-match": z
    .string()
    .max(1000)
    .optional()
    .openapi({
      param: { name: "if-match", in: "header" },
      description: 'The ETag of the version you loaded, e.g. "3" (with the quotes). A different stored version gives 412 and nothing is written. `*` is refused (428): it would overwrite whatever is stored.',
      example: '"3"',
    }),
});

const etag = { ETag: { description: 'The entry\'s version as a strong entity tag, e.g. "3": send it back as If-Match to change the entry.', schema: { type: "string" as const } } };

/** A response carrying one entry, with its ETag header. */
export function entryJson<T extends z.ZodType>(schema: T, description: string) {
  return { content: { "application/json": { schema } }, description, headers: etag };
}

/** A 204 after a write (removal), with the removed entry's new ETag for a restore. */
export const noContentWithEtag = { 204: { description: "Done; nothing to return. ETag names the new version (for a restore).", headers: etag } } as const;

const problem = (description: string) => ({ content: { "application/problem+json": { schema: ProblemSchema } }, description });

/** What a write to an existing entry can answer about its precondition. */
export function preconditionErrors(body: boolean) {
  return {
    400: problem("If-Match is not `*` or a list of entity tags"),
    412: problem(`If-Match names a version that is no longer stored${body ? ", or disagrees with the body's version" : ""}; nothing was written — reload and try again`),
    428: problem(`Neither If-Match${body ? ' nor "version" in the body' : ""} says which version you changed (or If-Match was \`*\`); nothing was written`),
  } as const;
}
