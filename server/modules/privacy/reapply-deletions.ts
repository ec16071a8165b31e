// Applies the deletion ledger again after a restore: see deletion-ledger.ts.
import type { AppServices } from '../../app-services.js';
import { createContext } from '../../context.js';
import { closeAccount } from './account-privacy.service.js';
import { eraseContactIn } from './contact-privacy.service.js';
import { closeWorkspace } from './workspace-deletion.service.js';

export interface Reapplied {
  workspaces: number;
  accounts: number;
  contacts: number;
}

/**
 * Deletes again whatever the ledger names that exists once more: a purged workspace is closed and purged at
 * once, a wiped account closed and wiped at once, an erased contact erased. Nothing to do costs three indexed joins.
 */
export async function reapplyDeletionLedger(app: AppServices, now = new Date()): Promise<Reapplied> {
  const prisma = app.db.prisma;
  const workspaces = await prisma.$queryRaw<Array<{ id: string; closedAt: Date | null }>>`
    SELECT w.id::text AS id, w."closedAt" FROM "Workspace" w JOIN "DeletionLedger" l ON l."subjectId" = w.id AND l.kind = 'WORKSPACE'`;
  // A wiped account keeps its row as "Deleted user"; only one with its address back needs wiping again.
  const accounts = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT u.id::text AS id FROM "User" u JOIN "DeletionLedger" l ON l."subjectId" = u.id AND l.kind = 'ACCOUNT' WHERE u.email NOT LIKE '%@deleted.invalid'`;
  const contacts = await prisma.$queryRaw<Array<{ id: string; workspaceId: string }>>`
    SELECT c.id::text AS id, c."workspaceId"::text AS "workspaceId" FROM "Contact" c JOIN "DeletionLedger" l ON l."subjectId" = c.id AND l.kind = 'CONTACT'`;
  if (workspaces.length + accounts.length + contacts.length === 0) return { workspaces: 0, accounts: 0, contacts: 0 };

  const system = createContext(app, { ip: '', userAgent: null, workspaceHeader: null }, null, () => {});
  for (const workspace of workspaces) {
    await prisma.$transaction((tx) => closeWorkspace(tx, workspace.id, workspace.closedAt ?? now, now));
  }
  for (const account of accounts) {
    await prisma.$transaction((tx) => closeAccount(tx, system, account.id, now, now, app.billing));
  }
  for (const contact of contacts) await eraseContactIn(system, contact.workspaceId, contact.id);
  const reapplied = { workspaces: workspaces.length, accounts: accounts.length, contacts: contacts.length };
  app.logger.warn(
    `Deletion ledger: ${reapplied.workspaces} purged workspace(s), ${reapplied.accounts} deleted account(s) and ${reapplied.contacts} erased contact(s) were back (a restored backup?); deleted again`,
  );
  return reapplied;
}
