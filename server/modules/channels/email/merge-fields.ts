import { badInput } from '../../../errors.js';

/** The values merge fields read: {{contact.firstName}}, {{company.name}}, {{sender.name}}, ... */
export interface MergeValues {
  contact?: { firstName: string; lastName: string; email: string | null; jobTitle: string | null } | null;
  company?: { name: string } | null;
  deal?: { name: string } | null;
  sender: { name: string; email: string };
}

const FIELDS: Record<string, (v: MergeValues) => string | null | undefined> = {
  'contact.firstName': (v) => v.contact?.firstName,
  'contact.lastName': (v) => v.contact?.lastName,
  'contact.name': (v) => v.contact && `${v.contact.firstName} ${v.contact.lastName}`.trim(),
  'contact.email': (v) => v.contact?.email,
  'contact.jobTitle': (v) => v.contact?.jobTitle,
  'company.name': (v) => v.company?.name,
  'deal.name': (v) => v.deal?.name,
  'sender.name': (v) => v.sender.name,
  'sender.email': (v) => v.sender.email,
};

export const MERGE_FIELDS = Object.keys(FIELDS);

const PLACEHOLDER = /\{\{\s*([A-Za-z.]+)(?:\s*\|\s*([^}]*?))?\s*\}\}/g;

/** Names used in a text that are not merge fields; an empty list means the text is fine. */
export function unknownMergeFields(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !(name in FIELDS));
}

export function assertMergeFields(text: string, field: string) {
  const unknown = unknownMergeFields(text);
  if (unknown.length > 0)
    throw badInput(`Unknown merge field ${unknown.map((n) => `{{${n}}}`).join(', ')}; use ${MERGE_FIELDS.map((n) => `{{${n}}}`).join(', ')}.`, field);
}

/** Fills {{field}} and {{field | fallback}}; a field without a value and without a fallback becomes empty. */
export function renderMerge(text: string, values: MergeValues): string {
  return text.replace(PLACEHOLDER, (_all, name: string, fallback: string | undefined) => {
    const value = FIELDS[name]?.(values);
    return value ? value : (fallback ?? '');
  });
}
