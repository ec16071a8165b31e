import { z } from 'zod';
import { inWorkspace } from '../../auth/field-scopes.js';
import { selectedRow } from '../../db/delegate.js';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { CompanyType } from '../companies/company.types.js';
import { ContactType } from '../contacts/contact.types.js';
import { keysOf } from '../records/links.service.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { findDuplicateCompanies, findDuplicateContacts, type DuplicatePair } from './find-duplicates.service.js';
import { fieldChoicesArg } from './custom-choices.js';
import { mergeCompanies } from './merge-companies.service.js';
import { mergeContacts, MAX_MERGE } from './merge-contacts.service.js';

const DuplicateReasonEnum = builder.enumType('DuplicateReason', {
  values: ['SAME_PHONE', 'SAME_PROFILE', 'SAME_NAME_AND_COMPANY', 'SAME_NAME', 'SAME_LINKEDIN'] as const,
});

function pairType<T extends typeof ContactType | typeof CompanyType>(name: string, recordType: T, model: 'contact' | 'company') {
  return builder.objectRef<DuplicatePair>(name).implement({
    description: 'Two records that look like the same person or organisation, and why.',
    authScopes: { authenticated: true },
    fields: (t) => ({
      reasons: t.field({ type: [DuplicateReasonEnum], resolve: (pair) => pair.reasons }),
      a: t.prismaField({
        type: recordType as never,
        resolve: (query: object, pair: DuplicatePair, _a: object, ctx: Context) => selectedRow(ctx, model, query, { id: pair.aId }),
      }),
      b: t.prismaField({
        type: recordType as never,
        resolve: (query: object, pair: DuplicatePair, _a: object, ctx: Context) => selectedRow(ctx, model, query, { id: pair.bId }),
      }),
    }),
  });
}

const DuplicateContactPair = pairType('DuplicateContactPair', ContactType, 'contact');
const DuplicateCompanyPair = pairType('DuplicateCompanyPair', CompanyType, 'company');

builder.queryFields((t) => ({
  duplicateContacts: t.field({
    type: [DuplicateContactPair],
    description: 'Likely duplicate contacts (same phone, same profile, or same name at the same company), at most 100 pairs.',
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: inWorkspace('records:read'),
    resolve: (_root, args, ctx) => findDuplicateContacts(ctx, requireWorkspaceId(ctx, args.workspaceId)),
  }),
  duplicateCompanies: t.field({
    type: [DuplicateCompanyPair],
    description: 'Likely duplicate companies (same name, phone or LinkedIn page), at most 100 pairs.',
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: inWorkspace('records:read'),
    resolve: (_root, args, ctx) => findDuplicateCompanies(ctx, requireWorkspaceId(ctx, args.workspaceId)),
  }),
}));

const duplicateIds = z.array(z.string()).min(1, 'Name at least one duplicate.').max(MAX_MERGE, `Merge at most ${MAX_MERGE} at a time.`);

const choicesOf = (choices: ReadonlyArray<{ key: string; fromId: string }> | null | undefined, typename: 'Contact' | 'Company') =>
  (choices ?? []).map((c) => ({ key: c.key, fromId: keysOf([c.fromId], typename)[0]! }));

builder.mutationFields((t) => ({
  mergeContacts: t.prismaField({
    type: 'Contact',
    description: 'Folds the duplicates into the survivor: everything linked to them moves over, an audit record keeps a snapshot of each.',
    args: { survivorId: t.arg.id(), duplicateIds: t.arg.idList({ validate: duplicateIds }), fieldChoices: t.arg(fieldChoicesArg) },
    authScopes: (_root, args) => ({ record: { model: 'contact', id: args.survivorId, permission: 'records:merge' } }),
    resolve: async (query, _root, args, ctx) => {
      const [survivorId] = keysOf([args.survivorId], 'Contact');
      const survivor = await mergeContacts(ctx, survivorId!, keysOf(args.duplicateIds, 'Contact'), choicesOf(args.fieldChoices, 'Contact'));
      return ctx.prisma.contact.findUniqueOrThrow({ ...query, where: { id: survivor.id } });
    },
  }),
  mergeCompanies: t.prismaField({
    type: 'Company',
    description: 'Folds the duplicate companies into the survivor, moving their contacts, deals and history.',
    args: { survivorId: t.arg.id(), duplicateIds: t.arg.idList({ validate: duplicateIds }), fieldChoices: t.arg(fieldChoicesArg) },
    authScopes: (_root, args) => ({ record: { model: 'company', id: args.survivorId, permission: 'records:merge' } }),
    resolve: async (query, _root, args, ctx) => {
      const [survivorId] = keysOf([args.survivorId], 'Company');
      const survivor = await mergeCompanies(ctx, survivorId!, keysOf(args.duplicateIds, 'Company'), choicesOf(args.fieldChoices, 'Company'));
      return ctx.prisma.company.findUniqueOrThrow({ ...query, where: { id: survivor.id } });
    },
  }),
}));
