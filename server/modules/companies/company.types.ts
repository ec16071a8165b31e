import { builder } from '../../builder.js';
import { recordStampFields, recordNode } from '../records/common.types.js';

export const CompanyType = builder.prismaNode('Company', {
  ...recordNode('company'),
  // Select mode: only the columns a query asks for are loaded (a contact's company usually shows its name).
  select: { id: true, workspaceId: true, deletedAt: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    domain: t.exposeString('domain', { nullable: true }),
    website: t.exposeString('website', { nullable: true }),
    industry: t.exposeString('industry', { nullable: true }),
    size: t.exposeString('size', { nullable: true, description: 'Head-count band, e.g. "11-50".' }),
    street: t.exposeString('street', { nullable: true }),
    city: t.exposeString('city', { nullable: true }),
    region: t.exposeString('region', { nullable: true }),
    postalCode: t.exposeString('postalCode', { nullable: true }),
    country: t.exposeString('country', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true, description: 'E.164.' }),
    linkedinUrl: t.exposeString('linkedinUrl', { nullable: true }),
    ...recordStampFields(t),
    tags: t.relation('tags', { query: { orderBy: { name: 'asc' } } }),
  }),
});
