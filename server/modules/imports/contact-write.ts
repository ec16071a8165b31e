// Writes one planned batch of contacts in the caller's transaction, in bulk: a statement per table for the
// new contacts and their lists, one UPDATE for all updated contacts, and the before-images undo needs.
import type { Prisma } from '../../generated/prisma/client.js';
import type { ContactDecision, Directories, RunSettings } from './batch-types.js';
import { companyIdFor, type CompanyLinks } from './company-links.js';
import type { ContactValues } from './row-values.js';
import { recordTail, sortDecisions, writeTagLinks, type UndoImage, type Written } from './write-common.js';
import { uuidv7 } from '../activity-events/record-event.js';
import { COMPANY_COLUMNS, CONTACT_COLUMNS, EMAIL_COLUMNS, insertRows, NOTE_COLUMNS, PHONE_COLUMNS, PROFILE_COLUMNS } from './bulk-insert.js';

type Tx = Prisma.TransactionClient;

interface Current {
  id: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  headline: string | null;
  location: string | null;
  source: string | null;
  lifecycleStage: string;
  companyId: string | null;
  ownerId: string | null;
  skills: string[];
  customFields: Prisma.JsonValue;
  emails: { email: string }[];
  phones: { e164: string }[];
  profiles: { normalizedKey: string }[];
  tags: { id: string }[];
}

const SCALARS = ['firstName', 'lastName', 'jobTitle', 'headline', 'location', 'source', 'lifecycleStage'] as const;

function emailRows(workspaceId: string, contactId: string, emails: string[], firstIsPrimary: boolean) {
  return emails.map((email, i) => ({ workspaceId, contactId, email, isPrimary: firstIsPrimary && i === 0 }));
}

export async function writeContacts(tx: Tx, settings: RunSettings, directories: Directories, decisions: ContactDecision[], now: Date): Promise<Written> {
  const { workspaceId, importerId } = settings;
  const { written, creates, updates } = sortDecisions(decisions, 'updated');

  const links: CompanyLinks = { toCreate: [] };
  const tagNames = [...creates, ...updates].flatMap((d) => d.values.tags);
  const tagIds = await directories.tags.ensure(tx, tagNames);
  const tagId = (name: string) => tagIds.get(name.toLowerCase())!;

  // New contacts, then their lists, tags and notes.
  const contactRows = creates.map(({ id, values, ownerId }) => ({
    id,
    workspaceId,
    firstName: values.firstName,
    lastName: values.lastName,
    jobTitle: values.jobTitle ?? null,
    headline: values.headline ?? null,
    location: values.location ?? null,
    source: values.source ?? null,
    lifecycleStage: values.lifecycleStage ?? 'LEAD',
    skills: values.skills,
    companyId: companyIdFor(settings, directories, links, values, now),
    ...recordTail(settings, ownerId, values.custom, now),
  }));
  const emails = creates.flatMap(({ id, values }) => emailRows(workspaceId, id, values.emails, true));
  const phones = creates.flatMap(({ id, values }) => values.phones.map((e164, i) => ({ workspaceId, contactId: id, e164, isPrimary: i === 0 })));
  const profiles = creates.flatMap(({ id, values }) =>
    values.profiles.map((p) => ({ workspaceId, contactId: id, network: p.network, url: p.url, normalizedKey: p.key })),
  );
  const tagLinks = creates.flatMap(({ id, values }) => values.tags.map((name) => [id, tagId(name)] as const));
  const notes: Array<Record<string, unknown>> = creates.flatMap(({ id, values }) =>
    values.note ? [{ workspaceId, body: values.note, contactId: id, createdById: importerId, createdAt: now, updatedAt: now }] : [],
  );

  // Updates: what changes against the current record, and what it was before.
  const current = updates.length
    ? await tx.contact.findMany({
        where: { id: { in: updates.map((u) => u.targetId) } },
        select: {
          id: true,
          firstName: true,
          lastName: true,
          jobTitle: true,
          headline: true,
          location: true,
          source: true,
          lifecycleStage: true,
          companyId: true,
          ownerId: true,
          skills: true,
          customFields: true,
          emails: { select: { email: true } },
          phones: { select: { e164: true } },
          profiles: { select: { normalizedKey: true } },
          tags: { select: { id: true } },
        },
      })
    : [];
  const byId = new Map<string, Current>(current.map((c) => [c.id, c as Current]));
  const fillOnly = settings.mode === 'FILL_EMPTY';
  const changes: Array<Record<string, unknown>> = [];
  const updatedNotes: Array<{ contactId: string; body: string }> = [];
  for (const update of updates) {
    const record = byId.get(update.targetId);
    if (!record) continue;
    const values: ContactValues = update.values;
    const before: UndoImage = { fields: {}, emails: [], phones: [], profiles: [], tags: [], notes: [] };
    const set: Record<string, unknown> = { id: record.id };
    const take = (column: string, next: unknown, now: unknown) => {
      const empty = now == null || now === '' || (Array.isArray(now) && now.length === 0);
      if (next === undefined || next === null || next === '' || next === now || (fillOnly && !empty)) return;
      before.fields[column] = now;
      set[column] = next;
    };
    for (const column of SCALARS) take(column, values[column], record[column]);
    // LEAD is the default, not a choice someone made: fill-empty may replace it.
    if (fillOnly && values.lifecycleStage && record.lifecycleStage === 'LEAD' && values.lifecycleStage !== 'LEAD') {
      before.fields.lifecycleStage = 'LEAD';
      set.lifecycleStage = values.lifecycleStage;
    }
    if (values.company || values.companyDomain) take('companyId', companyIdFor(settings, directories, links, values, now), record.companyId);
    if (update.ownerId) take('ownerId', update.ownerId, record.ownerId);
    const newSkills = values.skills.filter((s) => !record.skills.some((k) => k.toLowerCase() === s.toLowerCase()));
    if (newSkills.length) {
      before.fields.skills = record.skills;
      set.skills = [...record.skills, ...newSkills];
    }
    const custom = (record.customFields ?? {}) as Record<string, unknown>;
    const customChanges = Object.entries(values.custom).filter(
      ([key, value]) => custom[key] !== value && (!fillOnly || custom[key] == null || custom[key] === ''),
    );
    if (customChanges.length) {
      before.fields.customFields = custom;
      set.customFields = { ...custom, ...Object.fromEntries(customChanges) };
    }
    const newEmails = values.emails.filter((e) => !record.emails.some((x) => x.email === e));
    const newPhones = values.phones.filter((p) => !record.phones.some((x) => x.e164 === p));
    const newProfiles = values.profiles.filter((p) => !record.profiles.some((x) => x.normalizedKey === p.key));
    const newTags = [...new Set(values.tags.map(tagId))].filter((id) => !record.tags.some((t) => t.id === id));
    emails.push(...emailRows(workspaceId, record.id, newEmails, record.emails.length === 0));
    phones.push(...newPhones.map((e164, i) => ({ workspaceId, contactId: record.id, e164, isPrimary: record.phones.length === 0 && i === 0 })));
    profiles.push(...newProfiles.map((p) => ({ workspaceId, contactId: record.id, network: p.network, url: p.url, normalizedKey: p.key })));
    tagLinks.push(...newTags.map((id) => [record.id, id] as const));
    before.emails = newEmails;
    before.phones = newPhones;
    before.profiles = newProfiles.map((p) => p.key);
    before.tags = newTags;
    if (values.note) updatedNotes.push({ contactId: record.id, body: values.note });
    const changed = Object.keys(set).length > 1 || newEmails.length + newPhones.length + newProfiles.length + newTags.length > 0 || Boolean(values.note);
    if (!changed) {
      written.counts.skipped += 1;
      continue;
    }
    written.counts.updated += 1;
    changes.push(set);
    written.records.push({ recordId: record.id, entity: 'CONTACT', action: 'UPDATED', before });
  }

  // Companies the company column names and the workspace lacks come first: contacts point at them.
  if (links.toCreate.length) {
    await insertRows(tx, 'Company', COMPANY_COLUMNS, links.toCreate);
    for (const company of links.toCreate) written.records.push({ recordId: company.id, entity: 'COMPANY', action: 'CREATED', before: null });
  }
  await insertRows(tx, 'Contact', CONTACT_COLUMNS, contactRows);
  for (const { id } of creates) written.records.push({ recordId: id, entity: 'CONTACT', action: 'CREATED', before: null });
  written.counts.created += creates.length;
  if (changes.length) await bulkUpdateContacts(tx, changes, now);
  await insertRows(tx, 'ContactEmail', EMAIL_COLUMNS, emails);
  await insertRows(tx, 'ContactPhone', PHONE_COLUMNS, phones);
  await insertRows(tx, 'ContactProfile', PROFILE_COLUMNS, profiles);
  await writeTagLinks(tx, '_ContactToTag', tagLinks);
  const images = new Map(written.records.filter((r) => r.before).map((r) => [r.recordId, r.before!]));
  for (const note of updatedNotes) {
    const id = uuidv7();
    images.get(note.contactId)?.notes.push(id);
    notes.push({ id, workspaceId, body: note.body, contactId: note.contactId, createdById: importerId, createdAt: now, updatedAt: now });
  }
  await insertRows(tx, 'Note', NOTE_COLUMNS, notes);
  written.noteIds = notes.map((note) => note.id as string);
  return written;
}

