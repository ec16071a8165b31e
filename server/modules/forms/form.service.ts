import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Context } from '../../context.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { requireViewer } from '../accounts/session.service.js';
import type { FormFieldDefinition } from './form-definition.js';
import { changedFields, emitEvent } from '../activity-events/record-event.js';

/** 24 random bytes as base64url: 32 URL-safe characters, unguessable. */
export function newPublicKey(): string {
  return randomBytes(24).toString('base64url');
}

export const PUBLIC_KEY_PATTERN = /^[A-Za-z0-9_-]{24,64}$/;

export function publicFormUrl(config: Pick<Config, 'publicUrl'>, publicKey: string): string {
  return `${config.publicUrl}/forms/${publicKey}`;
}

const asJson = (fields: FormFieldDefinition[]) => fields as unknown as Prisma.InputJsonValue;

export interface FormChanges {
  name?: string | null;
  /** Already validated by formFieldsSchema at the edge. */
  fields?: FormFieldDefinition[] | null;
  isActive?: boolean | null;
}

export async function createForm(context: Context, workspaceId: string, input: { name: string; fields: FormFieldDefinition[]; isActive?: boolean | null }) {
  const viewer = requireViewer(context);
  return context.prisma.$transaction((tx) =>
    tx.form
      .create({
        data: {
          workspaceId,
          name: input.name.trim(),
          fields: asJson(input.fields),
          isActive: input.isActive ?? true,
          publicKey: newPublicKey(),
          createdById: viewer.user.id,
        },
      })
      .then((row) => emitEvent(tx, context, row, 'Form', 'created')),
  );
}

/** Live (not deleted) forms only: a deleted form reads as missing everywhere. */
export function liveFormWhere(id: string) {
  return { id, deletedAt: null };
}

export async function updateForm(context: Context, id: string, input: FormChanges) {
  return context.prisma.$transaction((tx) =>
    tx.form
      .update({
        where: liveFormWhere(id),
        data: {
          name: input.name?.trim() ?? undefined,
          fields: input.fields ? asJson(input.fields) : undefined,
          isActive: input.isActive ?? undefined,
        },
      })
      .then((row) => emitEvent(tx, context, row, 'Form', 'updated', changedFields(input))),
  );
}

export async function deleteForm(context: Context, id: string) {
  return context.prisma.$transaction((tx) =>
    tx.form.update({ where: liveFormWhere(id), data: { deletedAt: new Date() } }).then((row) => emitEvent(tx, context, row, 'Form', 'deleted')),
  );
}

/** The old public URL stops working at once; existing submissions stay. */
export async function regenerateFormKey(context: Context, id: string) {
  return context.prisma.$transaction((tx) =>
    tx.form.update({ where: liveFormWhere(id), data: { publicKey: newPublicKey() } }).then((row) => emitEvent(tx, context, row, 'Form', 'key_regenerated')),
  );
}
