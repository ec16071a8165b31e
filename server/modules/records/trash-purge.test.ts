import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { getDatamodel } from '../../generated/pothos-types.js';
import { RETENTION_SWEEP, retentionSweepHandlers } from '../../jobs/retention-sweep.js';
import { globalId, rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp, type TestApp } from '../../test/test-app.js';
import { fileStorage } from '../files/storage.js';
import { companyRow, contactRow, dealRow, outsiderWorkspaceId } from '../../test/record-fixtures.js';
import { PURGED_MODELS, TRASH_PURGE_BATCH } from './trash-purge.js';

// RETENTION_SOFT_DELETED_DAYS=1: a row trashed two days ago is past it, one trashed an hour ago is not.
const getApp = useTestApp({ config: { retention: loadConfig({ NODE_ENV: 'test', RETENTION_SOFT_DELETED_DAYS: '1' }).retention } });
const HOUR = 60 * 60 * 1000;
const expired = () => new Date(Date.now() - 48 * HOUR);
const recent = () => new Date(Date.now() - HOUR);

const sweep = (app: TestApp) => retentionSweepHandlers(app.services)[RETENTION_SWEEP]!({ slot: Date.now() }, {} as never);

async function storedFile(app: TestApp, workspaceId: string, link: Record<string, string>, deletedAt: Date | null = null) {
  const storageKey = `${workspaceId}/${randomBytes(16).toString('hex')}`;
  await fileStorage(app.services.config).put(
    storageKey,
    (async function* () {
      yield Buffer.from('bytes');
    })(),
  );
  const file = await app.prisma.file.create({
    data: { workspaceId, name: 'a.txt', contentType: 'text/plain', size: 5, storageKey, sha256: 'x', deletedAt, ...link },
  });
  return { id: file.id, storageKey };
}

const blob = (app: TestApp, key: string) =>
  fileStorage(app.services.config)
    .open(key)
    .then((o) => (o?.body.destroy(), o != null));
const trash = (app: TestApp, model: 'contact' | 'company' | 'deal', id: string, deletedAt: Date) =>
  (app.prisma[model] as unknown as { update: (a: object) => Promise<unknown> }).update({ where: { id }, data: { deletedAt } });

/** Rows per table of a workspace, to show that what should stay did. */
async function census(app: TestApp, workspaceId: string) {
  const p = app.prisma;
  const where = { workspaceId };
  return {
    contacts: await p.contact.count({ where }),
    companies: await p.company.count({ where }),
    deals: await p.deal.count({ where }),
    notes: await p.note.count({ where }),
    activities: await p.activity.count({ where }),
    communications: await p.communication.count({ where }),
    comments: await p.comment.count({ where }),
    files: await p.file.count({ where }),
    search: await p.searchDocument.count({ where }),
  };
}

