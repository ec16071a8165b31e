import { builder } from '../../builder.js';
import { UserType } from '../accounts/user.types.js';
import { CompanyType } from '../companies/company.types.js';
import { ContactType } from '../contacts/contact.types.js';
import { uuidNode } from '../node/uuid.js';
import '../pipelines/pipeline.types.js';
import { RecordVisibilityEnum, trashTimestampFields, recordNode } from '../records/common.types.js';
import { DealStatusEnum } from './deal.inputs.js';
import { formatMinor } from './money.js';
import { canSeeRecord } from '../../auth/record-access.js';

export const DealType = builder.prismaNode('Deal', {
  ...recordNode('deal'),
  fields: (t) => ({
    name: t.exposeString('name'),
    amountMinor: t.string({
      nullable: true,
      description: 'Whole minor units of the currency as a string ("123456" is 1234.56 EUR); exact at any size.',
      resolve: (deal) => deal.amountMinor?.toString() ?? null,
    }),
    amount: t.string({
      nullable: true,
      description: 'The amount in major units as a decimal string with the currency\'s digits, e.g. "1234.56"; for display.',
      resolve: (deal) => (deal.amountMinor == null ? null : formatMinor(deal.amountMinor, deal.currency)),
    }),
    currency: t.exposeString('currency', { description: 'ISO 4217.' }),
    status: t.expose('status', { type: DealStatusEnum }),
    expectedCloseDate: t.expose('expectedCloseDate', { type: 'Date', nullable: true }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true, description: 'When the deal entered a won or lost stage.' }),
    visibility: t.expose('visibility', { type: RecordVisibilityEnum }),
    ...trashTimestampFields(t),
    pipeline: t.relation('pipeline'),
    stage: t.relation('stage'),
    owner: t.relation('owner', { nullable: true }),
    createdBy: t.relation('createdBy', { nullable: true }),
    tags: t.relation('tags', { query: { orderBy: { name: 'asc' } } }),
    company: t.field({
      type: CompanyType,
      nullable: true,
      description: 'Null when the deal has no company, or it is in the trash or private to others.',
      select: async (_args, _ctx, nestedSelection) => ({ company: await nestedSelection(true) }),
      // A company the viewer may not see reads as null, not as an error on an otherwise visible deal.
      resolve: async (deal, _args, ctx) => {
        const company = deal.company;
        if (!company || company.deletedAt) return null;
        return (await canSeeRecord(ctx, { model: 'company', id: company.id, workspaceId: company.workspaceId })) ? company : null;
      },
    }),
    contacts: t.field({
      type: [ContactType],
      description: 'The live linked contacts you can see, by name.',
      select: async (_args, _ctx, nestedSelection) => ({
        contacts: {
          where: { contact: { deletedAt: null } },
          orderBy: [{ contact: { sortName: 'asc' } }, { contactId: 'asc' }],
          select: { contact: await nestedSelection(true) },
        },
      }),
      // One batched visibility query for every contact on the page (canSeeRecord is a per-request loader).
      resolve: async (deal, _args, ctx) => {
        const contacts = deal.contacts.map((link) => link.contact);
        const visible = await Promise.all(contacts.map((contact) => canSeeRecord(ctx, { model: 'contact', id: contact.id, workspaceId: contact.workspaceId })));
        return contacts.filter((_contact, i) => visible[i]);
      },
    }),
    stageHistory: t.relation('stageChanges', {
      description: 'Every stage the deal entered, oldest first; the first entry (from: null) is where it was created.',
      query: { orderBy: [{ changedAt: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

builder.prismaNode('DealStageChange', {
  ...uuidNode,
  description: 'A deal entering a stage.',
  authScopes: (change) => ({ seesRecord: { model: 'deal', id: change.dealId, workspaceId: change.workspaceId } }),
  fields: (t) => ({
    from: t.relation('fromStage', { nullable: true, description: 'Null for the stage a deal was created in, or a stage since deleted.' }),
    to: t.relation('toStage', { nullable: true, description: 'Null once the stage has been deleted; toStageName keeps its name.' }),
    fromStageName: t.exposeString('fromStageName', {
      nullable: true,
      description: 'The name the stage the deal left had at the time; null for the stage a deal was created in.',
    }),
    toStageName: t.exposeString('toStageName', {
      description: 'The name the stage the deal entered had at the time; kept after the stage is renamed or deleted.',
    }),
    changedAt: t.expose('changedAt', { type: 'DateTime' }),
    deal: t.relation('deal'),
    changedBy: t.field({
      type: UserType,
      nullable: true,
      description: 'Who moved the deal; null once they no longer share a workspace with you.',
      select: (_args, _ctx, nestedSelection) => ({ changedBy: nestedSelection(true) }),
      resolve: async (change, _args, ctx) => {
        const user = change.changedBy;
        if (!user || !ctx.viewer) return null;
        return user.id === ctx.viewer.user.id || (await ctx.sharesWorkspaceWith.load(user.id)) ? user : null;
      },
    }),
  }),
});
