import { beforeEach, describe, expect, it } from 'vitest';
import { globalId, rolesFixture, type RolesFixture } from '../../../test/fixtures.js';
import { errorCodes, useTestApp } from '../../../test/test-app.js';
import { idFromGlobalId } from '../../node/uuid.js';
import { testChannels } from '../test/channels-config.js';

const getApp = useTestApp({ config: { channels: testChannels() } });
let f: RolesFixture;
beforeEach(async () => {
  f = await rolesFixture(getApp());
});

const CREATE = `mutation($input: EmailTemplateInput!) { createEmailTemplate(input: $input) { id name subject body } }`;
const UPDATE = `mutation($id: ID!, $input: EmailTemplateInput!) { updateEmailTemplate(id: $id, input: $input) { name subject body } }`;
const PREVIEW = `query($subject: String, $body: String!) { emailTemplatePreview(subject: $subject, body: $body) { subject body unknownFields mergeFields } }`;

describe('email templates', () => {
  it('previews merge fields with a sample contact and the viewer as sender, naming unknown ones', async () => {
    const { emailTemplatePreview: preview } = await f.clients.VIEWER.ok(PREVIEW, {
      subject: 'Hello {{contact.firstName}} at {{company.name}}',
      body: 'Dear {{contact.name}}, {{deal.name | our deal}} {{contact.nickname}}\n{{sender.name}}',
    });
    expect(preview.subject).toBe('Hello Ada at Analytical Engines Ltd');
    expect(preview.body).toBe(`Dear Ada Lovelace, Difference engine \nViewer Person`);
    expect(preview.unknownFields).toEqual(['contact.nickname']);
    expect(preview.mergeFields).toContain('contact.firstName');
  });

  it('creates, edits and deletes a template; bad merge fields are refused and change nothing', async () => {
    const created = (
      await f.clients.MEMBER.ok(CREATE, { input: { name: ' Intro ', subject: 'Hi {{contact.firstName}}', body: 'Hello {{contact.firstName | there}}' } })
    ).createEmailTemplate;
    expect(created).toMatchObject({ name: 'Intro', subject: 'Hi {{contact.firstName}}' });
    const refused = await f.clients.MEMBER.gql(UPDATE, { id: created.id, input: { body: 'Hi {{contact.nickname}}' } });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await f.clients.MEMBER.gql(CREATE, { input: { name: 'Nope', body: '{{nope}}' } }))).toEqual(['BAD_USER_INPUT']);
    expect(await getApp().prisma.emailTemplate.count()).toBe(1);
    expect(
      (await f.clients.MEMBER.ok(UPDATE, { id: created.id, input: { name: 'Welcome', body: 'Welcome, {{contact.firstName}}' } })).updateEmailTemplate,
    ).toEqual({ name: 'Welcome', subject: 'Hi {{contact.firstName}}', body: 'Welcome, {{contact.firstName}}' });
    expect(await f.clients.MEMBER.ok(`mutation($id: ID!) { deleteEmailTemplate(id: $id) }`, { id: created.id })).toEqual({ deleteEmailTemplate: true });
    expect(await getApp().prisma.emailTemplate.count()).toBe(0);
  });

  it('a template of another workspace reads as missing', async () => {
    const other = await getApp().prisma.emailTemplate.create({
      data: { workspaceId: idFromGlobalId(f.otherWorkspaceGid, 'Workspace'), name: 'Theirs', subject: '', body: 'Secret' },
    });
    const id = globalId('EmailTemplate', other.id);
    expect(errorCodes(await f.clients.MEMBER.gql(UPDATE, { id, input: { name: 'Mine now' } }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.MEMBER.gql(`mutation($id: ID!) { deleteEmailTemplate(id: $id) }`, { id }))).toEqual(['NOT_FOUND']);
    expect((await f.clients.MEMBER.ok(`{ emailTemplates { name } }`)).emailTemplates).toEqual([]);
    expect((await getApp().prisma.emailTemplate.findUniqueOrThrow({ where: { id: other.id } })).name).toBe('Theirs');
  });
});
