// A contact's lists (emails, phones, profile URLs, skills): normalised before any write, then written
// in the caller's transaction, each given list replacing the old one.
import { badInput } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { ProfileNetwork } from '../../generated/prisma/enums.js';
import { normalizeEmail } from '../accounts/inputs.js';
import { normalizePhone, normalizeProfileUrl } from '../records/normalize.js';
import type { ContactInputShape } from './contact.inputs.js';

type Tx = Prisma.TransactionClient;

export interface ContactDetails {
  /** Each undefined when the input leaves the list alone. */
  emails?: Array<{ email: string; isPrimary: boolean }>;
  phones?: Array<{ e164: string; label: string | null; isPrimary: boolean }>;
  profiles?: Array<{ network: ProfileNetwork; url: string; normalizedKey: string }>;
  skills?: string[];
}

/** Keeps the first of items with the same key. */
function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

/**
 * Emails: the first is primary unless `primaryEmail` names one, which joins the list when missing.
 * On update, `primaryEmail` alone re-picks the primary among the current emails.
 */
function emailRows(input: ContactInputShape, current: string[]): ContactDetails['emails'] {
  if (input.emails == null && input.primaryEmail == null) return input.emails === null ? [] : undefined;
  const base = input.emails === undefined ? current : (input.emails ?? []);
  const listed = unique(base.map(normalizeEmail), (e) => e);
  const primary = input.primaryEmail ? normalizeEmail(input.primaryEmail) : listed[0];
  const all = primary && !listed.includes(primary) ? [primary, ...listed] : listed;
  return all.map((email) => ({ email, isPrimary: email === primary }));
}

function phoneRows(input: ContactInputShape): ContactDetails['phones'] {
  if (input.phones === undefined) return undefined;
  const rows = (input.phones ?? []).map((phone, index) => ({
    e164: normalizePhone(phone.number, input.phoneCountry ?? undefined, `input.phones.${index}.number`),
    label: phone.label?.trim() || null,
  }));
  return unique(rows, (row) => row.e164).map((row, index) => ({ ...row, isPrimary: index === 0 }));
}

function profileRows(input: ContactInputShape): ContactDetails['profiles'] {
  if (input.profileUrls === undefined) return undefined;
  const rows = (input.profileUrls ?? []).map((url, index) => normalizeProfileUrl(url, `input.profileUrls.${index}`));
  return unique(rows, (row) => row.key).map(({ network, url, key }) => ({ network, url, normalizedKey: key }));
}

function skillList(input: ContactInputShape): string[] | undefined {
  if (input.skills === undefined) return undefined;
  return unique((input.skills ?? []).map((s) => s.trim()).filter(Boolean), (s) => s.toLowerCase());
}

/** Pure: throws BAD_USER_INPUT on a phone or URL that cannot be normalised, before anything is written. */
export function contactDetails(input: ContactInputShape, currentEmails: string[] = []): ContactDetails {
  return { emails: emailRows(input, currentEmails), phones: phoneRows(input), profiles: profileRows(input), skills: skillList(input) };
}

/** Emails are unique per workspace, trash included: names the first one another contact already has. */
export async function assertEmailsFree(tx: Tx, workspaceId: string, emails: string[], contactId: string | null) {
  if (emails.length === 0) return;
  const taken = await tx.contactEmail.findFirst({
    where: {
      workspaceId,
      OR: emails.map((email) => ({ email: { equals: email, mode: 'insensitive' as const } })),
      ...(contactId ? { contactId: { not: contactId } } : {}),
    },
    select: { email: true },
  });
  if (taken) throw badInput(duplicateEmailMessage(taken.email), 'input.emails');
}

export const duplicateEmailMessage = (email?: string) =>
  `${email ? `The email address ${email}` : 'An email address'} already belongs to another contact in this workspace (look in the trash too).`;

/** Replaces the given lists of one contact; lists left undefined stay as they are. */
export async function writeContactDetails(tx: Tx, workspaceId: string, contactId: string, details: ContactDetails) {
  const owned = { workspaceId, contactId };
  if (details.emails) {
    await tx.contactEmail.deleteMany({ where: { contactId } });
    await tx.contactEmail.createMany({ data: details.emails.map((row) => ({ ...owned, ...row })) });
  }
  if (details.phones) {
    await tx.contactPhone.deleteMany({ where: { contactId } });
    await tx.contactPhone.createMany({ data: details.phones.map((row) => ({ ...owned, ...row })) });
  }
  if (details.profiles) {
    await tx.contactProfile.deleteMany({ where: { contactId } });
    await tx.contactProfile.createMany({ data: details.profiles.map((row) => ({ ...owned, ...row })) });
  }
}
