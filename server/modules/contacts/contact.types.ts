import { builder } from '../../builder.js';
import { LifecycleStage, ProfileNetwork } from '../../generated/prisma/enums.js';
import { CompanyType } from '../companies/company.types.js';
import { recordStampFields, recordNode } from '../records/common.types.js';
import { canSeeRecord, knownVisible } from '../../auth/record-access.js';

export const LifecycleStageEnum = builder.enumType(LifecycleStage, { name: 'LifecycleStage' });
export const ProfileNetworkEnum = builder.enumType(ProfileNetwork, { name: 'ProfileNetwork' });

// The rows below are reached only through a contact the viewer sees; the member rule is a backstop.
builder.prismaObject('ContactEmail', {
  authScopes: (row) => ({ member: row.workspaceId }),
  fields: (t) => ({
    email: t.exposeString('email'),
    isPrimary: t.exposeBoolean('isPrimary'),
  }),
});

builder.prismaObject('ContactPhone', {
  authScopes: (row) => ({ member: row.workspaceId }),
  fields: (t) => ({
    e164: t.exposeString('e164', { description: 'The number in E.164, e.g. "+14155550132".' }),
    label: t.exposeString('label', { nullable: true }),
    isPrimary: t.exposeBoolean('isPrimary'),
  }),
});

builder.prismaObject('ContactProfile', {
  authScopes: (row) => ({ member: row.workspaceId }),
  fields: (t) => ({
    network: t.expose('network', { type: ProfileNetworkEnum }),
    url: t.exposeString('url'),
  }),
});

const primaryFirst = { orderBy: [{ isPrimary: 'desc' as const }, { id: 'asc' as const }] };

export const ContactType = builder.prismaNode('Contact', {
  ...recordNode('contact'),
  // Select mode: only the columns a query asks for are loaded (a list page reads a few of 19, not customFields).
  select: { id: true, workspaceId: true, deletedAt: true },
  fields: (t) => ({
    firstName: t.exposeString('firstName'),
    lastName: t.exposeString('lastName'),
    name: t.string({
      description: 'First and last name.',
      select: { firstName: true, lastName: true },
      resolve: (contact) => `${contact.firstName} ${contact.lastName}`.trim(),
    }),
    jobTitle: t.exposeString('jobTitle', { nullable: true }),
    location: t.exposeString('location', { nullable: true }),
    headline: t.exposeString('headline', { nullable: true }),
    skills: t.exposeStringList('skills'),
    source: t.exposeString('source', { nullable: true, description: 'Where the contact came from, e.g. "referral" or "form:Contact us".' }),
    lifecycleStage: t.expose('lifecycleStage', { type: LifecycleStageEnum }),
    ...recordStampFields(t),
    company: t.field({
      type: CompanyType,
      nullable: true,
      description: 'Null when the contact has no company, or it is in the trash or private to others.',
      select: async (_args, _ctx, nestedSelection) => ({ company: await nestedSelection(true) }),
      // A company the viewer may not see reads as null, not as an error on an otherwise visible contact.
      // Synchronous when the answer is already known (admins), so a page's rows do not wait on a promise each.
      resolve: (contact, _args, ctx) => {
        const company = contact.company;
        if (!company || company.deletedAt) return null;
        const ref = { model: 'company' as const, id: company.id, workspaceId: company.workspaceId };
        if (knownVisible(ctx, ref)) return company;
        return canSeeRecord(ctx, ref).then((visible) => (visible ? company : null));
      },
    }),
    tags: t.relation('tags', { query: { orderBy: { name: 'asc' } } }),
    emails: t.relation('emails', { query: primaryFirst, description: 'The primary one first.' }),
    primaryEmail: t.string({
      nullable: true,
      select: { emails: { ...primaryFirst, select: { email: true, isPrimary: true } } },
      resolve: (contact) => contact.emails.find((e) => e.isPrimary)?.email ?? contact.emails[0]?.email ?? null,
    }),
    phones: t.relation('phones', { query: primaryFirst, description: 'The primary one first.' }),
    profiles: t.relation('profiles', { query: { orderBy: { id: 'asc' } } }),
  }),
});
