// Decides what each contact row of a batch does: create, update (or fill) a match, skip it, or fail.
// Matches are looked up by email, then normalised phone, then normalised profile URL: among the
// workspace's contacts (earlier batches of this file included) and among the batch's own earlier rows.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { uuidv7 } from '../activity-events/record-event.js';
import type { ContactDecision, Directories, MatchSource, PendingRow, RunSettings } from './batch-types.js';
import { type ContactValues } from './row-values.js';
import { checkRows, ownerOf } from './check-rows.js';
import { visibleWhere } from '../../auth/record-where.js';

type Db = PrismaClient | Prisma.TransactionClient;

interface EmailOwner {
  contactId: string;
  deleted: boolean;
}

/** The workspace's contacts that hold the batch's emails, phones and profile keys. */
async function existingMatches(db: Db, settings: RunSettings, rows: ContactValues[]) {
  const emails = [...new Set(rows.flatMap((r) => r.emails))];
  const phones = [...new Set(rows.flatMap((r) => r.phones))];
  const profiles = [...new Set(rows.flatMap((r) => r.profiles.map((p) => p.key)))];
  const { workspaceId } = settings;
  const [byEmail, byPhone, byProfile] = await Promise.all([
    emails.length
      ? db.$queryRaw<Array<{ key: string; contactId: string; deleted: boolean }>>`
          SELECT e.email AS key, e."contactId"::text AS "contactId", c."deletedAt" IS NOT NULL AS deleted
          FROM "ContactEmail" e JOIN "Contact" c ON c.id = e."contactId"
          WHERE e."workspaceId" = ${workspaceId}::uuid AND e.email = ANY(${emails}::text[])`
      : [],
    phones.length
      ? db.$queryRaw<Array<{ key: string; contactId: string }>>`
          SELECT p.e164 AS key, p."contactId"::text AS "contactId"
          FROM "ContactPhone" p JOIN "Contact" c ON c.id = p."contactId"
          WHERE p."workspaceId" = ${workspaceId}::uuid AND p.e164 = ANY(${phones}::text[]) AND c."deletedAt" IS NULL
          ORDER BY c.id`
      : [],
    profiles.length
      ? db.$queryRaw<Array<{ key: string; contactId: string }>>`
          SELECT p."normalizedKey" AS key, p."contactId"::text AS "contactId"
          FROM "ContactProfile" p JOIN "Contact" c ON c.id = p."contactId"
          WHERE p."workspaceId" = ${workspaceId}::uuid AND p."normalizedKey" = ANY(${profiles}::text[]) AND c."deletedAt" IS NULL
          ORDER BY c.id`
      : [],
  ]);
  const ids = [...new Set([...byEmail, ...byPhone, ...byProfile].map((m) => m.contactId))];
  const visible = new Set(
    ids.length ? (await db.contact.findMany({ where: { id: { in: ids }, ...visibleWhere(settings.access) }, select: { id: true } })).map((c) => c.id) : [],
  );
  const emailOwners = new Map<string, EmailOwner & { visible: boolean }>();
  for (const m of byEmail) emailOwners.set(m.key, { contactId: m.contactId, deleted: m.deleted, visible: visible.has(m.contactId) });
  const first = (matches: Array<{ key: string; contactId: string }>) => {
    const map = new Map<string, string>();
    // Contacts the importer cannot see are not matches for phones and profiles (nothing makes those unique).
    for (const m of matches) if (visible.has(m.contactId) && !map.has(m.key)) map.set(m.key, m.contactId);
    return map;
  };
  return { emailOwners, phoneOwners: first(byPhone), profileOwners: first(byProfile) };
}

/** A slot a key points at within the batch: a contact being created (by its decision), or an existing one. */
type Slot = { decision: ContactDecision & { kind: 'create' | 'update' } };

function merge(target: ContactValues, incoming: ContactValues, fillOnly: boolean): ContactValues {
  const scalar = <K extends keyof ContactValues>(key: K) => (fillOnly ? target[key] || incoming[key] : incoming[key] || target[key]);
  const union = <T>(a: T[], b: T[], key: (item: T) => string = String) => {
    const seen = new Set(a.map(key));
    return [...a, ...b.filter((item) => !seen.has(key(item)))];
  };
  const note = [target.note, incoming.note].filter(Boolean).join('\n\n') || undefined;
  return {
    firstName: scalar('firstName'),
    lastName: scalar('lastName'),
    jobTitle: scalar('jobTitle'),
    headline: scalar('headline'),
    location: scalar('location'),
    source: scalar('source'),
    lifecycleStage: scalar('lifecycleStage'),
    emails: union(target.emails, incoming.emails),
    phones: union(target.phones, incoming.phones),
    profiles: union(target.profiles, incoming.profiles, (p) => p.key),
    tags: union(target.tags, incoming.tags, (t) => t.toLowerCase()),
    skills: union(target.skills, incoming.skills, (s) => s.toLowerCase()),
    company: scalar('company'),
    companyDomain: scalar('companyDomain'),
    owner: scalar('owner'),
    note,
    custom: fillOnly ? { ...incoming.custom, ...target.custom } : { ...target.custom, ...incoming.custom },
  };
}

