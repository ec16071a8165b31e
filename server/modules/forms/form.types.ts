import { builder } from '../../builder.js';
import { trashTimestampFields } from '../records/common.types.js';
import { liveUuidNode, memberNode } from '../node/uuid.js';
import { FIELD_TARGETS, FIELD_TYPES, storedFields, type FormFieldDefinition } from './form-definition.js';
import { publicFormUrl } from './form.service.js';

export const FormFieldTypeEnum = builder.enumType('FormFieldType', {
  values: FIELD_TYPES,
  description: 'How a field is rendered and validated on submission.',
});

export const FormFieldTargetEnum = builder.enumType('FormFieldTarget', {
  values: FIELD_TARGETS,
  description: 'The contact field a form field fills. NOTE adds the answer to a note on the contact; CUSTOM fills `customKey`.',
});

export const FormFieldType = builder.objectRef<FormFieldDefinition>('FormField').implement({
  // Structural: exposes only what an authorised Form returned.
  authScopes: { public: true },
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The name the value is posted under.' }),
    label: t.exposeString('label'),
    type: t.expose('type', { type: FormFieldTypeEnum }),
    required: t.exposeBoolean('required'),
    options: t.exposeStringList('options', { description: 'Choices of a SELECT field.' }),
    mapsTo: t.expose('mapsTo', { type: FormFieldTargetEnum }),
    customKey: t.exposeString('customKey', { nullable: true }),
  }),
});

export const FormType = builder.prismaNode('Form', {
  ...liveUuidNode,
  description: 'A public lead form: submissions create or update the contact with the submitted email.',
  authScopes: (form) => ({ member: form.workspaceId }),
  fields: (t) => ({
    name: t.exposeString('name'),
    isActive: t.exposeBoolean('isActive', { description: 'Inactive forms refuse submissions (404).' }),
    publicKey: t.exposeString('publicKey', { description: 'The unguessable id in the public URL.' }),
    publicUrl: t.string({
      description: 'GET returns the definition as JSON; POST (JSON or form-encoded) submits.',
      resolve: (form, _args, ctx) => publicFormUrl(ctx.app.config, form.publicKey),
    }),
    fields: t.field({ type: [FormFieldType], resolve: (form) => storedFields(form.fields) }),
    submissions: t.relatedConnection('submissions', {
      cursor: 'id',
      description: 'Newest first.',
      totalCount: true,
      query: () => ({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    }),
    createdBy: t.relation('createdBy', { nullable: true }),
    ...trashTimestampFields(t),
  }),
});

export const FormSubmissionType = builder.prismaNode('FormSubmission', {
  ...memberNode,
  fields: (t) => ({
    data: t.expose('data', { type: 'JSONObject', description: 'The cleaned values, by field key.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    form: t.relation('form'),
    contact: t.relation('contact', { nullable: true, description: 'The contact the submission created or filled in (null once deleted for good).' }),
  }),
});
