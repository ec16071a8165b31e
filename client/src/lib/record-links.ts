// Where a record lives in the app, from its GraphQL type name and global ID.

const PATHS: Record<string, string> = { Contact: '/contacts', Company: '/companies', Deal: '/deals' };

export function recordPath(typename: string, id: string): string | null {
  const base = PATHS[typename];
  return base ? `${base}/${id}` : null;
}

interface Parented {
  contact?: { id: string } | null;
  company?: { id: string } | null;
  deal?: { id: string } | null;
}

/** A note, comment, activity or file opens the record it belongs to. */
export function parentPath(record: Parented): string | null {
  if (record.deal) return `/deals/${record.deal.id}`;
  if (record.contact) return `/contacts/${record.contact.id}`;
  if (record.company) return `/companies/${record.company.id}`;
  return null;
}

/** A server URL (built from its PUBLIC_URL) as a path on the origin the app was loaded from. */
export function sameOrigin(url: string): string {
  try {
    const parsed = new URL(url, location.href);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}