/** A contact with every kind of row that hangs off one: details, share, tag, notes, activity, comment, files, deal, email. */
async function contactWithEverything(app: TestApp, f: RolesFixture, workspaceId: string, name: string) {
  const p = app.prisma;
  const contact = await contactRow(app, f, { workspaceId, name, private: true });
  const id = contact.id;
  await p.contactEmail.create({ data: { workspaceId, contactId: id, email: `${name.toLowerCase()}@example.com`, isPrimary: true } });
  await p.contactPhone.create({ data: { workspaceId, contactId: id, e164: '+14155550100' } });
  await p.contactProfile.create({
    data: { workspaceId, contactId: id, network: 'LINKEDIN', url: 'https://linkedin.com/in/x', normalizedKey: `linkedin:in/${name}` },
  });
  await p.recordShare.create({ data: { workspaceId, contactId: id, userId: f.users.VIEWER.id } });
  await p.tag.create({ data: { workspaceId, name: `vip-${name}`, contacts: { connect: { id } } } });
  const note = await p.note.create({ data: { workspaceId, body: `About ${name}`, contactId: id } });
  const comment = await p.comment.create({ data: { workspaceId, body: 'Ping', noteId: note.id, authorId: f.users.OWNER.id } });
  await p.commentMention.create({ data: { commentId: comment.id, userId: f.users.MEMBER.id } });
  const activity = await p.activity.create({ data: { workspaceId, type: 'CALL', subject: `Call ${name}`, contactId: id } });
  const company = await companyRow(app, f, { workspaceId, name: `${name} Ltd` });
  const sharedNote = await p.note.create({ data: { workspaceId, body: 'Also about the company', contactId: id, companyId: company.id } });
  const deal = await dealRow(app, f, { workspaceId, name: `${name}'s deal` });
  await p.dealContact.create({ data: { dealId: deal.id, contactId: id } });
  const email = await p.communication.create({
    data: { workspaceId, kind: 'EMAIL', direction: 'INBOUND', occurredAt: new Date(), subject: 'Hello', contacts: { create: { contactId: id } } },
  });
  const form = await p.form.create({ data: { workspaceId, name: `Form ${name}`, publicKey: randomBytes(8).toString('hex'), fields: [] } });
  const submission = await p.formSubmission.create({ data: { workspaceId, formId: form.id, contactId: id, data: {} } });
  const files = [
    await storedFile(app, workspaceId, { contactId: id }),
    await storedFile(app, workspaceId, { noteId: note.id }),
    await storedFile(app, workspaceId, { activityId: activity.id }),
  ];
  return { contact, note, comment, activity, company, sharedNote, deal, email, submission, files };
}

