import type { Context } from '../../context.js';
import { badInput, notFound, rethrowUniqueViolation } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { requireViewer } from '../accounts/session.service.js';
import { idFromGlobalId } from '../node/uuid.js';
import { assertLinksInWorkspace, assertMember, keysOf } from '../records/links.service.js';
import { assertEmailsFree, contactDetails, duplicateEmailMessage, writeContactDetails } from './contact-details.js';
import type { ContactInputShape } from './contact.inputs.js';
import { changedFields, emitEvent } from '../activity-events/record-event.js';
import { customWrite, withCustomKeys } from '../custom-fields/record-values.js';
import { assertRoom } from '../billing/limits.js';
import { phoneCountryFor } from '../workspaces/phone-country.js';
import { recordAccess } from '../../auth/record-access.js';
import type { RecordAccess } from '../../auth/record-rules.js';
import { visibleWhere } from '../../auth/record-where.js';

type Tx = Prisma.TransactionClient;

const trimmedOrNull = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);

/** A linked company must be live, in the workspace, and visible to the viewer. */
async function companyKey(tx: Tx, access: RecordAccess, companyId: string | null | undefined) {
  if (companyId === undefined || companyId === null) return companyId;
  const id = idFromGlobalId(companyId, 'Company');
  await assertLinksInWorkspace(tx, 'company', [id], access.workspaceId, 'input.companyId');
  const visible = await tx.company.count({ where: { id, ...visibleWhere(access) } });
  if (!visible) throw badInput('A linked company was not found in this workspace.', 'input.companyId');
  return id;
}

/** Turns validated input into column values: undefined leaves a field alone, null clears it. */
async function contactColumns(tx: Tx, access: RecordAccess, input: ContactInputShape) {
  const ownerId = input.ownerId === undefined ? undefined : input.ownerId && idFromGlobalId(input.ownerId, 'User', 'Owner');
  if (ownerId) await assertMember(tx, ownerId, access.workspaceId, 'input.ownerId');
  const tagIds = input.tagIds ? keysOf(input.tagIds, 'Tag') : undefined;
  if (tagIds) await assertLinksInWorkspace(tx, 'tag', tagIds, access.workspaceId, 'input.tagIds');
  return {
    columns: {
      firstName: input.firstName === undefined ? undefined : (input.firstName?.trim() ?? ''),
      lastName: input.lastName === undefined ? undefined : (input.lastName?.trim() ?? ''),
      jobTitle: trimmedOrNull(input.jobTitle),
      location: trimmedOrNull(input.location),
      headline: trimmedOrNull(input.headline),
      source: trimmedOrNull(input.source),
      lifecycleStage: input.lifecycleStage ?? undefined,
      companyId: await companyKey(tx, access, input.companyId),
      visibility: input.visibility ?? undefined,
      ownerId: ownerId === undefined ? undefined : ownerId || null,
    },
    tagIds,
  };
}

function assertNamed(firstName: string, lastName: string) {
  if (!firstName && !lastName) throw badInput('A first or last name is required.', 'input.firstName');
}

export const rethrowDuplicateEmail = (error: unknown): never => rethrowUniqueViolation(error, duplicateEmailMessage(), 'input.emails');

export async function createContact(context: Context, workspaceId: string, input: ContactInputShape) {
  // Read through context.prisma before the transaction opens: PGlite has a single connection.
  const access = await recordAccess(context, workspaceId);
  return context.prisma.$transaction((tx) => createContactIn(tx, context, access, input)).catch(rethrowDuplicateEmail);
}

/** createContact inside the caller's transaction (the clipper writes a contact and its clip together). */
export async function createContactIn(tx: Tx, context: Context, access: RecordAccess, input: ContactInputShape) {
  const viewer = requireViewer(context);
  const { workspaceId } = access;
  await assertRoom(context.app.billing, tx, workspaceId, 'contacts', 1);
  const { columns, tagIds } = await contactColumns(tx, access, input);
  assertNamed(columns.firstName ?? '', columns.lastName ?? '');
  const phoneCountry = await phoneCountryFor(tx, workspaceId, input.phoneCountry, Boolean(input.phones?.length));
  const { skills, ...lists } = contactDetails({ ...input, phoneCountry });
  await assertEmailsFree(tx, workspaceId, lists.emails?.map((e) => e.email) ?? [], null);
  const custom = await customWrite(tx, { workspaceId, entity: 'CONTACT', recordId: null, current: {} }, input.customFields);
  const contact = await tx.contact.create({
    data: {
      ...columns,
      customFields: custom.document,
      firstName: columns.firstName ?? '',
      skills: skills ?? [],
      workspaceId,
      createdById: viewer.user.id,
      ownerId: columns.ownerId === undefined ? viewer.user.id : columns.ownerId,
      tags: tagIds ? { connect: tagIds.map((id) => ({ id })) } : undefined,
    },
  });
  await writeContactDetails(tx, workspaceId, contact.id, lists);
  return emitEvent(tx, context, contact, 'Contact', 'created');
}

export async function updateContact(context: Context, id: string, input: ContactInputShape) {
  const found = await context.prisma.contact.findUnique({ where: { id, deletedAt: null }, select: { workspaceId: true } });
  if (!found) throw notFound('Contact');
  const access = await recordAccess(context, found.workspaceId);
  return context.prisma.$transaction((tx) => updateContactIn(tx, context, access, id, input)).catch(rethrowDuplicateEmail);
}

/** updateContact inside the caller's transaction, for a live contact of access.workspaceId. */
export async function updateContactIn(tx: Tx, context: Context, access: RecordAccess, id: string, input: ContactInputShape) {
  const contact = await tx.contact.findUniqueOrThrow({ where: { id, deletedAt: null }, include: { emails: { orderBy: { id: 'asc' } } } });
  const { columns, tagIds } = await contactColumns(tx, access, input);
  assertNamed(columns.firstName ?? contact.firstName, columns.lastName ?? contact.lastName);
  const phoneCountry = await phoneCountryFor(tx, contact.workspaceId, input.phoneCountry, Boolean(input.phones?.length));
  const { skills, ...lists } = contactDetails(
    { ...input, phoneCountry },
    contact.emails.map((e) => e.email),
  );
  if (lists.emails)
    await assertEmailsFree(
      tx,
      contact.workspaceId,
      lists.emails.map((e) => e.email),
      id,
    );
  const custom = await customWrite(
    tx,
    { workspaceId: contact.workspaceId, entity: 'CONTACT', recordId: id, current: contact.customFields },
    input.customFields,
  );
  await writeContactDetails(tx, contact.workspaceId, id, lists);
  return tx.contact
    .update({
      where: { id },
      data: { ...columns, customFields: custom.document, skills, tags: tagIds ? { set: tagIds.map((tagId) => ({ id: tagId })) } : undefined },
    })
    .then((row) => emitEvent(tx, context, row, 'Contact', 'updated', withCustomKeys(changedFields(input), custom.changedKeys)));
}
