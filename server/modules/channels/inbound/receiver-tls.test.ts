import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { rolesFixture, type RolesFixture } from '../../../test/fixtures.js';
import { useTestApp } from '../../../test/test-app.js';
import { channelsConfigFrom } from '../config.js';
import { testChannels } from '../test/channels-config.js';
import { startInboundReceiver } from './receiver.js';

// A self-signed certificate for mx.kith.test, made by openssl for this run, and a second one to tell apart.
const dir = mkdtempSync(join(tmpdir(), 'kith-inbound-tls-'));
function selfSigned(name: string) {
  const [certFile, keyFile] = [join(dir, `${name}.crt`), join(dir, `${name}.key`)];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${name}`,
      '-addext',
      `subjectAltName=DNS:${name}`,
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  return { certFile, keyFile, cert: readFileSync(certFile) };
}
const ours = selfSigned('mx.kith.test');
const other = selfSigned('other.kith.test');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DOMAIN = 'in.kith.test';
const inbound = { port: 0, host: '127.0.0.1', domain: DOMAIN, maxBytes: 1024 * 1024, perWorkspacePerHour: 40, perSenderPerHour: 10 };
const getApp = useTestApp({ config: { channels: testChannels({ inbound: { ...inbound, tls: { certFile: ours.certFile, keyFile: ours.keyFile } } }) } });

let f: RolesFixture;
beforeEach(async () => {
  f = await rolesFixture(getApp());
});

/** Sends over STARTTLS only (requireTLS), trusting nothing but the given certificate for mx.kith.test. */
async function sendOverStartTls(port: number, trusted: Buffer, to: string) {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    requireTLS: true,
    tls: { ca: [trusted], servername: 'mx.kith.test' },
  });
  try {
    return await transport.sendMail({ from: 'ada@example.com', to, subject: 'Over TLS', text: 'Encrypted on the way in.', messageId: '<tls-1@example.com>' });
  } finally {
    transport.close();
  }
}

describe('inbound receiver TLS', () => {
  it('offers STARTTLS with the configured certificate; a sender that upgrades delivers, one trusting another certificate cannot', async () => {
    const receiver = await startInboundReceiver(getApp().services);
    try {
      const { workspaceAddress } = (await f.clients.MEMBER.ok(`{ inboundMail { workspaceAddress } }`)).inboundMail;
      await expect(sendOverStartTls(receiver.port, other.cert, workspaceAddress)).rejects.toThrow(/certificate/i);
      expect(await getApp().prisma.communication.count()).toBe(0);

      const sent = await sendOverStartTls(receiver.port, ours.cert, workspaceAddress);
      expect(sent.accepted).toEqual([workspaceAddress]);
      const stored = await getApp().prisma.communication.findFirstOrThrow({ include: { emailMessage: true } });
      expect(stored).toMatchObject({ subject: 'Over TLS', emailMessage: { messageId: 'tls-1@example.com', source: 'FORWARDED' } });
    } finally {
      await receiver.close();
    }
  });

  it("refuses to start with a key that is not the certificate's, or a file that is not PEM", async () => {
    const start = (tls: { certFile: string; keyFile: string }) => {
      const app = getApp();
      const services = { ...app.services, config: { ...app.services.config, channels: { ...app.services.config.channels, inbound: { ...inbound, tls } } } };
      return startInboundReceiver(services);
    };
    await expect(start({ certFile: ours.certFile, keyFile: other.keyFile })).rejects.toThrow('INBOUND_TLS_KEY does not belong to the certificate');
    const notPem = join(dir, 'not.pem');
    writeFileSync(notPem, 'hello');
    await expect(start({ certFile: notPem, keyFile: ours.keyFile })).rejects.toThrow('is not a PEM certificate');
    await expect(start({ certFile: join(dir, 'missing.crt'), keyFile: ours.keyFile })).rejects.toThrow('cannot read INBOUND_TLS_CERT');
  });

  it('reads INBOUND_TLS_CERT and INBOUND_TLS_KEY together, never one alone', () => {
    const env = { INBOUND_SMTP_PORT: '2525', INBOUND_DOMAIN: DOMAIN };
    expect(channelsConfigFrom({ ...env, INBOUND_TLS_CERT: ours.certFile, INBOUND_TLS_KEY: ours.keyFile }).inbound?.tls).toEqual({
      certFile: ours.certFile,
      keyFile: ours.keyFile,
    });
    expect(channelsConfigFrom(env).inbound?.tls).toBeNull();
    expect(() => channelsConfigFrom({ ...env, INBOUND_TLS_CERT: ours.certFile })).toThrow('INBOUND_TLS_CERT and INBOUND_TLS_KEY');
  });
});