describe('trash purge (retention sweep)', () => {
  it('removes rows trashed longer than RETENTION_SOFT_DELETED_DAYS with what only describes them, their search documents and file bytes', async () => {
    const app = getApp();
    const p = app.prisma;
    const f = await rolesFixture(app);
    const ws = f.workspaceId;
    const old = await contactWithEverything(app, f, ws, 'Old');
    await trash(app, 'contact', old.contact.id, expired());
    const kept = await contactWithEverything(app, f, ws, 'Recent');
    await trash(app, 'contact', kept.contact.id, recent());
    const live = await contactWithEverything(app, f, ws, 'Live');

    // Each other kind of trash, past the window, and what hangs off it.
    const company = await companyRow(app, f, { name: 'Gone Inc' });
    const companyContact = await contactRow(app, f, { name: 'Employee' });
    await p.contact.update({ where: { id: companyContact.id }, data: { companyId: company.id } });
    const companyFile = await storedFile(app, ws, { companyId: company.id });
    await trash(app, 'company', company.id, expired());
    const deal = await dealRow(app, f, { name: 'Lost deal' });
    const dealRowData = await p.deal.findUniqueOrThrow({ where: { id: deal.id } });
    await p.dealStageChange.create({ data: { workspaceId: ws, dealId: deal.id, toStageId: dealRowData.stageId, toStageName: 'Lead' } });
    const dealComment = await p.comment.create({ data: { workspaceId: ws, body: 'On the deal', dealId: deal.id } });
    const dealActivity = await p.activity.create({ data: { workspaceId: ws, type: 'TASK', subject: 'Chase', dealId: deal.id } });
    await trash(app, 'deal', deal.id, expired());
    const email = await p.communication.create({
      data: { workspaceId: ws, kind: 'EMAIL', direction: 'OUTBOUND', occurredAt: new Date(), deletedAt: expired() },
    });
    const emailFile = await storedFile(app, ws, { communicationId: email.id });
    const note = await p.note.create({ data: { workspaceId: ws, body: 'Trashed note', contactId: live.contact.id, deletedAt: expired() } });
    const noteComment = await p.comment.create({ data: { workspaceId: ws, body: 'On a trashed note', noteId: note.id } });
    const activity = await p.activity.create({ data: { workspaceId: ws, type: 'TASK', subject: 'Trashed task', deletedAt: expired() } });
    const deletedComment = await p.comment.create({ data: { workspaceId: ws, body: 'Deleted comment', noteId: live.note.id, deletedAt: expired() } });
    const deletedFile = await storedFile(app, ws, { contactId: live.contact.id }, expired());
    const recentlyDeletedFile = await storedFile(app, ws, { contactId: live.contact.id }, recent());

    // Another workspace: its live and recently trashed rows stay.
    const elsewhere = await outsiderWorkspaceId(app, f);
    const theirs = await contactWithEverything(app, f, elsewhere, 'Theirs');
    await trash(app, 'contact', theirs.contact.id, recent());
    const theirsBefore = await census(app, elsewhere);

    await sweep(app);

    // The old contact, its details, and what described only it.
    const gone = [old.contact.id, old.note.id, old.comment.id, old.activity.id, ...old.files.map((x) => x.id)];
    expect(await p.contact.count({ where: { id: old.contact.id } })).toBe(0);
    for (const table of ['contactEmail', 'contactPhone', 'contactProfile', 'recordShare'] as const) {
      expect(await (p[table] as unknown as { count: (a: object) => Promise<number> }).count({ where: { contactId: old.contact.id } })).toBe(0);
    }
    expect(await p.dealContact.count({ where: { contactId: old.contact.id } })).toBe(0);
    expect(await p.commentMention.count({ where: { commentId: old.comment.id } })).toBe(0);
    expect(await p.note.count({ where: { id: old.note.id } })).toBe(0);
    expect(await p.activity.count({ where: { id: old.activity.id } })).toBe(0);
    expect(await p.file.count({ where: { id: { in: old.files.map((x) => x.id) } } })).toBe(0);
    for (const file of old.files) expect(await blob(app, file.storageKey)).toBe(false);
    // Records it was only linked to stay, unlinked as the foreign keys say.
    expect(await p.note.findUniqueOrThrow({ where: { id: old.sharedNote.id } })).toMatchObject({ contactId: null, companyId: old.company.id });
    expect(await p.deal.count({ where: { id: old.deal.id } })).toBe(1);
    expect(await p.communication.count({ where: { id: old.email.id } })).toBe(1);
    expect(await p.communicationContact.count({ where: { communicationId: old.email.id } })).toBe(0);
    expect(await p.formSubmission.findUniqueOrThrow({ where: { id: old.submission.id } })).toMatchObject({ contactId: null });

    // The other kinds of trash.
    expect(await p.company.count({ where: { id: company.id } })).toBe(0);
    expect(await p.contact.findUniqueOrThrow({ where: { id: companyContact.id } })).toMatchObject({ companyId: null, deletedAt: null });
    expect(await blob(app, companyFile.storageKey)).toBe(false);
    expect(await p.deal.count({ where: { id: deal.id } })).toBe(0);
    expect(await p.dealStageChange.count({ where: { dealId: deal.id } })).toBe(0);
    expect(await p.comment.count({ where: { id: { in: [dealComment.id, noteComment.id, deletedComment.id] } } })).toBe(0);
    expect(await p.activity.count({ where: { id: { in: [dealActivity.id, activity.id] } } })).toBe(0);
    expect(await p.communication.count({ where: { id: email.id } })).toBe(0);
    expect(await blob(app, emailFile.storageKey)).toBe(false);
    expect(await p.note.count({ where: { id: note.id } })).toBe(0);
    expect(await p.file.count({ where: { id: deletedFile.id } })).toBe(0);
    expect(await blob(app, deletedFile.storageKey)).toBe(false);
    gone.push(company.id, deal.id, dealComment.id, dealActivity.id, email.id, note.id, noteComment.id, activity.id, deletedComment.id, deletedFile.id);
    expect(await p.searchDocument.count({ where: { id: { in: gone } } })).toBe(0);

    // Recently trashed and live rows stay, whole, with their search documents and bytes.
    for (const stays of [kept, live]) {
      const ids = [stays.contact.id, stays.note.id, stays.comment.id, stays.activity.id, ...stays.files.map((x) => x.id)];
      expect(await p.searchDocument.count({ where: { id: { in: ids } } })).toBe(ids.length);
      expect(await p.contactEmail.count({ where: { contactId: stays.contact.id } })).toBe(1);
      expect(await p.note.findUniqueOrThrow({ where: { id: stays.note.id } })).toMatchObject({ contactId: stays.contact.id });
      for (const file of stays.files) expect(await blob(app, file.storageKey)).toBe(true);
    }
    expect(await p.comment.count({ where: { id: live.comment.id } })).toBe(1);
    expect(await blob(app, recentlyDeletedFile.storageKey)).toBe(true);
    expect(await census(app, elsewhere)).toEqual(theirsBefore);

    // The recently trashed contact can still be restored; the purged one is gone for good.
    const admin = f.clients.ADMIN;
    await admin.ok(`mutation($id: ID!) { restoreContact(id: $id) { id } }`, { id: kept.contact.gid });
    expect(errorCodes(await admin.gql(`mutation($id: ID!) { restoreContact(id: $id) { id } }`, { id: old.contact.gid }))).toEqual(['NOT_FOUND']);
  });

  it('empties a trash larger than one batch, and a second run finds nothing', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const count = TRASH_PURGE_BATCH * 2 + 7;
    await app.prisma.note.createMany({
      data: Array.from({ length: count }, (_, i) => ({ workspaceId: f.workspaceId, body: `Old ${i}`, deletedAt: expired() })),
    });
    await app.prisma.note.create({ data: { workspaceId: f.workspaceId, body: 'Live' } });
    await sweep(app);
    expect((await app.prisma.note.findMany()).map((n) => n.body)).toEqual(['Live']);
    await sweep(app);
    expect(await app.prisma.note.count()).toBe(1);
  });

  it('covers every soft-deletable model except accounts, forms and search documents', () => {
    const withDeletedAt = Object.entries(getDatamodel().datamodel.models)
      .filter(([, model]) => model.fields.some((field) => field.name === 'deletedAt'))
      .map(([name]) => name[0]!.toLowerCase() + name.slice(1));
    // User: account deletion has its own job; Form: a deleted form keeps its submissions; SearchDocument follows its record;
    // CustomField: purged with its values by purgeDeletedFields (custom-field.test.ts).
    expect(withDeletedAt.filter((m) => !['user', 'form', 'searchDocument', 'customField'].includes(m)).sort()).toEqual([...PURGED_MODELS].sort());
  });
});

