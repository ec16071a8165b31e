import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp, type TestApp } from '../../test/test-app.js';
import { dealRow, outsiderWorkspaceId } from '../../test/record-fixtures.js';

const getApp = useTestApp();

const SEARCH = `query($q: String!, $types: [SearchEntityType!], $first: Int, $after: String) {
  search(query: $q, types: $types, first: $first, after: $after) {
    totalCount
    countsCapped
    countsByType { type count }
    pageInfo { hasNextPage endCursor }
    edges { node { type title snippet matchedField record { __typename ... on Contact { id name } ... on Note { id body } } } }
  }
}`;

interface Hit {
  type: string;
  title: string;
  snippet: string;
  matchedField: string;
  record: { __typename: string; id?: string } | null;
}

async function search(f: RolesFixture, actor: keyof RolesFixture['clients'], q: string, extra: Record<string, unknown> = {}) {
  const data = await f.clients[actor].ok(SEARCH, { q, ...extra });
  const hits = data.search.edges.map((e: { node: Hit }) => e.node) as Hit[];
  const counts = Object.fromEntries(
    (data.search.countsByType as Array<{ type: string; count: number }>).filter((c) => c.count > 0).map((c) => [c.type, c.count]),
  );
  return {
    hits,
    titles: hits.map((h) => h.title),
    total: data.search.totalCount as number,
    counts,
    countsCapped: data.search.countsCapped as boolean,
    pageInfo: data.search.pageInfo,
  };
}

async function person(
  app: TestApp,
  f: RolesFixture,
  firstName: string,
  lastName: string,
  extra: { emails?: string[]; phones?: string[]; private?: boolean; ownerId?: string; jobTitle?: string } = {},
) {
  const contact = await app.prisma.contact.create({
    data: {
      workspaceId: f.workspaceId,
      firstName,
      lastName,
      jobTitle: extra.jobTitle,
      ownerId: extra.ownerId ?? f.users.MEMBER.id,
      visibility: extra.private ? 'PRIVATE' : 'WORKSPACE',
      emails: { create: (extra.emails ?? []).map((email) => ({ workspaceId: f.workspaceId, email })) },
      phones: { create: (extra.phones ?? []).map((e164) => ({ workspaceId: f.workspaceId, e164 })) },
    },
  });
  return contact;
}

/** The relevance fixture: names with accents and near-duplicates, a company, notes. */
async function directory(app: TestApp, f: RolesFixture) {
  const john = await person(app, f, 'John', 'Smith', { emails: ['john.smith@acme.io'], phones: ['+14155550123'], jobTitle: 'Buyer' });
  await person(app, f, 'Johanna', 'Smithers');
  await person(app, f, 'Joan', 'Baker');
  await person(app, f, 'José', 'Núñez', { emails: ['jose@ejemplo.es'] });
  await person(app, f, 'Zoë', 'Smithson');
  await person(app, f, 'Mary', 'Jones');
  await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Acme Rockets', domain: 'acme-rockets.com', ownerId: f.users.MEMBER.id } });
  await app.prisma.note.create({
    data: { workspaceId: f.workspaceId, body: '# Call recap\nThey want the quarterly forecast before the offsite.', contactId: john.id },
  });
  await app.prisma.note.create({ data: { workspaceId: f.workspaceId, body: 'Lunch with Mary, nothing to report.' } });
  return { john };
}

