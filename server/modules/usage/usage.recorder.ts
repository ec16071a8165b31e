import type { YogaLogger } from 'graphql-yoga';
import type { AppServices } from '../../app-services.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { UsageKind } from '../../generated/prisma/enums.js';
import { insertRows, type ColumnTypes } from '../imports/bulk-insert.js';

export interface UsageRow {
  kind: UsageKind;
  name: string;
  workspaceId: string | null;
  userId: string | null;
  apiKeyId: string | null;
  durationMs: number | null;
  status: string;
  ip: string | null;
  browser: string | null;
  os: string | null;
  createdAt: Date;
}

export interface RecorderOptions {
  /** Flush this long after the first buffered row (default 1 s). */
  flushAfterMs?: number;
  /** Flush at once when this many rows are buffered (default 500). */
  batchSize?: number;
  /** Rows beyond this are dropped while a flush cannot keep up (default 10 000). */
  maxBuffered?: number;
  /** Flush by time and size by itself; off in tests, which call flush() (a timer would add SQL to counted runs). */
  autoFlush?: boolean;
}

const USAGE_COLUMNS: ColumnTypes = {
  id: 'uuid',
  workspaceId: 'uuid',
  userId: 'uuid',
  apiKeyId: 'uuid',
  kind: '"UsageKind"',
  name: 'text',
  durationMs: 'integer',
  status: 'text',
  ip: 'text',
  browser: 'text',
  os: 'text',
  createdAt: 'timestamp(3)',
};

/**
 * Buffers usage rows in memory and writes them in batches (one INSERT of a JSON parameter: a createMany of
 * hundreds of rows cost a busy server a few percent of its CPU in Prisma's query compiler, every second), so recording costs a request
 * nothing but an array push. At flush time it drops analytics rows of users who opted out and forgets a
 * workspace the caller is not a member of (a header is only a claim), in two queries per batch.
 */
export class UsageRecorder {
  private buffer: UsageRow[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private readonly flushAfterMs: number;
  private readonly batchSize: number;
  private readonly maxBuffered: number;
  private readonly autoFlush: boolean;
  dropped = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly logger: YogaLogger,
    options: RecorderOptions = {},
  ) {
    this.flushAfterMs = options.flushAfterMs ?? 1000;
    this.batchSize = options.batchSize ?? 500;
    this.maxBuffered = options.maxBuffered ?? 10_000;
    this.autoFlush = options.autoFlush ?? true;
  }

  get pending(): number {
    return this.buffer.length;
  }

  record(row: UsageRow) {
    if (this.buffer.length >= this.maxBuffered) {
      this.dropped++;
      return;
    }
    this.buffer.push(row);
    if (!this.autoFlush) return;
    if (this.buffer.length >= this.batchSize) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushAfterMs);
      this.timer.unref();
    }
  }

  /** Writes everything buffered so far; resolves when it is in the database. Never throws (usage is best effort). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const rows = this.buffer;
    this.buffer = [];
    this.flushing = this.flushing.then(() => (rows.length ? this.write(rows) : undefined));
    return this.flushing;
  }

  private async write(rows: UsageRow[]) {
    try {
      const kept = await this.filter(rows);
      await insertRows(
        this.prisma,
        'UsageEvent',
        USAGE_COLUMNS,
        kept.map((row) => ({ ...row })),
      );
    } catch (error) {
      this.dropped += rows.length;
      this.logger.warn('Usage events could not be written', error);
    }
  }

  private async filter(rows: UsageRow[]): Promise<UsageRow[]> {
    const userIds = [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))];
    if (userIds.length === 0) return rows;
    const optedOut = new Set(
      (await this.prisma.user.findMany({ where: { id: { in: userIds }, analyticsOptOut: true }, select: { id: true } })).map((u) => u.id),
    );
    const claimed = [...new Set(rows.flatMap((r) => (r.workspaceId && r.userId && !r.apiKeyId ? [r.workspaceId] : [])))];
    const members = new Set(
      claimed.length
        ? (
            await this.prisma.membership.findMany({
              where: { userId: { in: userIds }, workspaceId: { in: claimed } },
              select: { userId: true, workspaceId: true },
            })
          ).map((m) => `${m.userId}:${m.workspaceId}`)
        : [],
    );
    return rows
      .filter((r) => !(r.userId && optedOut.has(r.userId) && isAnalyticsOnly(r.kind)))
      .map((r) => (r.workspaceId && r.userId && !r.apiKeyId && !members.has(`${r.userId}:${r.workspaceId}`) ? { ...r, workspaceId: null } : r));
  }

  /** Stops the timer and writes what is left (server shutdown). */
  async close() {
    await this.flush();
  }
}

/** Analytics-only kinds stop when a user opts out; session starts and ends are security logs and stay. */
export function isAnalyticsOnly(kind: UsageKind): boolean {
  return kind === 'API_CALL' || kind === 'FEATURE' || kind === 'PAGE_VIEW';
}

const recorders = new WeakMap<AppServices, UsageRecorder>();

/** The recorder of one Kith instance (one per AppServices, created on first use). */
export function usageRecorderFor(app: AppServices): UsageRecorder {
  let recorder = recorders.get(app);
  if (!recorder) {
    recorder = new UsageRecorder(app.db.prisma, app.logger, { autoFlush: app.config.env !== 'test' });
    recorders.set(app, recorder);
  }
  return recorder;
}
