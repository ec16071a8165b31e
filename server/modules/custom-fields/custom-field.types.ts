import { builder } from '../../builder.js';
import { CustomFieldEntity, CustomFieldType } from '../../generated/prisma/enums.js';
import { memberNode } from '../node/uuid.js';
import { optionsOf, type Currency, type FieldOption } from './field-values.js';

export const CustomFieldEntityEnum = builder.enumType(CustomFieldEntity, {
  name: 'CustomFieldEntity',
  description: 'The kind of record a custom field belongs to.',
});
export const CustomFieldTypeEnum = builder.enumType(CustomFieldType, { name: 'CustomFieldType' });

export const CustomFieldOptionType = builder.objectRef<FieldOption>('CustomFieldOption').implement({
  description: 'A choice of a select or multi select field.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeString('id', { description: 'Stable; what values and filters name.' }),
    label: t.exposeString('label'),
    colour: t.exposeString('colour'),
    position: t.exposeInt('position'),
  }),
});

// Definitions are workspace settings: every member reads them, admins change them.
export const CustomFieldRef = builder.prismaNode('CustomField', {
  ...memberNode,
  description: 'A typed field on contacts, companies or deals. Values live on the records, under `key`.',
  fields: (t) => ({
    entity: t.expose('entity', { type: CustomFieldEntityEnum }),
    key: t.exposeString('key', { description: 'Stable and unique per workspace and entity; inputs, filters and sorts name fields by it.' }),
    label: t.exposeString('label'),
    helpText: t.exposeString('helpText'),
    type: t.expose('type', { type: CustomFieldTypeEnum }),
    required: t.exposeBoolean('required'),
    unique: t.exposeBoolean('unique', { description: 'No two live records share a value (text, URL, email, phone and number fields).' }),
    position: t.exposeInt('position'),
    options: t.field({ type: [CustomFieldOptionType], description: 'Select choices, in order.', resolve: (field) => optionsOf(field) }),
    archivedAt: t.expose('archivedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Archived fields keep their values but are hidden from records and inputs.',
    }),
    deletedAt: t.expose('deletedAt', { type: 'DateTime', nullable: true, description: 'Deleted fields can be restored within the trash retention window.' }),
  }),
});

/** A record's value of one field, as the interface implementations read it. */
export interface ValueShape {
  field: { id: string; workspaceId: string; type: CustomFieldType; options: unknown };
  value: unknown;
}

export const CustomFieldValueInterface = builder.interfaceRef<ValueShape>('CustomFieldValue').implement({
  description: 'A record’s value of one custom field; the implementation follows the field’s type.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    field: t.field({ type: CustomFieldRef, resolve: (v) => v.field as never }),
  }),
});

const TYPENAMES: Record<CustomFieldType, string> = {
  TEXT: 'CustomTextValue',
  LONG_TEXT: 'CustomTextValue',
  URL: 'CustomTextValue',
  EMAIL: 'CustomTextValue',
  PHONE: 'CustomTextValue',
  NUMBER: 'CustomNumberValue',
  CURRENCY: 'CustomCurrencyValue',
  DATE: 'CustomDateValue',
  DATETIME: 'CustomDateTimeValue',
  CHECKBOX: 'CustomCheckboxValue',
  SELECT: 'CustomSelectValue',
  MULTI_SELECT: 'CustomMultiSelectValue',
  MEMBER: 'CustomMemberValue',
};
export const valueTypename = (v: ValueShape) => TYPENAMES[v.field.type];

const optionById = (v: ValueShape, id: unknown) => optionsOf(v.field).find((o) => o.id === id);

builder.objectRef<ValueShape>('CustomTextValue').implement({
  description: 'TEXT, LONG_TEXT, URL, EMAIL and PHONE fields.',
  interfaces: [CustomFieldValueInterface],
  isTypeOf: (v) => valueTypename(v as ValueShape) === 'CustomTextValue',
  authScopes: { authenticated: true },
  fields: (t) => ({ text: t.string({ resolve: (v) => String(v.value) }) }),
});
builder.objectRef<ValueShape>('CustomNumberValue').implement({
  interfaces: [CustomFieldValueInterface],
  isTypeOf: (v) => valueTypename(v as ValueShape) === 'CustomNumberValue',
  authScopes: { authenticated: true },
  fields: (t) => ({ number: t.float({ resolve: (v) => Number(v.value) }) }),
});
builder.objectRef<ValueShape>('CustomCurrencyValue').implement({
  interfaces: [CustomFieldValueInterface],
  isTypeOf: (v) => valueTypename(v as ValueShape) === 'CustomCurrencyValue',
  authScopes: { authenticated: true },
  fields: (t) => ({
    amount: t.float({ resolve: (v) => (v.value as Currency).amount }),
    currency: t.string({ description: 'ISO 4217 code.', resolve: (v) => (v.value as Currency).currency }),
  }),
});
builder.objectRef<ValueShape>('CustomDateValue').implement({
  interfaces: [CustomFieldValueInterface],
  isTypeOf: (v) => valueTypename(v as ValueShape) === 'CustomDateValue',
  authScopes: { authenticated: true },
  fields: (t) => ({ date: t.field({ type: 'Date', resolve: (v) => new Date(`${String(v.value)}T00:00:00Z`) }) }),
});
builder.objectRef<ValueShape>('CustomDateTimeValue').implement({
  interfaces: [CustomFieldValueInterface],
  isTypeOf: (v) => valueTypename(v as ValueShape) === 'CustomDateTimeValue',
  authScopes: { authenticated: true },
  fields: (t) => ({ dateTime: t.field({ type: 'DateTime', resolve: (v) => new Date(String(v.value)) }) }),
});
builder.objectRef<ValueShape>('CustomCheckboxValue').implement({
  interfaces: [CustomFieldValueInterface],
  isTypeOf: (v) => valueTypename(v as ValueShape) === 'CustomCheckboxValue',
  authScopes: { authenticated: true },
  fields: (t) => ({ checked: t.boolean({ resolve: (v) => v.value === true }) }),
});
builder.objectRef<ValueShape>('CustomSelectValue').implement({
  interfaces: [CustomFieldValueInterface],
  isTypeOf: (v) => valueTypename(v as ValueShape) === 'CustomSelectValue',
  authScopes: { authenticated: true },
  fields: (t) => ({ option: t.field({ type: CustomFieldOptionType, nullable: true, resolve: (v) => optionById(v, v.value) }) }),
});
builder.objectRef<ValueShape>('CustomMultiSelectValue').implement({
  interfaces: [CustomFieldValueInterface],
  isTypeOf: (v) => valueTypename(v as ValueShape) === 'CustomMultiSelectValue',
  authScopes: { authenticated: true },
  fields: (t) => ({
    options: t.field({
      type: [CustomFieldOptionType],
      description: 'In the field’s option order.',
      resolve: (v) => optionsOf(v.field).filter((o) => (v.value as string[]).includes(o.id)),
    }),
  }),
});
builder.objectRef<ValueShape>('CustomMemberValue').implement({
  interfaces: [CustomFieldValueInterface],
  isTypeOf: (v) => valueTypename(v as ValueShape) === 'CustomMemberValue',
  authScopes: { authenticated: true },
  fields: (t) => ({
    member: t.prismaField({
      type: 'User',
      nullable: true,
      description: 'Null once they have left the workspace.',
      resolve: (query, v, _args, ctx) =>
        ctx.prisma.user.findFirst({ ...query, where: { id: String(v.value), memberships: { some: { workspaceId: v.field.workspaceId } } } }),
    }),
  }),
});
