import nodemailer from 'nodemailer';
import type { YogaLogger } from 'graphql-yoga';
import type { PrismaClient } from '../generated/prisma/client.js';

export interface Email {
  to: string;
  subject: string;
  text: string;
  /** The one action link of the email (verification, reset, invitation), if any. */
  link?: string;
}

export interface Mailer {
  send(email: Email): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  smtpUrl?: string;
  from: string;
  prisma: PrismaClient;
  logger: YogaLogger;
}

/** SMTP when SMTP_URL is set; otherwise a development outbox table plus one log line with the link. */
export function createMailer(options: MailerOptions): Mailer {
  if (options.smtpUrl) return smtpMailer(options.smtpUrl, options.from);
  return outboxMailer(options.prisma, options.logger);
}

function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(email) {
      await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text });
    },
    close: () => transport.close(),
  };
}

function outboxMailer(prisma: PrismaClient, logger: YogaLogger): Mailer {
  return {
    async send(email) {
      await prisma.outboxEmail.create({
        data: { to: email.to, subject: email.subject, text: email.text, link: email.link ?? null },
      });
      logger.info(`[outbox] "${email.subject}" to ${email.to}${email.link ? `: ${email.link}` : ''}`);
    },
    close: () => undefined,
  };
}
