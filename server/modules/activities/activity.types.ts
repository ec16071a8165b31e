import { builder } from '../../builder.js';
import { ActivityType as ActivityKind } from '../../generated/prisma/enums.js';
import { byUuid } from '../node/uuid.js';
import { inheritedScopes, linkedRecordsVisibleWhere } from '../records/linked-records.js';
import { CompanyRef, ContactRef, DealRef, visibleLink } from '../records/record-links.js';

export const ActivityTypeEnum = builder.enumType(ActivityKind, { name: 'ActivityType' });

export const ActivityType = builder.prismaNode('Activity', {
  id: { field: 'id' },
  findUnique: (id) => ({ ...byUuid(id), deletedAt: null }),
  description: 'A task, call or meeting; hidden wherever the contact, company or deal it is linked to is hidden.',
  authScopes: (activity, ctx) =>
    inheritedScopes(ctx, { model: 'activity', id: activity.id, workspaceId: activity.workspaceId }, linkedRecordsVisibleWhere, 'Activity'),
  fields: (t) => ({
    type: t.expose('type', { type: ActivityTypeEnum }),
    subject: t.exposeString('subject'),
    body: t.exposeString('body', { nullable: true }),
    dueAt: t.expose('dueAt', { type: 'DateTime', nullable: true }),
    done: t.exposeBoolean('done'),
    doneAt: t.expose('doneAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    deletedAt: t.expose('deletedAt', { type: 'DateTime', nullable: true }),
    assignee: t.relation('assignee', { nullable: true }),
    createdBy: t.relation('createdBy', { nullable: true }),
    contact: t.field({
      type: ContactRef,
      nullable: true,
      description: 'Null when absent or in the trash.',
      select: (_args, _ctx, nested) => ({ contact: nested(true) }),
      resolve: (activity, _args, ctx) => visibleLink(ctx, 'contact', activity.contact),
    }),
    company: t.field({
      type: CompanyRef,
      nullable: true,
      description: 'Null when absent or in the trash.',
      select: (_args, _ctx, nested) => ({ company: nested(true) }),
      resolve: (activity, _args, ctx) => visibleLink(ctx, 'company', activity.company),
    }),
    deal: t.field({
      type: DealRef,
      nullable: true,
      description: 'Null when absent or in the trash.',
      select: (_args, _ctx, nested) => ({ deal: nested(true) }),
      resolve: (activity, _args, ctx) => visibleLink(ctx, 'deal', activity.deal),
    }),
  }),
});
