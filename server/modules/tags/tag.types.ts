import { z } from 'zod';
import { rowList } from '../workspaces/row-lists.js';
import { inWorkspace, onRow } from '../../auth/field-scopes.js';
import { selectedRow } from '../../db/delegate.js';
import { builder } from '../../builder.js';
import { rethrowUniqueViolation } from '../../errors.js';
import { idFromGlobalId, memberNode } from '../node/uuid.js';
import { requiredText } from '../records/common.types.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { changedFields, emitEvent } from '../activity-events/record-event.js';

export const TagType = builder.prismaNode('Tag', {
  ...memberNode,
  description: 'A label shared by contacts, companies and deals of one workspace.',
  fields: (t) => ({
    name: t.exposeString('name'),
    color: t.exposeString('color', { nullable: true }),
  }),
});

const tagName = requiredText('Tag name', 50);
const tagColor = z.string().regex(/^#[0-9a-f]{6}$/i, 'Colors are hex codes like #3366ff.');
const duplicate = 'A tag with this name already exists.';

builder.queryField('tags', (t) => rowList(t, { type: 'Tag', model: 'tag', permission: 'records:read', orderBy: { name: 'asc' } }));

builder.mutationFields((t) => ({
  createTag: t.prismaField({
    type: 'Tag',
    args: {
      workspaceId: t.arg.id({ required: false }),
      name: t.arg.string({ validate: tagName }),
      color: t.arg.string({ required: false, validate: tagColor }),
    },
    authScopes: inWorkspace('tags:manage'),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma
        .$transaction((tx) =>
          tx.tag
            .create({ data: { workspaceId: requireWorkspaceId(ctx, args.workspaceId), name: args.name.trim(), color: args.color ?? null } })
            .then((row) => emitEvent(tx, ctx, row, 'Tag', 'created')),
        )
        .then((row) => selectedRow(ctx, 'tag', query, row))
        .catch((error: unknown) => rethrowUniqueViolation(error, duplicate, 'name')),
  }),
  updateTag: t.prismaField({
    type: 'Tag',
    args: {
      id: t.arg.id(),
      name: t.arg.string({ required: false, validate: tagName }),
      color: t.arg.string({ required: false, validate: tagColor }),
    },
    authScopes: onRow('tag', 'tags:manage'),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma
        .$transaction((tx) =>
          tx.tag
            .update({ where: { id: idFromGlobalId(args.id, 'Tag') }, data: { name: args.name?.trim() ?? undefined, color: args.color ?? undefined } })
            .then((row) => emitEvent(tx, ctx, row, 'Tag', 'updated', changedFields({ name: args.name ?? undefined, color: args.color ?? undefined }))),
        )
        .then((row) => selectedRow(ctx, 'tag', query, row))
        .catch((error: unknown) => rethrowUniqueViolation(error, duplicate, 'name')),
  }),
  deleteTag: t.boolean({
    description: 'Deletes the tag and removes it from every record.',
    args: { id: t.arg.id() },
    authScopes: onRow('tag', 'tags:manage'),
    resolve: async (_root, args, ctx) => {
      await ctx.prisma.$transaction((tx) =>
        tx.tag.delete({ where: { id: idFromGlobalId(args.id, 'Tag') } }).then((row) => emitEvent(tx, ctx, row, 'Tag', 'deleted', { name: row.name })),
      );
      return true;
    },
  }),
}));
