import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { selectField } from '../custom-fields/custom-field.matrix.js';
import { exportOf, storedArchive } from './exports.test-helpers.js';

const getApp = useTestApp();

describe('CSV export: custom fields', () => {
  it('gives each custom field a column of its own, written as a spreadsheet reads it, and leaves deleted fields out', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await selectField(app, f, 'tier');
    const field = (key: string, type: string, extra: object = {}) =>
      app.prisma.customField.create({ data: { workspaceId: f.workspaceId, entity: 'CONTACT', key, label: key, type: type as never, position: 1, ...extra } });
    await field('budget', 'CURRENCY');
    await field('renewal', 'DATE');
    await field('vip', 'CHECKBOX');
    await field('buddy', 'MEMBER');
    await field('motto', 'TEXT');
    await field('gone', 'TEXT', { deletedAt: new Date() });
    await app.prisma.contact.create({
      data: {
        workspaceId: f.workspaceId,
        firstName: 'Ada',
        customFields: {
          tier: 'gold',
          budget: { amount: 1200.5, currency: 'EUR' },
          renewal: '2027-01-31',
          vip: true,
          buddy: f.users.MEMBER.id,
          motto: '=1+1',
          gone: 'hidden',
        },
      },
    });
    await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Bob' } });
    await exportOf(app, f, 'CSV');
    const entries = await storedArchive(app, (await app.prisma.workspaceExport.findFirstOrThrow()).storageKey!);
    const rows: Array<Record<string, string>> = parse(entries['Contact.csv']!, { columns: true });
    const custom = (row: Record<string, string>) => Object.fromEntries(Object.entries(row).filter(([k]) => k.startsWith('custom.')));
    expect(custom(rows.find((r) => r.firstName === 'Ada')!)).toEqual({
      'custom.tier': 'Gold',
      'custom.budget': '1200.5 EUR',
      'custom.renewal': '2027-01-31',
      'custom.vip': 'yes',
      'custom.buddy': 'member@example.com',
      'custom.motto': "'=1+1",
    });
    expect(Object.values(custom(rows.find((r) => r.firstName === 'Bob')!))).toEqual(['', '', '', '', '', '']);
    expect(JSON.parse(rows.find((r) => r.firstName === 'Ada')!.customFields!)).toMatchObject({ tier: 'gold', gone: 'hidden' });
    expect(entries['Company.csv']!.split('\n')[0]).not.toContain('custom.');
  });
});
