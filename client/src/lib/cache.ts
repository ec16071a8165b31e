import { cacheExchange, type Cache, type UpdateResolver, type UpdatesConfig } from '@urql/exchange-graphcache';
import { embeddedTypes, mutationFields, possibleTypes } from '../gql/cache-keys';

/** The Query fields that list or count each kind of record, refreshed when the live feed reports a change to one. */
const LISTS_OF: Record<string, string[]> = {
  Contact: ['contacts', 'duplicateContacts', 'search', 'savedViews'],
  Company: ['companies', 'duplicateCompanies', 'search', 'savedViews'],
  Deal: ['deals', 'pipelines', 'search', 'savedViews'],
  Note: ['notes'],
  Activity: ['activities'],
  Communication: ['communications'],
  Comment: ['comments'],
  Attachment: ['attachments'],
  Form: ['forms'],
  Tag: ['tags', 'savedViews'],
  Pipeline: ['pipelines'],
  SavedView: ['savedViews'],
  CustomField: ['customFields', 'savedViews'],
};

/** Mutations that change only the node they answer with (Graphcache re-normalises it by its id) and usage totals. */
const changesOnlyItsNode = (name: string) => name.startsWith('update') || name.startsWith('ai');

function invalidateQueryFields(cache: Cache, names: (name: string) => boolean) {
  for (const field of cache.inspectFields('Query')) if (names(field.fieldName)) cache.invalidate('Query', field.fieldName, field.arguments);
}

interface EntityEvent {
  entityType: string;
  entityId: string;
}

/**
 * A change anyone made to a record, reported live: drop the record and its lists, so every screen showing them reads
 * them again. Events about accounts and memberships are left to the screens that make them (`me` answers for itself).
 */
function invalidateEntity(cache: Cache, event: EntityEvent | null | undefined) {
  const lists = event && LISTS_OF[event.entityType];
  if (!lists) return;
  if (event.entityId) cache.invalidate({ __typename: event.entityType, id: event.entityId });
  invalidateQueryFields(cache, (name) => lists.includes(name));
}

// Any other mutation may add, remove, merge or move records, or change what lists and totals count: every Query field
// is read again where a screen shows it, except the signed-in user and the feed's history (which follows events live).
const invalidateLists = (_result: unknown, _args: unknown, cache: Cache) => invalidateQueryFields(cache, (name) => name !== 'me' && name !== 'activityEvents');
// Every change may reach a plan limit (AI tokens, API calls): the billing banner reads its notice again. A change to
// the signed-in user (profile, preferences) reads `me` again too, as the session's one source of the account.
const invalidateUsage: UpdateResolver = (result, _args, cache, info) => {
  const answer = result[info.fieldName] as { __typename?: string } | null;
  invalidateQueryFields(cache, (name) => name === 'billingNotice' || (name === 'me' && answer?.__typename === 'User'));
};

const updates: UpdatesConfig = {
  Mutation: Object.fromEntries(mutationFields.map((name) => [name, changesOnlyItsNode(name) ? invalidateUsage : invalidateLists])),
  Subscription: {
    activityFeed: (result, _args, cache) => invalidateEntity(cache, result.activityFeed as EntityEvent | null),
    recordChanged: (result, args, cache) => {
      invalidateEntity(cache, result.recordChanged as EntityEvent | null);
      // The event may be about a note or activity of the open record: read the record's page again too.
      for (const field of cache.inspectFields('Query')) if (field.arguments?.id === args.id) cache.invalidate('Query', field.fieldName, field.arguments);
    },
  },
};

/** The normalised cache: records by `__typename` and `id`, id-less types embedded in their parent (keys from schema.graphql). */
export const kithCacheExchange = () =>
  cacheExchange({
    keys: Object.fromEntries(embeddedTypes.map((name) => [name, () => null])),
    possibleTypes,
    updates,
  });
