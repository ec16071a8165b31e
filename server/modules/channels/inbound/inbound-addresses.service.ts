import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../../generated/prisma/client.js';
import type { Context } from '../../../context.js';
import { emitEvent } from '../../activity-events/record-event.js';

const TOKEN = /^[a-z2-7]{24}$/;

/** 120 random bits in lower-case base32: safe in an address's local part, whatever the mail server's case rules. */
function newToken(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return [...randomBytes(24)].map((byte) => alphabet[byte & 31]).join('');
}

export const inboundAddressOf = (token: string, domain: string) => `bcc+${token}@${domain}`;

/** The token in `bcc+<token>@<domain>`, or null for any other address. */
export function tokenOf(address: string, domain: string): string | null {
  const match = /^bcc\+([^@]+)@(.+)$/i.exec(address.trim());
  if (!match || match[2]!.toLowerCase() !== domain) return null;
  const token = match[1]!.toLowerCase();
  return TOKEN.test(token) ? token : null;
}

/** The workspace's address (userId null) or a member's own, made on first use. */
export async function inboundAddress(context: Context, workspaceId: string, userId: string | null) {
  const existing = await context.prisma.inboundAddress.findFirst({ where: { workspaceId, userId } });
  if (existing) return existing;
  return context.prisma.$transaction((tx) =>
    tx.inboundAddress
      .create({ data: { workspaceId, userId, token: newToken() } })
      .then((row) => emitEvent(tx, context, row, 'InboundAddress', 'created', { personal: userId != null })),
  );
}

/** A new token: mail to the old address is refused from now on. */
export async function rotateInboundAddress(context: Context, workspaceId: string, userId: string | null) {
  const current = await inboundAddress(context, workspaceId, userId);
  return context.prisma.$transaction((tx) =>
    tx.inboundAddress
      .update({ where: { id: current.id }, data: { token: newToken() } })
      .then((row) => emitEvent(tx, context, row, 'InboundAddress', 'rotated', { personal: userId != null })),
  );
}

/** Whose address the token is, when it is live (an open workspace; a member still in it). */
export async function recipientFor(prisma: PrismaClient, token: string) {
  const address = await prisma.inboundAddress.findUnique({ where: { token }, include: { workspace: { select: { closedAt: true } } } });
  if (!address || address.workspace.closedAt) return null;
  if (address.userId) {
    const member = await prisma.membership.findFirst({ where: { workspaceId: address.workspaceId, userId: address.userId } });
    if (!member) return null;
  }
  return { workspaceId: address.workspaceId, userId: address.userId };
}
