// One INSERT per table per batch, with the rows as a single JSON parameter: Prisma's createMany builds and
// binds a parameter per cell, which costs more than the database's own work at a thousand rows.
import type { Prisma } from '../../generated/prisma/client.js';
import { uuidv7 } from '../activity-events/record-event.js';

type Tx = Pick<Prisma.TransactionClient, '$executeRawUnsafe'>;

/** Column name → SQL type, in the order they are inserted. */
export type ColumnTypes = Record<string, string>;

/** What every imported record row ends with: owner, custom values, visibility, who created it and when. */
export const RECORD_TAIL_COLUMNS: ColumnTypes = {
  ownerId: 'uuid',
  customFields: 'jsonb',
  visibility: '"RecordVisibility"',
  createdById: 'uuid',
  createdAt: 'timestamp(3)',
  updatedAt: 'timestamp(3)',
};
export const COMPANY_COLUMNS: ColumnTypes = {
  id: 'uuid',
  workspaceId: 'uuid',
  name: 'text',
  domain: 'text',
  website: 'text',
  industry: 'text',
  size: 'text',
  phone: 'text',
  street: 'text',
  city: 'text',
  region: 'text',
  postalCode: 'text',
  country: 'text',
  linkedinUrl: 'text',
  ...RECORD_TAIL_COLUMNS,
};
export const CONTACT_COLUMNS: ColumnTypes = {
  id: 'uuid',
  workspaceId: 'uuid',
  firstName: 'text',
  lastName: 'text',
  jobTitle: 'text',
  headline: 'text',
  location: 'text',
  source: 'text',
  lifecycleStage: '"LifecycleStage"',
  skills: 'text[]',
  companyId: 'uuid',
  ...RECORD_TAIL_COLUMNS,
};
export const EMAIL_COLUMNS: ColumnTypes = { id: 'uuid', workspaceId: 'uuid', contactId: 'uuid', email: 'text', isPrimary: 'boolean' };
export const PHONE_COLUMNS: ColumnTypes = { id: 'uuid', workspaceId: 'uuid', contactId: 'uuid', e164: 'text', isPrimary: 'boolean' };
export const PROFILE_COLUMNS: ColumnTypes = {
  id: 'uuid',
  workspaceId: 'uuid',
  contactId: 'uuid',
  network: '"ProfileNetwork"',
  url: 'text',
  normalizedKey: 'text',
};
export const NOTE_COLUMNS: ColumnTypes = {
  id: 'uuid',
  workspaceId: 'uuid',
  body: 'text',
  contactId: 'uuid',
  companyId: 'uuid',
  createdById: 'uuid',
  createdAt: 'timestamp(3)',
  updatedAt: 'timestamp(3)',
};

/** Inserts the rows (an `id` is given to rows without one when the table has that column). */
export async function insertRows(tx: Tx, table: string, columns: ColumnTypes, rows: Array<Record<string, unknown>>) {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  if ('id' in columns) for (const row of rows) row.id ??= uuidv7();
  const list = names.map((name) => `"${name}"`).join(', ');
  const definition = names.map((name) => `"${name}" ${columns[name]}`).join(', ');
  // Missing keys are NULL in jsonb_to_recordset; every column listed here either allows NULL or is always given.
  await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${list}) SELECT ${list} FROM jsonb_to_recordset($1::jsonb) AS r(${definition})`, JSON.stringify(rows));
}
