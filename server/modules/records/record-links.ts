// Links from notes, activities, comments and communications to contacts, companies and deals: checking
// them on write, filtering by them, and showing them as fields.
import { getRefFromModel, type PrismaObjectRef } from '@pothos/plugin-prisma';
import { delegateOf, type Counter } from '../../db/delegate.js';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { badInput } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type PrismaTypes from '../../generated/pothos-types.js';
import { idFromGlobalId } from '../node/uuid.js';
import { canSeeRecord } from '../../auth/record-access.js';
import type { RecordAccess, VisibleModel } from '../../auth/record-rules.js';
import { visibleWhere } from '../../auth/record-where.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
const modelRef = <Name extends 'Contact' | 'Company' | 'Deal'>(name: Name) =>
  getRefFromModel(name, builder) as unknown as PrismaObjectRef<Types, PrismaTypes[Name]>;

/**
 * The GraphQL types of linked records, by Prisma model name: the same refs their own modules implement,
 * so a link field works whichever module is imported first.
 */
export const ContactRef = modelRef('Contact');
export const CompanyRef = modelRef('Company');
export const DealRef = modelRef('Deal');

/** A linked record as a field value: null when absent, in the trash, or hidden from the viewer. */
export async function visibleLink<T extends { id: string; workspaceId: string; deletedAt: Date | null }>(
  context: Context,
  model: VisibleModel,
  record: T | null | undefined,
): Promise<T | null> {
  if (!record || record.deletedAt) return null;
  return (await canSeeRecord(context, { model, id: record.id, workspaceId: record.workspaceId })) ? record : null;
}

type Tx = Prisma.TransactionClient;

const LINKS = [
  { model: 'contact', typename: 'Contact', column: 'contactId' },
  { model: 'company', typename: 'Company', column: 'companyId' },
  { model: 'deal', typename: 'Deal', column: 'dealId' },
] as const;

export interface LinkInput {
  contactId?: string | null;
  companyId?: string | null;
  dealId?: string | null;
}

/**
 * Checks that linked records are live and visible to the viewer, which also keeps them in the workspace:
 * linking a note to a record you cannot see would reveal that it exists. BAD_USER_INPUT otherwise.
 */
export async function assertVisibleLinks(tx: Tx, access: RecordAccess, model: VisibleModel, ids: readonly string[], field: string) {
  if (ids.length === 0) return;
  const delegate = delegateOf<Counter>(tx, model);
  const found = await delegate.count({ where: { AND: [{ id: { in: [...ids] }, deletedAt: null }, visibleWhere(access)] } });
  if (found !== new Set(ids).size) throw badInput(`A linked ${model} was not found in this workspace.`, field);
}

/** Link columns from input (global IDs): undefined leaves a link alone, null clears it. */
export async function linkColumns(tx: Tx, access: RecordAccess, input: LinkInput) {
  const columns: { contactId?: string | null; companyId?: string | null; dealId?: string | null } = {};
  for (const { model, typename, column } of LINKS) {
    const value = input[column];
    if (value === undefined) continue;
    const id = value && idFromGlobalId(value, typename);
    if (id) await assertVisibleLinks(tx, access, model, [id], `input.${column}`);
    columns[column] = id || null;
  }
  return columns;
}

/** Filter conditions on the link columns (global IDs in, keys out). */
export function linkFilterWhere(filter: LinkInput | null | undefined) {
  const where: { contactId?: string; companyId?: string; dealId?: string } = {};
  for (const { typename, column } of LINKS) {
    const value = filter?.[column];
    if (value) where[column] = idFromGlobalId(value, typename);
  }
  return where;
}

type LinkName = 'contact' | 'company' | 'deal';

/**
 * Link fields to a single contact, company and/or deal (notes and activities have all three,
 * communications a company and a deal): each is null when absent, in the trash, or hidden from the viewer.
 */
export function addRecordLinkFields(model: 'Note' | 'Activity' | 'Communication', links: readonly LinkName[] = ['contact', 'company', 'deal']) {
  // Typed as Note, which has all three relations; only the requested fields are registered.
  builder.prismaObjectFields(model as 'Note', (t) =>
    pick(links, {
      contact: t.field({
        type: ContactRef,
        nullable: true,
        description: 'Null when absent, in the trash or hidden from you.',
        select: async (_args, _ctx, nested) => ({ contact: await nested(true) }),
        resolve: (row, _args, ctx) => visibleLink(ctx, 'contact', row.contact),
      }),
      company: t.field({
        type: CompanyRef,
        nullable: true,
        description: 'Null when absent, in the trash or hidden from you.',
        select: async (_args, _ctx, nested) => ({ company: await nested(true) }),
        resolve: (row, _args, ctx) => visibleLink(ctx, 'company', row.company),
      }),
      deal: t.field({
        type: DealRef,
        nullable: true,
        description: 'Null when absent, in the trash or hidden from you.',
        select: async (_args, _ctx, nested) => ({ deal: await nested(true) }),
        resolve: (row, _args, ctx) => visibleLink(ctx, 'deal', row.deal),
      }),
    }),
  );
}

function pick<T extends Record<LinkName, unknown>>(links: readonly LinkName[], fields: T): Partial<T> {
  return Object.fromEntries(links.map((name) => [name, fields[name]])) as Partial<T>;
}
