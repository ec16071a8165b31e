// Linked records for the notes, activities, comments and communications tests: rows written straight to
// the database, owned by the MEMBER and visible to the workspace unless said otherwise.
import { randomBytes } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client.js';
import { globalId, type RolesFixture } from './fixtures.js';
import type { TestApp } from './test-app.js';

export interface RecordOptions {
  ownerId?: string;
  private?: boolean;
  workspaceId?: string;
  name?: string;
}

const owned = (f: RolesFixture, options: RecordOptions) => ({
  workspaceId: options.workspaceId ?? f.workspaceId,
  ownerId: options.ownerId ?? f.users.MEMBER.id,
  createdById: options.ownerId ?? f.users.MEMBER.id,
  visibility: options.private ? ('PRIVATE' as const) : ('WORKSPACE' as const),
});

export async function contactRow(app: TestApp, f: RolesFixture, options: RecordOptions = {}) {
  const row = await app.prisma.contact.create({ data: { ...owned(f, options), firstName: options.name ?? 'Ada' } });
  return { id: row.id, gid: globalId('Contact', row.id) };
}

export async function companyRow(app: TestApp, f: RolesFixture, options: RecordOptions = {}) {
  const row = await app.prisma.company.create({ data: { ...owned(f, options), name: options.name ?? 'Initech' } });
  return { id: row.id, gid: globalId('Company', row.id) };
}

export async function dealRow(app: TestApp, f: RolesFixture, options: RecordOptions = {}) {
  const workspaceId = options.workspaceId ?? f.workspaceId;
  const pipeline = await app.prisma.pipeline.create({ data: { workspaceId, name: `Sales ${randomBytes(3).toString('hex')}` } });
  const stage = await app.prisma.pipelineStage.create({ data: { workspaceId, pipelineId: pipeline.id, name: 'Lead', position: 0 } });
  const row = await app.prisma.deal.create({
    data: { ...owned(f, options), name: options.name ?? 'Big deal', pipelineId: pipeline.id, stageId: stage.id },
  });
  return { id: row.id, gid: globalId('Deal', row.id) };
}

/** The outsider's own workspace (where they are OWNER). */
export async function outsiderWorkspaceId(app: TestApp, f: RolesFixture) {
  return (await app.prisma.membership.findFirstOrThrow({ where: { userId: f.users.OUTSIDER.id } })).workspaceId;
}

/** Ada Lovelace with her email (ada@example.com) and phone (+442071234567): someone to erase or to find. */
export function adaReachable(app: TestApp, f: RolesFixture, extra: Partial<Prisma.ContactUncheckedCreateInput> = {}) {
  const workspaceId = f.workspaceId;
  return app.prisma.contact.create({
    data: {
      workspaceId,
      firstName: 'Ada',
      lastName: 'Lovelace',
      emails: { create: [{ workspaceId, email: 'ada@example.com', isPrimary: true }] },
      phones: { create: [{ workspaceId, e164: '+442071234567', isPrimary: true }] },
      ...extra,
    },
  });
}
