import type { PrismaClient } from '../../../generated/prisma/client.js';

/** One row in each of the channels' tables, for tests that must see every workspace table (the purge). */
export async function seedChannelRows(prisma: PrismaClient, workspaceId: string, userId: string, contactId: string) {
  const suffix = `${workspaceId.slice(0, 8)}-${Math.random().toString(36).slice(2, 8)}`;
  await prisma.smtpAccount.create({
    data: { workspaceId, userId, host: 'smtp.example.com', port: 587, username: 'u', passwordSealed: 'v1.k1.a.b.c', fromAddress: 'a@example.com' },
  });
  await prisma.emailTemplate.create({ data: { workspaceId, name: 'Intro', subject: 'Hi', body: 'Hello' } });
  await prisma.channelSettings.create({
    data: { workspaceId, createUnknownContacts: true, twilioNumber: `+1415555${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}` },
  });
  await prisma.inboundAddress.create({
    data: {
      workspaceId,
      userId,
      token: `t${suffix}`
        .replace(/[^a-z0-9]/g, '')
        .padEnd(24, 'a')
        .slice(0, 24),
    },
  });
  const mailbox = await prisma.mailbox.create({
    data: { workspaceId, userId, host: 'imap.example.com', port: 993, username: 'u', passwordSealed: 'v1.k1.a.b.c', syncSince: new Date() },
  });
  await prisma.mailboxFolder.create({ data: { workspaceId, mailboxId: mailbox.id, path: 'INBOX', uidValidity: 1n, lastUid: 3 } });
  const email = await prisma.communication.create({
    data: { workspaceId, kind: 'EMAIL', direction: 'INBOUND', occurredAt: new Date(), contacts: { create: { contactId } } },
  });
  await prisma.emailMessage.create({
    data: {
      workspaceId,
      communicationId: email.id,
      messageId: `m-${suffix}@example.com`,
      threadId: `m-${suffix}@example.com`,
      source: 'IMAP',
      mailboxId: mailbox.id,
    },
  });
  const sms = await prisma.communication.create({ data: { workspaceId, kind: 'SMS', direction: 'INBOUND', occurredAt: new Date() } });
  await prisma.phoneEvent.create({ data: { workspaceId, communicationId: sms.id, providerSid: `SM${suffix}`, status: 'received' } });
  await prisma.phoneOptOut.create({ data: { workspaceId, phone: '+14155550132', keyword: 'STOP', contactId } });
}
