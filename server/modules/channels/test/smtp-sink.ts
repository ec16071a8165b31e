// A real SMTP server on loopback (the smtp-server library) that demands a login and keeps what it accepts.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  user: string | null;
  envelopeFrom: string | null;
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
}

/** Signs in with a password, or with XOAUTH2 when an access token check is given. */
export async function startSmtpSink(credentials: { user: string; pass: string; accessTokenValid?: (token: string) => boolean }) {
  const received: SinkMessage[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: credentials.accessTokenValid ? ['XOAUTH2'] : ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.method === 'XOAUTH2') {
        if (auth.username === credentials.user && credentials.accessTokenValid?.(auth.accessToken ?? '')) return callback(null, { user: auth.username });
        return callback(null, { data: { status: '401', schemes: 'bearer' } });
      }
      if (auth.username === credentials.user && auth.password === credentials.pass) return callback(null, { user: auth.username });
      callback(new Error('535 Authentication failed'));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@refused.example')) return callback(new Error('550 No such mailbox'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((parsed) => {
          received.push({
            user: typeof session.user === 'string' ? session.user : null,
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            raw,
            parsed,
          });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
