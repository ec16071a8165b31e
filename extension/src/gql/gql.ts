/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ClipperKeyCheck {\n    workspace { id name viewerRole viewerPermissions }\n  }\n": typeof types.ClipperKeyCheckDocument,
    "\n  query ClipperLookup($url: String!, $emails: [String!], $name: String, $companyName: String) {\n    clipperLookup(url: $url, emails: $emails, name: $name, companyName: $companyName) {\n      site\n      url\n      matchedBy\n      lastActivityAt\n      contact {\n        id\n        name\n        headline\n        owner { id name }\n        tags { id name }\n        company { name }\n        clipSources { site clippedAt }\n      }\n      openDeals { id name stage { name } }\n      suggestions { id name company { name } }\n    }\n  }\n": typeof types.ClipperLookupDocument,
    "\n  query ClipperChoices {\n    tags { id name }\n    workspace { members { id role user { id name } } }\n    deals(first: 50, filter: { status: OPEN }) { edges { node { id name } } }\n  }\n": typeof types.ClipperChoicesDocument,
    "\n  mutation ClipperSave(\n    $profile: ClipProfileInput!\n    $contactId: ID\n    $overwrite: [ClipField!]\n    $dryRun: Boolean\n    $note: String\n    $tagIds: [ID!]\n    $ownerId: ID\n    $dealId: ID\n  ) {\n    clipProfile(profile: $profile, contactId: $contactId, overwrite: $overwrite, dryRun: $dryRun, note: $note, tagIds: $tagIds, ownerId: $ownerId, dealId: $dealId) {\n      created\n      dryRun\n      matchedBy\n      changes { field status before after }\n      contact { id name }\n    }\n  }\n": typeof types.ClipperSaveDocument,
};
const documents: Documents = {
    "\n  query ClipperKeyCheck {\n    workspace { id name viewerRole viewerPermissions }\n  }\n": types.ClipperKeyCheckDocument,
    "\n  query ClipperLookup($url: String!, $emails: [String!], $name: String, $companyName: String) {\n    clipperLookup(url: $url, emails: $emails, name: $name, companyName: $companyName) {\n      site\n      url\n      matchedBy\n      lastActivityAt\n      contact {\n        id\n        name\n        headline\n        owner { id name }\n        tags { id name }\n        company { name }\n        clipSources { site clippedAt }\n      }\n      openDeals { id name stage { name } }\n      suggestions { id name company { name } }\n    }\n  }\n": types.ClipperLookupDocument,
    "\n  query ClipperChoices {\n    tags { id name }\n    workspace { members { id role user { id name } } }\n    deals(first: 50, filter: { status: OPEN }) { edges { node { id name } } }\n  }\n": types.ClipperChoicesDocument,
    "\n  mutation ClipperSave(\n    $profile: ClipProfileInput!\n    $contactId: ID\n    $overwrite: [ClipField!]\n    $dryRun: Boolean\n    $note: String\n    $tagIds: [ID!]\n    $ownerId: ID\n    $dealId: ID\n  ) {\n    clipProfile(profile: $profile, contactId: $contactId, overwrite: $overwrite, dryRun: $dryRun, note: $note, tagIds: $tagIds, ownerId: $ownerId, dealId: $dealId) {\n      created\n      dryRun\n      matchedBy\n      changes { field status before after }\n      contact { id name }\n    }\n  }\n": types.ClipperSaveDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClipperKeyCheck {\n    workspace { id name viewerRole viewerPermissions }\n  }\n"): typeof import('./graphql').ClipperKeyCheckDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClipperLookup($url: String!, $emails: [String!], $name: String, $companyName: String) {\n    clipperLookup(url: $url, emails: $emails, name: $name, companyName: $companyName) {\n      site\n      url\n      matchedBy\n      lastActivityAt\n      contact {\n        id\n        name\n        headline\n        owner { id name }\n        tags { id name }\n        company { name }\n        clipSources { site clippedAt }\n      }\n      openDeals { id name stage { name } }\n      suggestions { id name company { name } }\n    }\n  }\n"): typeof import('./graphql').ClipperLookupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClipperChoices {\n    tags { id name }\n    workspace { members { id role user { id name } } }\n    deals(first: 50, filter: { status: OPEN }) { edges { node { id name } } }\n  }\n"): typeof import('./graphql').ClipperChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClipperSave(\n    $profile: ClipProfileInput!\n    $contactId: ID\n    $overwrite: [ClipField!]\n    $dryRun: Boolean\n    $note: String\n    $tagIds: [ID!]\n    $ownerId: ID\n    $dealId: ID\n  ) {\n    clipProfile(profile: $profile, contactId: $contactId, overwrite: $overwrite, dryRun: $dryRun, note: $note, tagIds: $tagIds, ownerId: $ownerId, dealId: $dealId) {\n      created\n      dryRun\n      matchedBy\n      changes { field status before after }\n      contact { id name }\n    }\n  }\n"): typeof import('./graphql').ClipperSaveDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
