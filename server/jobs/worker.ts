import { randomUUID } from 'node:crypto';
import type { YogaLogger } from 'graphql-yoga';
import type { PrismaClient } from '../generated/prisma/client.js';

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

/** Does the work of one kind of job. It may run more than once for the same job (after a crash): make it idempotent. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler names its own payload type
export type JobHandler = (payload: any, job: ClaimedJob) => Promise<void>;

/** Work the worker does itself on a period instead of booking jobs: cheap checks that would flood the Job table. */
export interface PeriodicTask {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export interface WorkerOptions {
  logger: YogaLogger;
  /** Run between jobs, each at most once per its period, the first time when the worker starts. */
  periodic?: PeriodicTask[];
  /**
   * How long a claim holds before another worker may take the job over (a worker that died mid-job). The
   * worker renews it every `heartbeatMs` while the handler runs, so a long job keeps it and a dead worker's
   * job is free again this soon after its last renewal.
   */
  leaseMs?: number;
  /** How often a running job's lease is renewed (default: a third of the lease). */
  heartbeatMs?: number;
  /** How often an idle worker looks for due jobs. */
  pollMs?: number;
  /** First retry delay; doubled on each further failure, up to an hour. */
  backoffMs?: number;
  workerId?: string;
}

const MAX_BACKOFF_MS = 60 * 60 * 1000;
export const DEFAULT_LEASE_MS = 30 * 1000;

/** Runs jobs from the Job table, one at a time per worker; several workers (processes) may share the table. */
export class JobWorker {
  readonly id: string;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly pollMs: number;
  private readonly backoffMs: number;
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private readonly nextPeriodicRun = new Map<PeriodicTask, number>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly handlers: Record<string, JobHandler>,
    private readonly options: WorkerOptions,
  ) {
    this.id = options.workerId ?? `worker-${randomUUID()}`;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.heartbeatMs = options.heartbeatMs ?? Math.floor(this.leaseMs / 3);
    this.pollMs = options.pollMs ?? 2000;
    this.backoffMs = options.backoffMs ?? 5000;
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.loop = this.runLoop();
  }

  /** Look for work now instead of at the next poll (after enqueueing, for instance). */
  wake() {
    this.wakeUp?.();
  }

  /** Stops taking jobs and waits for the current one to finish. */
  async stop() {
    this.running = false;
    this.wake();
    await this.loop;
  }

  /** Claims and runs one due job; false when none was due. */
  async runNext(): Promise<boolean> {
    const job = await this.claim();
    if (!job) return false;
    const handler = this.handlers[job.kind];
    const stopHeartbeat = this.keepLease(job);
    try {
      if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
      await handler(job.payload, job);
      stopHeartbeat();
      await this.complete(job);
    } catch (error) {
      stopHeartbeat();
      await this.fail(job, error);
    }
    return true;
  }

  /** Renews the claim while the handler runs; returns the function that stops renewing. */
  private keepLease(job: ClaimedJob): () => void {
    let renewing = false;
    const timer = setInterval(() => {
      if (renewing) return;
      renewing = true;
      this.prisma.job
        .updateMany({ where: { id: job.id, status: 'RUNNING', lockedBy: this.id }, data: { lockedUntil: new Date(Date.now() + this.leaseMs) } })
        .then(({ count }) => {
          if (count === 0) this.options.logger.warn(`Job ${job.kind} ${job.id}: another worker took it over (this worker's lease ran out)`);
        })
        .catch((error: unknown) => this.options.logger.warn(`Job ${job.kind} ${job.id}: the lease could not be renewed`, error))
        .finally(() => (renewing = false));
    }, this.heartbeatMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Runs the periodic tasks whose period has passed; a failure is logged and tried again next period. */
  async runPeriodicTasks(now = Date.now()) {
    for (const task of this.options.periodic ?? []) {
      if ((this.nextPeriodicRun.get(task) ?? 0) > now) continue;
      this.nextPeriodicRun.set(task, now + task.everyMs);
      await task.run().catch((error: unknown) => this.options.logger.warn(`Periodic task ${task.name} failed`, error));
    }
  }

  private async runLoop() {
    while (this.running) {
      await this.runPeriodicTasks();
      const worked = await this.runNext().catch((error: unknown) => {
        this.options.logger.error('Job worker could not reach the queue', error);
        return false;
      });
      if (!worked && this.running) await this.idle();
    }
  }

  private idle() {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.pollMs);
      timer.unref();
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.wakeUp = null;
    });
  }

  private async claim(): Promise<ClaimedJob | null> {
    const kinds = Object.keys(this.handlers);
    const now = new Date();
    const leaseEnd = new Date(now.getTime() + this.leaseMs);
    const [job] = await this.prisma.$queryRaw<ClaimedJob[]>`
      UPDATE "Job" SET status = 'RUNNING', attempts = attempts + 1, "lockedBy" = ${this.id}, "lockedUntil" = ${leaseEnd}::timestamp
      WHERE id = (
        SELECT id FROM "Job"
        WHERE kind = ANY(${kinds}::text[])
          AND ((status = 'PENDING' AND "runAt" <= ${now}::timestamp) OR (status = 'RUNNING' AND "lockedUntil" < ${now}::timestamp))
        ORDER BY "runAt", id
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
      RETURNING id::text AS id, kind, payload, attempts, "maxAttempts"`;
    return job ?? null;
  }

  /** Only the worker that still holds the claim may finish the job, so a job completes once. */
  private async complete(job: ClaimedJob) {
    await this.prisma.job.updateMany({
      where: { id: job.id, status: 'RUNNING', lockedBy: this.id },
      data: { status: 'DONE', finishedAt: new Date(), lockedBy: null, lockedUntil: null, lastError: null },
    });
  }

  private async fail(job: ClaimedJob, error: unknown) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const giveUp = job.attempts >= job.maxAttempts;
    const delay = Math.min(this.backoffMs * 2 ** (job.attempts - 1), MAX_BACKOFF_MS);
    this.options.logger.warn(`Job ${job.kind} ${job.id} failed (attempt ${job.attempts}/${job.maxAttempts}): ${message}`);
    await this.prisma.job.updateMany({
      where: { id: job.id, status: 'RUNNING', lockedBy: this.id },
      data: giveUp
        ? { status: 'FAILED', finishedAt: new Date(), lastError: message, lockedBy: null, lockedUntil: null }
        : { status: 'PENDING', runAt: new Date(Date.now() + delay), lastError: message, lockedBy: null, lockedUntil: null },
    });
  }
}
