// The company column of a contact import: links to the company with that domain or name, or books a new one.
import type { Prisma } from '../../generated/prisma/client.js';
import { uuidv7 } from '../activity-events/record-event.js';
import type { Directories, RunSettings } from './batch-types.js';
import type { ContactValues } from './row-values.js';

export interface CompanyLinks {
  toCreate: Array<Prisma.CompanyCreateManyInput & { id: string }>;
}

export function companyIdFor(
  settings: RunSettings,
  directories: Directories,
  links: CompanyLinks,
  values: Pick<ContactValues, 'company' | 'companyDomain'>,
  now: Date,
): string | null {
  const { company, companyDomain } = values;
  if (!company && !companyDomain) return null;
  const found = directories.companies.find(company, companyDomain);
  if (found) return found;
  const id = uuidv7();
  const domain = companyDomain && directories.companies.domainFree(companyDomain) ? companyDomain : null;
  const name = company || companyDomain!;
  links.toCreate.push({
    id,
    workspaceId: settings.workspaceId,
    name,
    domain,
    ownerId: settings.importerId,
    customFields: {},
    visibility: settings.visibility,
    createdById: settings.importerId,
    createdAt: now,
    updatedAt: now,
  });
  directories.companies.add(id, name, domain);
  return id;
}
