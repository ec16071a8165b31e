// `customFields` on contacts, companies and deals: the record's values of live fields, in field order.
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import type { CustomFieldEntity } from '../../generated/prisma/enums.js';
import { CustomFieldValueInterface, type ValueShape } from './custom-field.types.js';
import { liveFieldsOnce } from './record-values.js';

const DESCRIPTION = 'Values of the live custom fields, in field order; fields without a value are left out.';
const select = { customFields: true, workspaceId: true } as const;

function valuesOf(entity: CustomFieldEntity) {
  return async (record: { customFields: unknown; workspaceId: string }, _args: object, ctx: Context): Promise<ValueShape[]> => {
    const values = (record.customFields ?? {}) as Record<string, unknown>;
    const fields = await liveFieldsOnce(ctx, record.workspaceId, entity);
    return fields.filter((f) => values[f.key] != null).map((field) => ({ field, value: values[field.key] }));
  };
}

builder.prismaObjectFields('Contact', (t) => ({
  customFields: t.field({ type: [CustomFieldValueInterface], description: DESCRIPTION, select, resolve: valuesOf('CONTACT') }),
}));
builder.prismaObjectFields('Company', (t) => ({
  customFields: t.field({ type: [CustomFieldValueInterface], description: DESCRIPTION, select, resolve: valuesOf('COMPANY') }),
}));
builder.prismaObjectFields('Deal', (t) => ({
  customFields: t.field({ type: [CustomFieldValueInterface], description: DESCRIPTION, select, resolve: valuesOf('DEAL') }),
}));
