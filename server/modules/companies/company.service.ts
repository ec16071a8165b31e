import type { Context } from '../../context.js';
import { rethrowUniqueViolation } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { requireViewer } from '../accounts/session.service.js';
import { idFromGlobalId } from '../node/uuid.js';
import { assertLinksInWorkspace, assertMember, keysOf } from '../records/links.service.js';
import { normalizeDomain, normalizePhone, normalizeUrl } from '../records/normalize.js';
import { badInput } from '../../errors.js';
import type { CompanyInputShape } from './company.inputs.js';
import { customWrite, withCustomKeys } from '../custom-fields/record-values.js';
import { changedFields, emitEvent } from '../activity-events/record-event.js';
import { phoneCountryFor } from '../workspaces/phone-country.js';

type Tx = Prisma.TransactionClient;

const trimmedOrNull = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);
const mapOrNull = <T>(value: string | null | undefined, map: (v: string) => T) =>
  value === undefined ? undefined : value === null || value.trim() === '' ? null : map(value);

/** Turns validated input into column values: undefined leaves a field alone, null clears it. */
async function companyColumns(tx: Tx, workspaceId: string, input: CompanyInputShape) {
  const ownerId = input.ownerId === undefined ? undefined : input.ownerId && idFromGlobalId(input.ownerId, 'User', 'Owner');
  if (ownerId) await assertMember(tx, ownerId, workspaceId, 'ownerId');
  const tagIds = input.tagIds ? keysOf(input.tagIds, 'Tag') : undefined;
  if (tagIds) await assertLinksInWorkspace(tx, 'tag', tagIds, workspaceId, 'tagIds');
  const phoneCountry = await phoneCountryFor(tx, workspaceId, input.phoneCountry, Boolean(input.phone?.trim()));
  return {
    columns: {
      name: input.name?.trim(),
      domain: mapOrNull(input.domain, (v) => normalizeDomain(v)),
      website: mapOrNull(input.website, (v) => normalizeUrl(v, 'website')),
      linkedinUrl: mapOrNull(input.linkedinUrl, (v) => normalizeUrl(v, 'linkedinUrl')),
      phone: mapOrNull(input.phone, (v) => normalizePhone(v, phoneCountry)),
      industry: trimmedOrNull(input.industry),
      size: trimmedOrNull(input.size),
      street: trimmedOrNull(input.street),
      city: trimmedOrNull(input.city),
      region: trimmedOrNull(input.region),
      postalCode: trimmedOrNull(input.postalCode),
      country: trimmedOrNull(input.country),
      visibility: input.visibility ?? undefined,
      ownerId: ownerId === undefined ? undefined : ownerId || null,
    },
    tagIds,
  };
}

const DUPLICATE_DOMAIN = 'A company with this domain already exists in this workspace (look in the trash too).';

export async function createCompany(context: Context, workspaceId: string, input: CompanyInputShape) {
  if (!input.name) throw badInput('Name is required.', 'input.name');
  const viewer = requireViewer(context);
  return context.prisma
    .$transaction(async (tx) => {
      const { columns, tagIds } = await companyColumns(tx, workspaceId, input);
      const custom = await customWrite(tx, { workspaceId, entity: 'COMPANY', recordId: null, current: {} }, input.customFields);
      return tx.company
        .create({
          data: {
            ...columns,
            customFields: custom.document,
            name: input.name!.trim(),
            workspaceId,
            createdById: viewer.user.id,
            ownerId: columns.ownerId === undefined ? viewer.user.id : columns.ownerId,
            tags: tagIds ? { connect: tagIds.map((id) => ({ id })) } : undefined,
          },
        })
        .then((row) => emitEvent(tx, context, row, 'Company', 'created'));
    })
    .catch((error: unknown) => rethrowUniqueViolation(error, DUPLICATE_DOMAIN, 'domain'));
}

export async function updateCompany(context: Context, id: string, input: CompanyInputShape) {
  return context.prisma
    .$transaction(async (tx) => {
      const company = await tx.company.findUniqueOrThrow({ where: { id, deletedAt: null } });
      const { columns, tagIds } = await companyColumns(tx, company.workspaceId, input);
      const custom = await customWrite(
        tx,
        { workspaceId: company.workspaceId, entity: 'COMPANY', recordId: id, current: company.customFields },
        input.customFields,
      );
      return tx.company
        .update({
          where: { id },
          data: { ...columns, customFields: custom.document, tags: tagIds ? { set: tagIds.map((tagId) => ({ id: tagId })) } : undefined },
        })
        .then((row) => emitEvent(tx, context, row, 'Company', 'updated', withCustomKeys(changedFields(input), custom.changedKeys)));
    })
    .catch((error: unknown) => rethrowUniqueViolation(error, DUPLICATE_DOMAIN, 'domain'));
}
