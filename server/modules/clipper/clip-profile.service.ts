// Saving a profile page into a contact: match or create, write what the plan says, and record the clip.
import { ensureFields, looseInputs, type LooseField } from '../custom-fields/loose-values.js';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { roleCan } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { badInput, forbidden, notFound } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { requireViewer } from '../accounts/session.service.js';
import { emitEvent } from '../activity-events/record-event.js';
import { createContactIn, rethrowDuplicateEmail, updateContactIn } from '../contacts/contact.service.js';
import type { ContactInputShape } from '../contacts/contact.inputs.js';
import { idFromGlobalId } from '../node/uuid.js';
import { keysOf } from '../records/links.service.js';
import { normalizeDomain } from '../records/normalize.js';
import { planClip, CUSTOM_KEYS, type ClipField, type ClipProfile, type FieldChange } from './clip-plan.js';
import { loadTarget, matchContact, type ClipMatch } from './clip-target.js';
import { clipUrl } from './clip-url.js';
import { recordAccess } from '../../auth/record-access.js';
import type { RecordAccess } from '../../auth/record-rules.js';
import { visibleWhere } from '../../auth/record-where.js';

type Tx = Prisma.TransactionClient;

export interface ClipProfileArgs {
  profile: ClipProfile & { url: string; companyDomain?: string | null };
  contactId?: string | null;
  overwrite?: readonly ClipField[] | null;
  note?: string | null;
  tagIds?: readonly string[] | null;
  ownerId?: string | null;
  dealId?: string | null;
  dryRun?: boolean | null;
}

export interface ClipResult {
  contactId: string | null;
  created: boolean;
  matchedBy: ClipMatch | 'ID' | null;
  changes: FieldChange[];
  clipSourceId: string | null;
}

async function findTarget(context: Context, access: RecordAccess, args: ClipProfileArgs, profileKey: string) {
  if (args.contactId) {
    const id = idFromGlobalId(args.contactId, 'Contact');
    const visible = await context.prisma.contact.count({ where: { AND: [visibleWhere(access), { id, deletedAt: null }] } });
    if (!visible) throw notFound('Contact');
    return { id, matchedBy: 'ID' as const };
  }
  return matchContact(context, access, profileKey, args.profile.emails ?? []);
}

/** A live company the viewer sees with this domain, else this name; else a new one. */
async function companyFor(tx: Tx, context: Context, access: RecordAccess, name: string, domainInput: string | null | undefined) {
  const domain = domainInput?.trim() ? normalizeDomain(domainInput, 'profile.companyDomain') : null;
  const visible = { AND: [visibleWhere(access), { deletedAt: null }] };
  const existing =
    (domain && (await tx.company.findFirst({ where: { AND: [visible, { domain }] }, orderBy: { createdAt: 'asc' } }))) ||
    (await tx.company.findFirst({ where: { AND: [visible, { name: { equals: name, mode: 'insensitive' } }] }, orderBy: { createdAt: 'asc' } }));
  if (existing) return existing.id;
  // A domain already held elsewhere (the trash, a private company) stays with that company.
  const domainTaken = domain && (await tx.company.count({ where: { workspaceId: access.workspaceId, domain } }));
  const userId = requireViewer(context).user.id;
  const company = await tx.company.create({
    data: { workspaceId: access.workspaceId, name, domain: domainTaken ? null : domain, createdById: userId, ownerId: userId },
  });
  await emitEvent(tx, context, company, 'Company', 'created');
  return company.id;
}

/** The clipper's own fields, created on first use (admins may retype, archive or delete them later). */
const CLIP_FIELDS: LooseField[] = [
  { key: CUSTOM_KEYS.HOURLY_RATE, label: 'Hourly rate', type: 'TEXT' },
  { key: CUSTOM_KEYS.SALARY_EXPECTATION, label: 'Salary expectation', type: 'TEXT' },
  { key: CUSTOM_KEYS.EXPERIENCE_YEARS, label: 'Years of experience', type: 'NUMBER' },
  { key: CUSTOM_KEYS.EXPERIENCE, label: 'Experience', type: 'LONG_TEXT' },
  { key: CUSTOM_KEYS.PHOTO_URL, label: 'Photo', type: 'URL' },
];

