import type { Actor } from '../../test/fixtures.js';
import { as, byRole, readers, writers, type MatrixCase } from '../../test/role-matrix.js';
import type { GqlResult } from '../../test/test-app.js';
import { contactIn } from '../contacts/contact.matrix.js';

const LOOKUP = `query($url: String!) { clipperLookup(url: $url) { matchedBy contact { name } } }`;
const CLIP = `mutation($profile: ClipProfileInput!, $contactId: ID) { clipProfile(profile: $profile, contactId: $contactId) { created contact { name } } }`;

const profileUrl = (actor: Actor, what: string) => `https://www.linkedin.com/in/${what}-${actor.toLowerCase().replace('_', '-')}/`;

/** A lookup that answers "not in Kith" to a reader who should have found the contact fails the case. */
const missAsNotFound = (result: GqlResult): GqlResult =>
  !result.errors?.length && result.data?.clipperLookup?.contact == null ? { errors: [{ message: 'no match', extensions: { code: 'NOT_FOUND' } }] } : result;

export const cases: MatrixCase[] = [
  {
    kind: 'query',
    field: 'clipperLookup',
    run: async (app, f, actor) => {
      const url = profileUrl(actor, 'lookup');
      await contactIn(app, f, { profileUrl: url });
      return missAsNotFound(await as(f, actor).gql(LOOKUP, { url }));
    },
    expect: readers(),
  },
  {
    kind: 'mutation',
    field: 'clipProfile',
    run: (_app, f, actor) => as(f, actor).gql(CLIP, { profile: { url: profileUrl(actor, 'new'), firstName: 'Grace', lastName: 'Hopper' } }),
    expect: writers(),
  },
  // Found by its profile URL, a contact is updated: a viewer may look it up but not save.
  {
    kind: 'mutation',
    field: 'clipProfile',
    run: async (app, f, actor) => {
      const url = profileUrl(actor, 'known');
      await contactIn(app, f, { profileUrl: url });
      return as(f, actor).gql(CLIP, { profile: { url, headline: 'Countess' } });
    },
    expect: writers(),
  },
  // The OWNER's private contact, named by ID: only those who see every record find it.
  {
    kind: 'mutation',
    field: 'clipProfile',
    run: async (app, f, actor) => {
      const contactId = await contactIn(app, f, { ownerId: f.users.OWNER.id, private: true });
      return as(f, actor).gql(CLIP, { contactId, profile: { url: profileUrl(actor, 'private'), headline: 'Countess' } });
    },
    expect: byRole('ok', 'ok', 'NOT_FOUND', 'NOT_FOUND'),
  },
];
