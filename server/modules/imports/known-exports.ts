// Column layouts of the exports people bring: each is recognised by a few of its headers, and maps its
// columns exactly (Outlook's "Title" is Mr./Ms., Salesforce's is the job title). Headers are compared
// normalised: lower case, accents and punctuation dropped ("E-mail 1 - Value" is "e mail 1 value").
import type { ImportEntity } from './fields.js';

/** A rule maps the headers it matches to a field, or to null: known, and deliberately not imported. */
export type Rule = [RegExp, string | null];

export interface KnownExport {
  name: string;
  entity: ImportEntity;
  /** Every one of these normalised headers is present. */
  signature: string[];
  /** And none of these (tells a company export from a contact export of the same product). */
  without?: string[];
  rules: Rule[];
}

export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const exact = (field: string | null, ...headers: string[]): Rule => [new RegExp(`^(${headers.join('|')})$`), field];

const KITH_RECORD_INTERNALS = exact(
  null,
  'id',
  'workspaceid',
  'sortname',
  'companyid',
  'ownerid',
  'customfields',
  'visibility',
  'createdbyid',
  'createdat',
  'updatedat',
  'deletedat',
);
/** The CSV export's readable `custom.<key>` columns: the `customFields` column carries the same values, typed. */
const KITH_CUSTOM_COLUMNS: Rule = [/^custom [a-z0-9 ]+$/, null];

