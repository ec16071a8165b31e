// The public endpoint, through the real node HTTP server and without any cookie.
import { afterEach, describe, expect, it } from 'vitest';
import { createKithServer, type KithServer } from '../../http/server.js';
import { globalId, rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';

const getApp = useTestApp();
let running: KithServer | null = null;
let base = '';

async function serverBase() {
  if (!running) {
    running = createKithServer(getApp().services);
    base = `http://127.0.0.1:${await running.listen(0, '127.0.0.1')}`;
  }
  return base;
}

afterEach(async () => {
  await running?.close();
  running = null;
});

const FIELDS = [
  { key: 'email', label: 'Work email', type: 'EMAIL', required: true, mapsTo: 'EMAIL' },
  { key: 'first_name', label: 'First name', type: 'TEXT', required: true, mapsTo: 'FIRST_NAME' },
  { key: 'last_name', label: 'Last name', type: 'TEXT', mapsTo: 'LAST_NAME' },
  { key: 'phone', label: 'Phone', type: 'PHONE', mapsTo: 'PHONE' },
  { key: 'company', label: 'Company', type: 'TEXT', mapsTo: 'COMPANY_NAME' },
  { key: 'role', label: 'Role', type: 'SELECT', options: ['Engineer', 'Founder'], mapsTo: 'JOB_TITLE' },
  { key: 'message', label: 'How can we help?', type: 'TEXTAREA', mapsTo: 'NOTE' },
  { key: 'newsletter', label: 'Send me news', type: 'CHECKBOX', mapsTo: 'CUSTOM', customKey: 'newsletter' },
];

const CREATE = `mutation($input: CreateFormInput!) { createForm(input: $input) { id publicKey } }`;

interface Setup {
  f: RolesFixture;
  form: { id: string; publicKey: string };
  base: string;
  endpoint: string;
}

async function setup(options: { fixture?: RolesFixture; fields?: unknown[] } = {}): Promise<Setup> {
  const app = getApp();
  const f = options.fixture ?? (await rolesFixture(app));
  const { createForm: form } = await f.clients.MEMBER.ok(CREATE, { input: { name: 'Contact us', fields: options.fields ?? FIELDS } });
  const base = await serverBase();
  return { f, form, base, endpoint: `${base}/forms/${form.publicKey}` };
}

const postJson = (endpoint: string, body: unknown) =>
  fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const postForm = (endpoint: string, fields: Record<string, string>) => fetch(endpoint, { method: 'POST', body: new URLSearchParams(fields) });

async function counts() {
  const prisma = getApp().prisma;
  const [contacts, submissions, companies, notes] = await Promise.all([
    prisma.contact.count(),
    prisma.formSubmission.count(),
    prisma.company.count(),
    prisma.note.count(),
  ]);
  return { contacts, submissions, companies, notes };
}

const ADA = {
  email: 'Ada@Example.com',
  first_name: 'Ada',
  phone: '+1 (415) 555-0132',
  role: 'Founder',
  message: 'We need a CRM.',
  newsletter: true,
};

describe('public form endpoint', () => {
  it('describes the form for rendering (labels, types, required, options only), CORS-friendly', async () => {
    const { endpoint } = await setup();
    const response = await fetch(endpoint);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = await response.json();
    expect(body).toEqual({
      fields: [
        { key: 'email', label: 'Work email', type: 'EMAIL', required: true },
        { key: 'first_name', label: 'First name', type: 'TEXT', required: true },
        { key: 'last_name', label: 'Last name', type: 'TEXT', required: false },
        { key: 'phone', label: 'Phone', type: 'PHONE', required: false },
        { key: 'company', label: 'Company', type: 'TEXT', required: false },
        { key: 'role', label: 'Role', type: 'SELECT', required: false, options: ['Engineer', 'Founder'] },
        { key: 'message', label: 'How can we help?', type: 'TEXTAREA', required: false },
        { key: 'newsletter', label: 'Send me news', type: 'CHECKBOX', required: false },
      ],
    });

    const preflight = await fetch(endpoint, { method: 'OPTIONS', headers: { origin: 'https://acme.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
  });

  it('creates a lead contact and a submission from a JSON post with no cookie at all', async () => {
    const app = getApp();
    const { f, form, endpoint } = await setup();
    const response = await postJson(endpoint, ADA);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBe('*');

    const contact = await app.prisma.contact.findFirstOrThrow({ include: { emails: true, phones: true, notes: true } });
    expect(contact).toMatchObject({
      workspaceId: f.workspaceId,
      firstName: 'Ada',
      lastName: '',
      jobTitle: 'Founder',
      companyId: null,
      source: 'form:Contact us',
      lifecycleStage: 'LEAD',
      visibility: 'WORKSPACE',
      ownerId: f.users.MEMBER.id,
      createdById: null,
      customFields: { newsletter: true },
    });
    expect(contact.emails).toMatchObject([{ email: 'ada@example.com', isPrimary: true, workspaceId: f.workspaceId }]);
    expect(contact.phones).toMatchObject([{ e164: '+14155550132', isPrimary: true }]);
    expect(contact.notes).toHaveLength(1);
    expect(contact.notes[0]!.body).toContain('We need a CRM.');

    const submission = await app.prisma.formSubmission.findFirstOrThrow();
    expect(submission).toMatchObject({ contactId: contact.id, workspaceId: f.workspaceId });
    expect(submission.data).toEqual({
      email: 'ada@example.com',
      first_name: 'Ada',
      phone: '+14155550132',
      role: 'Founder',
      message: 'We need a CRM.',
      newsletter: true,
    });

    const read = await f.clients.VIEWER.ok(`query($id: ID!) { form(id: $id) { submissions { totalCount edges { node { data contact { id } } } } } }`, {
      id: form.id,
    });
    expect(read.form.submissions.totalCount).toBe(1);
    expect(read.form.submissions.edges[0].node).toMatchObject({ data: { email: 'ada@example.com' }, contact: { id: globalId('Contact', contact.id) } });
  });

  it('updates the same contact on a second submission (email in another case) without overwriting filled fields', async () => {
    const app = getApp();
    const { f, endpoint } = await setup();
    const globex = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Globex Corp' } });
    await postJson(endpoint, { email: 'ada@example.com', first_name: 'Ada', role: 'Founder' });

    const second = await postForm(endpoint, {
      email: 'ADA@EXAMPLE.COM',
      first_name: 'Augusta',
      last_name: 'Lovelace',
      role: 'Engineer',
      company: 'GLOBEX CORP',
      phone: '+44 20 7946 0958',
      newsletter: 'on',
    });
    expect(second.status).toBe(200);

    const contacts = await app.prisma.contact.findMany({ include: { phones: true } });
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      jobTitle: 'Founder',
      companyId: globex.id,
      customFields: { newsletter: true },
    });
    expect(contacts[0]!.phones.map((p) => p.e164)).toEqual(['+442079460958']);
    expect(await counts()).toMatchObject({ contacts: 1, submissions: 2, companies: 1 });
    const submissions = await app.prisma.formSubmission.findMany({ orderBy: { createdAt: 'asc' } });
    expect(submissions.map((s) => s.contactId)).toEqual([contacts[0]!.id, contacts[0]!.id]);
    expect(submissions[1]!.data).toMatchObject({ email: 'ada@example.com', first_name: 'Augusta', newsletter: true });
  });

  it('reads a phone number without +code in the workspace’s default country, and refuses it without one', async () => {
    const { f, endpoint } = await setup();
    const national = { ...ADA, phone: '(415) 555-0132' };
    const refused = await postJson(endpoint, national);
    expect(refused.status).toBe(400);
    expect(await counts()).toMatchObject({ contacts: 0, submissions: 0 });
    await getApp().prisma.workspace.update({ where: { id: f.workspaceId }, data: { defaultPhoneCountry: 'US' } });
    expect((await postJson(endpoint, national)).status).toBe(200);
    expect((await getApp().prisma.contactPhone.findFirstOrThrow()).e164).toBe('+14155550132');
  });

  it('creates the company when no live one has that name, owned like the contact', async () => {
    const app = getApp();
    const { f, endpoint } = await setup();
    await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Initech', deletedAt: new Date() } });
    expect((await postJson(endpoint, { email: 'peter@initech.com', first_name: 'Peter', company: 'Initech' })).status).toBe(200);
    const contact = await app.prisma.contact.findFirstOrThrow({ include: { company: true } });
    expect(contact.company).toMatchObject({ name: 'Initech', deletedAt: null, ownerId: f.users.MEMBER.id, createdById: null });
    expect(await app.prisma.company.count()).toBe(2);
  });

  it('matches emails and company names literally: _ and % are not wildcards', async () => {
    const app = getApp();
    const { f, endpoint } = await setup();
    const abc = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'ABC' } });
    const jo = await app.prisma.contact.create({
      data: { workspaceId: f.workspaceId, firstName: 'Jo', emails: { create: [{ workspaceId: f.workspaceId, email: 'joxdoe@x.io' }] } },
    });
    expect((await postJson(endpoint, { email: 'JO_DOE@x.io', first_name: 'Other', company: 'A_C' })).status).toBe(200);
    expect((await postJson(endpoint, { email: 'jo_doe@x.io', first_name: 'Again', company: 'a_c' })).status).toBe(200);
    expect((await postJson(endpoint, { email: 'pct@x.io', first_name: 'Pct', company: 'A%' })).status).toBe(200);

    const created = await app.prisma.contact.findMany({
      where: { id: { not: jo.id } },
      include: { emails: true, company: true },
      orderBy: { createdAt: 'asc' },
    });
    expect(created.map((c) => [c.firstName, c.emails[0]!.email, c.company!.name])).toEqual([
      ['Other', 'jo_doe@x.io', 'A_C'],
      ['Pct', 'pct@x.io', 'A%'],
    ]);
    expect(created.every((c) => c.companyId !== abc.id)).toBe(true);
    expect(await app.prisma.contact.findUniqueOrThrow({ where: { id: jo.id } })).toMatchObject({ firstName: 'Jo', companyId: null });
    expect(await app.prisma.formSubmission.count({ where: { contactId: created[0]!.id } })).toBe(2);
  });

  it('answers a filled honeypot with 200 as if accepted, and stores nothing', async () => {
    const { endpoint } = await setup();
    const response = await postJson(endpoint, { ...ADA, website_url: 'http://spam.example' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    const encoded = await postForm(endpoint, { email: 'bot@spam.example', first_name: 'Bot', website_url: 'x' });
    expect(encoded.status).toBe(200);
    expect(await counts()).toEqual({ contacts: 0, submissions: 0, companies: 0, notes: 0 });
  });

  it('refuses invalid answers with 400 and every field error, and writes nothing', async () => {
    const { endpoint } = await setup();
    const response = await postJson(endpoint, {
      email: 'not-an-email',
      phone: '12345',
      role: 'Astronaut',
      newsletter: 'maybe',
      last_name: 'x'.repeat(201),
      favourite_colour: 'blue',
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.code).toBe('BAD_USER_INPUT');
    const byField = Object.fromEntries(body.fieldErrors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(Object.keys(byField).sort()).toEqual(['email', 'favourite_colour', 'first_name', 'last_name', 'newsletter', 'phone', 'role']);
    expect(byField.email).toMatch(/valid email/);
    expect(byField.phone).toMatch(/valid phone/);
    expect(byField.first_name).toMatch(/required/);
    expect(byField.role).toMatch(/options/);
    expect(byField.favourite_colour).toMatch(/no such field/);

    const repeated = await fetch(endpoint, {
      method: 'POST',
      body: new URLSearchParams([
        ['email', 'a@b.co'],
        ['email', 'c@d.co'],
        ['first_name', 'A'],
      ]),
    });
    expect(repeated.status).toBe(400);
    expect((await repeated.json()).fieldErrors).toEqual([{ field: 'email', message: 'Send a single value.' }]);
    expect(await counts()).toEqual({ contacts: 0, submissions: 0, companies: 0, notes: 0 });
  });

  it('refuses malformed bodies, unsupported content types and bodies over 64 KiB', async () => {
    const { endpoint } = await setup();
    const malformed = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email": ' });
    expect(malformed.status).toBe(400);
    expect((await postJson(endpoint, ['ada@example.com'])).status).toBe(400);
    const xml = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<email/>' });
    expect(xml.status).toBe(415);
    const huge = await postJson(endpoint, { ...ADA, message: 'x'.repeat(65 * 1024) });
    expect(huge.status).toBe(413);
    expect((await huge.json()).code).toBe('PAYLOAD_TOO_LARGE');
    // Without a Content-Length (chunked), the limit applies while reading.
    const bytes = new TextEncoder().encode(JSON.stringify({ ...ADA, message: 'x'.repeat(65 * 1024) }));
    const stream = new ReadableStream({ start: (controller) => (controller.enqueue(bytes), controller.close()) });
    const chunked = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await counts()).toMatchObject({ contacts: 0, submissions: 0 });
  });

  it('accepts multipart form data too', async () => {
    const { endpoint } = await setup();
    const data = new FormData();
    data.set('email', 'grace@example.com');
    data.set('first_name', 'Grace');
    expect((await fetch(endpoint, { method: 'POST', body: data })).status).toBe(200);
    expect(await getApp().prisma.contactEmail.count({ where: { email: 'grace@example.com' } })).toBe(1);
  });

  it('answers 404 for unknown keys, inactive, deleted and re-keyed forms', async () => {
    const app = getApp();
    const { f, form, base, endpoint } = await setup();
    const unknown = `${base}/forms/${'A'.repeat(32)}`;
    expect((await fetch(unknown)).status).toBe(404);
    expect((await postJson(unknown, ADA)).status).toBe(404);
    expect((await fetch(`${base}/forms/short`)).status).toBe(404);

    await f.clients.MEMBER.ok(`mutation($id: ID!) { updateForm(id: $id, input: { isActive: false }) { id } }`, { id: form.id });
    expect((await fetch(endpoint)).status).toBe(404);
    const inactive = await postJson(endpoint, ADA);
    expect(inactive.status).toBe(404);
    expect(await inactive.json()).toEqual({ code: 'NOT_FOUND', message: 'Form not found.' });

    await f.clients.MEMBER.ok(`mutation($id: ID!) { updateForm(id: $id, input: { isActive: true }) { id } }`, { id: form.id });
    const { regenerateFormKey } = await f.clients.MEMBER.ok(`mutation($id: ID!) { regenerateFormKey(id: $id) { publicKey } }`, { id: form.id });
    expect((await postJson(endpoint, ADA)).status).toBe(404);
    expect((await fetch(`${base}/forms/${regenerateFormKey.publicKey}`)).status).toBe(200);

    await f.clients.MEMBER.ok(`mutation($id: ID!) { deleteForm(id: $id) { id } }`, { id: form.id });
    expect((await postJson(`${base}/forms/${regenerateFormKey.publicKey}`, ADA)).status).toBe(404);
    expect(await counts()).toMatchObject({ contacts: 0, submissions: 0 });
    expect(await app.prisma.form.count()).toBe(1);
  });

  it('limits submissions per address and form with 429 and Retry-After', async () => {
    const { endpoint } = await setup();
    for (let i = 0; i < 10; i += 1) {
      expect((await postJson(endpoint, { email: `lead${i}@example.com`, first_name: 'Lead' })).status).toBe(200);
    }
    const limited = await postJson(endpoint, { email: 'one.more@example.com', first_name: 'Lead' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('access-control-allow-origin')).toBe('*');
    expect((await limited.json()).code).toBe('RATE_LIMITED');
    expect(await counts()).toMatchObject({ contacts: 10, submissions: 10 });
  });

  it('limits each form to its hourly budget, whatever the address', async () => {
    const app = getApp();
    const { endpoint } = await setup();
    const form = await app.prisma.form.findFirstOrThrow();
    for (let i = 0; i < 1000; i += 1) await app.services.actionLimits.consume('formSubmissionPerForm', form.id);
    const limited = await postJson(endpoint, { email: 'late@example.com', first_name: 'Late' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(await counts()).toMatchObject({ contacts: 0, submissions: 0 });
  });

  it("never touches another workspace's contact with the same email", async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const otherWorkspaceId = (await app.prisma.membership.findFirstOrThrow({ where: { userId: f.users.OUTSIDER.id } })).workspaceId;
    const theirs = await app.prisma.contact.create({
      data: {
        workspaceId: otherWorkspaceId,
        firstName: 'Other',
        emails: { create: [{ workspaceId: otherWorkspaceId, email: 'ada@example.com', isPrimary: true }] },
      },
    });
    const { endpoint } = await setup({ fixture: f });
    expect((await postJson(endpoint, { ...ADA, last_name: 'Lovelace' })).status).toBe(200);

    const after = await app.prisma.contact.findUniqueOrThrow({ where: { id: theirs.id }, include: { formSubmissions: true, notes: true, phones: true } });
    expect(after).toMatchObject({ firstName: 'Other', lastName: '', jobTitle: null, updatedAt: theirs.updatedAt, formSubmissions: [], notes: [], phones: [] });
    const ours = await app.prisma.contact.findFirstOrThrow({ where: { workspaceId: f.workspaceId } });
    expect(ours).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace' });
    expect(await app.prisma.contact.count({ where: { workspaceId: otherWorkspaceId } })).toBe(1);
    expect(await app.prisma.formSubmission.findFirstOrThrow()).toMatchObject({ workspaceId: f.workspaceId, contactId: ours.id });
  });

  it('leaves new contacts unowned once the form creator has left the workspace', async () => {
    const app = getApp();
    const { f, endpoint } = await setup();
    await app.prisma.membership.delete({ where: { id: f.users.MEMBER.membershipId } });
    expect((await postJson(endpoint, { email: 'lin@example.com', first_name: 'Lin' })).status).toBe(200);
    expect(await app.prisma.contact.findFirstOrThrow()).toMatchObject({ ownerId: null, createdById: null });
  });
});
