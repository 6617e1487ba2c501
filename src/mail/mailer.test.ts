// The SMTP mailer really speaks SMTP: a minimal local SMTP listener receives the invitation email.
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createMailer, noMailer } from "./mailer.ts";

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** Just enough of RFC 5321 for nodemailer: greets, accepts one message per DATA, quits. */
function fakeSmtp(): Promise<{ port: number; received: Received[]; close: () => void }> {
  const received: Received[] = [];
  const server = net.createServer((socket) => {
    let buffer = "";
    let inData = false;
    let current: Received = { from: "", to: [], data: "" };
    socket.write("220 fake ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let idx: number;
      while ((idx = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, idx);
        buffer = buffer.slice(idx + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push(current);
            current = { from: "", to: [], data: "" };
            socket.write("250 queued\r\n");
          } else current.data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250-fake\r\n250 8BITMIME\r\n");
        else if (verb === "MAIL") (current.from = line), socket.write("250 ok\r\n");
        else if (verb === "RCPT") current.to.push(line), socket.write("250 ok\r\n");
        else if (verb === "DATA") (inData = true), socket.write("354 go ahead\r\n");
        else if (verb === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({ port, received, close: () => server.close() });
    });
  });
}

let close: (() => void) | undefined;
afterEach(() => close?.());

describe("mailer", () => {
  it("sends through the configured SMTP server", async () => {
    const smtp = await fakeSmtp();
    close = smtp.close;
    const mailer = createMailer({ host: "127.0.0.1", port: smtp.port, secure: false, user: undefined, pass: undefined, from: "accord <accord@example.org>" });
    const ok = await mailer.send({ to: "ike@example.org", subject: "You are invited", text: "Open http://localhost/invite/abc" });
    expect(ok).toBe(true);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to.join()).toContain("ike@example.org");
    expect(smtp.received[0]?.data).toContain("http://localhost/invite/abc");
  });

  it("reports false, without throwing, when the server cannot be reached", async () => {
    const mailer = createMailer({ host: "127.0.0.1", port: 1, secure: false, user: undefined, pass: undefined, from: "a@example.org" });
    expect(await mailer.send({ to: "x@example.org", subject: "s", text: "t" })).toBe(false);
  });

  it("sends nothing without SMTP settings", async () => {
    expect(createMailer(undefined)).toBe(noMailer);
    expect(await noMailer.send({ to: "x@example.org", subject: "s", text: "t" })).toBe(false);
  });
});
