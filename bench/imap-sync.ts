// npm run bench:imap-sync [-- --messages 10000 --everyone true]
// The first sync of a generated mailbox: Debian's Dovecot on loopback (as the tests start it) holding N
// messages written straight into its Maildir, synced by Kith's IMAP sync into embedded PGlite in a temp
// dir. Prints messages/s for the whole first sync (listing, fetching, parsing, storing and threading).
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAppServices } from '../server/app-services.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { applyMigrations } from '../server/db/migrations.js';
import { imapClientFor } from '../server/modules/channels/imap/imap-client.js';
import { syncMailbox } from '../server/modules/channels/imap/mailbox-sync.js';
import { sealSecret } from '../server/modules/channels/secrets/sealed-secret.js';
import { startDovecot } from '../server/modules/channels/test/dovecot.js';

const { values } = parseArgs({ options: { messages: { type: 'string', default: '10000' }, everyone: { type: 'string', default: 'true' } } });
const COUNT = Number(values.messages);
const EVERYONE = values.everyone === 'true';
const USER = 'bench@example.com';
const PASS = 'bench-pass';

const dataDir = await mkdtemp(join(tmpdir(), 'kith-bench-imap-'));
const dovecot = await startDovecot({ [USER]: PASS });
const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
try {
  await applyMigrations(db.sql);
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    CHANNELS_ALLOW_PRIVATE_HOSTS: 'true',
    CHANNELS_SECRET_KEYS: `bench:${randomBytes(32).toString('base64')}`,
  });
  const app = createAppServices(config, db);

  // Correspondents: 200 people, half of them known contacts; threads of five messages each.
  const workspace = await db.prisma.workspace.create({ data: { name: 'Bench' } });
  const user = await db.prisma.user.create({ data: { name: 'Bench', email: USER, passwordHash: 'x', ageConfirmedAt: new Date() } });
  await db.prisma.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: 'OWNER' } });
  for (let i = 0; i < 100; i++) {
    await db.prisma.contact.create({
      data: { workspaceId: workspace.id, firstName: `Person${i}`, emails: { create: [{ workspaceId: workspace.id, email: `person${i}@example.net` }] } },
    });
  }
  const cur = join(dovecot.maildir(USER), 'cur');
  const started = Date.now();
  for (let i = 0; i < COUNT; i++) {
    const thread = Math.floor(i / 5);
    const reply = i % 5 !== 0;
    const body = `Message ${i} of the bench.\r\n${'Lorem ipsum dolor sit amet. '.repeat(20)}\r\n`;
    writeFileSync(
      join(cur, `${started + i}.M${i}P1.bench:2,S`),
      [
        `From: Person ${thread % 200} <person${thread % 200}@example.net>`,
        `To: ${USER}`,
        `Subject: ${reply ? 'Re: ' : ''}Thread ${thread}`,
        `Message-ID: <bench-${i}@example.net>`,
        ...(reply ? [`In-Reply-To: <bench-${i - 1}@example.net>`, `References: <bench-${thread * 5}@example.net>`] : []),
        `Date: ${new Date(started - (COUNT - i) * 60_000).toUTCString()}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        body,
      ].join('\r\n'),
    );
  }
  console.log(`wrote ${COUNT} messages into the Maildir in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const mailbox = await db.prisma.mailbox.create({
    data: {
      workspaceId: workspace.id,
      userId: user.id,
      host: '127.0.0.1',
      port: dovecot.port,
      secure: false,
      username: USER,
      passwordSealed: sealSecret(config.channels.secretKeys, workspace.id, PASS),
      importEveryone: EVERYONE,
      privacy: 'SUBJECT',
      syncSince: new Date(started - 3650 * 86_400_000),
    },
  });

  const client = await imapClientFor(config, mailbox);
  await client.connect();
  // Dovecot indexes a Maildir it has not seen on first SELECT; that belongs to the server, so it is timed apart.
  const indexStart = performance.now();
  const lock = await client.getMailboxLock('INBOX');
  lock.release();
  const indexMs = performance.now() - indexStart;
  const syncStart = performance.now();
  const result = await syncMailbox(app, client, mailbox, {
    afterBatch: (_folder, lastUid) => void process.stdout.write(`\r${lastUid} UIDs done, ${((performance.now() - syncStart) / 1000).toFixed(0)} s`),
  });
  process.stdout.write('\n');
  const seconds = (performance.now() - syncStart) / 1000;
  await client.logout();

  const stored = await db.prisma.emailMessage.count();
  const threads = (await db.prisma.emailMessage.groupBy({ by: ['threadId'] })).length;
  console.log(
    `IMAP first sync: ${COUNT} messages in the mailbox (${EVERYONE ? 'everyone' : 'known contacts only'}); Dovecot indexing ${indexMs.toFixed(0)} ms`,
  );
  console.log(
    `fetched ${result.fetched}, imported ${result.imported} (${stored} stored, ${threads} threads) in ${seconds.toFixed(1)} s: ${(result.fetched / seconds).toFixed(0)} messages/s scanned, ${(result.imported / seconds).toFixed(0)} imported/s`,
  );
  await app.activityHub.close();
} finally {
  await db.close();
  await dovecot.stop();
  await rm(dataDir, { recursive: true, force: true });
}
