import { z } from 'zod';
import { builder } from '../../builder.js';
import { RecordVisibility } from '../../generated/prisma/enums.js';
import type PrismaTypes from '../../generated/pothos-types.js';
import type { RecordModel } from '../../auth/record-rules.js';
import { liveUuidNode } from '../node/uuid.js';

export const RecordVisibilityEnum = builder.enumType(RecordVisibility, {
  name: 'RecordVisibility',
  description:
    'WORKSPACE: everyone in the workspace (unless its policy says otherwise). PRIVATE: the owner, the people and teams it is shared with, and admins.',
});

export const SortDirection = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });

export const DateRangeInput = builder.inputType('DateRangeInput', {
  fields: (t) => ({
    from: t.field({ type: 'DateTime', required: false }),
    to: t.field({ type: 'DateTime', required: false }),
  }),
});

export function dateRangeWhere(range: { from?: Date | null; to?: Date | null } | null | undefined) {
  if (!range) return undefined;
  return { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lte: range.to } : {}) };
}

export const MAX_TEXT = 200;
export const MAX_LONG_TEXT = 100_000;
export const MAX_BULK = 100;

export const shortText = (label: string, max = MAX_TEXT) => z.string().max(max, `${label} has at most ${max} characters.`);

export const requiredText = (label: string, max = MAX_TEXT) => shortText(label, max).refine((value) => value.trim().length > 0, `${label} is required.`);

/** Custom fields: a flat JSON object of at most 50 keys with short scalar values. */
export const customFieldsInput = z
  .record(z.string().max(64), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
  .refine((value) => Object.keys(value).length <= 50, 'At most 50 custom fields.');

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
// Typed as Contact's builder: the fields below exist alike on the rows they are used for.
type RecordFieldBuilder = PothosSchemaTypes.PrismaObjectFieldBuilder<Types, PrismaTypes['Contact']>;

/** createdAt, updatedAt and deletedAt (null unless in the trash), alike on every row with a trash. */
export function trashTimestampFields(builderOfRow: unknown) {
  const t = builderOfRow as RecordFieldBuilder;
  return {
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    deletedAt: t.expose('deletedAt', { type: 'DateTime', nullable: true }),
  };
}

/** Visibility, the three timestamps, owner and creator: the same six fields on contacts, companies and communications. */
export function recordStampFields(builderOfRecord: unknown) {
  const t = builderOfRecord as RecordFieldBuilder;
  return {
    visibility: t.expose('visibility', { type: RecordVisibilityEnum }),
    ...trashTimestampFields(t),
    owner: t.relation('owner', { nullable: true }),
    createdBy: t.relation('createdBy', { nullable: true }),
  };
}

/** A list's sort: `<name>SortField` with these values, and `<name>Sort` of a field and a direction (ASC unless said). */
export function sortInput<const Values extends readonly string[]>(name: string, values: Values, description?: string) {
  const field = builder.enumType(`${name}SortField`, { values });
  return builder.inputType(`${name}Sort`, {
    description,
    fields: (t) => ({ field: t.field({ type: field }), direction: t.field({ type: SortDirection, defaultValue: 'ASC' }) }),
  });
}

type InputFieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

/** The optional contact, company and deal an input links to (global IDs). */
export const linkIdFields = (t: InputFieldBuilder) => ({
  contactId: t.id({ required: false }),
  companyId: t.id({ required: false }),
  dealId: t.id({ required: false }),
});

/** A record's node options: found by global ID unless trashed, and seen by whom the record rules say. */
export const recordNode = (model: RecordModel) => ({
  ...liveUuidNode,
  authScopes: (row: { id: string; workspaceId: string }) => ({ seesRecord: { model, id: row.id, workspaceId: row.workspaceId } }),
});
