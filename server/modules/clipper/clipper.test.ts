import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp, type TestApp } from '../../test/test-app.js';
import { dealRow, outsiderWorkspaceId } from '../../test/record-fixtures.js';

const getApp = useTestApp();

const LOOKUP = `query($url: String!, $emails: [String!], $name: String, $companyName: String) {
  clipperLookup(url: $url, emails: $emails, name: $name, companyName: $companyName) {
    site url matchedBy lastActivityAt
    contact { id name headline owner { name } tags { name } company { name } clipSources { site url clippedBy { name } fieldsWritten } }
    openDeals { name }
    suggestions { id name }
  }
}`;
const CLIP = `mutation($profile: ClipProfileInput!, $contactId: ID, $overwrite: [ClipField!], $dryRun: Boolean, $note: String, $tagIds: [ID!], $ownerId: ID, $dealId: ID) {
  clipProfile(profile: $profile, contactId: $contactId, overwrite: $overwrite, dryRun: $dryRun, note: $note, tagIds: $tagIds, ownerId: $ownerId, dealId: $dealId) {
    created dryRun matchedBy
    changes { field status before after }
    contact { id name firstName lastName headline jobTitle location skills customFields { field { key } ... on CustomTextValue { text } ... on CustomNumberValue { number } } primaryEmail emails { email } phones { e164 } profiles { url } company { name } owner { name } tags { name } source }
    clip { site url fieldsWritten clippedBy { name } }
  }
}`;

const ADA = {
  url: 'https://de.linkedin.com/in/Ada-Lovelace/?trk=public_profile_browsemap&originalSubdomain=uk',
  firstName: 'Ada',
  lastName: 'Lovelace',
  headline: 'Analyst of engines',
  jobTitle: 'Analyst',
  location: 'London, England',
  companyName: 'Analytical Engines Ltd',
  companyDomain: 'engines.example',
  skills: ['Mathematics', 'Poetry'],
  emails: ['ada@engines.example'],
  experience: ['Analyst · Analytical Engines Ltd · 1842 – present', 'Translator · Taylor’s Scientific Memoirs · 1842'],
};

const statusOf = (changes: Array<{ field: string; status: string }>) => Object.fromEntries(changes.map((c) => [c.field, c.status]));

async function clipAs(f: RolesFixture, actor: keyof RolesFixture['clients'], variables: Record<string, unknown>) {
  return (await f.clients[actor].ok(CLIP, variables)).clipProfile;
}

/** The same LinkedIn profile saved in the outsider's workspace, which Acme must never see. */
async function elsewhereCopy(app: TestApp, f: RolesFixture) {
  const workspaceId = await outsiderWorkspaceId(app, f);
  return app.prisma.contact.create({
    data: {
      workspaceId,
      firstName: 'Ada',
      lastName: 'Lovelace',
      ownerId: f.users.OUTSIDER.id,
      emails: { create: [{ workspaceId, email: 'ada@engines.example', isPrimary: true }] },
      profiles: { create: [{ workspaceId, network: 'LINKEDIN', url: 'https://www.linkedin.com/in/ada-lovelace/', normalizedKey: 'linkedin:in/ada-lovelace' }] },
      clipSources: { create: [{ workspaceId, site: 'LINKEDIN', url: 'https://www.linkedin.com/in/ada-lovelace/', fieldsWritten: ['FIRST_NAME'] }] },
    },
  });
}

