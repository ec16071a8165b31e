import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rolesFixture, type RolesFixture } from '../../../test/fixtures.js';
import { TestApp, useTestApp } from '../../../test/test-app.js';
import { sealSecret } from '../secrets/sealed-secret.js';
import { testChannels } from '../test/channels-config.js';
import { startDovecot, type TestDovecot } from '../test/dovecot.js';
import { imapClientFor } from './imap-client.js';
import { syncMailbox } from './mailbox-sync.js';
import { MailboxWatcher } from './mailbox-watcher.js';
import { acquireSyncLease, SyncLeaseLost } from './sync-lease.js';

const channels = testChannels();
const getApp = useTestApp({ config: { channels } });
const PASS = 'lease-pass';
const USERS = ['race@example.com', 'fence@example.com'];
let dovecot: TestDovecot;
let f: RolesFixture;

beforeAll(async () => {
  dovecot = await startDovecot(Object.fromEntries(USERS.map((u) => [u, PASS])));
});
afterAll(() => dovecot.stop());
beforeEach(async () => {
  f = await rolesFixture(getApp());
});

async function appendMessages(user: string, from: number, count: number) {
  const client = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, auth: { user, pass: PASS }, logger: false });
  await client.connect();
  for (let i = from; i < from + count; i++) {
    await client.append(
      'INBOX',
      [
        `From: p${i}@example.net`,
        `To: ${user}`,
        `Subject: Message ${i}`,
        `Message-ID: <${user}-${i}@example.net>`,
        `Date: ${new Date().toUTCString()}`,
        '',
        `Body ${i}`,
        '',
      ].join('\r\n'),
    );
  }
  await client.logout();
}

async function mailboxFor(user: string) {
  return getApp().prisma.mailbox.create({
    data: {
      workspaceId: f.workspaceId,
      userId: f.users.MEMBER.id,
      host: '127.0.0.1',
      port: dovecot.port,
      secure: false,
      username: user,
      passwordSealed: sealSecret(channels.secretKeys, f.workspaceId, PASS),
      importEveryone: true,
      syncSince: new Date(Date.now() - 86_400_000),
    },
  });
}

const messageIds = async () => (await getApp().prisma.emailMessage.findMany({ select: { messageId: true } })).map((m) => m.messageId).sort();

describe('one sync per mailbox across Kith processes', () => {
  it('two instances race for one mailbox: exactly one syncs, nothing is stored twice, and the other takes over when it stops', async () => {
    await appendMessages(USERS[0]!, 0, 12);
    const mailbox = await mailboxFor(USERS[0]!);
    // Two Kith instances over the same database, each with its own services and its own holder name.
    const instances = ['instance-a', 'instance-b'].map(
      (holder) =>
        new MailboxWatcher(new TestApp(getApp().db, { config: { channels } }).services, mailbox.id, {
          lease: { holder, ms: 3000 },
          leaseRetryMs: 100,
          batchSize: 4,
        }),
    );
    instances.forEach((watcher) => watcher.start());
    try {
      await vi.waitFor(
        async () => {
          expect((await getApp().prisma.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } })).status).toBe('IDLE');
          expect(await getApp().prisma.emailMessage.count()).toBe(12);
        },
        { timeout: 20_000, interval: 50 },
      );
      const connections = instances.map((w) => w.connections).sort();
      expect(connections).toEqual([0, 1]);
      const [syncing, waiting] = instances[0]!.connections === 1 ? instances : [instances[1]!, instances[0]!];
      expect((await getApp().prisma.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } })).syncLeaseHolder).toBe(
        syncing === instances[0] ? 'instance-a' : 'instance-b',
      );

      await syncing!.stop(); // releases the lease
      await vi.waitFor(() => expect(waiting!.connections).toBe(1), { timeout: 10_000, interval: 50 });
      await appendMessages(USERS[0]!, 12, 2);
      await vi.waitFor(async () => expect(await getApp().prisma.emailMessage.count()).toBe(14), { timeout: 20_000, interval: 50 });
      expect(await messageIds()).toEqual(Array.from({ length: 14 }, (_, i) => `${USERS[0]}-${i}@example.net`).sort());
      expect(await getApp().prisma.communication.count()).toBe(14);
    } finally {
      await Promise.all(instances.map((w) => w.stop()));
    }
  });

  it("a crashed holder's lease is taken only once it has expired", async () => {
    const mailbox = await mailboxFor(USERS[0]!);
    await getApp().prisma
      .$executeRaw`UPDATE "Mailbox" SET "syncLeaseHolder" = 'crashed', "syncLeaseUntil" = (now() AT TIME ZONE 'UTC') + interval '1500 milliseconds' WHERE "id" = ${mailbox.id}::uuid`;
    const { syncLeaseUntil } = await getApp().prisma.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } });
    const attempts: Array<{ at: number; taken: boolean }> = [];
    await vi.waitFor(
      async () => {
        const taken = await acquireSyncLease(getApp().prisma, mailbox.id, { holder: 'successor', ms: 60_000 });
        attempts.push({ at: Date.now(), taken });
        expect(taken).toBe(true);
      },
      { timeout: 10_000, interval: 100 },
    );
    const expiry = syncLeaseUntil!.getTime();
    expect(attempts.filter((a) => a.taken)).toHaveLength(1);
    expect(attempts.filter((a) => a.at < expiry - 50).length).toBeGreaterThan(0);
    expect(attempts.filter((a) => a.at < expiry - 50).every((a) => !a.taken)).toBe(true);
    expect(attempts.at(-1)!.at).toBeGreaterThanOrEqual(expiry - 50);
    expect(await acquireSyncLease(getApp().prisma, mailbox.id, { holder: 'third', ms: 60_000 })).toBe(false);
  });

  it('a holder that lost its lease midway cannot commit another batch', async () => {
    await appendMessages(USERS[1]!, 0, 9);
    const mailbox = await mailboxFor(USERS[1]!);
    const lease = { holder: 'stalled', ms: 60_000 };
    expect(await acquireSyncLease(getApp().prisma, mailbox.id, lease)).toBe(true);
    const client = await imapClientFor(getApp().services.config, mailbox);
    await client.connect();
    try {
      const sync = syncMailbox(getApp().services, client, mailbox, {
        batchSize: 3,
        lease,
        // After the first batch, another process takes the mailbox over (as after this one stalled past its expiry).
        afterBatch: () =>
          getApp()
            .prisma.mailbox.update({ where: { id: mailbox.id }, data: { syncLeaseHolder: 'successor' } })
            .then(() => {}),
      });
      await expect(sync).rejects.toBeInstanceOf(SyncLeaseLost);
    } finally {
      await client.logout();
    }
    expect(await getApp().prisma.emailMessage.count()).toBe(3);
    expect((await getApp().prisma.mailboxFolder.findFirstOrThrow({ where: { mailboxId: mailbox.id } })).lastUid).toBe(3);
  });
});
