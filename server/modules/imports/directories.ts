// What a run looks up for every row, loaded once: members (for owner columns), tags by name, and companies
// by domain and normalised name (for the company column of contacts and for company de-duplication).
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { normalizeCompanyName } from './row-values.js';

type Db = PrismaClient | Prisma.TransactionClient;

export class MemberDirectory {
  private constructor(
    private readonly byEmail: Map<string, string>,
    private readonly byName: Map<string, string | null>,
  ) {}

  static async load(db: Db, workspaceId: string): Promise<MemberDirectory> {
    const members = await db.membership.findMany({ where: { workspaceId }, select: { user: { select: { id: true, email: true, name: true } } } });
    const byEmail = new Map<string, string>();
    const byName = new Map<string, string | null>();
    for (const { user } of members) {
      byEmail.set(user.email.toLowerCase(), user.id);
      const name = user.name.trim().toLowerCase();
      // Two members with one name: the name alone does not say which.
      byName.set(name, byName.has(name) ? null : user.id);
    }
    return new MemberDirectory(byEmail, byName);
  }

  /** The member an owner cell names (by email, or by a name only one member has), or null. */
  find(reference: string): string | null {
    const key = reference.trim().toLowerCase();
    return this.byEmail.get(key) ?? this.byName.get(key) ?? null;
  }
}

export class TagDirectory {
  private readonly ids = new Map<string, string>();

  private constructor(private readonly workspaceId: string) {}

  static async load(db: Db, workspaceId: string): Promise<TagDirectory> {
    const directory = new TagDirectory(workspaceId);
    for (const tag of await db.tag.findMany({ where: { workspaceId }, select: { id: true, name: true } })) directory.ids.set(tag.name.toLowerCase(), tag.id);
    return directory;
  }

  /** Ids for the names, creating the missing tags in `tx`. */
  async ensure(tx: Prisma.TransactionClient, names: Iterable<string>): Promise<Map<string, string>> {
    const missing = new Map<string, string>();
    for (const name of names) if (!this.ids.has(name.toLowerCase())) missing.set(name.toLowerCase(), name);
    if (missing.size > 0) {
      await tx.tag.createMany({ data: [...missing.values()].map((name) => ({ workspaceId: this.workspaceId, name })), skipDuplicates: true });
      const rows = await tx.tag.findMany({ where: { workspaceId: this.workspaceId, name: { in: [...missing.values()] } }, select: { id: true, name: true } });
      for (const row of rows) this.ids.set(row.name.toLowerCase(), row.id);
    }
    return this.ids;
  }

  idOf(name: string): string | undefined {
    return this.ids.get(name.toLowerCase());
  }
}

export interface KnownCompany {
  id: string;
  deleted: boolean;
}

/** Live companies by normalised name, and every company (trash included: domains are unique) by domain. */
export class CompanyDirectory {
  readonly byDomain = new Map<string, KnownCompany>();
  readonly byName = new Map<string, string>();

  static async load(db: Db, workspaceId: string): Promise<CompanyDirectory> {
    const directory = new CompanyDirectory();
    let after: string | undefined;
    for (;;) {
      const rows = await db.company.findMany({
        where: { workspaceId, ...(after ? { id: { gt: after } } : {}) },
        select: { id: true, name: true, domain: true, deletedAt: true },
        orderBy: { id: 'asc' },
        take: 5000,
      });
      for (const row of rows) directory.add(row.id, row.name, row.domain, row.deletedAt != null);
      if (rows.length < 5000) return directory;
      after = rows.at(-1)!.id;
    }
  }

  add(id: string, name: string, domain: string | null | undefined, deleted = false) {
    if (domain && !this.byDomain.has(domain)) this.byDomain.set(domain, { id, deleted });
    const key = normalizeCompanyName(name);
    if (!deleted && key && !this.byName.has(key)) this.byName.set(key, id);
  }

  /** By domain, then by normalised name; a company in the trash is not a match. */
  find(name: string | undefined, domain: string | undefined): string | null {
    const byDomain = domain ? this.byDomain.get(domain) : undefined;
    if (byDomain && !byDomain.deleted) return byDomain.id;
    const key = name ? normalizeCompanyName(name) : '';
    return (key && this.byName.get(key)) || null;
  }

  /** Whether a new company may take this domain (domains are unique per workspace, trash included). */
  domainFree(domain: string): boolean {
    return !this.byDomain.has(domain);
  }
}
