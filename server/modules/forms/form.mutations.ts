import { builder } from '../../builder.js';
import { rowMutations } from '../workspaces/row-mutations.js';
import type { FormFieldDefinition } from './form-definition.js';
import { CreateFormInput, UpdateFormInput } from './form.inputs.js';
import { createForm, deleteForm, regenerateFormKey, updateForm } from './form.service.js';

/** Another workspace's form, or a deleted one, reads as NOT_FOUND; then the role must manage forms. */

// The validation plugin has already run formFieldsSchema (and its transforms) on `fields`.
const definition = (fields: unknown) => fields as FormFieldDefinition[];

builder.mutationFields((t) => {
  const forms = rowMutations(t, 'form', 'forms:manage');
  return {
    createForm: forms.create(CreateFormInput, (ctx, workspaceId, { name, fields, isActive }) =>
      createForm(ctx, workspaceId, { name, fields: definition(fields), isActive }),
    ),
    updateForm: forms.update(UpdateFormInput, (ctx, id, { name, fields, isActive }) =>
      updateForm(ctx, id, { name, fields: fields ? definition(fields) : null, isActive }),
    ),
    deleteForm: forms.act(deleteForm, 'Deletes the form (soft): its URL answers 404 from now on; submissions and contacts stay.'),
    regenerateFormKey: forms.act(regenerateFormKey, 'Gives the form a new public URL; the old one answers 404 from now on.'),
  };
});
