import { z } from 'zod';
import { builder } from '../../builder.js';
import { RecordVisibility } from '../../generated/prisma/enums.js';

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
