import type { Context } from '../../../context.js';
import { badInput, notFound } from '../../../errors.js';
import { changedFields, emitEvent } from '../../activity-events/record-event.js';
import { assertMergeFields } from './merge-fields.js';

export interface TemplateInput {
  name?: string | null;
  subject?: string | null;
  body?: string | null;
}

function checked(input: TemplateInput, creating: boolean) {
  const name = input.name?.trim();
  if ((creating || input.name !== undefined) && !name) throw badInput('The template needs a name.', 'input.name');
  if (creating && input.body == null) throw badInput('The template needs a body.', 'input.body');
  if (input.subject != null) assertMergeFields(input.subject, 'input.subject');
  if (input.body != null) assertMergeFields(input.body, 'input.body');
  return {
    name: name ?? undefined,
    subject: input.subject == null ? (creating ? '' : undefined) : input.subject.trim(),
    body: input.body ?? undefined,
  };
}

export function createTemplate(context: Context, workspaceId: string, input: TemplateInput) {
  const data = checked(input, true);
  return context.prisma.$transaction((tx) =>
    tx.emailTemplate
      .create({ data: { workspaceId, name: data.name!, subject: data.subject!, body: data.body! } })
      .then((row) => emitEvent(tx, context, row, 'EmailTemplate', 'created')),
  );
}

export async function updateTemplate(context: Context, id: string, input: TemplateInput) {
  const data = checked(input, false);
  return context.prisma.$transaction((tx) =>
    tx.emailTemplate.update({ where: { id }, data }).then((row) => emitEvent(tx, context, row, 'EmailTemplate', 'updated', changedFields(input))),
  );
}

export async function deleteTemplate(context: Context, id: string) {
  await context.prisma.$transaction((tx) => tx.emailTemplate.delete({ where: { id } }).then((row) => emitEvent(tx, context, row, 'EmailTemplate', 'deleted')));
  return true;
}

export async function templateIn(context: Context, workspaceId: string, id: string) {
  const template = await context.prisma.emailTemplate.findFirst({ where: { id, workspaceId } });
  if (!template) throw notFound('Email template');
  return template;
}
