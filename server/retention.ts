// How long Kith keeps what it expires, in one place. Everything that deletes data by age reads these
// settings (from Config, so RETENTION_* variables override them); the defaults are what the privacy
// promise says: deleted workspaces, deleted accounts and trashed records 30 days, export archives and outbox
// emails 7, usage data, backups and the audit log's IP addresses 90, audit entries 365, invoices 3650 (ten
// years, the longest common legal period for accounting records; docs/privacy.md).

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionSettings {
  /** A deleted workspace is purged this many days after its deletion (0: by the worker's next run). */
  deletedWorkspaceDays: number;
  /** A deleted account's personal data is wiped this many days after its deletion (0: by the worker's next run). */
  deletedAccountDays: number;
  /** Soft-deleted records stay restorable (in the trash) this many days, then are purged. */
  softDeletedDays: number;
  /** Export archives can be downloaded this many days, then are removed. */
  exportArchiveDays: number;
  /** Usage events (API calls, features, page views, sessions) are kept this many days. */
  usageDays: number;
  /** Backup files are kept this many days. */
  backupDays: number;
  /** Emails in the outbox table (no SMTP_URL) are kept this many days: they hold addresses and token links. */
  outboxDays: number;
  /** Audit log entries are kept this many days. */
  auditDays: number;
  /** An audit entry's IP address and user agent are cleared after this many days; the event stays. */
  auditNetworkDays: number;
  /** Invoices (billing history, kept after a workspace's purge) are deleted this many days after they were issued: the legal period. */
  billingHistoryDays: number;
}

export const DEFAULT_RETENTION: Readonly<RetentionSettings> = Object.freeze({
  deletedWorkspaceDays: 30,
  deletedAccountDays: 30,
  softDeletedDays: 30,
  exportArchiveDays: 7,
  usageDays: 90,
  backupDays: 90,
  outboxDays: 7,
  auditDays: 365,
  auditNetworkDays: 90,
  billingHistoryDays: 3650,
});

/** The environment variable that overrides each setting (parsed in server/config.ts). */
export const RETENTION_VARIABLES = {
  deletedWorkspaceDays: 'RETENTION_DELETED_WORKSPACE_DAYS',
  deletedAccountDays: 'RETENTION_DELETED_ACCOUNT_DAYS',
  softDeletedDays: 'RETENTION_SOFT_DELETED_DAYS',
  exportArchiveDays: 'RETENTION_EXPORT_DAYS',
  usageDays: 'RETENTION_USAGE_DAYS',
  backupDays: 'RETENTION_BACKUP_DAYS',
  outboxDays: 'RETENTION_OUTBOX_DAYS',
  auditDays: 'RETENTION_AUDIT_DAYS',
  auditNetworkDays: 'RETENTION_AUDIT_NETWORK_DAYS',
  billingHistoryDays: 'RETENTION_BILLING_HISTORY_DAYS',
} as const satisfies Record<keyof RetentionSettings, string>;

export function retentionSettings(overrides: Partial<Record<keyof RetentionSettings, number | undefined>> = {}): RetentionSettings {
  const settings = { ...DEFAULT_RETENTION };
  for (const key of Object.keys(settings) as (keyof RetentionSettings)[]) {
    const value = overrides[key];
    if (value !== undefined) settings[key] = value;
  }
  return settings;
}

/** The moment before which data kept for `days` has expired. */
export function expiredBefore(days: number, now: Date = new Date()): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
