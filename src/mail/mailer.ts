/** Outgoing email: SMTP through nodemailer when configured, otherwise nothing is sent (links are shown instead). */
import nodemailer from "nodemailer";
import type { Config } from "../config/config.ts";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Resolves true when the message was handed to a mail server. */
  send(mail: OutgoingMail): Promise<boolean>;
}

export const noMailer: Mailer = { send: async () => false };

export function createMailer(smtp: Config["smtp"]): Mailer {
  if (!smtp) return noMailer;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? "" } } : {}),
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text });
        return true;
      } catch (err) {
        console.error(`accord: could not send email to ${mail.to}: ${(err as Error).message}`);
        return false;
      }
    },
  };
}
