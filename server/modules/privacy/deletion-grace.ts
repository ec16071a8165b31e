const DAY_MS = 24 * 60 * 60 * 1000;
const GRACE_DAYS = 30;

/** When something deleted now is purged for good: the grace period during which it can be cancelled. */
export function purgeDate(from = new Date()): Date {
  return new Date(from.getTime() + GRACE_DAYS * DAY_MS);
}
