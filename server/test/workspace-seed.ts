// One row of every Node type in a workspace, written straight to the database: the field matrix and the
// list tests read them from inside and outside the workspace. Record kinds come twice, shared with the
// workspace and private to the workspace's owner, with notes, comments, files and events inheriting each.
import { randomBytes } from 'node:crypto';
import { globalId } from './fixtures.js';
import type { TestApp } from './test-app.js';

export interface SeededNode {
  type: string;
  id: string;
  gid: string;
  workspaceId: string;
  /** Private to the workspace's owner, or linked only to such a record. */
  private: boolean;
}

const unique = () => randomBytes(6).toString('hex');

export async function seedWorkspace(app: TestApp, workspaceId: string, ownerId: string): Promise<SeededNode[]> {
  const db = app.prisma;
  const nodes: SeededNode[] = [];
  const add = (type: string, id: string, isPrivate = false) => {
    nodes.push({ type, id, gid: globalId(type, id), workspaceId, private: isPrivate });
    return id;
  };
  const mine = { workspaceId, ownerId, createdById: ownerId };
  const w = { workspaceId };

  add('Workspace', workspaceId);
  add('User', ownerId);
  add('Membership', (await db.membership.findFirstOrThrow({ where: { workspaceId, userId: ownerId } })).id);
  const tag = add('Tag', (await db.tag.create({ data: { ...w, name: 'vip', color: '#ff0000' } })).id);
  add('Team', (await db.team.create({ data: { ...w, name: 'Sales', members: { create: { userId: ownerId } } } })).id);
  const pipeline = add('Pipeline', (await db.pipeline.create({ data: { ...w, name: 'Sales', isDefault: true } })).id);
  const stage = add('PipelineStage', (await db.pipelineStage.create({ data: { ...w, pipelineId: pipeline, name: 'Lead', position: 0, probability: 10 } })).id);
  add('CustomField', (await db.customField.create({ data: { ...w, entity: 'CONTACT', key: 'shoe', label: 'Shoe size', type: 'NUMBER' } })).id);
  add('CustomField', (await db.customField.create({ data: { ...w, entity: 'COMPANY', key: 'tier', label: 'Tier', type: 'TEXT' } })).id);
  for (const shared of [true, false]) {
    const view = {
      ...w,
      ownerId,
      entity: 'CONTACT' as const,
      shared,
      name: shared ? 'Team leads' : 'My leads',
      filter: { lifecycleStage: 'LEAD' },
      columns: [{ key: 'name', width: 200 }],
    };
    add('SavedView', (await db.savedView.create({ data: view })).id, !shared);
  }

  for (const isPrivate of [false, true]) {
    const visibility = isPrivate ? ('PRIVATE' as const) : ('WORKSPACE' as const);
    const suffix = isPrivate ? 'private' : 'shared';
    const added = async (type: string, row: Promise<{ id: string }>) => add(type, (await row).id, isPrivate);
    const company = await added(
      'Company',
      db.company.create({
        data: { ...mine, visibility, name: `Initech ${suffix}`, domain: `${suffix}-${unique()}.example`, city: 'Austin', customFields: { tier: 'gold' } },
      }),
    );
    const handle = unique();
    const contact = await added(
      'Contact',
      db.contact.create({
        data: {
          ...mine,
          visibility,
          companyId: company,
          firstName: 'Ada',
          lastName: suffix,
          jobTitle: 'CTO',
          skills: ['math'],
          customFields: { shoe: 42 },
          tags: { connect: { id: tag } },
          emails: { create: { workspaceId, email: `ada-${unique()}@example.com`, isPrimary: true } },
          phones: { create: { workspaceId, e164: '+14155550132', isPrimary: true } },
          profiles: { create: { workspaceId, network: 'GITHUB', url: `https://github.com/${handle}`, normalizedKey: `github:${handle}` } },
        },
      }),
    );
    const deal = await added(
      'Deal',
      db.deal.create({
        data: {
          ...mine,
          visibility,
          companyId: company,
          name: `Big deal ${suffix}`,
          amountMinor: 123456n,
          currency: 'EUR',
          pipelineId: pipeline,
          stageId: stage,
          tags: { connect: { id: tag } },
          contacts: { create: { contactId: contact } },
        },
      }),
    );
    await added('DealStageChange', db.dealStageChange.create({ data: { ...w, dealId: deal, toStageId: stage, toStageName: 'Lead', changedById: ownerId } }));
    const activity = await added(
      'Activity',
      db.activity.create({
        data: { ...w, type: 'TASK', subject: `Call ${suffix}`, body: 'About the deal', contactId: contact, assigneeId: ownerId, createdById: ownerId },
      }),
    );
    const note = await added('Note', db.note.create({ data: { ...w, body: `Likes tea (${suffix})`, contactId: contact, createdById: ownerId } }));
    await added('Comment', db.comment.create({ data: { ...w, body: 'Agreed', noteId: note, authorId: ownerId, mentions: { create: { userId: ownerId } } } }));
    await added(
      'Communication',
      db.communication.create({
        data: {
          ...mine,
          visibility,
          kind: 'EMAIL',
          direction: 'INBOUND',
          fromAddress: 'ada@example.com',
          toAddresses: ['sales@example.com'],
          subject: `Hello ${suffix}`,
          body: 'Dear all',
          occurredAt: new Date('2024-05-01T10:00:00Z'),
          dealId: deal,
          contacts: { create: { contactId: contact } },
        },
      }),
    );
    await added(
      'Attachment',
      db.file.create({
        data: {
          ...w,
          name: `${suffix}.pdf`,
          contentType: 'application/pdf',
          size: 3,
          storageKey: unique(),
          sha256: 'ab'.repeat(32),
          uploadedById: ownerId,
          activityId: activity,
        },
      }),
    );
    const sequence = isPrivate ? 2 : 1;
    await added(
      'ActivityEvent',
      db.activityEvent.create({
        data: { ...w, sequence, actorUserId: ownerId, verb: 'created', entityType: 'Contact', entityId: contact, changes: { fields: ['firstName'] } },
      }),
    );
  }
  await db.activitySequence.upsert({ where: { workspaceId }, create: { workspaceId, last: 2 }, update: { last: 2 } });

  const form = add(
    'Form',
    (
      await db.form.create({
        data: {
          ...w,
          name: 'Contact us',
          publicKey: unique(),
          createdById: ownerId,
          fields: [{ key: 'email', label: 'Email', type: 'EMAIL', required: true, options: [], mapsTo: 'EMAIL', customKey: null }],
        },
      })
    ).id,
  );
  add('FormSubmission', (await db.formSubmission.create({ data: { ...w, formId: form, data: { email: 'ada@example.com' } } })).id);
  add('EmailTemplate', (await db.emailTemplate.create({ data: { ...w, name: 'Intro', subject: 'Hello {{contact.firstName}}', body: 'Hi' } })).id);
  add(
    'Invitation',
    (
      await db.invitation.create({
        data: {
          ...w,
          email: `invitee-${unique()}@example.com`,
          role: 'MEMBER',
          tokenHash: unique(),
          invitedById: ownerId,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      })
    ).id,
  );
  const webhook = add(
    'Webhook',
    (await db.webhook.create({ data: { ...w, url: 'https://203.0.114.1/hook', eventTypes: ['Contact.created'], secret: unique(), createdById: ownerId } })).id,
  );
  add(
    'WebhookDelivery',
    (
      await db.webhookDelivery.create({
        data: { ...w, webhookId: webhook, eventType: 'Contact.created', payload: { a: 1 }, status: 'SUCCEEDED', attempts: 1, responseStatus: 200 },
      })
    ).id,
  );
  add(
    'WorkspaceExport',
    (await db.workspaceExport.create({ data: { ...w, requestedById: ownerId, format: 'JSON', status: 'FAILED', error: 'disk full' } })).id,
  );
  add(
    'Import',
    (
      await db.import.create({
        data: {
          ...w,
          createdById: ownerId,
          fileName: 'people.csv',
          byteSize: 42n,
          sourceKind: 'CSV',
          encoding: 'utf8',
          delimiter: ',',
          headers: ['Name', 'Email'],
          columns: ['fullName', 'emails'],
          status: 'DONE',
          rowsRead: 1,
          createdCount: 1,
          finishedAt: new Date(),
        },
      })
    ).id,
  );
  add(
    'AuditLogEntry',
    (await db.auditLogEntry.create({ data: { ...w, actorUserId: ownerId, action: 'contact.exported', ip: '203.0.113.9', details: { n: 1 } } })).id,
  );
  if ((await db.apiKey.count({ where: w })) === 0) {
    await db.apiKey.create({ data: { ...w, createdById: ownerId, role: 'ADMIN', name: 'CI', prefix: 'kith_abcdef', secretHash: unique() } });
  }
  for (const key of await db.apiKey.findMany({ where: w, select: { id: true } })) add('ApiKey', key.id);
  return nodes;
}
