// The extension's GraphQL operations; `npm run codegen` types them into ../gql/.
import { graphql } from '../gql/index.js';

export const KeyCheckDocument = graphql(`
  query ClipperKeyCheck {
    workspace { id name viewerRole viewerPermissions }
  }
`);

export const LookupDocument = graphql(`
  query ClipperLookup($url: String!, $emails: [String!], $name: String, $companyName: String) {
    clipperLookup(url: $url, emails: $emails, name: $name, companyName: $companyName) {
      site
      url
      matchedBy
      lastActivityAt
      contact {
        id
        name
        headline
        owner { id name }
        tags { id name }
        company { name }
        clipSources { site clippedAt }
      }
      openDeals { id name stage { name } }
      suggestions { id name company { name } }
    }
  }
`);

export const ChoicesDocument = graphql(`
  query ClipperChoices {
    tags { id name }
    workspace { members { id role user { id name } } }
    deals(first: 50, filter: { status: OPEN }) { edges { node { id name } } }
  }
`);

export const ClipDocument = graphql(`
  mutation ClipperSave(
    $profile: ClipProfileInput!
    $contactId: ID
    $overwrite: [ClipField!]
    $dryRun: Boolean
    $note: String
    $tagIds: [ID!]
    $ownerId: ID
    $dealId: ID
  ) {
    clipProfile(profile: $profile, contactId: $contactId, overwrite: $overwrite, dryRun: $dryRun, note: $note, tagIds: $tagIds, ownerId: $ownerId, dealId: $dealId) {
      created
      dryRun
      matchedBy
      changes { field status before after }
      contact { id name }
    }
  }
`);
