import type { Transporter } from 'nodemailer';
import type { YogaLogger } from 'graphql-yoga';
import type { PrismaClient } from '../generated/prisma/client.js';
import { expiredBefore } from '../retention.js';

export interface Email {
  to: string;
  subject: string;
  text: string;
  /** The one action link of the email (verification, reset, invitation), if any. */
  link?: string;
  /** The workspace the email is about: the outbox row is purged with it. */
  workspaceId?: string | null;
  /** The recipient's account, when they have one: the outbox row is purged with it. */
  userId?: string | null;
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
  /** How long a silent SMTP server may keep a request waiting (connect, greeting, each reply). */
  smtpTimeoutMs?: number;
  /** Whether the outbox log line shows the action link (development only). */
  logLinks?: boolean;
  /** A production server without SMTP warns at startup: its emails would only reach the outbox table. */
  production?: boolean;
}

// Mail is sent inside requests: nodemailer's own defaults would let a stuck server hold one for 10 minutes.
const SMTP_TIMEOUT_MS = 10_000;

/** SMTP when SMTP_URL is set; otherwise a development outbox table plus one log line with the link. */
export function createMailer(options: MailerOptions): Mailer {
  if (options.smtpUrl) return smtpMailer(options.smtpUrl, options.from, options.smtpTimeoutMs ?? SMTP_TIMEOUT_MS);
  if (options.production) {
    options.logger.warn(
      'SMTP_URL is not set: emails (verification, password reset, invitations) are not sent, only kept in the OutboxEmail table for RETENTION_OUTBOX_DAYS',
    );
  }
  return outboxMailer(options.prisma, options.logger, options.logLinks ?? true);
}

/** Sends, but logs a failure instead of throwing: for emails whose loss must not fail (or reveal) anything. */
export async function sendOrLog(mailer: Mailer, logger: YogaLogger, email: Email): Promise<void> {
  try {
    await mailer.send(email);
  } catch (error) {
    logger.error(`Could not send "${email.subject}" to ${email.to}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function smtpMailer(smtpUrl: string, from: string, timeoutMs: number): Mailer {
  // nodemailer is loaded by the first email, not at start. Query parameters in SMTP_URL (for example
  // ?ignoreTLS=true) still override these options.
  let transport: Promise<Transporter> | undefined;
  const connect = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({ url: smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs }),
    ));
  return {
    async send(email) {
      await (await connect()).sendMail({ from, to: email.to, subject: email.subject, text: email.text });
    },
    close: () => void transport?.then((t) => t.close()),
  };
}

function outboxMailer(prisma: PrismaClient, logger: YogaLogger, logLinks: boolean): Mailer {
  return {
    async send(email) {
      await prisma.outboxEmail.create({
        data: {
          to: email.to,
          subject: email.subject,
          text: email.text,
          link: email.link ?? null,
          workspaceId: email.workspaceId ?? null,
          userId: email.userId ?? null,
        },
      });
      // Links are secrets: a production server without SMTP keeps them in the table only.
      const link = logLinks && email.link ? `: ${email.link}` : '';
      logger.info(`[outbox] "${email.subject}" to ${email.to}${link}`);
    },
    close: () => undefined,
  };
}

/** Outbox emails hold addresses, names and token links: the daily sweep deletes them after `days`. */
export async function expireOutboxEmails(prisma: Pick<PrismaClient, 'outboxEmail'>, days: number, now = new Date()): Promise<number> {
  return (await prisma.outboxEmail.deleteMany({ where: { createdAt: { lt: expiredBefore(days, now) } } })).count;
}
