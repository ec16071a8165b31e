import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { YogaLogger } from 'graphql-yoga';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STRONG_PASSWORD, signUpThroughApi } from '../test/fixtures.js';
import { errorCodes, TestApp, useTestApp } from '../test/test-app.js';
import { createMailer, type MailerOptions } from './mailer.js';
import { emailChangedNotice, verificationEmail } from './templates.js';

const getApp = useTestApp();

interface ReceivedMessage {
  envelopeFrom: string | null;
  envelopeTo: string[];
  headers: Map<string, string>;
  body: string;
}

/** Reads the parts of an RFC 5322 message the tests look at, undoing the transfer encoding of a single-part body. */
function parseMessage(raw: string): Pick<ReceivedMessage, 'headers' | 'body'> {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const body = raw.slice(split + 4);
  switch (headers.get('content-transfer-encoding')?.toLowerCase()) {
    case 'quoted-printable': {
      const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return { headers, body: Buffer.from(bytes, 'latin1').toString('utf8') };
    }
    case 'base64':
      return { headers, body: Buffer.from(body, 'base64').toString('utf8') };
    default:
      return { headers, body };
  }
}

/** A real SMTP server on a free local port that keeps every message it accepts. */
async function startSmtpSink() {
  const received: ReceivedMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@refused.example')) return callback(new Error('550 No such mailbox'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          ...parseMessage(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function recordingLogger() {
  const calls: Array<{ level: string; message: string }> = [];
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      calls.push({ level, message: args.map(String).join(' ') });
  const logger: YogaLogger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
  return { logger, calls };
}

const LINK = 'http://localhost:4000/verify-email?token=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCd';
const FROM = 'Kith <no-reply@kith.test>';

function mailerFor(options: Partial<MailerOptions> = {}) {
  return createMailer({ smtpUrl: sink.url, from: FROM, prisma: getApp().prisma, logger: recordingLogger().logger, ...options });
}

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(() => sink.close());
beforeEach(() => {
  sink.received.length = 0;
});

