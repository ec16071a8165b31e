/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ClipField =
  | 'COMPANY'
  | 'EMAILS'
  | 'EXPERIENCE'
  | 'EXPERIENCE_YEARS'
  | 'FIRST_NAME'
  | 'HEADLINE'
  | 'HOURLY_RATE'
  | 'JOB_TITLE'
  | 'LAST_NAME'
  | 'LOCATION'
  | 'PHONES'
  | 'PHOTO_URL'
  | 'PROFILE_URL'
  | 'SALARY_EXPECTATION'
  | 'SKILLS';

export type ClipFieldStatus =
  /** The contact had no value (or is new); the page value is written. */
  | 'CREATED'
  /** The contact has another value, kept because `overwrite` does not name the field. */
  | 'KEPT'
  /** The contact already has this value. */
  | 'UNCHANGED'
  /** The contact had another value, overwritten as asked. */
  | 'UPDATED';

export type ClipMatch =
  /** A contact with one of the emails the page shows. */
  | 'EMAIL'
  /** The contact named by `contactId`. */
  | 'ID'
  /** A contact with the same profile, however its URL is written. */
  | 'PROFILE_URL';

/** A profile as the extension read it from the page (and the user corrected it). Left out: the page did not show it. */
export type ClipProfileInput = {
  companyDomain?: string | null | undefined;
  /** Linked to a company you see by domain or name, or a new one. */
  companyName?: string | null | undefined;
  emails?: Array<string> | null | undefined;
  /** LinkedIn, one line per position. Kept in customFields.experience. */
  experience?: Array<string> | null | undefined;
  /** Djinni. Kept in customFields.experienceYears. */
  experienceYears?: number | null | undefined;
  firstName?: string | null | undefined;
  headline?: string | null | undefined;
  /** Upwork, e.g. "$85.00/hr". Kept in customFields.hourlyRate. */
  hourlyRate?: string | null | undefined;
  jobTitle?: string | null | undefined;
  lastName?: string | null | undefined;
  location?: string | null | undefined;
  phones?: Array<string> | null | undefined;
  /** Sent only when the user opted in to storing photos. */
  photoUrl?: string | null | undefined;
  /** Djinni, e.g. "$4500". Kept in customFields.salaryExpectation. */
  salaryExpectation?: string | null | undefined;
  skills?: Array<string> | null | undefined;
  /** The LinkedIn (/in/…), Upwork (~id) or Djinni profile URL, however written. */
  url: string;
};

export type ClipSite =
  | 'DJINNI'
  | 'LINKEDIN'
  | 'UPWORK';

export type Role =
  | 'ADMIN'
  | 'MEMBER'
  | 'OWNER'
  | 'VIEWER';

export type ClipperKeyCheckQueryVariables = Exact<{ [key: string]: never; }>;


export type ClipperKeyCheckQuery = { workspace: { id: string, name: string, viewerRole: Role, viewerPermissions: Array<string> } };

export type ClipperLookupQueryVariables = Exact<{
  url: string;
  emails?: Array<string> | string | null | undefined;
  name?: string | null | undefined;
  companyName?: string | null | undefined;
}>;


export type ClipperLookupQuery = { clipperLookup: { site: ClipSite, url: string, matchedBy: ClipMatch | null, lastActivityAt: string | null, contact: { id: string, name: string, headline: string | null, owner: { id: string, name: string } | null, tags: Array<{ id: string, name: string }>, company: { name: string } | null, clipSources: Array<{ site: ClipSite, clippedAt: string }> } | null, openDeals: Array<{ id: string, name: string, stage: { name: string } }>, suggestions: Array<{ id: string, name: string, company: { name: string } | null }> } };

export type ClipperChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type ClipperChoicesQuery = { tags: Array<{ id: string, name: string }>, workspace: { members: Array<{ id: string, role: Role, user: { id: string, name: string } }> }, deals: { edges: Array<{ node: { id: string, name: string } }> } };

export type ClipperSaveMutationVariables = Exact<{
  profile: ClipProfileInput;
  contactId?: string | number | null | undefined;
  overwrite?: Array<ClipField> | ClipField | null | undefined;
  dryRun?: boolean | null | undefined;
  note?: string | null | undefined;
  tagIds?: Array<string | number> | string | number | null | undefined;
  ownerId?: string | number | null | undefined;
  dealId?: string | number | null | undefined;
}>;


export type ClipperSaveMutation = { clipProfile: { created: boolean, dryRun: boolean, matchedBy: ClipMatch | null, changes: Array<{ field: ClipField, status: ClipFieldStatus, before: string | null, after: string | null }>, contact: { id: string, name: string } | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ClipperKeyCheckDocument = new TypedDocumentString(`
    query ClipperKeyCheck {
  workspace {
    id
    name
    viewerRole
    viewerPermissions
  }
}
    `) as unknown as TypedDocumentString<ClipperKeyCheckQuery, ClipperKeyCheckQueryVariables>;
export const ClipperLookupDocument = new TypedDocumentString(`
    query ClipperLookup($url: String!, $emails: [String!], $name: String, $companyName: String) {
  clipperLookup(
    url: $url
    emails: $emails
    name: $name
    companyName: $companyName
  ) {
    site
    url
    matchedBy
    lastActivityAt
    contact {
      id
      name
      headline
      owner {
        id
        name
      }
      tags {
        id
        name
      }
      company {
        name
      }
      clipSources {
        site
        clippedAt
      }
    }
    openDeals {
      id
      name
      stage {
        name
      }
    }
    suggestions {
      id
      name
      company {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ClipperLookupQuery, ClipperLookupQueryVariables>;
export const ClipperChoicesDocument = new TypedDocumentString(`
    query ClipperChoices {
  tags {
    id
    name
  }
  workspace {
    members {
      id
      role
      user {
        id
        name
      }
    }
  }
  deals(first: 50, filter: {status: OPEN}) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ClipperChoicesQuery, ClipperChoicesQueryVariables>;
export const ClipperSaveDocument = new TypedDocumentString(`
    mutation ClipperSave($profile: ClipProfileInput!, $contactId: ID, $overwrite: [ClipField!], $dryRun: Boolean, $note: String, $tagIds: [ID!], $ownerId: ID, $dealId: ID) {
  clipProfile(
    profile: $profile
    contactId: $contactId
    overwrite: $overwrite
    dryRun: $dryRun
    note: $note
    tagIds: $tagIds
    ownerId: $ownerId
    dealId: $dealId
  ) {
    created
    dryRun
    matchedBy
    changes {
      field
      status
      before
      after
    }
    contact {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ClipperSaveMutation, ClipperSaveMutationVariables>;