export async function planContacts(db: Db, settings: RunSettings, directories: Directories, rows: PendingRow[]): Promise<ContactDecision[]> {
  const checked = checkRows(rows, settings);
  const valid = checked.flatMap(({ check }) => (check.values?.entity === 'CONTACT' ? [check.values.values] : []));
  const { emailOwners, phoneOwners, profileOwners } = await existingMatches(db, settings, valid);
  const batchEmail = new Map<string, Slot>();
  const batchPhone = new Map<string, Slot>();
  const batchProfile = new Map<string, Slot>();
  const existingSlots = new Map<string, Slot>();
  const fillOnly = settings.mode === 'FILL_EMPTY';

  const register = (slot: Slot, values: ContactValues) => {
    for (const email of values.emails) if (!batchEmail.has(email)) batchEmail.set(email, slot);
    for (const phone of values.phones) if (!batchPhone.has(phone)) batchPhone.set(phone, slot);
    for (const profile of values.profiles) if (!batchProfile.has(profile.key)) batchProfile.set(profile.key, slot);
  };

  return checked.map(({ row, check }): ContactDecision => {
    if (!check.values || check.values.entity !== 'CONTACT') return { row, kind: 'failed', reason: check.errors.join(' ') };
    const values = check.values.values;
    const owner = ownerOf(settings, directories, values.owner);
    if ('reason' in owner) return { row, kind: 'failed', reason: owner.reason };
    const { ownerId } = owner;

    // The match: emails first (the workspace's, then the batch's), then phones, then profiles.
    let existing: string | null = null;
    let inBatch: Slot | null = null;
    for (const email of values.emails) {
      const owner = emailOwners.get(email);
      if (owner?.deleted)
        return { row, kind: 'failed', reason: `The email address ${email} belongs to a contact in the trash: restore it, or delete it for good, first.` };
      if (owner && !owner.visible) return { row, kind: 'failed', reason: `The email address ${email} belongs to a contact you cannot see.` };
      if (owner) existing = owner.contactId;
      else inBatch = batchEmail.get(email) ?? null;
      if (existing || inBatch) break;
    }
    if (!existing && !inBatch) {
      for (const phone of values.phones) {
        existing = phoneOwners.get(phone) ?? null;
        inBatch = existing ? null : (batchPhone.get(phone) ?? null);
        if (existing || inBatch) break;
      }
    }
    if (!existing && !inBatch) {
      for (const profile of values.profiles) {
        existing = profileOwners.get(profile.key) ?? null;
        inBatch = existing ? null : (batchProfile.get(profile.key) ?? null);
        if (existing || inBatch) break;
      }
    }
    if (existing) inBatch = existingSlots.get(existing) ?? null;
    const targetId = inBatch ? (inBatch.decision.kind === 'create' ? inBatch.decision.id : inBatch.decision.targetId) : existing;

    // Emails are unique in a workspace: one held by another contact blocks this row whatever the mode.
    for (const email of values.emails) {
      const holder =
        emailOwners.get(email)?.contactId ??
        (() => {
          const slot = batchEmail.get(email);
          return slot ? (slot.decision.kind === 'create' ? slot.decision.id : slot.decision.targetId) : null;
        })();
      if (holder && (holder !== targetId || settings.mode === 'CREATE_ANYWAY')) {
        return { row, kind: 'failed', reason: `The email address ${email} already belongs to another contact (emails are unique in a workspace).` };
      }
    }

    if (!targetId || settings.mode === 'CREATE_ANYWAY') {
      const decision = { row, kind: 'create' as const, id: uuidv7(), values, ownerId };
      register({ decision }, values);
      return decision;
    }
    const match: MatchSource = inBatch ? (inBatch.decision.kind === 'create' ? 'IN_FILE' : inBatch.decision.match) : 'EXISTING';
    if (settings.mode === 'SKIP') return { row, kind: 'skipped', match, targetId, values };
    if (inBatch) {
      // A duplicate of a row earlier in this batch: folded into that row's record.
      inBatch.decision.values = merge(inBatch.decision.values, values, fillOnly);
      if (ownerId && (!fillOnly || !inBatch.decision.ownerId)) inBatch.decision.ownerId = ownerId;
      register(inBatch, values);
      return { row, kind: 'update', targetId, match, values, ownerId, folded: true };
    }
    const decision = { row, kind: 'update' as const, targetId, match, values, ownerId };
    const slot = { decision };
    existingSlots.set(targetId, slot);
    register(slot, values);
    return decision;
  });
}
