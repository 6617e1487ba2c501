/** A real SMTP server in the test process (the smtp-server package), collecting what accord sends, with the links found in each message. */
import { SMTPServer } from "smtp-server";
import type { Config } from "../config/config.ts";

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

export interface TestSmtp {
  port: number;
  received: ReceivedMail[];
  /** accord's SMTP settings pointing at this server. */
  settings: NonNullable<Config["smtp"]>;
  /** Waits until `count` messages have arrived (mail is sent after some answers). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** Undoes quoted-printable (soft line breaks and =XX bytes) so links can be read whole. */
function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function parse(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) => head.match(new RegExp(`^${name}: (.*)$`, "im"))?.[1]?.trim() ?? "";
  const qp = /quoted-printable/i.test(header("Content-Transfer-Encoding"));
  const b64 = /base64/i.test(header("Content-Transfer-Encoding"));
  const text = qp ? decodeQuotedPrintable(body) : b64 ? Buffer.from(body, "base64").toString("utf8") : body;
  return { to, subject: header("Subject"), text };
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push(parse(Buffer.concat(chunks).toString("utf8"), session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = (server.server.address() as { port: number }).port;
  return {
    port: address,
    received,
    settings: { host: "127.0.0.1", port: address, secure: false, user: undefined, pass: undefined, from: "accord <accord@example.org>" },
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} message(s), got ${received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a message whose path starts with `prefix` (e.g. "/invite/"), as a path. */
export function linkIn(mail: ReceivedMail | undefined, prefix: string): string {
  const match = mail?.text.match(new RegExp(`https?://[^\\s/]+(${prefix.replace(/\//g, "\\/")}[A-Za-z0-9_\\-]+)`));
  if (!match?.[1]) throw new Error(`no ${prefix} link in ${JSON.stringify(mail?.text)}`);
  return match[1];
}
