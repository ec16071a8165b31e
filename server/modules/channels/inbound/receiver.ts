// The SMTP receiver for forwarding/BCC addresses (on when INBOUND_SMTP_PORT is set). Refusals come as early
// as the protocol allows: an unknown token at RCPT (550), a sender or workspace over its hourly rate at RCPT
// (450, try later), a message over INBOUND_MAX_BYTES at MAIL FROM (SIZE) or during DATA (552). STARTTLS
// presents the configured certificate (receiver-tls.ts), or smtp-server's built-in one, which still keeps
// passive listeners out of opportunistic TLS.
import type { AddressInfo } from 'node:net';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { SMTPServerSession } from 'smtp-server';
import type { AppServices } from '../../../app-services.js';
import { recipientFor, tokenOf } from './inbound-addresses.service.js';
import { storeInboundMail, type InboundRecipient } from './inbound-mail.service.js';
import { loadReceiverTls } from './receiver-tls.js';

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

interface Envelope {
  recipients: InboundRecipient[];
}

export interface InboundReceiver {
  port: number;
  /** Called with the communication's ID and the time the message was accepted (tests, latency figures). */
  onStored?: (communicationId: string, acceptedAt: number) => void;
  close(): Promise<void>;
}

export async function startInboundReceiver(app: AppServices): Promise<InboundReceiver> {
  const settings = app.config.channels.inbound;
  if (!settings) throw new Error('INBOUND_SMTP_PORT is not set.');
  const [{ SMTPServer }, { simpleParser }] = await Promise.all([import('smtp-server'), import('mailparser')]);
  const perWorkspace = new RateLimiterMemory({ points: settings.perWorkspacePerHour, duration: 3600, keyPrefix: 'inbound-ws' });
  const perSender = new RateLimiterMemory({ points: settings.perSenderPerHour, duration: 3600, keyPrefix: 'inbound-sender' });
  const envelopes = new WeakMap<SMTPServerSession, Envelope>();
  const receiver: InboundReceiver = { port: 0, close: async () => {} };
  const tls = settings.tls ? await loadReceiverTls(settings.tls) : null;
  if (tls) app.logger.info(`Inbound mail: STARTTLS with the certificate for ${tls.subject}, valid until ${tls.validTo.toISOString()}`);

  const server = new SMTPServer({
    name: settings.domain,
    banner: 'Kith inbound mail',
    size: settings.maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH'],
    logger: false,
    // A slow or stuck client must not hold a connection for long.
    socketTimeout: 60_000,
    maxClients: 100,
    ...(tls ? { key: tls.key, cert: tls.cert } : {}),
    // smtp-server ignores the return value; every path below answers through callback.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    async onRcptTo(address, session, callback) {
      try {
        const token = tokenOf(address.address, settings.domain);
        const recipient = token ? await recipientFor(app.db.prisma, token) : null;
        if (!recipient) return callback(smtpError(550, '5.1.1 No such mailbox here'));
        const sender = (session.envelope.mailFrom ? session.envelope.mailFrom.address : '').toLowerCase();
        const envelope = envelopes.get(session) ?? { recipients: [] };
        if (envelope.recipients.some((r) => r.workspaceId === recipient.workspaceId && r.userId === recipient.userId)) return callback();
        try {
          await perSender.consume(`${recipient.workspaceId}:${sender}`);
          await perWorkspace.consume(recipient.workspaceId);
        } catch {
          return callback(smtpError(450, '4.7.1 Too much mail to this address just now; try again later'));
        }
        envelope.recipients.push(recipient);
        envelopes.set(session, envelope);
        callback();
      } catch (error) {
        app.logger.error(`Inbound mail: RCPT failed: ${error instanceof Error ? error.message : String(error)}`);
        callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (!stream.sizeExceeded) chunks.push(chunk);
      });
      stream.on('end', () => {
        const acceptedAt = performance.now();
        if (stream.sizeExceeded) return callback(smtpError(552, `5.3.4 Message too big: the limit is ${settings.maxBytes} bytes`));
        const recipients = envelopes.get(session)?.recipients ?? [];
        void (async () => {
          const parsed = await simpleParser(Buffer.concat(chunks), { skipImageLinks: true, skipTextToHtml: true });
          for (const recipient of recipients) {
            const stored = await storeInboundMail(app, recipient, parsed);
            if (stored.communicationId && stored.created) receiver.onStored?.(stored.communicationId, acceptedAt);
          }
        })().then(
          () => callback(),
          (error: unknown) => {
            app.logger.error(`Inbound mail: could not store a message: ${error instanceof Error ? error.message : String(error)}`);
            callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
          },
        );
      });
    },
  });
  server.on('error', (error) => app.logger.warn(`Inbound mail: ${error.message}`));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  receiver.port = (server.server.address() as AddressInfo).port;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}
