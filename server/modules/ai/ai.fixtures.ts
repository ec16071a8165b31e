// A contact with a history, for the AI tests: what may be selected, and what must never be sent.
import type { Prisma } from '../../generated/prisma/client.js';
import { globalId, type RolesFixture } from '../../test/fixtures.js';
import type { TestApp } from '../../test/test-app.js';
import { dealRow } from '../../test/record-fixtures.js';

export async function adaWithHistory(app: TestApp, f: RolesFixture) {
  const prisma = app.prisma;
  const workspaceId = f.workspaceId;
  const member = f.users.MEMBER.id;
  const owned = { workspaceId, ownerId: member, createdById: member };
  const ada = await prisma.contact.create({
    data: {
      ...owned,
      firstName: 'Ada',
      lastName: 'Lovelace',
      jobTitle: 'Analyst',
      emails: { create: { workspaceId, email: 'ada@example.org', isPrimary: true } },
      phones: { create: { workspaceId, e164: '+442071234567', isPrimary: true } },
    },
  });
  const other = await prisma.contact.create({ data: { ...owned, firstName: 'Charles', lastName: 'Babbage' } });
  const deal = await dealRow(app, f, { name: 'Three engines' });
  await prisma.dealContact.create({ data: { dealId: deal.id, contactId: ada.id } });
  const note = await prisma.note.create({
    data: {
      workspaceId,
      contactId: ada.id,
      dealId: deal.id,
      createdById: member,
      body: 'Met at the analytical engine fair; wants a quote for 3 engines.',
      createdAt: new Date('2026-11-02T10:00:00Z'),
    },
  });
  const unselected = await prisma.note.create({
    data: { workspaceId, contactId: ada.id, createdById: member, body: 'Private musings, not selected.', createdAt: new Date('2026-11-03T10:00:00Z') },
  });
  const communication = (data: Omit<Prisma.CommunicationUncheckedCreateInput, 'workspaceId'>) =>
    prisma.communication.create({ data: { ...owned, ...data, contacts: { create: { contactId: ada.id } } } });
  const email = await communication({
    kind: 'EMAIL',
    direction: 'INBOUND',
    fromAddress: 'ada@example.org',
    toAddresses: ['member@example.com'],
    subject: 'Quote',
    body: 'Could you send the quote by Friday?',
    occurredAt: new Date('2026-11-05T09:30:00Z'),
    dealId: deal.id,
  });
  const sms = await communication({
    kind: 'SMS',
    direction: 'INBOUND',
    fromAddress: '+442071234567',
    body: 'Running late, 10 min',
    occurredAt: new Date('2026-11-06T09:00:00Z'),
  });
  const call = await communication({ kind: 'CALL', direction: 'OUTBOUND', outcome: 'no answer', occurredAt: new Date('2026-11-06T10:00:00Z') });
  const activity = await prisma.activity.create({
    data: {
      workspaceId,
      type: 'CALL',
      subject: 'Call about the quote',
      body: 'Ask about budget',
      contactId: ada.id,
      dealId: deal.id,
      createdById: member,
      createdAt: new Date('2026-11-04T08:00:00Z'),
    },
  });
  const othersNote = await prisma.note.create({
    data: { workspaceId, contactId: other.id, createdById: member, body: 'About Charles only.', createdAt: new Date('2026-11-02T11:00:00Z') },
  });
  return {
    ada: globalId('Contact', ada.id),
    adaId: ada.id,
    deal: deal.gid,
    dealId: deal.id,
    note: globalId('Note', note.id),
    noteId: note.id,
    unselected: globalId('Note', unselected.id),
    email: globalId('Communication', email.id),
    emailId: email.id,
    sms: globalId('Communication', sms.id),
    call: globalId('Communication', call.id),
    activity: globalId('Activity', activity.id),
    othersNote: globalId('Note', othersNote.id),
  };
}

/** Row counts of the tables a CRM user works with: an AI request must leave them all as they were. */
export async function dataCounts(app: TestApp) {
  const p = app.prisma;
  return {
    contacts: await p.contact.count(),
    companies: await p.company.count(),
    deals: await p.deal.count(),
    notes: await p.note.count(),
    activities: await p.activity.count(),
    communications: await p.communication.count(),
    comments: await p.comment.count(),
    tags: await p.tag.count(),
    events: await p.activityEvent.count(),
    memberships: await p.membership.count(),
    apiKeys: await p.apiKey.count(),
    webhooks: await p.webhook.count(),
  };
}