describe('global search relevance', () => {
  it('finds people by prefixes, one typo, folded accents, emails, phones in any format, domains and note words', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await directory(app, f);

    expect((await search(f, 'MEMBER', 'jo smi')).titles[0]).toBe('John Smith');
    expect((await search(f, 'MEMBER', 'jo smi')).titles).toEqual(expect.arrayContaining(['John Smith', 'Johanna Smithers']));
    expect((await search(f, 'MEMBER', 'jhon')).titles[0]).toBe('John Smith');
    expect((await search(f, 'MEMBER', 'jhon smith')).titles[0]).toBe('John Smith');
    expect((await search(f, 'MEMBER', 'smtih')).titles[0]).toMatch(/^(John Smith|Johanna Smithers|Zoë Smithson)$/);
    expect((await search(f, 'MEMBER', 'Jose Nunez')).titles[0]).toBe('José Núñez');
    expect((await search(f, 'MEMBER', 'zoe')).titles).toEqual(['Zoë Smithson']);
    expect((await search(f, 'MEMBER', 'núñez')).titles).toEqual(['José Núñez']);

    const byEmail = await search(f, 'MEMBER', 'John.Smith@acme.io');
    expect(byEmail.titles[0]).toBe('John Smith');
    expect(byEmail.hits[0]).toMatchObject({ matchedField: 'EMAIL', snippet: '<mark>john.smith@acme.io</mark>' });
    for (const phone of ['+1 (415) 555-0123', '415.555.0123', '4155550123', '555-0123', '001 415 555 0123']) {
      const byPhone = await search(f, 'MEMBER', phone);
      expect({ phone, top: byPhone.titles[0], field: byPhone.hits[0]?.matchedField }).toEqual({ phone, top: 'John Smith', field: 'PHONE' });
    }
    expect((await search(f, 'MEMBER', 'https://www.acme-rockets.com/about')).titles[0]).toBe('Acme Rockets');
    expect((await search(f, 'MEMBER', 'acme')).titles[0]).toBe('Acme Rockets');

    const byNote = await search(f, 'MEMBER', 'forecast');
    expect(byNote.hits).toHaveLength(1);
    expect(byNote.hits[0]).toMatchObject({ type: 'NOTE', title: 'Call recap', matchedField: 'BODY', record: { __typename: 'Note' } });
    expect(byNote.hits[0]!.snippet).toContain('quarterly <mark>forecast</mark> before');
  });

  it('finds the spellings people type: transliterations, apostrophes and hyphens, letters beside digits, the end of a phone number', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await person(app, f, 'Lena', 'König', { jobTitle: 'ISO27001 auditor' });
    await person(app, f, 'Jonas', 'Koenig');
    await person(app, f, 'Nils', 'Sørensen');
    await person(app, f, 'Åsa', 'Lind');
    await person(app, f, 'Fiona', "O'Brien");
    await person(app, f, 'Brien', 'Walsh');
    await person(app, f, 'Sara', 'Al-Amin');
    await person(app, f, 'Rami', 'Al Aminah');
    await person(app, f, 'Maria', 'de la Cruz');
    await person(app, f, 'Tom', 'Weber', { phones: ['+12125550187'] });
    await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'B 2 B Partners', ownerId: f.users.MEMBER.id } });
    await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Certified ISO 27001 Labs', ownerId: f.users.MEMBER.id } });
    const titles = async (q: string) => (await search(f, 'MEMBER', q)).titles;

    expect(await titles('koenig')).toEqual(expect.arrayContaining(['Lena König', 'Jonas Koenig']));
    expect(await titles('könig')).toEqual(expect.arrayContaining(['Lena König', 'Jonas Koenig']));
    expect(await titles('konig')).toContain('Lena König');
    expect(await titles('soerensen')).toEqual(['Nils Sørensen']);
    expect(await titles('sorensen')).toEqual(['Nils Sørensen']);
    expect(await titles('aasa')).toEqual(['Åsa Lind']);
    expect((await titles("o'brien"))[0]).toBe("Fiona O'Brien");
    expect((await titles('obrien'))[0]).toBe("Fiona O'Brien");
    expect((await titles('O’Brien'))[0]).toBe("Fiona O'Brien");
    expect((await titles('alamin'))[0]).toBe('Sara Al-Amin');
    expect(await titles('al-amin')).toEqual(expect.arrayContaining(['Sara Al-Amin', 'Rami Al Aminah']));
    expect(await titles('delacruz')).toEqual(['Maria de la Cruz']);
    expect(await titles('b2b')).toEqual(['B 2 B Partners']);
    expect(await titles('iso27001')).toEqual(expect.arrayContaining(['Certified ISO 27001 Labs', 'Lena König']));
    expect(await titles('iso 27001')).toEqual(expect.arrayContaining(['Certified ISO 27001 Labs', 'Lena König']));
    await person(app, f, 'John', 'Smith', { emails: ['john.smith@acme.io'] });
    await person(app, f, 'Acme', 'Fan', { emails: ['fan@example.org'] });
    expect(await titles('john.smith@')).toEqual(['John Smith']);
    expect(await titles('@acme')).toEqual(['John Smith']);
    const byEnd = await search(f, 'MEMBER', '0187');
    expect({ top: byEnd.titles[0], field: byEnd.hits[0]?.matchedField }).toEqual({ top: 'Tom Weber', field: 'PHONE' });
  });

  it('ranks whole words of a title above compounds, details above prefixes, and ties by what changed last', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await person(app, f, 'Anna', 'Weber-Schulz');
    await person(app, f, 'Tom', 'Weber');
    await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Weber & Söhne GmbH', ownerId: f.users.MEMBER.id } });
    await person(app, f, 'Rami', 'Al Aminah');
    await person(app, f, 'Sara', 'Al-Amin');
    await person(app, f, 'Brien', 'Walsh');
    await person(app, f, 'Fiona', "O'Brien");
    await person(app, f, 'Gordon', 'Lee', { jobTitle: 'Developer relations' });
    await person(app, f, 'Ines', 'Park', { jobTitle: 'Go developer' });
    const titles = async (q: string) => (await search(f, 'MEMBER', q)).titles;

    const weber = await titles('weber');
    expect(weber.slice(0, 2).sort()).toEqual(['Tom Weber', 'Weber & Söhne GmbH']);
    expect(weber.indexOf('Anna Weber-Schulz')).toBe(2);
    expect((await titles('al amin'))[0]).toBe('Sara Al-Amin');
    expect((await titles("o'brien"))[0]).toBe("Fiona O'Brien");
    expect((await titles('go developer'))[0]).toBe('Ines Park');
    expect(await titles('smith jo')).toEqual([]);

    // Two people equally close to the query: the one changed last comes first, whatever their ids.
    const first = await person(app, f, 'Kim', 'Lund');
    const second = await person(app, f, 'Kim', 'Lund');
    await app.prisma.contact.update({ where: { id: first.id }, data: { jobTitle: 'Buyer' } });
    const lund = await search(f, 'MEMBER', 'kim lund');
    expect(lund.hits.map((h) => h.record?.id)).toEqual([first.id, second.id].map((id) => globalId('Contact', id)));
  });

  it('adds one-typo neighbours only when the words as typed find little', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await directory(app, f);
    for (let i = 0; i < 20; i += 1) await person(app, f, 'John', `Doe${i}`);

    // 21 Johns: "john" matches enough by itself, so Joan (one letter away) stays out.
    const john = await search(f, 'MEMBER', 'john', { first: 50 });
    expect(john.total).toBe(21);
    expect(john.titles).not.toContain('Joan Baker');
    // One Joan: the typo variants join in, and the Johns come after her.
    const joan = await search(f, 'MEMBER', 'joan', { first: 50 });
    expect(joan.titles[0]).toBe('Joan Baker');
    expect(joan.titles).toContain('John Smith');
  });

  it('ranks exact names first, marks matched words safely and counts per type', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await directory(app, f);
    await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: '<b>Mary</b>', lastName: 'Tag' } });

    const mary = await search(f, 'MEMBER', 'mary');
    expect(mary.counts).toEqual({ CONTACT: 2, NOTE: 1 });
    expect(mary.total).toBe(3);
    expect(mary.hits.find((h) => h.title === '<b>Mary</b> Tag')!.snippet).toBe(
      '&#60;b&#62;<mark>Mary</mark>&#60;/b&#62; <mark>Tag</mark>'.replace('<mark>Tag</mark>', 'Tag'),
    );
    expect(mary.hits.find((h) => h.type === 'NOTE')!.snippet).toBe('Lunch with <mark>Mary</mark>, nothing to report.');

    const onlyNotes = await search(f, 'MEMBER', 'mary', { types: ['NOTE'] });
    expect(onlyNotes.titles).toEqual(['Lunch with Mary, nothing to report.']);
    expect(onlyNotes.total).toBe(1);
    expect(onlyNotes.counts).toEqual({ CONTACT: 2, NOTE: 1 });

    const jo = await search(f, 'MEMBER', 'jo', { first: 2 });
    expect(jo.hits).toHaveLength(2);
    expect(jo.pageInfo.hasNextPage).toBe(true);
    const rest = await search(f, 'MEMBER', 'jo', { first: 10, after: jo.pageInfo.endCursor });
    expect(new Set([...jo.titles, ...rest.titles]).size).toBe(jo.total);
  });

  it('ranks a strong title or exact-key match first even when thousands of bodies mention the word', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    // Thousands of notes mention "webinar" in their bodies, written before the records that should win.
    await app.prisma.$executeRawUnsafe(
      `INSERT INTO "Note" (id, "workspaceId", body, "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, 'Call recap ' || i || E'\\n' || 'They joined the webinar and asked about pricing.', now() FROM generate_series(1, 3000) i`,
      f.workspaceId,
    );
    await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Webinar Works', ownerId: f.users.MEMBER.id } });
    await person(app, f, 'Wendy', 'Binar', { emails: ['webinar@events.io'] });

    const byWord = await search(f, 'MEMBER', 'webinar');
    expect(byWord.titles[0]).toBe('Webinar Works');
    expect(byWord.hits[0]).toMatchObject({ type: 'COMPANY', matchedField: 'TITLE' });
    // The contact's email in its details, then the notes' bodies.
    expect(byWord.hits[1]).toMatchObject({ title: 'Wendy Binar', matchedField: 'DETAILS' });
    expect(byWord.hits.slice(2).map((h) => [h.type, h.matchedField, h.title])).toEqual(byWord.hits.slice(2).map((h) => ['NOTE', 'BODY', h.title]));
    expect(byWord.countsCapped).toBe(true);
    expect(byWord.total).toBeGreaterThanOrEqual(1000);
    expect(byWord.counts).toMatchObject({ COMPANY: 1, CONTACT: 1 });
    expect((await search(f, 'MEMBER', 'webnar works')).titles[0]).toBe('Webinar Works');

    const byKey = await search(f, 'MEMBER', 'webinar@events.io');
    expect(byKey.titles[0]).toBe('Wendy Binar');
    expect(byKey.hits[0]!.matchedField).toBe('EMAIL');
  });

  it('bounds a one- or two-character query: counts stop at 200, and the best match still comes first', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await app.prisma.$executeRawUnsafe(
      `INSERT INTO "Contact" (id, "workspaceId", "firstName", "lastName", "sortName", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, 'Quentin', 'Quarry' || i, '', now() - interval '1 day' FROM generate_series(1, 250) i`,
      f.workspaceId,
    );
    await person(app, f, 'Qu', 'Ng');
    const short = await search(f, 'MEMBER', 'qu');
    expect(short.countsCapped).toBe(true); // a lower bound: the counted 200 and the ranked candidates
    expect(short.total).toBeGreaterThanOrEqual(200);
    expect(short.titles[0]).toBe('Qu Ng');
    const word = await search(f, 'MEMBER', 'quentin');
    expect(word).toMatchObject({ countsCapped: false, total: 250 });
  });

  it('counts visible matches up to 1,000, finds what a member may see past the ones they may not, and says when counting stopped', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const secret = await person(app, f, 'Secret', 'Keeper', { private: true, ownerId: f.users.OWNER.id });
    // 1,200 renewal notes on a contact the member cannot see, 30 on no contact at all.
    await app.prisma.$executeRawUnsafe(
      `INSERT INTO "Note" (id, "workspaceId", body, "contactId", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, 'Call ' || i || E'\\n' || 'Renewal is due', CASE WHEN i <= 1200 THEN $2::uuid END, now() FROM generate_series(1, 1230) i`,
      f.workspaceId,
      secret.id,
    );
    await person(app, f, 'Rene', 'Renewal');

    const admin = await search(f, 'ADMIN', 'renewal');
    expect(admin.countsCapped).toBe(true);
    expect(admin.total).toBeGreaterThanOrEqual(1000);
    expect(admin.total).toBeLessThan(1231);
    expect(admin.counts.NOTE).toBeGreaterThanOrEqual(999);
    expect(admin.titles[0]).toBe('Rene Renewal');

    // Visibility applies before counting: the member's count is exact and not capped.
    const member = await search(f, 'MEMBER', 'renewal', { first: 50 });
    expect(member.counts).toEqual({ CONTACT: 1, NOTE: 30 });
    expect(member.countsCapped).toBe(false);
    expect(member.total).toBe(31);
    expect(member.titles[0]).toBe('Rene Renewal');
    for (const hit of member.hits.slice(1)) expect(Number(hit.title.split(' ')[1])).toBeGreaterThan(1200);
    expect(member.hits).toHaveLength(31);
    const notesOnly = await search(f, 'MEMBER', 'renewal', { types: ['NOTE'], first: 50 });
    expect(notesOnly).toMatchObject({ countsCapped: false, total: 30 });
    expect(notesOnly.hits).toHaveLength(30);
  });

  it('refuses empty and oversized queries', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    expect(errorCodes(await f.clients.MEMBER.gql(SEARCH, { q: '  ' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await f.clients.MEMBER.gql(SEARCH, { q: 'x'.repeat(201) }))).toEqual(['BAD_USER_INPUT']);
    expect((await search(f, 'MEMBER', '?!')).total).toBe(0);
  });
});