export const KNOWN_EXPORTS: KnownExport[] = [
  {
    name: 'Kith contacts',
    entity: 'CONTACT',
    signature: ['firstname', 'lastname', 'sortname', 'lifecyclestage', 'workspaceid'],
    rules: [
      KITH_CUSTOM_COLUMNS,
      exact('firstName', 'firstname'),
      exact('lastName', 'lastname'),
      exact('jobTitle', 'jobtitle'),
      exact('location', 'location'),
      exact('headline', 'headline'),
      exact('skills', 'skills'),
      exact('source', 'source'),
      exact('lifecycleStage', 'lifecyclestage'),
      exact('customFields', 'customfields'),
      KITH_RECORD_INTERNALS,
    ],
  },
  {
    name: 'Kith companies',
    entity: 'COMPANY',
    signature: ['name', 'sortname', 'domain', 'workspaceid'],
    rules: [
      KITH_CUSTOM_COLUMNS,
      ...['name', 'domain', 'website', 'industry', 'size', 'street', 'city', 'region', 'country', 'phone'].map((f) => exact(f, f)),
      exact('postalCode', 'postalcode'),
      exact('linkedinUrl', 'linkedinurl'),
      exact('customFields', 'customfields'),
      KITH_RECORD_INTERNALS,
    ],
  },
  {
    name: 'LinkedIn connections',
    entity: 'CONTACT',
    signature: ['first name', 'last name', 'url', 'email address', 'company', 'position', 'connected on'],
    rules: [
      exact('firstName', 'first name'),
      exact('lastName', 'last name'),
      exact('profileUrls', 'url'),
      exact('emails', 'email address'),
      exact('company', 'company'),
      exact('jobTitle', 'position'),
      exact(null, 'connected on'),
    ],
  },
  {
    name: 'Google Contacts',
    entity: 'CONTACT',
    signature: ['e mail 1 value'],
    rules: [
      exact('firstName', 'first name', 'given name'),
      exact('lastName', 'last name', 'family name'),
      exact(
        null,
        'name',
        'middle name',
        'additional name',
        'nickname',
        'file as',
        'name prefix',
        'name suffix',
        'birthday',
        'photo',
        'organization department',
        'organization 1 department',
      ),
      [/^phonetic /, null],
      [/^(organization|organization 1) (name)$/, 'company'],
      [/^(organization|organization 1) title$/, 'jobTitle'],
      exact('note', 'notes'),
      exact('tags', 'labels', 'group membership'),
      [/^e mail \d+ value$/, 'emails'],
      [/^phone \d+ value$/, 'phones'],
      [/^website \d+ value$/, 'profileUrls'],
      [/^address 1 (city|region|country)$/, 'location'],
      [/ (label|type)$/, null],
      [/^(address|relation|event|custom field|im|external id) \d+ /, null],
    ],
  },
  {
    name: 'Outlook',
    entity: 'CONTACT',
    signature: ['first name', 'last name', 'e mail address', 'business phone'],
    rules: [
      exact('firstName', 'first name'),
      exact('lastName', 'last name'),
      exact(
        null,
        'title',
        'middle name',
        'suffix',
        'nickname',
        'given yomi',
        'surname yomi',
        'company yomi',
        'department',
        'office location',
        'manager s name',
        'assistant s name',
        'assistant s phone',
        'birthday',
        'anniversary',
        'gender',
        'spouse',
        'children',
        'e mail type',
        'e mail display name',
        'e mail 2 type',
        'e mail 2 display name',
        'e mail 3 type',
        'e mail 3 display name',
        'business fax',
        'home fax',
        'other fax',
        'pager',
        'telex',
        'callback',
        'sensitivity',
        'priority',
        'private',
        'hobby',
        'language',
        'location',
        'initials',
        'user 1',
        'user 2',
        'user 3',
        'user 4',
        'mileage',
        'billing information',
        'directory server',
        'internet free busy',
        'account',
        'government id number',
        'organizational id number',
        'keywords',
        'referred by',
        'profession',
      ),
      exact('jobTitle', 'job title'),
      exact('company', 'company'),
      [/^e mail( \d)? address$/, 'emails'],
      [/phone( \d)?$|^callback$/, 'phones'],
      exact('profileUrls', 'web page', 'personal web page'),
      exact('tags', 'categories'),
      exact('note', 'notes'),
      [/^business (city|state|country region)$/, 'location'],
      [/^(home|business|other) (street|street \d|city|state|postal code|country region|po box)$/, null],
    ],
  },
  {
    name: 'HubSpot companies',
    entity: 'COMPANY',
    signature: ['record id', 'company name', 'company domain name'],
    rules: [
      exact('name', 'company name'),
      exact('domain', 'company domain name'),
      exact('website', 'website url'),
      exact('industry', 'industry'),
      exact('phone', 'phone number'),
      exact('street', 'street address', 'street address 2'),
      exact('city', 'city'),
      exact('region', 'state region'),
      exact('postalCode', 'postal code'),
      exact('country', 'country region'),
      exact('size', 'number of employees'),
      exact('owner', 'company owner'),
      exact('linkedinUrl', 'linkedin company page'),
      exact('note', 'description'),
      exact(null, 'record id', 'create date', 'last activity date', 'lead status', 'lifecycle stage', 'annual revenue', 'type', 'time zone'),
    ],
  },
  {
    name: 'HubSpot contacts',
    entity: 'CONTACT',
    signature: ['record id', 'first name', 'last name'],
    rules: [
      exact('firstName', 'first name'),
      exact('lastName', 'last name'),
      exact('emails', 'email', 'additional email addresses'),
      exact('phones', 'phone number', 'mobile phone number'),
      exact('jobTitle', 'job title'),
      exact('company', 'company name', 'associated company'),
      exact('owner', 'contact owner'),
      exact('lifecycleStage', 'lifecycle stage'),
      exact('location', 'city', 'state region', 'country region'),
      exact('profileUrls', 'linkedin url', 'website url'),
      exact(
        null,
        'record id',
        'create date',
        'last activity date',
        'lead status',
        'marketing contact status',
        'associated company ids',
        'primary associated company id',
      ),
    ],
  },
  {
    name: 'Salesforce accounts',
    entity: 'COMPANY',
    signature: ['account name', 'billing city'],
    without: ['first name', 'last name'],
    rules: [
      exact('name', 'account name'),
      exact('website', 'website'),
      exact('industry', 'industry'),
      exact('phone', 'phone'),
      exact('street', 'billing street'),
      exact('city', 'billing city'),
      exact('region', 'billing state province', 'billing state'),
      exact('postalCode', 'billing zip postal code', 'billing postal code'),
      exact('country', 'billing country'),
      exact('size', 'employees'),
      exact('owner', 'account owner'),
      exact('note', 'description'),
      [/^(shipping|account) /, null],
      exact(null, 'type', 'annual revenue', 'rating', 'created date', 'last modified date', 'fax'),
    ],
  },
  {
    name: 'Salesforce contacts',
    entity: 'CONTACT',
    signature: ['first name', 'last name', 'account name'],
    rules: [
      exact('firstName', 'first name'),
      exact('lastName', 'last name'),
      exact('jobTitle', 'title'),
      exact('company', 'account name'),
      exact('emails', 'email'),
      exact('phones', 'phone', 'mobile', 'mobile phone', 'home phone', 'other phone'),
      exact('location', 'mailing city', 'mailing state province', 'mailing state', 'mailing country'),
      exact('owner', 'contact owner'),
      exact('source', 'lead source'),
      exact('note', 'description'),
      exact(
        null,
        'salutation',
        'department',
        'birthdate',
        'fax',
        'created date',
        'last modified date',
        'contact id',
        'account id',
        'mailing street',
        'mailing zip postal code',
      ),
    ],
  },
  {
    // Salesforce Data Loader / data export: API field names.
    name: 'Salesforce contacts',
    entity: 'CONTACT',
    signature: ['firstname', 'lastname', 'accountid'],
    rules: [
      exact('firstName', 'firstname'),
      exact('lastName', 'lastname'),
      exact('jobTitle', 'title'),
      exact('emails', 'email'),
      exact('phones', 'phone', 'mobilephone', 'homephone', 'otherphone'),
      exact('location', 'mailingcity', 'mailingstate', 'mailingcountry'),
      exact('source', 'leadsource'),
      exact('note', 'description'),
      exact(null, 'id', 'accountid', 'ownerid', 'salutation', 'createddate', 'lastmodifieddate', 'isdeleted', 'mailingstreet', 'mailingpostalcode'),
    ],
  },
  {
    name: 'Twenty companies',
    entity: 'COMPANY',
    signature: ['domain name primary link url'],
    rules: [
      exact('name', 'name'),
      exact('domain', 'domain name primary link url'),
      exact('size', 'employees'),
      exact('linkedinUrl', 'linkedin primary link url'),
      exact('street', 'address address street1', 'address address street2'),
      exact('city', 'address address city'),
      exact('region', 'address address state'),
      exact('postalCode', 'address address post code', 'address address postcode'),
      exact('country', 'address address country'),
      [
        /^(id|created|updated|deleted|position|account owner id|annual recurring revenue|ideal customer profile|x primary|domain name (primary link label|secondary))/,
        null,
      ],
    ],
  },
  {
    name: 'Twenty people',
    entity: 'CONTACT',
    signature: ['name first name', 'name last name'],
    rules: [
      exact('firstName', 'name first name'),
      exact('lastName', 'name last name'),
      exact('emails', 'emails primary email', 'emails additional emails'),
      exact('phones', 'phones primary phone number', 'phones additional phones'),
      exact('profileUrls', 'linkedin primary link url', 'x primary link url'),
      exact('jobTitle', 'job title'),
      exact('location', 'city'),
      exact('company', 'company name'),
      [
        /^(id|created|updated|deleted|position|avatar url|company id|phones primary phone (country|calling) code|linkedin (primary link label|secondary)|x (primary link label|secondary)|emails primary email label)/,
        null,
      ],
    ],
  },
];

export function recogniseExport(normalized: string[]): KnownExport | null {
  const present = new Set(normalized);
  return KNOWN_EXPORTS.find((known) => known.signature.every((h) => present.has(h)) && !known.without?.some((h) => present.has(h))) ?? null;
}
