import { globalId, type RolesFixture } from '../../test/fixtures.js';
import { as, byRole, createUpdateCases, gql, listCase, readers, trashCases, withRecord, type MatrixCase } from '../../test/role-matrix.js';
import type { GqlResult, TestApp } from '../../test/test-app.js';
import { companyIn } from '../companies/company.matrix.js';
import { normalizeProfileUrl } from '../records/normalize.js';

interface ContactOptions {
  ownerId?: string;
  deleted?: boolean;
  private?: boolean;
  /** Unique per workspace, so each actor's run gets its own. */
  email?: string;
  profileUrl?: string;
}

/** A contact owned by the given user (the MEMBER's unless said otherwise). */
export async function contactIn(app: TestApp, f: RolesFixture, options: ContactOptions = {}) {
  const owned = { workspaceId: f.workspaceId };
  const profile = options.profileUrl ? normalizeProfileUrl(options.profileUrl) : null;
  const contact = await app.prisma.contact.create({
    data: {
      ...owned,
      firstName: 'Ada',
      lastName: 'Lovelace',
      ownerId: options.ownerId ?? f.users.MEMBER.id,
      createdById: options.ownerId ?? f.users.MEMBER.id,
      visibility: options.private ? 'PRIVATE' : 'WORKSPACE',
      deletedAt: options.deleted ? new Date() : null,
      emails: options.email ? { create: [{ ...owned, email: options.email, isPrimary: true }] } : undefined,
      profiles: profile ? { create: [{ ...owned, network: profile.network, url: profile.url, normalizedKey: profile.key }] } : undefined,
    },
  });
  return globalId('Contact', contact.id);
}

const withContact = withRecord((app, f, options: { deleted?: boolean; owner?: 'OWNER'; private?: boolean } = {}) =>
  contactIn(app, f, { deleted: options.deleted, private: options.private, ownerId: options.owner && f.users[options.owner].id }),
);

/** Lookups answer null for "none": a reader who should find the contact but gets null fails the case. */
const nullAsNotFound = (result: GqlResult, field: string): GqlResult =>
  !result.errors?.length && result.data?.[field] === null ? { errors: [{ message: `${field} was null`, extensions: { code: 'NOT_FOUND' } }] } : result;

const PAGE = `{ contacts { totalCount edges { node { name primaryEmail emails { email } phones { e164 } profiles { url } company { name } owner { name } tags { name } } } } }`;

export const cases: MatrixCase[] = [
  listCase('contacts', PAGE, contactIn),
  { kind: 'query', field: 'contact', run: withContact(`query($id: ID!) { contact(id: $id) { name } }`), expect: readers() },
  // A private contact of the OWNER: only those who see every record (and its owner) find it.
  {
    kind: 'query',
    field: 'contact',
    run: withContact(`query($id: ID!) { contact(id: $id) { name } }`, { owner: 'OWNER', private: true }),
    expect: byRole('ok', 'ok', 'NOT_FOUND', 'NOT_FOUND'),
  },
  {
    kind: 'query',
    field: 'contactByEmail',
    run: async (app, f, actor) => {
      const email = `${actor.toLowerCase()}-lookup@example.com`;
      await contactIn(app, f, { email });
      return nullAsNotFound(await as(f, actor).gql(`query($email: String!) { contactByEmail(email: $email) { name } }`, { email }), 'contactByEmail');
    },
    expect: readers(),
  },
  {
    kind: 'query',
    field: 'contactByProfileUrl',
    run: async (app, f, actor) => {
      const url = `https://www.linkedin.com/in/lookup-${actor.toLowerCase()}`;
      await contactIn(app, f, { profileUrl: url });
      return nullAsNotFound(await as(f, actor).gql(`query($url: String!) { contactByProfileUrl(url: $url) { name } }`, { url }), 'contactByProfileUrl');
    },
    expect: readers(),
  },
  {
    kind: 'query',
    field: 'company',
    run: async (app, f, actor) => {
      const id = await companyIn(app, f);
      return as(f, actor).gql(`query($id: ID!) { company(id: $id) { contacts { totalCount edges { node { name } } } } }`, { id });
    },
    expect: readers(),
  },
  ...createUpdateCases(
    'Contact',
    gql(`mutation { createContact(input: { firstName: "Grace", emails: ["grace@example.com"] }) { id } }`),
    withContact(`mutation($id: ID!) { updateContact(id: $id, input: { jobTitle: "Countess" }) { jobTitle } }`),
  ),
  {
    kind: 'mutation',
    field: 'updateContact',
    run: withContact(`mutation($id: ID!) { updateContact(id: $id, input: { jobTitle: "Countess" }) { jobTitle } }`, { owner: 'OWNER', private: true }),
    expect: byRole('ok', 'ok', 'NOT_FOUND', 'NOT_FOUND'),
  },
  ...trashCases('Contact', withContact, { owner: 'OWNER' }, { deleted: true }),
];
