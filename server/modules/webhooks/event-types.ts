/**
 * Every activity event a webhook can ask for, by entity type: the verbs that `recordEvent`/`emitEvent`
 * callers use (event-types.test.ts scans them, so a new event fails that test until it is listed here).
 * A webhook's event type is `<entity type, lower case>.<verb>`, as `enqueueWebhookDeliveries` builds it.
 */
const SHARING = ['shared', 'unshared'];
const RECORD = ['created', 'updated', 'deleted', 'restored'];

export const EVENT_VERBS: Record<string, readonly string[]> = {
  Contact: [...RECORD, ...SHARING, 'merged', 'exported', 'erased', 'form_submitted'],
  Company: [...RECORD, ...SHARING, 'merged'],
  Deal: [...RECORD, ...SHARING, 'stage_moved'],
  Communication: [...RECORD, ...SHARING, 'imported'],
  Note: RECORD,
  Activity: [...RECORD, 'completed', 'reopened'],
  Comment: ['created', 'updated', 'deleted'],
  Attachment: ['uploaded', 'deleted'],
  Pipeline: ['created', 'updated', 'deleted', 'stages_reordered'],
  PipelineStage: ['created', 'updated', 'deleted'],
  CustomField: ['created', 'updated', 'reordered', 'deleted', 'restored', 'type_changed', 'options_changed', 'options_merged'],
  Tag: ['created', 'updated', 'deleted'],
  Team: ['created', 'updated', 'deleted'],
  Form: ['created', 'updated', 'deleted', 'key_regenerated'],
  Workspace: [
    'created',
    'renamed',
    'settings_changed',
    'policy_changed',
    'deletion_requested',
    'deletion_cancelled',
    'channel_settings_changed',
    'sample_data_added',
    'sample_data_removed',
    'sample_data_kept',
  ],
  Membership: ['joined', 'role_changed', 'left'],
  Invitation: ['created', 'resent', 'revoked'],
  ApiKey: ['created', 'rotated', 'revoked'],
  Webhook: ['created', 'updated', 'deleted', 'secret_rotated'],
  WebhookDelivery: ['redelivered'],
  WorkspaceExport: ['requested', 'started', 'progressed', 'completed', 'failed'],
  Import: ['uploaded', 'queued', 'started', 'completed', 'failed', 'undone'],
  ImportMapping: ['saved'],
  EmailTemplate: ['created', 'updated', 'deleted'],
  InboundAddress: ['created', 'rotated'],
  Mailbox: ['connected', 'updated', 'disconnected'],
  SmtpAccount: ['created', 'updated', 'deleted'],
  // A private view's events name neither the view nor its filter (saved-view.graphql.ts, summary).
  SavedView: ['created', 'updated', 'deleted'],
};

export const eventTypeOf = (entityType: string, verb: string) => `${entityType.toLowerCase()}.${verb}`;

/** All event types, sorted: "activity.completed", "apikey.created", ... */
export const WEBHOOK_EVENT_TYPES: readonly string[] = Object.entries(EVENT_VERBS)
  .flatMap(([entityType, verbs]) => verbs.map((verb) => eventTypeOf(entityType, verb)))
  .sort();

const known = new Set(WEBHOOK_EVENT_TYPES);
export const isWebhookEventType = (value: string) => known.has(value);
