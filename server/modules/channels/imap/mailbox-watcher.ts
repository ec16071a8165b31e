// Keeps one mailbox in sync: connects, syncs every folder, then waits in IDLE on the inbox and syncs it
// again on each new message. A dropped connection or an error reconnects after a pause that grows
// (up to 5 minutes); `stop()` ends it. Only while it holds the mailbox's sync lease (sync-lease.ts): a
// watcher whose mailbox another process syncs checks back every LEASE_RETRY_MS.
import type { ImapFlow } from 'imapflow';
import type { AppServices } from '../../../app-services.js';
import type { Mailbox } from '../../../generated/prisma/client.js';
import { mailAccessToken } from '../oauth/tokens.js';
import { imapClientFor, imapFailure } from './imap-client.js';
import { syncFolder, syncMailbox, type SyncOptions } from './mailbox-sync.js';
import { acquireSyncLease, newLeaseHolder, releaseSyncLease, renewSyncLease, SyncLeaseLost, type SyncLease } from './sync-lease.js';

const MAX_PAUSE_MS = 5 * 60_000;
const LEASE_MS = 60_000;
const LEASE_RETRY_MS = 30_000;

export interface WatcherOptions extends SyncOptions {
  firstPauseMs?: number;
  onSynced?: () => void;
  /** How often a watcher whose mailbox another process holds checks whether the lease came free. */
  leaseRetryMs?: number;
}

export class MailboxWatcher {
  private stopped = false;
  private client: ImapFlow | null = null;
  private running: Promise<void> | null = null;
  private pause: { timer: NodeJS.Timeout; wake: () => void } | null = null;
  private leaseLost = false;
  /** Connections made so far (tests check reconnects). */
  connections = 0;
  private readonly options: WatcherOptions & { lease: SyncLease };

  constructor(
    private readonly app: AppServices,
    readonly mailboxId: string,
    options: WatcherOptions & { lease?: SyncLease } = {},
  ) {
    this.options = { ...options, lease: options.lease ?? { holder: newLeaseHolder(), ms: LEASE_MS } };
  }

  start() {
    this.running ??= this.loop();
    return this;
  }

  async stop() {
    this.stopped = true;
    this.pause?.wake();
    await this.client?.logout().catch(() => this.client?.close());
    await this.running;
    await releaseSyncLease(this.app.db.prisma, this.mailboxId, this.options.lease).catch(() => {});
  }

  private async setStatus(status: string, lastError: string | null = null) {
    await this.app.db.prisma.mailbox.updateMany({ where: { id: this.mailboxId }, data: { status, lastError } });
  }

  private async loop() {
    let pauseMs = this.options.firstPauseMs ?? 1000;
    while (!this.stopped) {
      try {
        const held = await this.session();
        pauseMs = held ? (this.options.firstPauseMs ?? 1000) : (this.options.leaseRetryMs ?? LEASE_RETRY_MS);
      } catch (error) {
        if (this.stopped) break;
        if (error instanceof SyncLeaseLost || this.leaseLost) {
          this.app.logger.info(`Mailbox ${this.mailboxId}: another Kith process took over its sync`);
          pauseMs = this.options.leaseRetryMs ?? LEASE_RETRY_MS;
        } else {
          this.app.logger.warn(`Mailbox ${this.mailboxId}: sync failed: ${imapFailure(error)}`);
          await this.setStatus('ERROR', imapFailure(error)).catch(() => {});
          pauseMs = Math.min(pauseMs * 2, MAX_PAUSE_MS);
        }
      }
      if (this.stopped) break;
      await new Promise<void>((wake) => {
        this.pause = { timer: setTimeout(wake, pauseMs), wake };
      });
      clearTimeout(this.pause?.timer);
      this.pause = null;
    }
  }

  /**
   * IDLE at once: left to itself imapflow starts it only after 15 s without commands, and new mail would
   * wait that long. Any later command (the sync on new mail) ends the IDLE by itself.
   */
  private idle(client: ImapFlow) {
    if (!this.stopped && client.usable) void client.idle().catch(() => {});
  }

