import type { Context } from '../../context.js';
import { badInput, forbidden } from '../../errors.js';
import type { Communication, Prisma } from '../../generated/prisma/client.js';
import { requireViewer } from '../accounts/session.service.js';
import { idFromGlobalId } from '../node/uuid.js';
import { assertVisibleLinks, linkColumns } from '../records/record-links.js';
import { assertMember, keysOf } from '../records/links.service.js';
import { normalizeAddress } from './addresses.js';
import { mayReadBody } from './body-privacy.js';
import type { CommunicationInputShape } from './communication.inputs.js';
import { changedFields, emitEvent } from '../activity-events/record-event.js';
import { phoneCountryFor } from '../workspaces/phone-country.js';
import { recordAccess } from '../../auth/record-access.js';
import type { RecordAccess } from '../../auth/record-rules.js';

type Tx = Prisma.TransactionClient;
type Existing = Pick<Communication, 'kind' | 'fromAddress' | 'toAddresses' | 'durationSeconds' | 'outcome'>;

/**
 * Addresses, checked against the kind the record will have. When an update changes the kind, the stored
 * addresses are checked again, so an EMAIL turned CALL cannot keep email addresses.
 */
function addressColumns(input: CommunicationInputShape, existing: Existing | null, phoneCountry: string | undefined) {
  const kind = input.kind ?? existing!.kind;
  const recheck = existing != null && kind !== existing.kind;
  const from = input.fromAddress !== undefined ? input.fromAddress : recheck ? existing.fromAddress : undefined;
  const to = input.toAddresses !== undefined ? (input.toAddresses ?? []) : recheck ? existing.toAddresses : undefined;
  const fromAddress = from === undefined ? undefined : from?.trim() ? normalizeAddress(kind, from, 'input.fromAddress', phoneCountry) : null;
  const toAddresses = to?.filter((value) => value.trim()).map((value) => normalizeAddress(kind, value, 'input.toAddresses', phoneCountry));

  const duration = input.durationSeconds !== undefined ? input.durationSeconds : existing?.durationSeconds;
  const outcome = input.outcome !== undefined ? input.outcome?.trim() : existing?.outcome;
  if (kind !== 'CALL' && (duration != null || outcome)) throw badInput('Only calls have a duration and an outcome.', 'input.durationSeconds');
  return { fromAddress, toAddresses: toAddresses ? [...new Set(toAddresses)] : undefined };
}

async function communicationColumns(tx: Tx, access: RecordAccess, input: CommunicationInputShape, existing: Existing | null) {
  const ownerId = input.ownerId === undefined ? undefined : input.ownerId && idFromGlobalId(input.ownerId, 'User', 'Owner');
  if (ownerId) await assertMember(tx, ownerId, access.workspaceId, 'input.ownerId');
  const contactIds = input.contactIds ? keysOf(input.contactIds, 'Contact') : undefined;
  if (contactIds) await assertVisibleLinks(tx, access, 'contact', contactIds, 'input.contactIds');
  const { companyId, dealId } = await linkColumns(tx, access, { companyId: input.companyId, dealId: input.dealId });
  const hasAddresses = Boolean(input.fromAddress?.trim() || input.toAddresses?.length || (existing && input.kind && input.kind !== existing.kind));
  const phoneCountry = await phoneCountryFor(tx, access.workspaceId, input.phoneCountry, hasAddresses);
  return {
    columns: {
      ...addressColumns(input, existing, phoneCountry),
      kind: input.kind ?? undefined,
      direction: input.direction ?? undefined,
      subject: input.subject === undefined ? undefined : input.subject?.trim() || null,
      body: input.body === undefined ? undefined : input.body || null,
      bodyPrivate: input.bodyPrivate ?? undefined,
      durationSeconds: input.durationSeconds,
      outcome: input.outcome === undefined ? undefined : input.outcome?.trim() || null,
      occurredAt: input.occurredAt ?? undefined,
      visibility: input.visibility ?? undefined,
      ownerId: ownerId === undefined ? undefined : ownerId || null,
      companyId,
      dealId,
    },
    contactIds,
  };
}

export async function createCommunication(context: Context, workspaceId: string, input: CommunicationInputShape) {
  if (!input.kind) throw badInput('Choose the kind: EMAIL, SMS or CALL.', 'input.kind');
  if (!input.direction) throw badInput('Choose the direction: INBOUND or OUTBOUND.', 'input.direction');
  const viewer = requireViewer(context);
  const access = await recordAccess(context, workspaceId);
  return context.prisma.$transaction(async (tx) => {
    const { columns, contactIds } = await communicationColumns(tx, access, input, null);
    return tx.communication
      .create({
        data: {
          ...columns,
          kind: input.kind!,
          direction: input.direction!,
          occurredAt: columns.occurredAt ?? new Date(),
          workspaceId,
          createdById: viewer.user.id,
          ownerId: columns.ownerId === undefined ? viewer.user.id : columns.ownerId,
          contacts: contactIds ? { create: contactIds.map((contactId) => ({ contactId })) } : undefined,
        },
      })
      .then((row) => emitEvent(tx, context, row, 'Communication', 'created', { kind: row.kind, direction: row.direction }));
  });
}

export async function updateCommunication(context: Context, id: string, input: CommunicationInputShape) {
  const existing = await context.prisma.communication.findUniqueOrThrow({ where: { id, deletedAt: null } });
  const access = await recordAccess(context, existing.workspaceId);
  // Taking ownership would reveal a private body: only those who read it may change it, its privacy or its owner.
  const touchesBody = input.body !== undefined || input.bodyPrivate != null || input.ownerId !== undefined;
  if (touchesBody && !mayReadBody(access, { ...existing, bodyPrivate: existing.bodyPrivate || input.bodyPrivate === true })) {
    throw forbidden('Only the owner or an admin can change the body, its privacy or the owner of this record.');
  }
  return context.prisma.$transaction(async (tx) => {
    const { columns, contactIds } = await communicationColumns(tx, access, input, existing);
    return tx.communication
      .update({
        where: { id },
        data: { ...columns, contacts: contactIds ? { deleteMany: {}, create: contactIds.map((contactId) => ({ contactId })) } : undefined },
      })
      .then((row) => emitEvent(tx, context, row, 'Communication', 'updated', changedFields(input)));
  });
}
