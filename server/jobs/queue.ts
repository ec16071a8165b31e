import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

type Db = PrismaClient | Prisma.TransactionClient;

export interface EnqueueOptions {
  /** Not before this time (default: now). */
  runAt?: Date;
  /** The same key names the same job: enqueueing it again returns the existing one. */
  uniqueKey?: string;
  maxAttempts?: number;
}

/**
 * Adds a job. Pass the transaction client of the change that needs the job, so the job exists exactly
 * when the change commits.
 */
export async function enqueueJob(db: Db, kind: string, payload: Prisma.InputJsonObject = {}, options: EnqueueOptions = {}) {
  const data = { kind, payload, runAt: options.runAt ?? new Date(), maxAttempts: options.maxAttempts ?? 5, uniqueKey: options.uniqueKey };
  if (!options.uniqueKey) return db.job.create({ data });
  return db.job.upsert({ where: { uniqueKey: options.uniqueKey }, create: data, update: {} });
}
