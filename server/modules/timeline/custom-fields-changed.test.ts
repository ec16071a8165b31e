import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { selectField } from '../custom-fields/custom-field.matrix.js';

const getApp = useTestApp();

const TIMELINE = `query($id: ID!) { contact(id: $id) { timeline(first: 20) { edges { node { __typename
  ... on CustomFieldsChanged { changedBy { name } fields { key label } } ... on Note { body } } } } } }`;
const UPDATE = `mutation($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { id } }`;

describe('timeline: custom field changes', () => {
  it('shows an update that changed custom values, the fields by their labels, and not other updates or other records', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await selectField(app, f, 'tier');
    await app.prisma.customField.create({ data: { workspaceId: f.workspaceId, entity: 'CONTACT', key: 'renewal', label: 'Renewal date', type: 'DATE' } });
    const create = `mutation($input: ContactInput!) { createContact(input: $input) { id } }`;
    const { createContact: ada } = await f.clients.MEMBER.ok(create, { input: { firstName: 'Ada' } });
    const { createContact: bob } = await f.clients.MEMBER.ok(create, { input: { firstName: 'Bob' } });
    await f.clients.MEMBER.ok(UPDATE, { id: ada.id, input: { jobTitle: 'Countess' } });
    await f.clients.MEMBER.ok(UPDATE, {
      id: ada.id,
      input: {
        customFields: [
          { key: 'tier', optionId: 'gold' },
          { key: 'renewal', date: '2027-01-31' },
        ],
      },
    });
    await f.clients.ADMIN.ok(UPDATE, { id: bob.id, input: { customFields: [{ key: 'tier', optionId: 'silver' }] } });
    // Saving the same value again changes nothing, so it is no entry.
    await f.clients.MEMBER.ok(UPDATE, { id: ada.id, input: { customFields: [{ key: 'tier', optionId: 'gold' }] } });
    const { contact } = await f.clients.VIEWER.ok(TIMELINE, { id: ada.id });
    expect(contact.timeline.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        __typename: 'CustomFieldsChanged',
        changedBy: { name: 'Member Person' },
        fields: [
          { key: 'tier', label: 'Tier' },
          { key: 'renewal', label: 'Renewal date' },
        ],
      },
    ]);
    const { contact: other } = await f.clients.VIEWER.ok(TIMELINE, { id: bob.id });
    expect(other.timeline.edges.map((e: { node: { fields?: unknown } }) => e.node.fields)).toEqual([[{ key: 'tier', label: 'Tier' }]]);
  });
});
