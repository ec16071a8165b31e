import type { RolesFixture } from '../../test/fixtures.js';
import type { TestApp } from '../../test/test-app.js';

export async function contactRow(
  app: TestApp,
  f: RolesFixture,
  data: { firstName: string; lastName?: string; email?: string; phone?: string; profileKey?: string; companyId?: string; private?: boolean; ownerId?: string },
) {
  const ownerId = data.ownerId ?? f.users.MEMBER.id;
  return app.prisma.contact.create({
    data: {
      workspaceId: f.workspaceId,
      firstName: data.firstName,
      lastName: data.lastName ?? '',
      companyId: data.companyId,
      ownerId,
      createdById: ownerId,
      visibility: data.private ? 'PRIVATE' : 'WORKSPACE',
      emails: data.email ? { create: { workspaceId: f.workspaceId, email: data.email, isPrimary: true } } : undefined,
      phones: data.phone ? { create: { workspaceId: f.workspaceId, e164: data.phone, isPrimary: true } } : undefined,
      profiles: data.profileKey
        ? {
            create: {
              workspaceId: f.workspaceId,
              network: 'LINKEDIN',
              url: `https://www.linkedin.com/${data.profileKey}`,
              normalizedKey: `linkedin:${data.profileKey}`,
            },
          }
        : undefined,
    },
  });
}

export async function dealRow(app: TestApp, f: RolesFixture, name: string) {
  const pipeline = await app.prisma.pipeline.create({
    data: { workspaceId: f.workspaceId, name: `P ${name}`, stages: { create: { workspaceId: f.workspaceId, name: 'Lead', position: 0 } } },
    include: { stages: true },
  });
  return app.prisma.deal.create({ data: { workspaceId: f.workspaceId, name, pipelineId: pipeline.id, stageId: pipeline.stages[0]!.id } });
}
