// The migration that introduced field definitions turns each key of the old untyped bags into a field.
// Its data statements run again here over bags written the old way.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';

const getApp = useTestApp();

const MIGRATION = new URL('../../../prisma/migrations/20261207125259_custom_fields/migration.sql', import.meta.url);
const dataStatements = () => {
  const sql = readFileSync(MIGRATION, 'utf8');
  return sql
    .slice(sql.indexOf('CREATE TEMP TABLE'))
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
};

describe('custom fields migration', () => {
  it('makes a field per bag key (NUMBER or CHECKBOX when every value is one, TEXT otherwise) and keeps the values', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const ws = f.workspaceId;
    await app.prisma.contact.create({ data: { workspaceId: ws, firstName: 'A', customFields: { shoe: 38, vip: true, note: 'hi', code: 7 } } });
    await app.prisma.contact.create({ data: { workspaceId: ws, firstName: 'B', customFields: { shoe: 41.5, vip: false, code: 'X-1', gone: null } } });
    await app.prisma.company.create({ data: { workspaceId: ws, name: 'C', customFields: { tier: 'gold' } } });
    for (const statement of dataStatements()) await app.prisma.$executeRawUnsafe(statement);
    const fields = await app.prisma.customField.findMany({ where: { workspaceId: ws }, orderBy: [{ entity: 'asc' }, { key: 'asc' }] });
    expect(fields.map((x) => [x.entity, x.key, x.label, x.type, x.position])).toEqual([
      ['CONTACT', 'code', 'code', 'TEXT', 0],
      ['CONTACT', 'note', 'note', 'TEXT', 1],
      ['CONTACT', 'shoe', 'shoe', 'NUMBER', 2],
      ['CONTACT', 'vip', 'vip', 'CHECKBOX', 3],
      ['COMPANY', 'tier', 'tier', 'TEXT', 0],
    ]);
    const bags = Object.fromEntries((await app.prisma.contact.findMany({ where: { workspaceId: ws } })).map((c) => [c.firstName, c.customFields]));
    expect(bags).toEqual({ A: { shoe: 38, vip: true, note: 'hi', code: '7' }, B: { shoe: 41.5, vip: false, code: 'X-1', gone: null } });
    const read = await f.clients.MEMBER.ok(
      `{ contacts(sort: { field: NAME }) { edges { node { firstName customFields { field { key } ... on CustomTextValue { text } ... on CustomNumberValue { number } ... on CustomCheckboxValue { checked } } } } } }`,
    );
    expect(read.contacts.edges[0].node.customFields).toEqual([
      { field: { key: 'code' }, text: '7' },
      { field: { key: 'note' }, text: 'hi' },
      { field: { key: 'shoe' }, number: 38 },
      { field: { key: 'vip' }, checked: true },
    ]);
  });
});
