// Writes the targets among the confusers in one workspace, in a few createMany statements; search documents
// are written once at the end (writeWithDeferredSearch). Returns each target's id by key.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../../db/database.js';
import { normalizeProfileUrl } from '../../records/normalize.js';
import { writeWithDeferredSearch } from '../search-documents.js';
import { CASES } from './cases.js';
import { confusers, nearMisses } from './confusers.js';
import { TARGETS, type Target, type TargetKey } from './targets.js';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const DEFAULT_MINUTES_AGO = 24 * 60;

export interface SeededTarget {
  id: string;
  type: 'CONTACT' | 'COMPANY' | 'NOTE' | 'COMMUNICATION';
}

function titleOf(target: Target): string {
  switch (target.kind) {
    case 'contact':
      return `${target.firstName} ${target.lastName}`;
    case 'company':
      return target.name;
    case 'note':
      return target.body.split('\n')[0]!;
    case 'communication':
      return target.subject ?? '';
  }
}

export async function seedRelevance(
  prisma: PrismaClient,
  workspaceId: string,
  ownerId: string,
  size = { contacts: 2400, companies: 300, notes: 500, communications: 300 },
) {
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000);
  const targets = Object.entries(TARGETS) as Array<[TargetKey, Target]>;
  const avoidNames = new Set<string>([
    ...targets.map(([, t]) => fold(titleOf(t))),
    ...Object.values(CASES).flatMap((cases) => cases.map((c) => fold(c.query))),
  ]);
  const targetContacts = targets.flatMap(([, t]) => (t.kind === 'contact' ? [t] : []));
  const phones = [...targetContacts.flatMap((t) => t.phones ?? []), ...targets.flatMap(([, t]) => (t.kind === 'company' && t.phone ? [t.phone] : []))];
  const mentions = targetContacts.map((t) => `${t.firstName} ${t.lastName}`);
  const seed = confusers({
    ...size,
    avoidNames,
    avoidPhoneEnds: new Set(phones.map((p) => p.slice(-4))),
    avoidEmails: new Set(targetContacts.flatMap((t) => t.emails ?? [])),
    mentions,
  });

  const ids = {} as Record<TargetKey, SeededTarget>;
  const contacts: Array<{
    id: string;
    firstName: string;
    lastName: string;
    jobTitle?: string;
    headline?: string;
    location?: string;
    emails: string[];
    phones: string[];
    profiles: string[];
    minutesAgo: number;
  }> = [];
  const companies: Array<{ id: string; name: string; domain?: string; industry?: string; city?: string; phone?: string; minutesAgo: number }> = [];
  const notes: Array<{ id: string; body: string; minutesAgo: number }> = [];
  const communications: Array<{ id: string; kind: 'EMAIL' | 'CALL'; subject?: string; body: string; fromAddress?: string; minutesAgo: number }> = [];
  for (const [key, target] of targets) {
    const id = randomUUID();
    const minutesAgo = target.changedMinutesAgo ?? DEFAULT_MINUTES_AGO;
    if (target.kind === 'contact') {
      contacts.push({ id, ...target, emails: target.emails ?? [], phones: target.phones ?? [], profiles: target.profiles ?? [], minutesAgo });
      ids[key] = { id, type: 'CONTACT' };
    } else if (target.kind === 'company') {
      companies.push({ id, ...target, minutesAgo });
      ids[key] = { id, type: 'COMPANY' };
    } else if (target.kind === 'note') {
      notes.push({ id, body: target.body, minutesAgo });
      ids[key] = { id, type: 'NOTE' };
    } else {
      communications.push({ id, kind: target.channel, subject: target.subject, body: target.body, fromAddress: target.fromAddress, minutesAgo });
      ids[key] = { id, type: 'COMMUNICATION' };
    }
  }
  const near = nearMisses();
  for (const part of ['contacts', 'companies', 'notes', 'communications'] as const) (seed[part] as unknown[]).push(...near[part]);
  contacts.push(...seed.contacts.map((c) => ({ id: randomUUID(), ...c })));
  companies.push(...seed.companies.map((c) => ({ id: randomUUID(), ...c })));
  notes.push(...seed.notes.map((n) => ({ id: randomUUID(), ...n })));
  communications.push(...seed.communications.map((c) => ({ id: randomUUID(), kind: 'EMAIL' as const, ...c })));

  const owned = (minutesAgo: number) => ({ workspaceId, ownerId, createdAt: at(minutesAgo), updatedAt: at(minutesAgo) });
  await writeWithDeferredSearch(prisma, async (tx) => {
    await tx.company.createMany({
      data: companies.map((c) => ({
        id: c.id,
        ...owned(c.minutesAgo),
        name: c.name,
        domain: c.domain,
        industry: c.industry,
        city: c.city,
        phone: c.phone,
      })),
    });
    await tx.contact.createMany({
      data: contacts.map((c) => ({
        id: c.id,
        ...owned(c.minutesAgo),
        firstName: c.firstName,
        lastName: c.lastName,
        jobTitle: c.jobTitle,
        headline: c.headline,
        location: c.location,
      })),
    });
    await tx.contactEmail.createMany({ data: contacts.flatMap((c) => c.emails.map((email) => ({ workspaceId, contactId: c.id, email }))) });
    await tx.contactPhone.createMany({ data: contacts.flatMap((c) => c.phones.map((e164) => ({ workspaceId, contactId: c.id, e164 }))) });
    await tx.contactProfile.createMany({
      data: contacts.flatMap((c) =>
        c.profiles.map((url) => {
          const profile = normalizeProfileUrl(url);
          return { workspaceId, contactId: c.id, network: profile.network, url: profile.url, normalizedKey: profile.key };
        }),
      ),
    });
    await tx.note.createMany({ data: notes.map((n) => ({ id: n.id, workspaceId, body: n.body, createdAt: at(n.minutesAgo), updatedAt: at(n.minutesAgo) })) });
    await tx.communication.createMany({
      data: communications.map((c) => ({
        id: c.id,
        ...owned(c.minutesAgo),
        kind: c.kind,
        direction: 'INBOUND' as const,
        subject: c.subject,
        body: c.body,
        fromAddress: c.fromAddress,
        occurredAt: at(c.minutesAgo),
      })),
    });
    return {
      result: null,
      touched: {
        CONTACT: contacts.map((c) => c.id),
        COMPANY: companies.map((c) => c.id),
        NOTE: notes.map((n) => n.id),
        COMMUNICATION: communications.map((c) => c.id),
      },
    };
  });
  return { ids, documents: contacts.length + companies.length + notes.length + communications.length };
}