/** One UPDATE for every changed contact; a column a row does not set keeps its value. */
async function bulkUpdateContacts(tx: Tx, changes: Array<Record<string, unknown>>, now: Date) {
  const flags = (column: string) => `('${column}' = ANY(v.set))`;
  const pick = (column: string, cast = '') => `CASE WHEN ${flags(column)} THEN (v.row->>'${column}')${cast} ELSE c."${column}" END`;
  const rows = changes.map((change) => ({ set: Object.keys(change).filter((k) => k !== 'id'), row: change, id: change.id }));
  await tx.$executeRawUnsafe(
    `UPDATE "Contact" c SET
       "firstName" = ${pick('firstName')},
       "lastName" = ${pick('lastName')},
       "jobTitle" = ${pick('jobTitle')},
       "headline" = ${pick('headline')},
       "location" = ${pick('location')},
       "source" = ${pick('source')},
       "lifecycleStage" = ${pick('lifecycleStage', '::"LifecycleStage"')},
       "companyId" = ${pick('companyId', '::uuid')},
       "ownerId" = ${pick('ownerId', '::uuid')},
       "skills" = CASE WHEN ${flags('skills')} THEN ARRAY(SELECT jsonb_array_elements_text(v.row->'skills')) ELSE c."skills" END,
       "customFields" = CASE WHEN ${flags('customFields')} THEN v.row->'customFields' ELSE c."customFields" END,
       "updatedAt" = $2
     FROM (SELECT (x->>'id')::uuid AS id, x->'row' AS row, ARRAY(SELECT jsonb_array_elements_text(x->'set')) AS set
           FROM jsonb_array_elements($1::jsonb) x) v
     WHERE c.id = v.id`,
    JSON.stringify(rows),
    now,
  );
}