describe('SMTP mode', () => {
  it('delivers to the recipient with the subject and the link intact', async () => {
    const { logger, calls } = recordingLogger();
    const mailer = mailerFor({ logger });

    await mailer.send(verificationEmail('ada@example.com', 'Ada Lovelace', LINK));
    mailer.close();

    expect(sink.received).toHaveLength(1);
    const [message] = sink.received;
    expect(message!.envelopeFrom).toBe('no-reply@kith.test');
    expect(message!.envelopeTo).toEqual(['ada@example.com']);
    expect(message!.headers.get('to')).toBe('ada@example.com');
    expect(message!.headers.get('from')).toBe(FROM);
    expect(message!.headers.get('subject')).toBe('Verify your email for Kith');
    expect(message!.body).toContain(`Hello Ada Lovelace,`);
    expect(message!.body).toContain(LINK);
    // Real mail neither lands in the development outbox nor puts the secret link in the log.
    expect(await getApp().prisma.outboxEmail.count()).toBe(0);
    expect(calls.filter((c) => c.message.includes(LINK))).toEqual([]);
  });

  it('keeps non-ASCII names intact', async () => {
    const mailer = mailerFor();

    await mailer.send(emailChangedNotice('zoe@example.com', 'Zoë Ångström', 'zoe@new.example'));
    mailer.close();

    expect(sink.received[0]!.body).toContain('Hello Zoë Ångström,');
    expect(sink.received[0]!.body).toContain('zoe@new.example');
  });

  it('rejects when the server refuses the recipient, so callers see the failure', async () => {
    const mailer = mailerFor();

    await expect(mailer.send(verificationEmail('ghost@refused.example', 'Ghost', LINK))).rejects.toMatchObject({ code: 'EENVELOPE', responseCode: 550 });
    mailer.close();
    expect(sink.received).toEqual([]);
  });

  it('gives up on a server that never answers instead of holding the request', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket)); // accepts connections, never greets
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const mailer = mailerFor({ smtpUrl: `smtp://127.0.0.1:${port}`, smtpTimeoutMs: 300 });

    try {
      const started = Date.now();
      await expect(mailer.send(verificationEmail('ada@example.com', 'Ada', LINK))).rejects.toMatchObject({ code: 'ETIMEDOUT' });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      mailer.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('outbox mode (no SMTP_URL)', () => {
  it('writes an OutboxEmail row and logs one line with the link', async () => {
    const { logger, calls } = recordingLogger();
    const mailer = mailerFor({ smtpUrl: undefined, logger });

    await mailer.send(verificationEmail('ada@example.com', 'Ada Lovelace', LINK));

    const rows = await getApp().prisma.outboxEmail.findMany();
    expect(rows).toEqual([expect.objectContaining({ to: 'ada@example.com', subject: 'Verify your email for Kith', link: LINK })]);
    expect(rows[0]!.text).toContain(LINK);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.level).toBe('info');
    expect(calls[0]!.message).toContain(LINK);
    expect(calls[0]!.message).toContain('ada@example.com');
    expect(sink.received).toEqual([]);
  });

  it('keeps the link out of the log when links must not be logged (production)', async () => {
    const { logger, calls } = recordingLogger();
    const mailer = mailerFor({ smtpUrl: undefined, logger, logLinks: false });

    await mailer.send(verificationEmail('ada@example.com', 'Ada Lovelace', LINK));

    expect((await getApp().prisma.outboxEmail.findFirstOrThrow()).link).toBe(LINK);
    expect(calls).toEqual([{ level: 'info', message: '[outbox] "Verify your email for Kith" to ada@example.com' }]);
  });

  it('warns once at startup when a production server has no SMTP_URL, since its emails would wait in the outbox table', () => {
    const { logger, calls } = recordingLogger();
    mailerFor({ smtpUrl: undefined, logger, production: true });
    expect(calls).toEqual([{ level: 'warn', message: expect.stringContaining('SMTP_URL is not set') }]);

    const quiet = recordingLogger();
    mailerFor({ smtpUrl: undefined, logger: quiet.logger });
    mailerFor({ logger: quiet.logger, production: true });
    expect(quiet.calls).toEqual([]);
  });

  it('stores an email without a link with a null link', async () => {
    const { logger, calls } = recordingLogger();
    const mailer = mailerFor({ smtpUrl: undefined, logger });

    await mailer.send(emailChangedNotice('ada@example.com', 'Ada Lovelace', 'ada@new.example'));

    expect(await getApp().prisma.outboxEmail.findFirstOrThrow()).toMatchObject({ to: 'ada@example.com', link: null });
    expect(calls).toEqual([{ level: 'info', message: '[outbox] "Your Kith email is changing" to ada@example.com' }]);
  });
});

describe('end to end', () => {
  it('delivers the sign-up verification email through SMTP when SMTP_URL is configured, with a working link', async () => {
    const app = new TestApp(getApp().db, { config: { smtpUrl: sink.url } });

    const { client, result } = await signUpThroughApi(app);
    expect(result.errors).toBeUndefined();

    expect(sink.received).toHaveLength(1);
    const [message] = sink.received;
    expect(message!.envelopeTo).toEqual(['ada@example.com']);
    expect(message!.envelopeFrom).toBe('no-reply@kith.localhost');
    expect(message!.headers.get('subject')).toBe('Verify your email for Kith');
    const link = message!.body.match(/http:\/\/localhost:4000\/verify-email\?token=\S+/)?.[0];
    expect(link).toBeDefined();
    expect(await app.prisma.outboxEmail.count()).toBe(0);

    const token = new URL(link!).searchParams.get('token');
    const verified = await client.ok(`mutation($t: String!) { verifyEmail(token: $t) { emailVerified } }`, { t: token });
    expect(verified).toEqual({ verifyEmail: { emailVerified: true } });
  });

  it('delivers through a mailer passed as a service override too', async () => {
    const mailer = mailerFor({ from: 'Kith <hello@kith.test>' });
    const app = new TestApp(getApp().db, { mailer });

    await signUpThroughApi(app, { email: 'grace@example.com', name: 'Grace Hopper' });
    mailer.close();

    expect(sink.received.map((m) => [m.envelopeFrom, m.envelopeTo, m.headers.get('subject')])).toEqual([
      ['hello@kith.test', ['grace@example.com'], 'Verify your email for Kith'],
    ]);
    expect(sink.received[0]!.body).toMatch(/Hello Grace Hopper,[\s\S]*\/verify-email\?token=[A-Za-z0-9]{40}/);
  });
});

describe('when SMTP refuses a message', () => {
  function appWithRefusingSmtp() {
    const { logger, calls } = recordingLogger();
    return { app: new TestApp(getApp().db, { config: { smtpUrl: sink.url }, logger }), errors: () => calls.filter((c) => c.level === 'error') };
  }

  it('sign-up still succeeds and signs the user in, logging the lost verification email', async () => {
    const { app, errors } = appWithRefusingSmtp();

    const { client, result } = await signUpThroughApi(app, { email: 'ada@refused.example' });
    expect(result.errors).toBeUndefined();

    expect(await client.ok(`{ me { email emailVerified } }`)).toEqual({ me: { email: 'ada@refused.example', emailVerified: false } });
    expect(errors()).toEqual([{ level: 'error', message: expect.stringMatching(/^Could not send "Verify your email for Kith" to ada@refused\.example: /) }]);
    expect(errors()[0]!.message).not.toContain('token=');
  });

  it('requestPasswordReset still answers true, exactly as for an unknown email', async () => {
    const { app, errors } = appWithRefusingSmtp();
    await signUpThroughApi(app, { email: 'ada@refused.example' });

    const result = await app.client().gql(`mutation { requestPasswordReset(email: "ada@refused.example") }`);
    expect(result).toEqual({ data: { requestPasswordReset: true } });
    expect(errors().map((e) => e.message)).toContainEqual(expect.stringContaining('"Reset your Kith password"'));
  });

  it('an email change whose notice to the old address fails sends no confirmation link', async () => {
    const { client: outboxClient } = await signUpThroughApi(getApp(), { email: 'ada@refused.example' });
    const { app } = appWithRefusingSmtp();
    const client = app.client();
    client.cookie = outboxClient.cookie;

    const result = await client.gql(`mutation { requestEmailChange(newEmail: "ada@new.example", password: "${STRONG_PASSWORD}") }`);
    expect(errorCodes(result)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(sink.received).toEqual([]);
  });
});
