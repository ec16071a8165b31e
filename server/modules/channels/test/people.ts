import { globalId, type RolesFixture } from '../../../test/fixtures.js';
import type { TestApp } from '../../../test/test-app.js';

/** A contact with an email address (and optional phone), written straight to the database. */
export async function contactWithEmail(
  app: TestApp,
  f: RolesFixture,
  email: string,
  options: { firstName?: string; lastName?: string; workspaceId?: string; private?: boolean; ownerId?: string; phone?: string } = {},
) {
  const workspaceId = options.workspaceId ?? f.workspaceId;
  const ownerId = options.ownerId ?? f.users.MEMBER.id;
  const contact = await app.prisma.contact.create({
    data: {
      workspaceId,
      firstName: options.firstName ?? 'Ada',
      lastName: options.lastName ?? 'Lovelace',
      ownerId,
      createdById: ownerId,
      visibility: options.private ? 'PRIVATE' : 'WORKSPACE',
      emails: { create: [{ workspaceId, email, isPrimary: true }] },
      phones: options.phone ? { create: [{ workspaceId, e164: options.phone, isPrimary: true }] } : undefined,
    },
  });
  return { id: contact.id, gid: globalId('Contact', contact.id) };
}