describe('clipper: already in Kith?', () => {
  it('finds nothing, then after a save finds the contact by any form of its URL, with owner, tags, deals and last activity', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const elsewhere = await elsewhereCopy(app, f);

    const before = (await f.clients.VIEWER_KEY.ok(LOOKUP, { url: ADA.url, emails: ADA.emails, name: 'Ada Lovelace' })).clipperLookup;
    expect(before).toMatchObject({
      site: 'LINKEDIN',
      url: 'https://www.linkedin.com/in/ada-lovelace/',
      matchedBy: null,
      contact: null,
      suggestions: [],
      openDeals: [],
    });

    const saved = await clipAs(f, 'MEMBER_KEY', { profile: ADA });
    expect(saved.created).toBe(true);
    expect(Object.values(statusOf(saved.changes)).every((s) => s === 'CREATED')).toBe(true);
    expect(saved.contact).toMatchObject({
      name: 'Ada Lovelace',
      headline: 'Analyst of engines',
      jobTitle: 'Analyst',
      location: 'London, England',
      skills: ['Mathematics', 'Poetry'],
      primaryEmail: 'ada@engines.example',
      profiles: [{ url: 'https://www.linkedin.com/in/ada-lovelace/' }],
      company: { name: 'Analytical Engines Ltd' },
      owner: { name: 'Member Person' },
      source: 'clipper:linkedin',
      customFields: [
        { field: { key: 'experience' }, text: 'Analyst · Analytical Engines Ltd · 1842 – present\nTranslator · Taylor’s Scientific Memoirs · 1842' },
      ],
    });
    expect(saved.clip).toMatchObject({ site: 'LINKEDIN', url: 'https://www.linkedin.com/in/ada-lovelace/', clippedBy: { name: 'Member Person' } });
    expect(saved.clip.fieldsWritten).toEqual(expect.arrayContaining(['FIRST_NAME', 'HEADLINE', 'COMPANY', 'EMAILS', 'EXPERIENCE', 'PROFILE_URL']));
    expect(await app.prisma.company.findFirstOrThrow({ where: { workspaceId: f.workspaceId } })).toMatchObject({
      name: 'Analytical Engines Ltd',
      domain: 'engines.example',
    });

    const contactId = saved.contact.id;
    const { id: dealId } = await dealRow(app, f, { name: 'Engine retrofit' });
    const rowId = (await app.prisma.contact.findFirstOrThrow({ where: { workspaceId: f.workspaceId } })).id;
    await app.prisma.dealContact.create({ data: { dealId, contactId: rowId } });
    const lost = await dealRow(app, f, { name: 'Lost deal' });
    await app.prisma.deal.update({ where: { id: lost.id }, data: { status: 'LOST' } });
    await app.prisma.dealContact.create({ data: { dealId: lost.id, contactId: rowId } });
    const tag = await app.prisma.tag.create({ data: { workspaceId: f.workspaceId, name: 'speaker' } });
    await app.prisma.contact.update({ where: { id: rowId }, data: { tags: { connect: [{ id: tag.id }] } } });
    const noteAt = new Date('2026-03-01T10:00:00Z');
    await app.prisma.note.create({ data: { workspaceId: f.workspaceId, contactId: rowId, body: 'Met at the salon', createdAt: noteAt } });

    for (const url of [
      'linkedin.com/in/ada-lovelace',
      'https://www.linkedin.com/in/ADA-LOVELACE/details/experience/',
      'https://fr.linkedin.com/in/ada-lovelace?locale=fr_FR',
    ]) {
      const found = (await f.clients.VIEWER.ok(LOOKUP, { url })).clipperLookup;
      expect(found).toMatchObject({
        matchedBy: 'PROFILE_URL',
        contact: {
          id: contactId,
          owner: { name: 'Member Person' },
          tags: [{ name: 'speaker' }],
          clipSources: [{ site: 'LINKEDIN', clippedBy: { name: 'Member Person' } }],
        },
        openDeals: [{ name: 'Engine retrofit' }],
        lastActivityAt: noteAt.toISOString(),
      });
    }
    // Acme's copy is found by Acme; the outsider finds only their own, never Acme's.
    const outsiders = (await f.clients.OUTSIDER.ok(LOOKUP, { url: ADA.url })).clipperLookup;
    expect(outsiders.contact.id).toBe(globalId('Contact', elsewhere.id));
    expect(outsiders.openDeals).toEqual([]);
    expect(outsiders.contact.clipSources).toHaveLength(1);
  });

  it('matches by email when the URL is new, and only suggests a same-name contact without matching it', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await elsewhereCopy(app, f);
    const company = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Globex' } });
    const grace = await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Grace', lastName: 'Hopper', companyId: company.id } });
    await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Grace', lastName: 'Hopper' } });

    const byEmail = (await f.clients.MEMBER.ok(LOOKUP, { url: 'https://www.upwork.com/freelancers/~01abc', emails: ['ADA@engines.example'] })).clipperLookup;
    expect(byEmail).toMatchObject({ site: 'UPWORK', url: 'https://www.upwork.com/freelancers/~01abc', contact: null, matchedBy: null });

    await app.prisma.contact.create({
      data: {
        workspaceId: f.workspaceId,
        firstName: 'Ada',
        emails: { create: [{ workspaceId: f.workspaceId, email: 'ada@engines.example', isPrimary: true }] },
      },
    });
    const found = (await f.clients.MEMBER.ok(LOOKUP, { url: 'https://www.upwork.com/freelancers/~01abc', emails: ['ADA@engines.example'] })).clipperLookup;
    expect(found).toMatchObject({ matchedBy: 'EMAIL', contact: { name: 'Ada' } });

    const suggested = (await f.clients.MEMBER.ok(LOOKUP, { url: 'https://djinni.co/q/5a1b2c3d/', name: 'grace hopper', companyName: 'GLOBEX' })).clipperLookup;
    expect(suggested).toMatchObject({
      site: 'DJINNI',
      contact: null,
      matchedBy: null,
      suggestions: [{ id: globalId('Contact', grace.id), name: 'Grace Hopper' }],
    });
    const anyCompany = (await f.clients.MEMBER.ok(LOOKUP, { url: 'https://djinni.co/q/5a1b2c3d/', name: 'Grace Hopper' })).clipperLookup;
    expect(anyCompany.suggestions).toHaveLength(2);
  });

  it('reads locale prefixes and Upwork name~id URLs as the canonical profile', async () => {
    const f = await rolesFixture(getApp());
    const canonical = async (url: string) => (await f.clients.VIEWER.ok(LOOKUP, { url })).clipperLookup.url;
    expect(await canonical('https://www.upwork.com/fr/freelancers/margareth~01ABC?mp_source=share')).toBe('https://www.upwork.com/freelancers/~01abc');
    expect(await canonical('https://www.upwork.com/o/profiles/users/_~01abc/')).toBe('https://www.upwork.com/freelancers/~01abc');
    expect(await canonical('https://djinni.co/uk/q/5A1B2C/?lang=uk')).toBe('https://djinni.co/q/5a1b2c/');
    expect(await canonical('https://de.linkedin.com/in/emmy-noether?locale=de_DE')).toBe('https://www.linkedin.com/in/emmy-noether/');
  });

  it('refuses URLs that are not LinkedIn, Upwork or Djinni profiles', async () => {
    const f = await rolesFixture(getApp());
    for (const url of ['https://www.linkedin.com/company/globex/', 'https://github.com/ada', 'https://djinni.co/jobs/123-engineer/', 'javascript:alert(1)']) {
      expect(errorCodes(await f.clients.MEMBER.gql(LOOKUP, { url }))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await f.clients.MEMBER.gql(CLIP, { profile: { url, firstName: 'X' } }))).toEqual(['BAD_USER_INPUT']);
    }
    expect(await getApp().prisma.contact.count()).toBe(0);
  });
});

