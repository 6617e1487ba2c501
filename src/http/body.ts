/** Reads a request body once, straight from Node's request where there is one, with a size limit; handlers and validators then read it from Hono's cache. */
import type { IncomingMessage } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.ts";

const NO_BODY = new Set(["GET", "HEAD", "OPTIONS"]);

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

/**
 * Refuses bodies over `maxBytes` (by Content-Length before reading, or by counting as it reads) through
 * `onTooLarge`, and otherwise puts the body's text in Hono's body cache, so `c.req.json()`/`text()` and the
 * zod validators never build a web stream for it. Without a Node request (tests calling `app.request`), it
 * reads through the standard Request instead, with the same limit.
 */
export function readBody(maxBytes: number, onTooLarge: (c: Context<AppEnv>) => never): MiddlewareHandler<AppEnv> {
  const decoder = new TextDecoder("utf-8");
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
    // Hono keeps promises in its body cache (its own reads store `raw.text()` there), whatever its type says.
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(decoder.decode(bytes));
    return next();
  };
}
