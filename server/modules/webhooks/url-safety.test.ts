import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { postDelivery } from './webhooks.service.js';
import { assertPublicDestination, isPrivateAddress } from './url-safety.js';

describe('isPrivateAddress', () => {
  it.each<[string, string[], boolean]>([
    [
      'refuses loopback, private, shared, benchmarking, IETF, documentation and reserved IPv4 ranges',
      [
        '0.0.0.0',
        '10.0.0.1',
        '100.64.0.1',
        '100.127.255.254',
        '127.0.0.1',
        '169.254.169.254',
        '172.16.0.1',
        '172.31.255.255',
        '192.0.0.8',
        '192.0.2.1',
        '192.168.1.1',
        '198.18.0.1',
        '198.19.255.254',
        '198.51.100.7',
        '203.0.113.9',
        '224.0.0.1',
        '240.0.0.1',
        '255.255.255.255',
      ],
      true,
    ],
    [
      'refuses IPv6 loopback, IPv4-mapped/compatible private addresses, NAT64, 6to4, Teredo, ULA, link-local and multicast',
      [
        '::',
        '::1',
        '::ffff:127.0.0.1',
        '::ffff:10.0.0.1',
        '::127.0.0.1',
        '64:ff9b::a9fe:a9fe',
        '64:ff9b::7f00:1',
        '64:ff9b:1::1',
        '2002:7f00:1::1',
        '2002:a9fe:a9fe::1',
        '2001:0:4136:e378::1',
        '2001:db8::1',
        'fc00::1',
        'fd12:3456::1',
        'fe80::1',
        'ff02::1',
        '100::1',
      ],
      true,
    ],
    [
      'lets public addresses through',
      [
        '8.8.8.8',
        '1.1.1.1',
        '100.63.255.255',
        '100.128.0.1',
        '198.17.255.255',
        '198.20.0.1',
        '192.0.1.1',
        '2606:4700:4700::1111',
        '2a00:1450:4001::200e',
        '::ffff:8.8.8.8',
      ],
      false,
    ],
  ])('%s', (_title, addresses, isPrivate) => {
    for (const address of addresses) expect({ address, private: isPrivateAddress(address) }).toEqual({ address, private: isPrivate });
  });
});

describe('assertPublicDestination', () => {
  it('returns the checked address to pin, and refuses names that resolve to loopback', async () => {
    expect(await assertPublicDestination(new URL('https://8.8.8.8/hook'), false)).toEqual({ address: '8.8.8.8', family: 4 });
    expect(await assertPublicDestination(new URL('https://[2606:4700:4700::1111]/hook'), false)).toEqual({ address: '2606:4700:4700::1111', family: 6 });
    await expect(assertPublicDestination(new URL('http://localhost/hook'), false)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(assertPublicDestination(new URL('http://[64:ff9b::7f00:1]/hook'), false)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(await assertPublicDestination(new URL('http://localhost/hook'), true)).toBeNull();
  });
});

describe('postDelivery', () => {
  let receiver: Server | null = null;
  afterEach(async () => {
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
    receiver = null;
  });

  it('connects to the pinned address without resolving the host again, and still sends the URL host as Host', async () => {
    const seen: Array<{ host?: string; body: string }> = [];
    receiver = createServer((req, res) => {
      let body = '';
      req
        .on('data', (chunk) => (body += chunk))
        .on('end', () => {
          seen.push({ host: req.headers.host, body });
          res.writeHead(204).end();
        });
    });
    const port = await new Promise<number>((resolve) => receiver!.listen(0, '127.0.0.1', () => resolve((receiver!.address() as { port: number }).port)));
    // `.invalid` never resolves (RFC 6761): reaching the receiver proves that no second lookup happened.
    const url = new URL(`http://hooks.kith-rebind.invalid:${port}/in`);
    const result = await postDelivery(url, '{"a":1}', 't=1,v1=x', { address: '127.0.0.1', family: 4 });
    expect(result.status).toBe(204);
    expect(seen).toEqual([{ host: `hooks.kith-rebind.invalid:${port}`, body: '{"a":1}' }]);
    // Unpinned, the same URL fails at DNS: the pin is what made it work.
    await expect(postDelivery(url, '{}', 't=1,v1=x', null)).rejects.toThrow(/ENOTFOUND|EAI_AGAIN/);
  });
});
