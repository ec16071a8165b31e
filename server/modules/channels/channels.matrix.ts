import { globalId, type RolesFixture } from '../../test/fixtures.js';
import { admins, as, byRole, gql, readers, writers, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';

// The role matrix runs without mail servers or CHANNELS_SECRET_KEYS: a caller who gets past the scopes
// reaches the service, which answers NOT_CONFIGURED. The services have their own tests with real servers.
async function templateIn(app: TestApp, f: RolesFixture) {
  const row = await app.prisma.emailTemplate.create({
    data: { workspaceId: f.workspaceId, name: 'Intro', subject: 'Hi', body: 'Hello {{contact.firstName}}' },
  });
  return globalId('EmailTemplate', row.id);
}

const withTemplate = (query: string) => async (app: TestApp, f: RolesFixture, actor: Parameters<MatrixCase['run']>[2]) =>
  as(f, actor).gql(query, { id: await templateIn(app, f) });

async function smtpAccountIn(app: TestApp, f: RolesFixture, userId: string | null) {
  await app.prisma.smtpAccount.create({
    data: { workspaceId: f.workspaceId, userId, host: 'smtp.acme.test', port: 587, username: 'u', passwordSealed: 'v1.k1.x.y.z', fromAddress: 'a@acme.test' },
  });
}

const SMTP_INPUT = `{ host: "smtp.invalid", port: 587, username: "u", password: "p", fromAddress: "a@acme.test" }`;

export const cases: MatrixCase[] = [
  { kind: 'query', field: 'workspaceSmtpAccount', run: gql(`{ workspaceSmtpAccount { host } }`), expect: admins() },
  { kind: 'query', field: 'mySmtpAccount', run: gql(`{ mySmtpAccount { host } }`), expect: writers() },
  { kind: 'query', field: 'emailTemplates', run: gql(`{ emailTemplates { name } }`), expect: readers() },
  {
    kind: 'query',
    field: 'emailTemplatePreview',
    run: gql(`{ emailTemplatePreview(subject: "Hi {{contact.firstName}}", body: "From {{sender.name}}") { subject body unknownFields mergeFields } }`),
    expect: readers(),
  },
  // Past the scopes, the matrix server has no CHANNELS_SECRET_KEYS: the service refuses with NOT_CONFIGURED.
  {
    kind: 'mutation',
    field: 'setWorkspaceSmtpAccount',
    run: gql(`mutation { setWorkspaceSmtpAccount(input: ${SMTP_INPUT}) { host } }`),
    expect: byRole('NOT_CONFIGURED', 'NOT_CONFIGURED', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'setMySmtpAccount',
    run: gql(`mutation { setMySmtpAccount(input: ${SMTP_INPUT}) { host } }`),
    expect: byRole('NOT_CONFIGURED', 'NOT_CONFIGURED', 'NOT_CONFIGURED', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'removeWorkspaceSmtpAccount',
    run: async (app, f, actor) => {
      await smtpAccountIn(app, f, null);
      return as(f, actor).gql(`mutation { removeWorkspaceSmtpAccount }`);
    },
    expect: admins(),
  },
  {
    kind: 'mutation',
    field: 'removeMySmtpAccount',
    run: async (app, f, actor) => {
      await smtpAccountIn(app, f, f.users[actor === 'ANONYMOUS' ? 'MEMBER' : actor].id);
      return as(f, actor).gql(`mutation { removeMySmtpAccount }`);
    },
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'createEmailTemplate',
    run: gql(`mutation { createEmailTemplate(input: { name: "Intro", body: "Hi" }) { name } }`),
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'updateEmailTemplate',
    run: withTemplate(`mutation($id: ID!) { updateEmailTemplate(id: $id, input: { name: "Renamed" }) { name } }`),
    expect: writers(),
  },
  { kind: 'mutation', field: 'deleteEmailTemplate', run: withTemplate(`mutation($id: ID!) { deleteEmailTemplate(id: $id) }`), expect: writers() },
  {
    kind: 'mutation',
    field: 'sendEmail',
    run: gql(`mutation { sendEmail(input: { to: ["ada@example.com"], body: "Hi" }) { id } }`),
    expect: byRole('NOT_CONFIGURED', 'NOT_CONFIGURED', 'NOT_CONFIGURED', 'FORBIDDEN'),
  },
];

cases.push(
  // The matrix server receives no mail: the addresses read as null and rotation is NOT_CONFIGURED.
  { kind: 'query', field: 'inboundMail', run: gql(`{ inboundMail { enabled workspaceAddress myAddress createUnknownContacts } }`), expect: writers() },
  {
    kind: 'mutation',
    field: 'rotateInboundAddress',
    run: gql(`mutation { rotateInboundAddress(personal: true) { myAddress } }`),
    expect: byRole('NOT_CONFIGURED', 'NOT_CONFIGURED', 'NOT_CONFIGURED', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'rotateInboundAddress',
    run: gql(`mutation { rotateInboundAddress(personal: false) { workspaceAddress } }`),
    expect: byRole('NOT_CONFIGURED', 'NOT_CONFIGURED', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'setCreateUnknownContacts',
    run: gql(`mutation { setCreateUnknownContacts(enabled: true) { createUnknownContacts } }`),
    expect: admins(),
  },
);

async function mailboxOf(app: TestApp, f: RolesFixture, actor: Parameters<MatrixCase['run']>[2]) {
  // Each actor acts on a mailbox of its own (the member's for anonymous and outsiders, who must not reach it).
  const owner = actor === 'ANONYMOUS' || actor === 'OUTSIDER' ? f.users.MEMBER : f.users[actor];
  const row = await app.prisma.mailbox.create({
    data: {
      workspaceId: f.workspaceId,
      userId: owner.id,
      host: 'imap.acme.test',
      port: 993,
      username: owner.email,
      passwordSealed: 'v1.k1.x.y.z',
      syncSince: new Date(),
    },
  });
  return globalId('Mailbox', row.id);
}

const onMailbox = (query: string) => async (app: TestApp, f: RolesFixture, actor: Parameters<MatrixCase['run']>[2]) =>
  as(f, actor).gql(query, { id: await mailboxOf(app, f, actor) });

// Mailboxes are personal: a session's own, never an API key's (keys get FORBIDDEN).
cases.push(
  { kind: 'query', field: 'myMailboxes', run: gql(`{ myMailboxes { host status } }`), expect: writers(), keys: 'FORBIDDEN' },
  {
    kind: 'mutation',
    field: 'connectMailbox',
    run: gql(`mutation { connectMailbox(input: { host: "imap.invalid", port: 993, username: "u", password: "p" }) { id } }`),
    expect: byRole('NOT_CONFIGURED', 'NOT_CONFIGURED', 'NOT_CONFIGURED', 'FORBIDDEN'),
    keys: 'FORBIDDEN',
  },
  {
    kind: 'mutation',
    field: 'startMailboxOAuth',
    run: gql(`mutation { startMailboxOAuth(input: { provider: GOOGLE }) }`),
    expect: byRole('NOT_CONFIGURED', 'NOT_CONFIGURED', 'NOT_CONFIGURED', 'FORBIDDEN'),
    keys: 'FORBIDDEN',
  },
  {
    kind: 'mutation',
    field: 'updateMailbox',
    run: onMailbox(`mutation($id: ID!) { updateMailbox(id: $id, input: { privacy: FULL }) { privacy } }`),
    expect: writers(),
    keys: 'FORBIDDEN',
  },
  {
    kind: 'mutation',
    field: 'disconnectMailbox',
    run: onMailbox(`mutation($id: ID!) { disconnectMailbox(id: $id, deleteImported: true) }`),
    expect: writers(),
    keys: 'FORBIDDEN',
  },
);

// The matrix server has no Twilio: past the scopes, sending and calling answer NOT_CONFIGURED.
cases.push(
  { kind: 'query', field: 'phoneChannel', run: gql(`{ phoneChannel { enabled number } }`), expect: readers() },
  { kind: 'mutation', field: 'setTwilioNumber', run: gql(`mutation { setTwilioNumber(number: "+14155550100") { enabled } }`), expect: admins() },
  {
    kind: 'mutation',
    field: 'sendSms',
    run: gql(`mutation { sendSms(input: { to: "+14155550132", body: "Hi" }) { id } }`),
    expect: byRole('NOT_CONFIGURED', 'NOT_CONFIGURED', 'NOT_CONFIGURED', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'placeCall',
    run: gql(`mutation { placeCall(input: { to: "+14155550132", myPhone: "+14155550177" }) { id } }`),
    expect: byRole('NOT_CONFIGURED', 'NOT_CONFIGURED', 'NOT_CONFIGURED', 'FORBIDDEN'),
  },
);

cases.push({ kind: 'query', field: 'channelsStatus', run: gql(`{ channelsStatus { available emailSending sms } }`), expect: readers() });
