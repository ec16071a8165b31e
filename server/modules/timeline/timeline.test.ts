import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp } from '../../test/test-app.js';

const getApp = useTestApp();

const TIMELINE = `query($id: ID!, $first: Int, $after: String) {
  contact(id: $id) {
    timeline(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { __typename ... on Note { body } ... on Activity { subject } ... on Communication { title: subject } ... on Comment { body } } }
    }
  }
}`;

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

describe('contact timeline', () => {
  it('merges activities, notes, comments and communications newest first, page by page', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const contact = await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Ada' } });
    const w = f.workspaceId;
    const note = await app.prisma.note.create({ data: { workspaceId: w, body: 'first note', contactId: contact.id, createdAt: minutesAgo(50) } });
    await app.prisma.activity.create({ data: { workspaceId: w, type: 'CALL', subject: 'intro call', contactId: contact.id, createdAt: minutesAgo(40) } });
    await app.prisma.communication.create({
      data: {
        workspaceId: w,
        kind: 'EMAIL',
        direction: 'OUTBOUND',
        subject: 'proposal sent',
        occurredAt: minutesAgo(30),
        contacts: { create: { contactId: contact.id } },
      },
    });
    await app.prisma.comment.create({ data: { workspaceId: w, body: 'nice', noteId: note.id, createdAt: minutesAgo(20) } });
    await app.prisma.note.create({ data: { workspaceId: w, body: 'latest note', contactId: contact.id, createdAt: minutesAgo(10) } });
    await app.prisma.note.create({ data: { workspaceId: w, body: 'deleted', contactId: contact.id, deletedAt: new Date() } });

    const id = globalId('Contact', contact.id);
    const page1 = (await f.clients.VIEWER.ok(TIMELINE, { id, first: 3 })).contact.timeline;
    expect(page1.edges.map((e: { node: Record<string, string> }) => e.node.body ?? e.node.subject ?? e.node.title)).toEqual([
      'latest note',
      'nice',
      'proposal sent',
    ]);
    expect(page1.pageInfo.hasNextPage).toBe(true);

    const page2 = (await f.clients.VIEWER.ok(TIMELINE, { id, first: 3, after: page1.pageInfo.endCursor })).contact.timeline;
    expect(page2.edges.map((e: { node: Record<string, string> }) => `${e.node.__typename}:${e.node.body ?? e.node.subject ?? e.node.title}`)).toEqual([
      'Activity:intro call',
      'Note:first note',
    ]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('leaves out items linked to a record the viewer cannot see, and private communications', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const w = f.workspaceId;
    const contact = await app.prisma.contact.create({ data: { workspaceId: w, firstName: 'Ada' } });
    const pipeline = await app.prisma.pipeline.create({
      data: { workspaceId: w, name: 'P', stages: { create: { workspaceId: w, name: 'S', position: 0 } } },
      include: { stages: true },
    });
    const secretDeal = await app.prisma.deal.create({
      data: { workspaceId: w, name: 'Secret', visibility: 'PRIVATE', ownerId: f.users.ADMIN.id, pipelineId: pipeline.id, stageId: pipeline.stages[0]!.id },
    });
    await app.prisma.note.create({ data: { workspaceId: w, body: 'about the secret deal', contactId: contact.id, dealId: secretDeal.id } });
    await app.prisma.note.create({ data: { workspaceId: w, body: 'plain note', contactId: contact.id } });
    await app.prisma.communication.create({
      data: {
        workspaceId: w,
        kind: 'CALL',
        direction: 'INBOUND',
        subject: 'private call',
        visibility: 'PRIVATE',
        ownerId: f.users.ADMIN.id,
        occurredAt: new Date(),
        contacts: { create: { contactId: contact.id } },
      },
    });
    const id = globalId('Contact', contact.id);
    const memberView = (await f.clients.MEMBER.ok(TIMELINE, { id })).contact.timeline.edges;
    expect(memberView.map((e: { node: Record<string, string> }) => e.node.body ?? e.node.subject ?? e.node.title)).toEqual(['plain note']);
    const adminView = (await f.clients.ADMIN.ok(TIMELINE, { id })).contact.timeline.edges;
    expect(adminView).toHaveLength(3);
  });

  it('refuses a foreign cursor and an oversize page', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const contact = await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Ada' } });
    const id = globalId('Contact', contact.id);
    expect(errorCodes(await f.clients.VIEWER.gql(TIMELINE, { id, after: 'garbage' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await f.clients.VIEWER.gql(TIMELINE, { id, first: 500 }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await f.clients.VIEWER.gql(TIMELINE, { id, first: 0 }))).toEqual(['BAD_USER_INPUT']);
  });
});
