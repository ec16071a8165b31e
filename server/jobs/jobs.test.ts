import { describe, expect, it } from 'vitest';
import { enqueueJob } from './queue.js';
import { JobWorker, type JobHandler } from './worker.js';
import { useTestApp, type TestApp } from '../test/test-app.js';

const getApp = useTestApp();

function workerFor(app: TestApp, handlers: Record<string, JobHandler>, options: { leaseMs?: number; heartbeatMs?: number; workerId?: string } = {}) {
  return new JobWorker(app.prisma, handlers, { logger: app.services.logger, backoffMs: 60_000, ...options });
}

/** A worker whose handler for `kind` says it has started, then waits until released. */
function blockedWorker(app: TestApp, kind: string, options: Parameters<typeof workerFor>[2]) {
  let release!: () => void;
  let begun!: () => void;
  const started = new Promise<void>((resolve) => (begun = resolve));
  const worker = workerFor(
    app,
    {
      [kind]: async () => {
        begun();
        await new Promise<void>((resolve) => (release = resolve));
      },
    },
    options,
  );
  return { worker, started, release: () => release() };
}

const jobRow = (app: TestApp, id: string) => app.prisma.job.findUniqueOrThrow({ where: { id } });

describe('job queue', () => {
  it('runs a due job once with its payload and marks it done', async () => {
    const app = getApp();
    const seen: unknown[] = [];
    const job = await enqueueJob(app.prisma, 'greet', { name: 'Ada' });
    const worker = workerFor(app, { greet: async (payload) => void seen.push(payload) });
    expect(await worker.runNext()).toBe(true);
    expect(await worker.runNext()).toBe(false);
    expect(seen).toEqual([{ name: 'Ada' }]);
    expect(await jobRow(app, job.id)).toMatchObject({ status: 'DONE', attempts: 1, lockedBy: null });
  });

  it('leaves jobs that are not due yet, and jobs of kinds it has no handler for', async () => {
    const app = getApp();
    await enqueueJob(app.prisma, 'greet', {}, { runAt: new Date(Date.now() + 60_000) });
    await enqueueJob(app.prisma, 'other', {});
    const worker = workerFor(app, { greet: async () => undefined });
    expect(await worker.runNext()).toBe(false);
  });

  it('retries a failing job later with a growing delay, then gives up after maxAttempts', async () => {
    const app = getApp();
    const job = await enqueueJob(app.prisma, 'flaky', {}, { maxAttempts: 2 });
    const worker = workerFor(app, {
      flaky: async () => {
        throw new Error('receiver down');
      },
    });

    const before = Date.now();
    await worker.runNext();
    const retried = await jobRow(app, job.id);
    expect(retried).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'receiver down' });
    expect(retried.runAt.getTime()).toBeGreaterThanOrEqual(before + 60_000);
    expect(await worker.runNext()).toBe(false);

    await app.prisma.job.update({ where: { id: job.id }, data: { runAt: new Date() } });
    await worker.runNext();
    expect(await jobRow(app, job.id)).toMatchObject({ status: 'FAILED', attempts: 2, lastError: 'receiver down' });
    expect(await worker.runNext()).toBe(false);
  });

  it('takes over the job of a worker that died mid-job once its lease runs out, and the job completes once', async () => {
    const app = getApp();
    const job = await enqueueJob(app.prisma, 'export', { workspace: 'w1' });
    const effects = new Set<string>();
    const { worker: dead, started, release: releaseDeadWorker } = blockedWorker(app, 'export', { workerId: 'dead' });
    const deadRun = dead.runNext();
    await started;
    expect(await jobRow(app, job.id)).toMatchObject({ status: 'RUNNING', lockedBy: 'dead' });

    const successor = workerFor(app, { export: async (payload) => void effects.add(payload.workspace) }, { workerId: 'successor' });
    expect(await successor.runNext()).toBe(false); // the lease still holds

    // Time passes beyond the lease: the dead worker never renews it.
    await app.prisma.job.update({ where: { id: job.id }, data: { lockedUntil: new Date(Date.now() - 1) } });
    expect(await successor.runNext()).toBe(true);
    expect(await jobRow(app, job.id)).toMatchObject({ status: 'DONE', attempts: 2, lockedBy: null });

    // The "dead" worker wakes up late: it no longer holds the claim and changes nothing.
    releaseDeadWorker();
    await deadRun;
    const finished = await jobRow(app, job.id);
    expect(finished).toMatchObject({ status: 'DONE', attempts: 2 });
    expect([...effects]).toEqual(['w1']);
  });

  it('holds a claim for seconds, not minutes, and renews it while the handler runs', async () => {
    const app = getApp();
    const job = await enqueueJob(app.prisma, 'long', {});
    const { worker, started, release: finish } = blockedWorker(app, 'long', { leaseMs: 400, workerId: 'busy' });
    const run = worker.runNext();
    await started;
    const successor = workerFor(app, { long: async () => undefined }, { workerId: 'successor' });
    // Three leases go by: the heartbeat keeps the job with the worker that is still on it.
    for (let i = 0; i < 6; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await successor.runNext()).toBe(false);
    }
    expect(await jobRow(app, job.id)).toMatchObject({ status: 'RUNNING', lockedBy: 'busy' });
    finish();
    await run;
    expect(await jobRow(app, job.id)).toMatchObject({ status: 'DONE', attempts: 1 });

    // A server killed mid-job stops renewing: by default its job is free again within half a minute.
    const next = await enqueueJob(app.prisma, 'long', {});
    let leaseLeft = Infinity;
    await workerFor(app, {
      long: async () => {
        const { lockedUntil } = await jobRow(app, next.id);
        leaseLeft = lockedUntil!.getTime() - Date.now();
      },
    }).runNext();
    expect(leaseLeft).toBeGreaterThan(0);
    expect(leaseLeft).toBeLessThanOrEqual(30_000);
  });

  it('gives one job to one worker when several ask at once', async () => {
    const app = getApp();
    await enqueueJob(app.prisma, 'count', {});
    let runs = 0;
    const handlers = { count: async () => void (runs += 1) };
    const results = await Promise.all([workerFor(app, handlers).runNext(), workerFor(app, handlers).runNext(), workerFor(app, handlers).runNext()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
  });

  it('enqueues a job with a unique key once, and only when the surrounding transaction commits', async () => {
    const app = getApp();
    const first = await enqueueJob(app.prisma, 'purge', { id: 'a' }, { uniqueKey: 'purge:a' });
    const again = await enqueueJob(app.prisma, 'purge', { id: 'a' }, { uniqueKey: 'purge:a' });
    expect(again.id).toBe(first.id);
    await expect(
      app.prisma.$transaction(async (tx) => {
        await enqueueJob(tx, 'purge', { id: 'b' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await app.prisma.job.count()).toBe(1);
  });

  it('a started worker picks up jobs as they arrive and stops cleanly', async () => {
    const app = getApp();
    let done!: (value: string) => void;
    const ran = new Promise<string>((resolve) => (done = resolve));
    const worker = workerFor(app, { ping: async (payload) => done(payload.n) });
    worker.start();
    await enqueueJob(app.prisma, 'ping', { n: 'one' });
    worker.wake();
    expect(await ran).toBe('one');
    await worker.stop();
  });
});
