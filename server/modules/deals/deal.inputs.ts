import { z } from 'zod';
import { customFieldValuesArg, customFiltersField } from '../custom-fields/custom-field.inputs.js';
import { builder } from '../../builder.js';
import { recordFilter, type FilterFieldBuilder } from '../records/record-filter.js';
import { DealStatus } from '../../generated/prisma/enums.js';
import { DateRangeInput, RecordVisibilityEnum, requiredText, shortText, sortInput } from '../records/common.types.js';
import { minorUnitsInput } from './money.js';

export const DealStatusEnum = builder.enumType(DealStatus, {
  name: 'DealStatus',
  description: "Follows the deal's stage: WON in a won stage, LOST in a lost one, OPEN elsewhere.",
});

const ids = (max: number, label: string) => z.array(z.string()).max(max, `At most ${max} ${label}.`);

export const DealInput = builder.inputType('DealInput', {
  description: 'On update, fields left out stay as they are; null clears them.',
  fields: (t) => ({
    name: t.string({ required: false, validate: requiredText('Name') }),
    amountMinor: t.string({
      required: false,
      description: 'Whole minor units of the currency as a string: "123456" is 1,234.56 EUR.',
      validate: minorUnitsInput,
    }),
    currency: t.string({ required: false, description: 'ISO 4217 code; USD unless given.', validate: shortText('Currency', 10) }),
    pipelineId: t.id({ required: false, description: 'Create only: the default pipeline unless given. Use moveDeal later.' }),
    stageId: t.id({ required: false, description: 'Create only: a stage of the pipeline; its first stage unless given. Use moveDeal later.' }),
    expectedCloseDate: t.field({ type: 'Date', required: false }),
    ownerId: t.id({ required: false, description: 'A member (User ID); defaults to you on create.' }),
    companyId: t.id({ required: false }),
    contactIds: t.idList({ required: false, description: 'Replaces the linked contacts.', validate: ids(100, 'contacts') }),
    tagIds: t.idList({ required: false, validate: ids(50, 'tags') }),
    customFields: t.field(customFieldValuesArg),
    visibility: t.field({ type: RecordVisibilityEnum, required: false }),
  }),
});

export type DealInputShape = typeof DealInput.$inferInput;

export const AmountRangeInput = builder.inputType('AmountRangeInput', {
  description: 'Inclusive bounds in minor units; deals without an amount never match.',
  fields: (t) => ({
    min: t.string({ required: false, validate: minorUnitsInput }),
    max: t.string({ required: false, validate: minorUnitsInput }),
  }),
});

export const DateOnlyRangeInput = builder.inputType('DateOnlyRangeInput', {
  description: 'Inclusive calendar-date bounds.',
  fields: (t) => ({
    from: t.field({ type: 'Date', required: false }),
    to: t.field({ type: 'Date', required: false }),
  }),
});

const dealFilterFields = (t: FilterFieldBuilder) => ({
  ownerId: t.id({ required: false }),
  tagId: t.id({ required: false }),
  pipelineId: t.id({ required: false }),
  stageId: t.id({ required: false }),
  status: t.field({ type: DealStatusEnum, required: false }),
  companyId: t.id({ required: false }),
  contactId: t.id({ required: false }),
  currency: t.string({ required: false, validate: shortText('Currency', 10) }),
  amount: t.field({ type: AmountRangeInput, required: false }),
  expectedCloseDate: t.field({ type: DateOnlyRangeInput, required: false }),
  createdAt: t.field({ type: DateRangeInput, required: false }),
  updatedAt: t.field({ type: DateRangeInput, required: false }),
  custom: t.field(customFiltersField),
  text: t.string({ required: false, description: 'Contained in the name (case-insensitive).', validate: shortText('Text') }),
});

export const DealFilter = recordFilter('Deal', dealFilterFields);

export type DealFilterShape = typeof DealFilter.$inferInput;

export const DealSort = sortInput(
  'Deal',
  ['NAME', 'CREATED_AT', 'UPDATED_AT', 'AMOUNT', 'CLOSE_DATE'],
  'Deals without an amount or close date come last whatever the direction.',
);

export type DealSortShape = typeof DealSort.$inferInput;
