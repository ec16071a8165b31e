// How the activity feed reads: "Olivia created deal Acme rollout", "moved deal Acme rollout from Lead to Won".

export interface FeedEventLike {
  verb: string;
  entityType: string;
  changes: Record<string, unknown>;
}

const VERBS: Record<string, string> = {
  created: 'created',
  updated: 'updated',
  deleted: 'deleted',
  restored: 'restored',
  merged: 'merged',
  stage_moved: 'moved',
  uploaded: 'uploaded',
  joined: 'joined',
  left: 'left',
  role_changed: 'changed the role of',
  exported: 'exported',
  commented: 'commented on',
  submitted: 'submitted',
};

const NOUNS: Record<string, string> = {
  Contact: 'contact',
  Company: 'company',
  Deal: 'deal',
  Note: 'note',
  Comment: 'comment',
  Activity: 'activity',
  Communication: 'communication',
  Attachment: 'file',
  Form: 'form',
  Membership: 'member',
  Tag: 'tag',
  Pipeline: 'pipeline',
};

export const verbPhrase = (verb: string) => VERBS[verb] ?? verb.replace(/_/g, ' ');
export const nounOf = (entityType: string) => NOUNS[entityType] ?? entityType.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** The tail after the record's name, e.g. " from Lead to Won" or " (name, email)". */
export function changeSummary(event: FeedEventLike): string {
  const c = event.changes;
  if (event.verb === 'stage_moved' && typeof c.to === 'string') return typeof c.from === 'string' ? ` from ${c.from} to ${c.to}` : ` to ${c.to}`;
  if (event.verb === 'updated') {
    const fields = Array.isArray(c.fields) ? c.fields : Object.keys(c).filter((k) => k !== 'fields');
    const names = fields.filter((f): f is string => typeof f === 'string').slice(0, 4);
    return names.length ? ` (${names.join(', ')})` : '';
  }
  return '';
}
