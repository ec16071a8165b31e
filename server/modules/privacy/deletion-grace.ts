const DAY_MS = 24 * 60 * 60 * 1000;

/** A purge job is retried with backoff (up to an hour apart) until it succeeds: never abandoned. */
export const PURGE_MAX_ATTEMPTS = 1_000_000;

/**
 * When something deleted now is purged for good: the end of its grace period (RETENTION_DELETED_*_DAYS),
 * during which the deletion can be cancelled. 0 days is the moment of deletion: the next worker run purges.
 */
export function purgeDate(graceDays: number, from = new Date()): Date {
  return new Date(from.getTime() + graceDays * DAY_MS);
}