describe('global search access', () => {
  it('never returns another workspace’s records, and refuses another workspace’s ID', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const elsewhere = await outsiderWorkspaceId(app, f);
    await app.prisma.contact.create({ data: { workspaceId: elsewhere, firstName: 'Outside', lastName: 'Person' } });
    await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Inside', lastName: 'Person' } });

    expect((await search(f, 'OWNER', 'person')).titles).toEqual(['Inside Person']);
    expect((await search(f, 'OUTSIDER', 'person')).titles).toEqual(['Outside Person']);
    const crossing = await f.clients.MEMBER.gql(`query($w: ID!) { search(query: "person", workspaceId: $w) { totalCount } }`, { w: f.otherWorkspaceGid });
    expect(errorCodes(crossing)).toEqual(['NOT_FOUND']);
  });

  it('hides records the viewer may not see, and what hangs off them, from results and counts', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const secret = await person(app, f, 'Secret', 'Keeper', { private: true, ownerId: f.users.OWNER.id, emails: ['secret@keeper.io'] });
    await person(app, f, 'Open', 'Keeper');
    await app.prisma.note.create({ data: { workspaceId: f.workspaceId, body: 'Keeper of the secret plans', contactId: secret.id } });
    const deal = await dealRow(app, f, { name: 'Keeper renewal', ownerId: f.users.OWNER.id, private: true });
    await app.prisma.comment.create({ data: { workspaceId: f.workspaceId, body: 'Keeper wants a discount', dealId: deal.id } });
    await app.prisma.communication.create({
      data: {
        workspaceId: f.workspaceId,
        kind: 'EMAIL',
        direction: 'INBOUND',
        subject: 'Hello',
        body: 'keeper confidential',
        bodyPrivate: true,
        occurredAt: new Date(),
        ownerId: f.users.OWNER.id,
      },
    });

    const member = await search(f, 'MEMBER', 'keeper');
    expect(member.titles).toEqual(['Open Keeper']);
    expect(member.counts).toEqual({ CONTACT: 1 });
    expect((await search(f, 'VIEWER', 'secret@keeper.io')).total).toBe(0);

    const admin = await search(f, 'ADMIN', 'keeper');
    expect(admin.counts).toEqual({ CONTACT: 2, NOTE: 1, DEAL: 1, COMMENT: 1 });

    // A share makes the contact and its note appear for the member, the deal stays hidden.
    await app.prisma.recordShare.create({ data: { workspaceId: f.workspaceId, contactId: secret.id, userId: f.users.MEMBER.id } });
    const shared = await search(f, 'MEMBER', 'keeper');
    expect(shared.counts).toEqual({ CONTACT: 2, NOTE: 1 });
    expect(shared.hits.find((h) => h.title === 'Secret Keeper')!.record).toMatchObject({ __typename: 'Contact', id: globalId('Contact', secret.id) });

    // The OWN_AND_SHARED policy hides workspace-visible records the member neither owns nor was given.
    await app.prisma.workspace.update({ where: { id: f.workspaceId }, data: { recordPolicy: 'OWN_AND_SHARED' } });
    expect((await search(f, 'VIEWER', 'keeper')).total).toBe(0);
  });

  it('follows a record’s visibility and owner as they change (the document carries both)', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const contact = await person(app, f, 'Mutable', 'Person', { ownerId: f.users.OWNER.id });
    const id = globalId('Contact', contact.id);
    expect((await search(f, 'MEMBER', 'mutable')).titles).toEqual(['Mutable Person']);
    await f.clients.OWNER.ok(`mutation($id: ID!) { updateContact(id: $id, input: { visibility: PRIVATE }) { id } }`, { id });
    expect((await search(f, 'MEMBER', 'mutable')).total).toBe(0);
    await app.prisma.contact.update({ where: { id: contact.id }, data: { ownerId: f.users.MEMBER.id } });
    expect((await search(f, 'MEMBER', 'mutable')).titles).toEqual(['Mutable Person']);
    // The owner leaves the workspace's users: the owner column empties (ON DELETE SET NULL) and so does the document's.
    await app.prisma.user.delete({ where: { id: f.users.MEMBER.id } });
    expect(await app.prisma.searchDocument.findUniqueOrThrow({ where: { id: contact.id }, select: { visibility: true, ownerId: true } })).toEqual({
      visibility: 'PRIVATE',
      ownerId: null,
    });
    expect((await search(f, 'VIEWER', 'mutable')).total).toBe(0);
  });

  it('drops soft-deleted and erased records and reflects edits at once', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const contact = await person(app, f, 'Grace', 'Hopper', { phones: ['+442079460958'] });
    expect((await search(f, 'MEMBER', 'grace')).titles).toEqual(['Grace Hopper']);

    const renamed = await f.clients.MEMBER.ok(`mutation($id: ID!) { updateContact(id: $id, input: { firstName: "Amazing" }) { name } }`, {
      id: globalId('Contact', contact.id),
    });
    expect(renamed.updateContact.name).toBe('Amazing Hopper');
    expect((await search(f, 'MEMBER', 'grace')).total).toBe(0);
    expect((await search(f, 'MEMBER', 'amazing hop')).titles).toEqual(['Amazing Hopper']);
    expect((await search(f, 'MEMBER', '020 7946 0958')).titles).toEqual(['Amazing Hopper']);
    await app.prisma.contactPhone.deleteMany({ where: { contactId: contact.id } });
    expect((await search(f, 'MEMBER', '020 7946 0958')).total).toBe(0);

    await f.clients.MEMBER.ok(`mutation($id: ID!) { deleteContact(id: $id) { deletedAt } }`, { id: globalId('Contact', contact.id) });
    expect((await search(f, 'MEMBER', 'amazing')).total).toBe(0);
    await f.clients.MEMBER.ok(`mutation($id: ID!) { restoreContact(id: $id) { deletedAt } }`, { id: globalId('Contact', contact.id) });
    expect((await search(f, 'MEMBER', 'amazing')).total).toBe(1);

    await app.prisma.contact.delete({ where: { id: contact.id } });
    expect((await search(f, 'ADMIN', 'amazing')).total).toBe(0);
    expect(await app.prisma.searchDocument.count({ where: { id: contact.id } })).toBe(0);
  });
});
