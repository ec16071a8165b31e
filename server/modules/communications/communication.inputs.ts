import { z } from 'zod';
import { builder } from '../../builder.js';
import { DateRangeInput, MAX_LONG_TEXT, RecordVisibilityEnum, shortText, sortInput, linkIdFields } from '../records/common.types.js';
import { CommunicationDirectionEnum, CommunicationKindEnum } from './communication.types.js';

const address = shortText('An address', 320);

export const CommunicationInput = builder.inputType('CommunicationInput', {
  description:
    'On update, fields left out stay as they are; null clears them. kind and direction are required on create; occurredAt defaults to now. ' +
    'Addresses are email addresses for EMAIL and phone numbers (stored in E.164) for SMS and CALL.',
  fields: (t) => ({
    kind: t.field({ type: CommunicationKindEnum, required: false }),
    direction: t.field({ type: CommunicationDirectionEnum, required: false }),
    fromAddress: t.string({ required: false, validate: address }),
    toAddresses: t.stringList({ required: false, validate: z.array(address).max(100, 'At most 100 recipients.') }),
    phoneCountry: t.string({ required: false, description: 'ISO country for numbers written without +code.', validate: z.string().length(2) }),
    subject: t.string({ required: false, validate: shortText('Subject', 1000) }),
    body: t.string({ required: false, validate: shortText('Body', MAX_LONG_TEXT) }),
    bodyPrivate: t.boolean({ required: false, description: 'Only the owner and admins read the body; only they change this.' }),
    durationSeconds: t.int({
      required: false,
      description: 'Calls only.',
      validate: z
        .number()
        .int()
        .min(0, 'Duration cannot be negative.')
        .max(7 * 86_400, 'Duration is at most a week.'),
    }),
    outcome: t.string({ required: false, description: 'Calls only.', validate: shortText('Outcome') }),
    occurredAt: t.field({ type: 'DateTime', required: false }),
    contactIds: t.idList({ required: false, description: 'Replaces the linked contacts.', validate: z.array(z.string()).max(50, 'At most 50 contacts.') }),
    companyId: t.id({ required: false }),
    dealId: t.id({ required: false }),
    ownerId: t.id({ required: false, description: 'A member (User ID); defaults to you on create.' }),
    visibility: t.field({ type: RecordVisibilityEnum, required: false }),
  }),
});

export type CommunicationInputShape = typeof CommunicationInput.$inferInput;

export const CommunicationFilter = builder.inputType('CommunicationFilter', {
  fields: (t) => ({
    kind: t.field({ type: CommunicationKindEnum, required: false }),
    direction: t.field({ type: CommunicationDirectionEnum, required: false }),
    ...linkIdFields(t),
    ownerId: t.id({ required: false }),
    occurredAt: t.field({ type: DateRangeInput, required: false }),
    text: t.string({
      required: false,
      description: 'Contained in the subject, the sender or a body you may read (case-insensitive), or a recipient.',
      validate: shortText('Text'),
    }),
  }),
});

export type CommunicationFilterShape = typeof CommunicationFilter.$inferInput;

export const CommunicationSort = sortInput('Communication', ['OCCURRED_AT', 'CREATED_AT']);
