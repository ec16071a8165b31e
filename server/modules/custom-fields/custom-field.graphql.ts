import { z } from 'zod';
import { inWorkspace, onRow } from '../../auth/field-scopes.js';
import { selectedRow } from '../../db/delegate.js';
import { builder } from '../../builder.js';
import { rowMutations } from '../workspaces/row-mutations.js';
import { idFromGlobalId } from '../node/uuid.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { CreateCustomFieldInput, CustomFieldOptionInput, MAX_FIELDS, MAX_OPTIONS, OptionUpdateInput, UpdateCustomFieldInput } from './custom-field.inputs.js';
import { CustomFieldEntityEnum, CustomFieldTypeEnum } from './custom-field.types.js';
import { createField, reorderFields, setFieldDeleted, updateField } from './definitions.service.js';
import { addOption, mergeOptions, reorderOptions, updateOption } from './options.service.js';
import { changeFieldType, type ConversionFailure, type TypeChangeReport } from './type-change.service.js';

const fieldKey = (id: string) => idFromGlobalId(id, 'CustomField', 'Field');
const optionId = z.string().max(64);

const ConversionFailureType = builder.objectRef<ConversionFailure>('CustomFieldConversionFailure').implement({
  authScopes: { authenticated: true },
  fields: (t) => ({
    recordId: t.exposeString('recordId', { description: 'The record’s database id (its global ID is Contact:, Company: or Deal: with it).' }),
    value: t.exposeString('value', { description: 'The stored value, as JSON.' }),
    reason: t.exposeString('reason'),
  }),
});

const TypeChangeReportType = builder.objectRef<TypeChangeReport>('CustomFieldTypeChange').implement({
  description: 'What a type change does (dry run) or did: values converted, and those that could not be (cleared when applied).',
  authScopes: { authenticated: true },
  fields: (t) => ({
    field: t.prismaField({
      type: 'CustomField',
      resolve: (query, report, _args, ctx) => ctx.prisma.customField.findUniqueOrThrow({ ...query, where: { id: report.fieldId } }),
    }),
    applied: t.exposeBoolean('applied'),
    converted: t.exposeInt('converted'),
    failed: t.exposeInt('failed'),
    failures: t.field({ type: [ConversionFailureType], description: 'The first 100.', resolve: (r) => r.failures }),
  }),
});

builder.queryField('customFields', (t) =>
  t.prismaField({
    type: ['CustomField'],
    description: 'Field definitions, in order. Archived fields only with includeArchived; deleted ones only with trash.',
    args: {
      workspaceId: t.arg.id({ required: false }),
      entity: t.arg({ type: CustomFieldEntityEnum, required: false }),
      includeArchived: t.arg.boolean({ required: false }),
      trash: t.arg.boolean({ required: false }),
    },
    authScopes: inWorkspace('records:read'),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.customField.findMany({
        ...query,
        where: {
          workspaceId: requireWorkspaceId(ctx, args.workspaceId),
          entity: args.entity ?? undefined,
          deletedAt: args.trash ? { not: null } : null,
          archivedAt: args.includeArchived || args.trash ? undefined : null,
        },
        orderBy: [{ entity: 'asc' }, { position: 'asc' }, { id: 'asc' }],
      }),
  }),
);

builder.mutationFields((t) => {
  const fields = rowMutations(t, 'customField', 'customFields:manage');
  return {
    createCustomField: fields.create(CreateCustomFieldInput, createField),
    updateCustomField: fields.update(UpdateCustomFieldInput, updateField, 'Rename, change help text or flags, archive or unarchive.'),
    reorderCustomFields: t.prismaField({
      type: ['CustomField'],
      args: {
        workspaceId: t.arg.id({ required: false }),
        entity: t.arg({ type: CustomFieldEntityEnum }),
        fieldIds: t.arg.idList({ description: 'Every field of the entity (archived too), in the new order.', validate: z.array(z.string()).max(MAX_FIELDS) }),
      },
      authScopes: inWorkspace('customFields:manage'),
      resolve: (_query, _root, args, ctx) => reorderFields(ctx, requireWorkspaceId(ctx, args.workspaceId), args.entity, args.fieldIds.map(fieldKey)),
    }),
    deleteCustomField: fields.act(
      (ctx, id) => setFieldDeleted(ctx, id, true),
      'Hides the field and its values; restoreCustomField brings both back within the trash retention window.',
    ),
    restoreCustomField: fields.act((ctx, id) => setFieldDeleted(ctx, id, false)),
    changeCustomFieldType: t.field({
      type: TypeChangeReportType,
      description: 'With dryRun, reports what would convert and what could not; without, converts and clears the values that cannot.',
      args: { id: t.arg.id(), type: t.arg({ type: CustomFieldTypeEnum }), dryRun: t.arg.boolean({ required: false, defaultValue: true }) },
      authScopes: onRow('customField', 'customFields:manage'),
      resolve: (_root, args, ctx) => changeFieldType(ctx, fieldKey(args.id), args.type, args.dryRun ?? true),
    }),
    addCustomFieldOption: t.prismaField({
      type: 'CustomField',
      args: { fieldId: t.arg.id(), input: t.arg({ type: CustomFieldOptionInput }) },
      authScopes: onRow('customField', 'customFields:manage', 'fieldId'),
      resolve: async (query, _root, args, ctx) => selectedRow(ctx, 'customField', query, await addOption(ctx, fieldKey(args.fieldId), args.input)),
    }),
    updateCustomFieldOption: t.prismaField({
      type: 'CustomField',
      args: { fieldId: t.arg.id(), optionId: t.arg.string({ validate: optionId }), input: t.arg({ type: OptionUpdateInput }) },
      authScopes: onRow('customField', 'customFields:manage', 'fieldId'),
      resolve: async (query, _root, args, ctx) =>
        selectedRow(ctx, 'customField', query, await updateOption(ctx, fieldKey(args.fieldId), args.optionId, args.input)),
    }),
    reorderCustomFieldOptions: t.prismaField({
      type: 'CustomField',
      args: { fieldId: t.arg.id(), optionIds: t.arg.stringList({ validate: z.array(optionId).max(MAX_OPTIONS) }) },
      authScopes: onRow('customField', 'customFields:manage', 'fieldId'),
      resolve: async (query, _root, args, ctx) => selectedRow(ctx, 'customField', query, await reorderOptions(ctx, fieldKey(args.fieldId), args.optionIds)),
    }),
    mergeCustomFieldOptions: t.prismaField({
      type: 'CustomField',
      description: 'Records holding any of optionIds hold intoOptionId instead; the merged options are removed.',
      args: {
        fieldId: t.arg.id(),
        optionIds: t.arg.stringList({ validate: z.array(optionId).max(MAX_OPTIONS) }),
        intoOptionId: t.arg.string({ validate: optionId }),
      },
      authScopes: onRow('customField', 'customFields:manage', 'fieldId'),
      resolve: async (query, _root, args, ctx) =>
        selectedRow(ctx, 'customField', query, await mergeOptions(ctx, fieldKey(args.fieldId), args.optionIds, args.intoOptionId)),
    }),
  };
});
