// A loopback server speaking the part of Twilio's REST API Kith calls (Messages and Calls, form-encoded
// POSTs under /2010-04-01/Accounts/<sid>/, JSON answers shaped like Twilio's), keeping every request.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

export interface TwilioRequest {
  path: string;
  authorization: string | undefined;
  params: Record<string, string>;
}

const sidOf = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

async function form(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

export async function startTwilioServer(accountSid: string) {
  const requests: TwilioRequest[] = [];
  /** The next request fails with this Twilio error, once. */
  let failNext: { status: number; code: number; message: string } | null = null;
  const server = createServer((req, res) => {
    void form(req).then((params) => {
      requests.push({ path: req.url ?? '', authorization: req.headers.authorization, params });
      const base = `/2010-04-01/Accounts/${accountSid}`;
      const json = (status: number, body: object) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
      if (failNext) {
        const failure = failNext;
        failNext = null;
        return json(failure.status, {
          code: failure.code,
          message: failure.message,
          more_info: `https://www.twilio.com/docs/errors/${failure.code}`,
          status: failure.status,
        });
      }
      const now = new Date().toUTCString();
      // A message or call Twilio has just queued, as its API answers the POST that made it.
      const queued = (sidPrefix: string, resource: string, extra: Record<string, unknown> = {}) =>
        json(201, {
          sid: sidOf(sidPrefix),
          account_sid: accountSid,
          from: params.From,
          to: params.To,
          ...extra,
          status: 'queued',
          direction: 'outbound-api',
          date_created: now,
          date_updated: now,
          uri: `${base}/${resource}/x.json`,
        });
      if (req.method === 'POST' && req.url === `${base}/Messages.json`) return queued('SM', 'Messages', { body: params.Body, num_segments: '1' });
      if (req.method === 'POST' && req.url === `${base}/Calls.json`) return queued('CA', 'Calls');
      json(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (failure: { status: number; code: number; message: string }) => void (failNext = failure),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A webhook request as Twilio sends it: form-encoded, signed over the full URL and the sorted parameters. */
export function signedWebhook(authToken: string, publicUrl: string, path: string, params: Record<string, string>) {
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, `${publicUrl}${path}`, params),
    },
    body: new URLSearchParams(params).toString(),
  };
}