async function customFieldsAfter(tx: Tx, workspaceId: string, writes: ReturnType<typeof planClip>['writes']) {
  const patch: Record<string, string | number> = {};
  for (const [field, key] of Object.entries(CUSTOM_KEYS) as Array<[ClipField, string]>) {
    const value = writes[field];
    if (value !== undefined) patch[key] = Array.isArray(value) ? value.join('\n') : value;
  }
  if (!Object.keys(patch).length) return undefined;
  await ensureFields(
    tx,
    workspaceId,
    'CONTACT',
    CLIP_FIELDS.filter((f) => f.key in patch),
  );
  return looseInputs(tx, workspaceId, 'CONTACT', patch);
}

async function assertDeal(tx: Tx, access: RecordAccess, dealGlobalId: string) {
  const id = idFromGlobalId(dealGlobalId, 'Deal');
  const deal = await tx.deal.findFirst({ where: { AND: [visibleWhere(access), { id, deletedAt: null }] }, select: { id: true } });
  if (!deal) throw badInput('The deal was not found in this workspace.', 'dealId');
  return id;
}

export async function clipProfile(context: Context, workspaceId: string, args: ClipProfileArgs): Promise<ClipResult> {
  const url = clipUrl(args.profile.url, 'profile.url');
  const access = await recordAccess(context, workspaceId);
  const match = await findTarget(context, access, args, url.key);
  // The root field's scope checked create (or update of the named contact); a contact found by URL or email is an update.
  if (match && !roleCan(access.role, 'records:update')) throw forbidden('Your role can look contacts up but not update them.');
  if (!match && !roleCan(access.role, 'records:create')) throw forbidden('Your role can look contacts up but not create them.');
  const target = match ? await loadTarget(context, access, match.id) : null;
  const plan = planClip(target, args.profile, url.key, url.canonical, args.overwrite ?? []);
  if (args.dryRun) return { contactId: match?.id ?? null, created: false, matchedBy: match?.matchedBy ?? null, changes: plan.changes, clipSourceId: null };

  const { writes } = plan;
  const viewer = requireViewer(context);
  return context.prisma
    .$transaction(async (tx) => {
      const companyId = writes.COMPANY ? await companyFor(tx, context, access, String(writes.COMPANY), args.profile.companyDomain) : undefined;
      const tagIds = args.tagIds?.length ? [...new Set([...(target?.tagIds ?? []), ...keysOf(args.tagIds, 'Tag')])] : undefined;
      const input: ContactInputShape = {
        firstName: writes.FIRST_NAME as string | undefined,
        lastName: writes.LAST_NAME as string | undefined,
        headline: writes.HEADLINE as string | undefined,
        jobTitle: writes.JOB_TITLE as string | undefined,
        location: writes.LOCATION as string | undefined,
        skills: writes.SKILLS as string[] | undefined,
        emails: writes.EMAILS as string[] | undefined,
        phones: (writes.PHONES as string[] | undefined)?.map((number) => ({ number })),
        profileUrls: writes.PROFILE_URL ? [...(target?.profileUrls ?? []), url.canonical] : undefined,
        customFields: await customFieldsAfter(tx, workspaceId, writes),
        companyId: companyId && encodeGlobalID('Company', companyId),
        tagIds: tagIds?.map((id) => encodeGlobalID('Tag', id)),
        ownerId: args.ownerId ?? undefined,
        source: target ? undefined : `clipper:${url.site.toLowerCase()}`,
      };
      const contact = match ? await updateContactIn(tx, context, access, match.id, input) : await createContactIn(tx, context, access, input);
      if (args.note?.trim()) {
        const note = await tx.note.create({ data: { workspaceId, contactId: contact.id, body: args.note.trim(), createdById: viewer.user.id } });
        await emitEvent(tx, context, note, 'Note', 'created');
      }
      if (args.dealId) {
        const dealId = await assertDeal(tx, access, args.dealId);
        await tx.dealContact.createMany({ data: [{ dealId, contactId: contact.id }], skipDuplicates: true });
      }
      const written = plan.changes.filter((c) => c.status === 'CREATED' || c.status === 'UPDATED').map((c) => c.field);
      const clip = await tx.clipSource.create({
        data: { workspaceId, contactId: contact.id, site: url.site, url: url.canonical, clippedById: viewer.user.id, fieldsWritten: written },
      });
      return { contactId: contact.id, created: !match, matchedBy: match?.matchedBy ?? null, changes: plan.changes, clipSourceId: clip.id };
    })
    .catch(rethrowDuplicateEmail);
}