describe('clipper: saving', () => {
  it('dry-runs an update as a field diff, then overwrites only the fields picked, adding emails and recording each clip', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const first = await clipAs(f, 'MEMBER', { profile: ADA });
    const changed = {
      ...ADA,
      headline: 'Enchantress of numbers',
      location: 'London, England',
      emails: ['countess@engines.example'],
      skills: ['Mathematics', 'Poetry', 'Music'],
    };

    const preview = await clipAs(f, 'MEMBER', { profile: changed, contactId: first.contact.id, dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, created: false, matchedBy: 'ID', clip: null });
    expect(statusOf(preview.changes)).toMatchObject({
      HEADLINE: 'KEPT',
      LOCATION: 'UNCHANGED',
      SKILLS: 'KEPT',
      EMAILS: 'UPDATED',
      FIRST_NAME: 'UNCHANGED',
      PROFILE_URL: 'UNCHANGED',
    });
    expect(preview.changes.find((c: { field: string }) => c.field === 'HEADLINE')).toEqual({
      field: 'HEADLINE',
      status: 'KEPT',
      before: 'Analyst of engines',
      after: 'Enchantress of numbers',
    });
    expect(await app.prisma.clipSource.count()).toBe(1);
    expect((await app.prisma.contact.findFirstOrThrow()).headline).toBe('Analyst of engines');

    const saved = await clipAs(f, 'MEMBER', { profile: changed, overwrite: ['HEADLINE'] });
    expect(saved).toMatchObject({ created: false, matchedBy: 'PROFILE_URL' });
    expect(statusOf(saved.changes)).toMatchObject({ HEADLINE: 'UPDATED', SKILLS: 'KEPT', EMAILS: 'UPDATED' });
    expect(saved.contact).toMatchObject({
      headline: 'Enchantress of numbers',
      skills: ['Mathematics', 'Poetry'],
      emails: [{ email: 'ada@engines.example' }, { email: 'countess@engines.example' }],
    });
    expect(saved.clip.fieldsWritten).toEqual(['HEADLINE', 'EMAILS']);
    expect(await app.prisma.clipSource.count({ where: { contactId: (await app.prisma.contact.findFirstOrThrow()).id } })).toBe(2);
    expect(await app.prisma.contact.count()).toBe(1);
    expect(await app.prisma.company.count()).toBe(1);
  });

  it('links an existing company by domain, adds a note, tags, an owner and a deal', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const company = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'AE', domain: 'engines.example' } });
    const tag = await app.prisma.tag.create({ data: { workspaceId: f.workspaceId, name: 'candidate' } });
    const deal = await dealRow(app, f, { name: 'Hiring' });
    const saved = await clipAs(f, 'MEMBER', {
      profile: ADA,
      note: 'Clipped while hiring',
      tagIds: [globalId('Tag', tag.id)],
      ownerId: globalId('User', f.users.ADMIN.id),
      dealId: deal.gid,
    });
    expect(saved.contact).toMatchObject({ company: { name: 'AE' }, owner: { name: 'Admin Person' }, tags: [{ name: 'candidate' }] });
    expect(await app.prisma.company.count()).toBe(1);
    const row = await app.prisma.contact.findFirstOrThrow({ where: { companyId: company.id } });
    expect(await app.prisma.note.findMany({ where: { contactId: row.id }, select: { body: true } })).toEqual([{ body: 'Clipped while hiring' }]);
    expect(await app.prisma.dealContact.count({ where: { dealId: deal.id, contactId: row.id } })).toBe(1);
  });

  it('writes nothing when any part is refused: a viewer, a bad phone, a taken email, a deal or contact in another workspace', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const elsewhere = await elsewhereCopy(app, f);
    const otherDeal = await dealRow(app, f, { workspaceId: await outsiderWorkspaceId(app, f), ownerId: f.users.OUTSIDER.id });
    await app.prisma.contact.create({
      data: {
        workspaceId: f.workspaceId,
        firstName: 'Taken',
        emails: { create: [{ workspaceId: f.workspaceId, email: 'taken@example.com', isPrimary: true }] },
      },
    });
    const other = await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Other' } });
    const counts = async () => [
      await app.prisma.contact.count(),
      await app.prisma.company.count(),
      await app.prisma.clipSource.count(),
      await app.prisma.note.count(),
    ];
    const initial = await counts();

    const viewer = await f.clients.VIEWER_KEY.gql(CLIP, { profile: ADA });
    expect(errorCodes(viewer)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await f.clients.MEMBER.gql(CLIP, { profile: { ...ADA, phones: ['call me maybe'] }, note: 'n' }))).toEqual(['BAD_USER_INPUT']);
    const taken = await f.clients.MEMBER.gql(CLIP, { profile: { ...ADA, emails: ['taken@example.com'] }, contactId: globalId('Contact', other.id), note: 'n' });
    expect(errorCodes(taken)).toEqual(['BAD_USER_INPUT']);
    expect(taken.errors?.[0]?.message).toMatch(/taken@example\.com already belongs/);
    expect(errorCodes(await f.clients.MEMBER.gql(CLIP, { profile: ADA, dealId: otherDeal.gid, note: 'n' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await f.clients.MEMBER.gql(CLIP, { profile: ADA, contactId: globalId('Contact', elsewhere.id) }))).toEqual(['NOT_FOUND']);
    expect(await counts()).toEqual(initial);
    expect((await app.prisma.contact.findUniqueOrThrow({ where: { id: elsewhere.id } })).headline).toBeNull();
  });

  it('puts the clip sources in the contact’s privacy export and removes them with its erasure', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const elsewhere = await elsewhereCopy(app, f);
    const saved = await clipAs(f, 'MEMBER', { profile: ADA });
    await clipAs(f, 'MEMBER', { profile: { ...ADA, url: 'https://www.upwork.com/freelancers/~01ada', hourlyRate: '$85.00/hr' }, contactId: saved.contact.id });

    const exported = (await f.clients.ADMIN.ok(`mutation($id: ID!) { exportContact(id: $id) }`, { id: saved.contact.id })).exportContact;
    expect(exported.contact.clipSources).toMatchObject([
      { site: 'LINKEDIN', url: 'https://www.linkedin.com/in/ada-lovelace/', clippedById: f.users.MEMBER.id },
      { site: 'UPWORK', url: 'https://www.upwork.com/freelancers/~01ada', fieldsWritten: ['PROFILE_URL', 'HOURLY_RATE'] },
    ]);

    await f.clients.ADMIN.ok(`mutation($id: ID!) { eraseContact(id: $id) { invalidatedExports } }`, { id: saved.contact.id });
    expect(await app.prisma.clipSource.count({ where: { workspaceId: f.workspaceId } })).toBe(0);
    expect(await app.prisma.clipSource.count({ where: { contactId: elsewhere.id } })).toBe(1);
  });

  it('moves clip sources to the survivor when contacts are merged', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const linkedin = await clipAs(f, 'MEMBER', { profile: ADA });
    const upwork = await clipAs(f, 'MEMBER', { profile: { url: 'https://www.upwork.com/freelancers/~01ada', firstName: 'Ada', lastName: 'L.' } });
    await f.clients.MEMBER.ok(`mutation($s: ID!, $d: [ID!]!) { mergeContacts(survivorId: $s, duplicateIds: $d) { id } }`, {
      s: linkedin.contact.id,
      d: [upwork.contact.id],
    });
    const found = (await f.clients.MEMBER.ok(LOOKUP, { url: 'https://www.upwork.com/freelancers/~01ada' })).clipperLookup;
    expect(found.contact.id).toBe(linkedin.contact.id);
    expect(found.contact.clipSources.map((c: { site: string }) => c.site).sort()).toEqual(['LINKEDIN', 'UPWORK']);
  });
});
