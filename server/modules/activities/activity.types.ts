import { builder } from '../../builder.js';
import { trashTimestampFields, recordNode } from '../records/common.types.js';
import { ActivityType as ActivityKind } from '../../generated/prisma/enums.js';
import { addRecordLinkFields } from '../records/record-links.js';

export const ActivityTypeEnum = builder.enumType(ActivityKind, { name: 'ActivityType' });

export const ActivityType = builder.prismaNode('Activity', {
  ...recordNode('activity'),
  description: 'A task, call or meeting; hidden wherever the contact, company or deal it is linked to is hidden.',
  fields: (t) => ({
    type: t.expose('type', { type: ActivityTypeEnum }),
    subject: t.exposeString('subject'),
    body: t.exposeString('body', { nullable: true }),
    dueAt: t.expose('dueAt', { type: 'DateTime', nullable: true }),
    done: t.exposeBoolean('done'),
    doneAt: t.expose('doneAt', { type: 'DateTime', nullable: true }),
    ...trashTimestampFields(t),
    assignee: t.relation('assignee', { nullable: true }),
    createdBy: t.relation('createdBy', { nullable: true }),
  }),
});

addRecordLinkFields('Activity');
