import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../../config.js';
import { createKithServer, type KithServer } from '../../../http/server.js';
import { rolesFixture, type RolesFixture } from '../../../test/fixtures.js';
import { TestApp, useTestApp } from '../../../test/test-app.js';
import { testChannels } from '../test/channels-config.js';
import { startReverseProxy } from '../test/reverse-proxy.js';
import { signedWebhook } from '../test/twilio-server.js';

// Kith behind a real (loopback) reverse proxy: Twilio calls https://crm.example.com/kith/twilio/sms, TLS
// ends at the proxy, which strips /kith and passes the request to Kith on 127.0.0.1.
const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'twilio-auth-token-for-proxy-tests';
const NUMBER = '+14155550100';
const PUBLIC = 'https://crm.example.com/kith';
const channels = testChannels({ twilio: { accountSid: SID, authToken: TOKEN, apiUrl: 'http://127.0.0.1:9' } });
const getApp = useTestApp({ config: { channels, publicUrl: PUBLIC } });

let f: RolesFixture;
const running: Array<{ close(): Promise<void> }> = [];
beforeEach(async () => {
  f = await rolesFixture(getApp());
  await f.clients.ADMIN.ok(`mutation { setTwilioNumber(number: "${NUMBER}") { enabled } }`);
});
afterEach(async () => void (await Promise.all(running.splice(0).map((s) => s.close()))));

/** Kith with this configuration behind the proxy; returns the proxy's URL for the /kith prefix. */
async function behindProxy(config: Partial<Config>, forwardedHost = 'crm.example.com') {
  const server: KithServer = createKithServer(new TestApp(getApp().db, { config: { channels, ...config } }).services);
  running.push(server);
  const port = await server.listen(0, '127.0.0.1');
  const proxy = await startReverseProxy(`http://127.0.0.1:${port}`, { stripPrefix: '/kith', forwardedProto: 'https', forwardedHost });
  running.push(proxy);
  return proxy.url;
}

let sid = 0;
const sms = () => ({ MessageSid: `SM${String(++sid).padStart(32, '0')}`, AccountSid: SID, From: '+14155550132', To: NUMBER, Body: 'Through the proxy' });
const post = (proxyUrl: string, signedFor: string, params: Record<string, string>, token = TOKEN) =>
  fetch(`${proxyUrl}/twilio/sms`, signedWebhook(token, signedFor, '/twilio/sms', params)).then((r) => r.status);
const stored = () => getApp().prisma.communication.count({ where: { kind: 'SMS' } });

describe('Twilio signatures behind a reverse proxy', () => {
  it('with PUBLIC_URL (prefix included): accepts the signature over the public URL, refuses one over any other', async () => {
    const proxy = await behindProxy({ publicUrl: PUBLIC });
    expect(await post(proxy, 'http://127.0.0.1:4000', sms())).toBe(403); // the URL Kith itself listens on
    expect(await post(proxy, 'https://crm.example.com', sms())).toBe(403); // the prefix left out
    expect(await post(proxy, 'http://crm.example.com/kith', sms())).toBe(403); // the wrong scheme
    expect(await post(proxy, PUBLIC, sms(), 'another-token')).toBe(403);
    expect(await stored()).toBe(0);
    expect(await post(proxy, PUBLIC, sms())).toBe(200);
    expect(await post(proxy, 'https://crm.example.com:443/kith', sms())).toBe(200); // Twilio may sign with the port
    expect(await stored()).toBe(2);
  });

  it('with TRUST_PROXY: also accepts the scheme and host the proxy forwards, and only those', async () => {
    // PUBLIC_URL names another host (say the web app's); Twilio was given the proxy's SMS host.
    const trusted = await behindProxy({ publicUrl: 'https://app.example.com', trustProxy: true }, 'sms.example.com');
    expect(await post(trusted, 'https://sms.example.com', sms())).toBe(200);
    expect(await post(trusted, 'http://sms.example.com', sms())).toBe(403);
    expect(await post(trusted, 'https://other.example.com', sms())).toBe(403);
    expect(await post(trusted, 'https://sms.example.com', sms(), 'another-token')).toBe(403);
    // Without TRUST_PROXY the forwarded headers count for nothing.
    const untrusted = await behindProxy({ publicUrl: 'https://app.example.com', trustProxy: false }, 'sms.example.com');
    expect(await post(untrusted, 'https://sms.example.com', sms())).toBe(403);
    expect(await stored()).toBe(1);
  });
});
