/** Reads a request body once, straight from Node's request where there is one, with a size limit, its media type and strict UTF-8 checked; handlers and validators then read it from Hono's cache. */
import type { IncomingMessage } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import { AppError } from "../errors/app-error.ts";
import type { AppEnv } from "./env.ts";
import { decodeUtf8, positionOf } from "./utf8.ts";

const NO_BODY = new Set(["GET", "HEAD", "OPTIONS"]);

/** What a route family reads: which media types a non-empty body may have, and how to refuse one that is not UTF-8. */
export interface BodyKind {
  /** The media type's essence (lower case, no parameters) is one this kind reads. */
  accepts: (essence: string) => boolean;
  /** In words, for the 415: what to send instead. */
  expected: string;
  /** The refusal for bytes that are not UTF-8; `offset` is the first bad byte. */
  notUtf8: (bytes: Uint8Array, offset: number) => AppError;
}

/** JSON (application/json or any +json type), as every JSON route of the API reads it. */
export const JSON_BODY: BodyKind = {
  accepts: (essence) => /^application\/([\w.-]+\+)?json$/.test(essence),
  expected: "Send JSON with content-type application/json",
  notUtf8: (bytes, offset) => {
    const p = positionOf(bytes, offset);
    return new AppError("bad_request", `The body is not valid UTF-8: the byte ${p.byte} at line ${p.line}, character ${p.character} is not UTF-8. Send JSON encoded as UTF-8.`);
  },
};

async function readLimited(incoming: IncomingMessage, maxBytes: number): Promise<Buffer | "too_large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      incoming.resume(); // drain the rest so the connection can be reused
      return "too_large";
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

/** The 415 for a non-empty body whose content-type this kind does not read, or whose charset is not UTF-8; undefined when it is fine. */
export function mediaTypeProblem(contentType: string | undefined, kind: BodyKind): AppError | undefined {
  const [essence = "", ...params] = (contentType ?? "").split(";");
  const type = essence.trim().toLowerCase();
  if (!kind.accepts(type)) {
    const sent = contentType ? `content-type “${contentType.slice(0, 100)}”` : "no content-type";
    return new AppError("unsupported_media_type", `${kind.expected}; this request's body came with ${sent}, so it was not read.`);
  }
  const charset = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith("charset="))?.slice(8).replace(/^"|"$/g, "");
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
    return new AppError("unsupported_media_type", `Only UTF-8 is read; this body says charset=${charset.slice(0, 40)}. Save or send it as UTF-8.`);
  }
  return undefined;
}

/**
 * Refuses bodies over `maxBytes` (by Content-Length before reading, or by counting as it reads) through
 * `onTooLarge`; refuses a non-empty body whose content-type `kind` does not read (415) or whose bytes are not
 * UTF-8 (`kind.notUtf8`); and otherwise puts the body's text in Hono's body cache, so `c.req.json()`/`text()` and
 * the zod validators never build a web stream for it — nor decode it again leniently, turning bad bytes into U+FFFD.
 * An empty body needs no content-type. Without a Node request (tests calling `app.request`), it reads through the
 * standard Request instead, with the same limit.
 */
export function readBody(maxBytes: number, onTooLarge: (c: Context<AppEnv>) => never, kind: BodyKind = JSON_BODY): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (NO_BODY.has(c.req.method)) return next();
    const declared = c.req.header("content-length");
    if (declared !== undefined && Number(declared) > maxBytes) onTooLarge(c);
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    let bytes: Uint8Array | "too_large";
    if (incoming) {
      bytes = await readLimited(incoming, maxBytes);
    } else {
      const buffer = c.req.raw.body ? new Uint8Array(await c.req.raw.arrayBuffer()) : new Uint8Array(0);
      bytes = buffer.length > maxBytes ? "too_large" : buffer;
    }
    if (bytes === "too_large") onTooLarge(c);
    let text = "";
    if (bytes.length > 0) {
      const refused = mediaTypeProblem(c.req.header("content-type"), kind);
      if (refused) throw refused;
      const decoded = decodeUtf8(bytes);
      if ("invalidAt" in decoded) throw kind.notUtf8(bytes, decoded.invalidAt);
      text = decoded.text;
    }
    // Hono keeps promises in its body cache (its own reads store `raw.text()` there), whatever its type says.
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
    return next();
  };
}
