import { builder } from '../../builder.js';
import { inWorkspace, onRow } from '../../auth/field-scopes.js';
import { selectedRow } from '../../db/delegate.js';
import { idFromGlobalId } from '../node/uuid.js';
import { requireWorkspaceId } from '../workspaces/workspaces.service.js';
import type { FormFieldDefinition } from './form-definition.js';
import { CreateFormInput, UpdateFormInput } from './form.inputs.js';
import { createForm, deleteForm, regenerateFormKey, updateForm } from './forms.service.js';

const key = (id: string) => idFromGlobalId(id, 'Form');

/** Another workspace's form, or a deleted one, reads as NOT_FOUND; then the role must manage forms. */

// The validation plugin has already run formFieldsSchema (and its transforms) on `fields`.
const definition = (fields: unknown) => fields as FormFieldDefinition[];

builder.mutationFields((t) => ({
  createForm: t.prismaField({
    type: 'Form',
    args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: CreateFormInput }) },
    authScopes: inWorkspace('forms:manage'),
    resolve: async (query, _root, args, ctx) => {
      const { name, fields, isActive } = args.input;
      const form = await createForm(ctx, requireWorkspaceId(ctx, args.workspaceId), { name, fields: definition(fields), isActive });
      return ctx.prisma.form.findUniqueOrThrow({ ...query, where: { id: form.id } });
    },
  }),
  updateForm: t.prismaField({
    type: 'Form',
    args: { id: t.arg.id(), input: t.arg({ type: UpdateFormInput }) },
    authScopes: onRow('form', 'forms:manage'),
    resolve: async (query, _root, args, ctx) => {
      const { name, fields, isActive } = args.input;
      const form = await updateForm(ctx, key(args.id), { name, fields: fields ? definition(fields) : null, isActive });
      return ctx.prisma.form.findUniqueOrThrow({ ...query, where: { id: form.id } });
    },
  }),
  deleteForm: t.prismaField({
    type: 'Form',
    description: 'Deletes the form (soft): its URL answers 404 from now on; submissions and contacts stay.',
    args: { id: t.arg.id() },
    authScopes: onRow('form', 'forms:manage'),
    resolve: async (query, _root, args, ctx) => selectedRow(ctx, 'form', query, await deleteForm(ctx, key(args.id))),
  }),
  regenerateFormKey: t.prismaField({
    type: 'Form',
    description: 'Gives the form a new public URL; the old one answers 404 from now on.',
    args: { id: t.arg.id() },
    authScopes: onRow('form', 'forms:manage'),
    resolve: async (query, _root, args, ctx) => selectedRow(ctx, 'form', query, await regenerateFormKey(ctx, key(args.id))),
  }),
}));