describe('restore after the configured retention', () => {
  const RESTORES = [
    ['contact', 'Contact', 'restoreContact'],
    ['company', 'Company', 'restoreCompany'],
    ['deal', 'Deal', 'restoreDeal'],
    ['note', 'Note', 'restoreNote'],
    ['activity', 'Activity', 'restoreActivity'],
    ['communication', 'Communication', 'restoreCommunication'],
  ] as const;

  async function trashed(app: TestApp, f: RolesFixture, model: (typeof RESTORES)[number][0], deletedAt: Date) {
    const ws = f.workspaceId;
    const p = app.prisma;
    switch (model) {
      case 'note':
        return (await p.note.create({ data: { workspaceId: ws, body: 'N', deletedAt } })).id;
      case 'activity':
        return (await p.activity.create({ data: { workspaceId: ws, type: 'TASK', subject: 'A', deletedAt } })).id;
      case 'communication':
        return (await p.communication.create({ data: { workspaceId: ws, kind: 'CALL', direction: 'INBOUND', occurredAt: new Date(), deletedAt } })).id;
      default: {
        const row = await { contact: contactRow, company: companyRow, deal: dealRow }[model](app, f);
        await trash(app, model, row.id, deletedAt);
        return row.id;
      }
    }
  }

  it('refuses (BAD_USER_INPUT) once RETENTION_SOFT_DELETED_DAYS have passed, and restores before', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    for (const [model, typename, mutation] of RESTORES) {
      const restore = async (id: string) => f.clients.ADMIN.gql(`mutation($id: ID!) { ${mutation}(id: $id) { id } }`, { id: globalId(typename, id) });
      const late = await restore(await trashed(app, f, model, expired()));
      expect([mutation, errorCodes(late)]).toEqual([mutation, ['BAD_USER_INPUT']]);
      expect(late.errors![0]!.message).toMatch(/for up to 1 day\)/);
      const inTime = await restore(await trashed(app, f, model, recent()));
      expect([mutation, inTime.errors]).toEqual([mutation, undefined]);
    }
  });
});