  /**
   * One connection's life while this process holds the lease: full sync, then IDLE on the inbox until the
   * connection ends. False when another process holds the lease.
   */
  private async session(): Promise<boolean> {
    const mailbox = await this.app.db.prisma.mailbox.findUnique({ where: { id: this.mailboxId } });
    if (!mailbox) {
      this.stopped = true;
      return true;
    }
    const { lease } = this.options;
    if (!(await acquireSyncLease(this.app.db.prisma, this.mailboxId, lease))) return false;
    this.leaseLost = false;
    const accessToken = mailbox.oauthProvider ? await mailAccessToken(this.app, 'mailbox', mailbox) : undefined;
    const client = await imapClientFor(this.app.config, mailbox, undefined, accessToken);
    this.client = client;
    const closed = new Promise<void>((done) => client.once('close', () => done()));
    client.on('error', () => {}); // reported by the close and the failing command
    const renewal = setInterval(() => {
      renewSyncLease(this.app.db.prisma, this.mailboxId, lease).catch((error: unknown) => {
        if (!(error instanceof SyncLeaseLost)) return; // a database hiccup: the next renewal tries again
        this.leaseLost = true;
        client.close();
      });
    }, lease.ms / 3);
    try {
      return await this.connected(client, mailbox, closed);
    } finally {
      clearInterval(renewal);
    }
  }

  private async connected(client: ImapFlow, mailbox: Mailbox, closed: Promise<void>): Promise<boolean> {
    await client.connect();
    this.connections++;
    await this.setStatus('SYNCING');
    await syncMailbox(this.app, client, mailbox, this.options);
    this.options.onSynced?.();
    await this.setStatus('IDLE');
    if (!mailbox.excludedFolders.some((path) => path.toLowerCase() === 'inbox')) {
      let chain = Promise.resolve();
      const syncInbox = () => {
        chain = chain
          .then(async () => {
            const fresh = await this.app.db.prisma.mailbox.findUnique({ where: { id: this.mailboxId } });
            if (fresh && !this.stopped) await syncFolder(this.app, client, fresh, 'INBOX', this.options);
            this.options.onSynced?.();
          })
          .catch((error: unknown) => {
            if (error instanceof SyncLeaseLost) {
              this.leaseLost = true;
              client.close();
            } else this.app.logger.warn(`Mailbox ${this.mailboxId}: ${imapFailure(error)}`);
          })
          .finally(() => this.idle(client));
      };
      client.on('exists', syncInbox);
      await client.mailboxOpen('INBOX', { readOnly: true });
      // Once more now that new mail is heard of: what arrived after the full sync searched the inbox and
      // before the listener was there would otherwise wait for the next reconnect.
      syncInbox();
    }
    await closed;
    if (!this.stopped) throw Object.assign(new Error('connection closed'), { code: 'NoConnection' });
    return true;
  }
}

/** The watchers of one server process, by mailbox. */
export class MailboxWatchers {
  private readonly watchers = new Map<string, MailboxWatcher>();
  /** This process's name on the leases it holds. */
  private readonly lease: SyncLease = { holder: newLeaseHolder(), ms: LEASE_MS };
  constructor(private readonly app: AppServices) {}

  watch(mailboxId: string) {
    if (!this.watchers.has(mailboxId)) this.watchers.set(mailboxId, new MailboxWatcher(this.app, mailboxId, { lease: this.lease }).start());
  }

  /** The running watcher of a mailbox, if any. */
  watcher(mailboxId: string): MailboxWatcher | undefined {
    return this.watchers.get(mailboxId);
  }

  async unwatch(mailboxId: string) {
    const watcher = this.watchers.get(mailboxId);
    this.watchers.delete(mailboxId);
    await watcher?.stop();
  }

  async startAll() {
    const mailboxes = await this.app.db.prisma.mailbox.findMany({ where: { workspace: { closedAt: null } }, select: { id: true } });
    for (const { id } of mailboxes) this.watch(id);
  }

  async stopAll() {
    await Promise.all([...this.watchers.keys()].map((id) => this.unwatch(id)));
  }
}

const byApp = new WeakMap<AppServices, MailboxWatchers>();

/** This process's watchers (one set per app). */
export function mailboxWatchers(app: AppServices): MailboxWatchers {
  let watchers = byApp.get(app);
  if (!watchers) byApp.set(app, (watchers = new MailboxWatchers(app)));
  return watchers;
}
