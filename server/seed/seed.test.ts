import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../test/fixtures.js';
import { useTestApp } from '../test/test-app.js';
import { createDefaultPipeline } from '../modules/pipelines/pipeline.service.js';
import { seedRecords } from './records.js';

const getApp = useTestApp();

describe('seed data', () => {
  it('fills a workspace with valid, related records that the API lists', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await app.prisma.$transaction((tx) => createDefaultPipeline(tx, f.workspaceId));
    const counts = await seedRecords(app.prisma, { workspaceId: f.workspaceId, memberIds: [f.users.OWNER.id, f.users.MEMBER.id], contacts: 40 });
    expect(counts).toMatchObject({ contacts: 40, companies: 4, deals: 8, activities: 20, notes: 10, communications: 20 });

    const data = await f.clients.OWNER.ok(`{ contacts(first: 5) { totalCount edges { node { primaryEmail company { name } } } } deals { totalCount } }`);
    expect(data.contacts.totalCount).toBe(40);
    expect(data.deals.totalCount).toBe(8);
    expect(data.contacts.edges.every((e: { node: { primaryEmail: string } }) => e.node.primaryEmail.endsWith('@example.com'))).toBe(true);
  });
});
