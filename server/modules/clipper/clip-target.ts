// Finding the contact a profile belongs to, among those the viewer sees.
import type { Context } from '../../context.js';
import { notFound } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { normalizeEmail } from '../accounts/inputs.js';
import type { ClipTarget } from './clip-plan.js';
import { canSeeRecord } from '../../auth/record-access.js';
import type { RecordAccess } from '../../auth/record-rules.js';
import { visibleWhere } from '../../auth/record-where.js';

export type ClipMatch = 'PROFILE_URL' | 'EMAIL';

const live = (access: RecordAccess, where: Prisma.ContactWhereInput): Prisma.ContactWhereInput => ({ AND: [visibleWhere(access), { deletedAt: null }, where] });
const oldestFirst = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];

/** By profile URL first, then by any of the emails; never by name (that is only a suggestion). */
export async function matchContact(context: Context, access: RecordAccess, profileKey: string, emails: readonly string[]) {
  const byUrl = await context.prisma.contact.findFirst({
    where: live(access, { profiles: { some: { normalizedKey: profileKey } } }),
    orderBy: oldestFirst,
    select: { id: true },
  });
  if (byUrl) return { id: byUrl.id, matchedBy: 'PROFILE_URL' as const };
  const addresses = emails.map(normalizeEmail).filter(Boolean);
  if (addresses.length === 0) return null;
  const byEmail = await context.prisma.contact.findFirst({
    where: live(access, { emails: { some: { OR: addresses.map((email) => ({ email: { equals: email, mode: 'insensitive' as const } })) } } }),
    orderBy: oldestFirst,
    select: { id: true },
  });
  return byEmail ? { id: byEmail.id, matchedBy: 'EMAIL' as const } : null;
}

/** Same first and last name (any case), and the same company when one is given: at most five, never auto-matched. */
export async function nameSuggestions(context: Context, access: RecordAccess, name: string, companyName: string | null, exclude: string | null) {
  const words = name.trim().split(/\s+/);
  if (!words[0]) return [];
  const firstName = words.length > 1 ? words.slice(0, -1).join(' ') : words[0];
  const lastName = words.length > 1 ? words.at(-1)! : '';
  return context.prisma.contact.findMany({
    where: live(access, {
      firstName: { equals: firstName, mode: 'insensitive' },
      lastName: { equals: lastName, mode: 'insensitive' },
      ...(companyName?.trim() ? { company: { name: { equals: companyName.trim(), mode: 'insensitive' }, deletedAt: null } } : {}),
      ...(exclude ? { id: { not: exclude } } : {}),
    }),
    orderBy: oldestFirst,
    take: 5,
  });
}

/** A live contact the viewer sees, as the plan compares it; NOT_FOUND otherwise. */
export async function loadTarget(context: Context, access: RecordAccess, id: string): Promise<ClipTarget & { tagIds: string[]; profileUrls: string[] }> {
  const row = await context.prisma.contact.findFirst({
    where: live(access, { id }),
    include: {
      company: { select: { id: true, workspaceId: true, name: true, deletedAt: true } },
      emails: { orderBy: [{ isPrimary: 'desc' }, { id: 'asc' }], select: { email: true } },
      phones: { orderBy: [{ isPrimary: 'desc' }, { id: 'asc' }], select: { e164: true } },
      profiles: { orderBy: { id: 'asc' }, select: { url: true, normalizedKey: true } },
      tags: { select: { id: true } },
    },
  });
  if (!row) throw notFound('Contact');
  // A company private to someone else reads as none, as on Contact.company.
  const company =
    row.company && !row.company.deletedAt && (await canSeeRecord(context, { model: 'company', id: row.company.id, workspaceId: row.company.workspaceId }))
      ? row.company
      : null;
  return {
    firstName: row.firstName,
    lastName: row.lastName,
    headline: row.headline,
    jobTitle: row.jobTitle,
    location: row.location,
    companyName: company?.name ?? null,
    skills: row.skills,
    emails: row.emails.map((e) => e.email),
    phones: row.phones.map((p) => p.e164),
    profileKeys: row.profiles.map((p) => p.normalizedKey),
    profileUrls: row.profiles.map((p) => p.url),
    customFields: (row.customFields ?? {}) as Record<string, unknown>,
    tagIds: row.tags.map((t) => t.id),
  };
}
