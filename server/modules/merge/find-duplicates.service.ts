import type { Context } from '../../context.js';
import { recordAccess } from '../../auth/record-access.js';
import { visibleWhere } from '../../auth/record-where.js';

export type DuplicateReason = 'SAME_PHONE' | 'SAME_PROFILE' | 'SAME_NAME_AND_COMPANY' | 'SAME_NAME' | 'SAME_LINKEDIN';

export interface DuplicatePair {
  aId: string;
  bId: string;
  reasons: DuplicateReason[];
}

const MAX_PAIRS = 100;

/** Pairs every two members of each group, merging the reasons of pairs found more than once. */
function pairsFrom(groups: Array<{ ids: string[]; reason: DuplicateReason }>): DuplicatePair[] {
  const pairs = new Map<string, DuplicatePair>();
  for (const { ids, reason } of groups) {
    const sorted = [...new Set(ids)].sort();
    for (let i = 0; i < sorted.length; i += 1) {
      for (let j = i + 1; j < sorted.length; j += 1) {
        const key = `${sorted[i]}:${sorted[j]}`;
        const pair = pairs.get(key) ?? { aId: sorted[i]!, bId: sorted[j]!, reasons: [] };
        if (!pair.reasons.includes(reason)) pair.reasons.push(reason);
        pairs.set(key, pair);
      }
    }
  }
  return [...pairs.values()].sort((x, y) => y.reasons.length - x.reasons.length).slice(0, MAX_PAIRS);
}

function groupBy<T>(rows: T[], key: (row: T) => string | null, id: (row: T) => string) {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const k = key(row);
    if (k) groups.set(k, [...(groups.get(k) ?? []), id(row)]);
  }
  return [...groups.values()].filter((ids) => new Set(ids).size > 1);
}

/** Likely duplicate contacts the viewer can see: the same phone, the same profile, or the same name at the same company. */
export async function findDuplicateContacts(context: Context, workspaceId: string): Promise<DuplicatePair[]> {
  const access = await recordAccess(context, workspaceId);
  const contactWhere = { AND: [visibleWhere(access), { deletedAt: null }] };
  const [phones, profiles] = await Promise.all([
    context.prisma.contactPhone.groupBy({ by: ['e164'], where: { workspaceId, contact: contactWhere }, having: { e164: { _count: { gt: 1 } } } }),
    context.prisma.contactProfile.groupBy({
      by: ['normalizedKey'],
      where: { workspaceId, contact: contactWhere },
      having: { normalizedKey: { _count: { gt: 1 } } },
    }),
  ]);
  const [phoneRows, profileRows, names] = await Promise.all([
    context.prisma.contactPhone.findMany({
      where: { workspaceId, e164: { in: phones.map((p) => p.e164) }, contact: contactWhere },
      select: { e164: true, contactId: true },
    }),
    context.prisma.contactProfile.findMany({
      where: { workspaceId, normalizedKey: { in: profiles.map((p) => p.normalizedKey) }, contact: contactWhere },
      select: { normalizedKey: true, contactId: true },
    }),
    context.prisma.contact.groupBy({
      by: ['companyId', 'sortName'],
      where: { ...contactWhere, companyId: { not: null } },
      having: { sortName: { _count: { gt: 1 } } },
    }),
  ]);
  const sameName = names.length
    ? await context.prisma.contact.findMany({
        where: { AND: [contactWhere, { OR: names.map((n) => ({ companyId: n.companyId, sortName: n.sortName })) }] },
        select: { id: true, companyId: true, sortName: true },
      })
    : [];
  return pairsFrom([
    ...groupBy(
      phoneRows,
      (r) => r.e164,
      (r) => r.contactId,
    ).map((ids) => ({ ids, reason: 'SAME_PHONE' as const })),
    ...groupBy(
      profileRows,
      (r) => r.normalizedKey,
      (r) => r.contactId,
    ).map((ids) => ({ ids, reason: 'SAME_PROFILE' as const })),
    ...groupBy(
      sameName,
      (r) => `${r.companyId}:${r.sortName}`,
      (r) => r.id,
    ).map((ids) => ({ ids, reason: 'SAME_NAME_AND_COMPANY' as const })),
  ]);
}

/** Likely duplicate companies: the same case-folded name, phone or LinkedIn page. */
export async function findDuplicateCompanies(context: Context, workspaceId: string): Promise<DuplicatePair[]> {
  const access = await recordAccess(context, workspaceId);
  const where = { AND: [visibleWhere(access), { deletedAt: null }] };
  const [names, phones, pages] = await Promise.all([
    context.prisma.company.groupBy({ by: ['sortName'], where, having: { sortName: { _count: { gt: 1 } } } }),
    context.prisma.company.groupBy({ by: ['phone'], where: { AND: [where, { phone: { not: null } }] }, having: { phone: { _count: { gt: 1 } } } }),
    context.prisma.company.groupBy({
      by: ['linkedinUrl'],
      where: { AND: [where, { linkedinUrl: { not: null } }] },
      having: { linkedinUrl: { _count: { gt: 1 } } },
    }),
  ]);
  const keys = [
    ...names.map((n) => ({ sortName: n.sortName })),
    ...phones.map((p) => ({ phone: p.phone })),
    ...pages.map((p) => ({ linkedinUrl: p.linkedinUrl })),
  ];
  const rows = keys.length
    ? await context.prisma.company.findMany({ where: { AND: [where, { OR: keys }] }, select: { id: true, sortName: true, phone: true, linkedinUrl: true } })
    : [];
  const duplicated = <K extends 'sortName' | 'phone' | 'linkedinUrl'>(key: K, values: Set<string | null>) =>
    groupBy(
      rows.filter((r) => values.has(r[key])),
      (r) => r[key],
      (r) => r.id,
    );
  return pairsFrom([
    ...duplicated('sortName', new Set(names.map((n) => n.sortName))).map((ids) => ({ ids, reason: 'SAME_NAME' as const })),
    ...duplicated('phone', new Set(phones.map((p) => p.phone))).map((ids) => ({ ids, reason: 'SAME_PHONE' as const })),
    ...duplicated('linkedinUrl', new Set(pages.map((p) => p.linkedinUrl))).map((ids) => ({ ids, reason: 'SAME_LINKEDIN' as const })),
  ]);
}
