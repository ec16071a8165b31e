import { builder } from '../../builder.js';
import { CommunicationDirection, CommunicationKind } from '../../generated/prisma/enums.js';
import { recordStampFields, recordNode } from '../records/common.types.js';
import { addRecordLinkFields, ContactRef, visibleLink } from '../records/record-links.js';
import { viewerMayReadBody } from './body-privacy.js';

export const CommunicationKindEnum = builder.enumType(CommunicationKind, { name: 'CommunicationKind' });
export const CommunicationDirectionEnum = builder.enumType(CommunicationDirection, { name: 'CommunicationDirection' });

export const CommunicationType = builder.prismaNode('Communication', {
  ...recordNode('communication'),
  description: 'A logged email, SMS or call. A private body is read only by its owner and admins; the rest stays visible.',
  fields: (t) => ({
    kind: t.expose('kind', { type: CommunicationKindEnum }),
    direction: t.expose('direction', { type: CommunicationDirectionEnum }),
    fromAddress: t.exposeString('fromAddress', { nullable: true, description: 'An email address, or a phone number in E.164.' }),
    toAddresses: t.exposeStringList('toAddresses'),
    subject: t.exposeString('subject', { nullable: true }),
    body: t.string({
      nullable: true,
      description: 'Null when absent, or when it is private and you are neither its owner nor an admin (see bodyHidden).',
      resolve: async (row, _args, ctx) => ((await viewerMayReadBody(ctx, row)) ? row.body : null),
    }),
    bodyPrivate: t.exposeBoolean('bodyPrivate', { description: 'Whether only the owner and admins read the body.' }),
    bodyHidden: t.boolean({
      description: 'True when the body is private and hidden from you.',
      resolve: async (row, _args, ctx) => !(await viewerMayReadBody(ctx, row)),
    }),
    durationSeconds: t.exposeInt('durationSeconds', { nullable: true, description: 'Calls only.' }),
    outcome: t.exposeString('outcome', { nullable: true, description: 'Calls only, e.g. "left voicemail".' }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    ...recordStampFields(t),
    contacts: t.field({
      type: [ContactRef],
      description: 'Linked contacts you can see (not those in the trash).',
      select: async (_args, _ctx, nested) => ({ contacts: { orderBy: { contact: { sortName: 'asc' } }, select: { contact: await nested(true) } } }),
      resolve: async (row, _args, ctx) => {
        const contacts = await Promise.all(row.contacts.map((link) => visibleLink(ctx, 'contact', link.contact)));
        return contacts.filter((contact) => contact != null);
      },
    }),
  }),
});

addRecordLinkFields('Communication', ['company', 'deal']);
