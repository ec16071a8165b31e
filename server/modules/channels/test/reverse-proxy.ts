// A reverse proxy on loopback as Kith sits behind one: it strips a path prefix, passes the rest to Kith and
// adds X-Forwarded-Proto/Host for the scheme and host the caller used (given here, as TLS ends before it).
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function startReverseProxy(target: string, options: { stripPrefix: string; forwardedProto: string; forwardedHost: string }) {
  const server = createServer((req, res) => {
    const path = req.url!.startsWith(options.stripPrefix) ? req.url!.slice(options.stripPrefix.length) || '/' : req.url!;
    const upstream = request(
      `${target}${path}`,
      {
        method: req.method,
        headers: { ...req.headers, 'x-forwarded-proto': options.forwardedProto, 'x-forwarded-host': options.forwardedHost, 'x-forwarded-for': '198.51.100.7' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${options.stripPrefix}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
