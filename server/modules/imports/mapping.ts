// Which column goes into which field: suggested from the headers (a recognised export first, then common
// names in several languages), chosen by the importer, and saved by header name for the next file.
import { fieldsOf, isKnownField, type ImportEntity } from './fields.js';
import { normalizeHeader, recogniseExport, type Rule } from './known-exports.js';

export interface ImportMapping {
  entity: ImportEntity;
  /** One entry per column, in file order: the field it feeds, or null to leave it out. */
  columns: Array<string | null>;
}

export interface MappingSuggestion extends ImportMapping {
  /** The recognised export ("HubSpot contacts", "Google Contacts", ...), if any. */
  recognised: string | null;
}

const CONTACT_RULES: Rule[] = [
  [
    /^(e ?mail|mail|courriel)( address)?( \d+)?( value)?$|^(work|home|other|personal|business|primary|secondary|additional) e ?mail( address(es)?)?$|^e ?mail \d+$|^emails?$/,
    'emails',
  ],
  [/(^| )(type|label|display name|opt out|status|domain)$/, null],
  [/^(full )?name$|^(contact|display|person) name$|^nom complet$/, 'fullName'],
  [/^(first|given|fore) ?name$|^prenom$|^vorname$|^nombre$/, 'firstName'],
  [/^(last|family|sur) ?name$|^surname$|^nom$|^nachname$|^apellidos?$/, 'lastName'],
  [/fax|pager/, null],
  [/phone|mobile|^tel(ephone)?( \d+)?$|^cell|telefon|^handy$/, 'phones'],
  [/linkedin|github|twitter|^x url$|profile (url|link)|^urls?$|website|web page|homepage/, 'profileUrls'],
  [/headline/, 'headline'],
  [/^(job )?title$|^position$|^role$|^poste$|^job$|^occupation$/, 'jobTitle'],
  [/^company (domain|website)|^domain$/, 'companyDomain'],
  [/^(company|organi[sz]ation|employer|account|firma|entreprise)( name)?$/, 'company'],
  [/^(location|city|town|country|region|state|province|address|ville|ort|stadt)$/, 'location'],
  [/^(lead )?source$/, 'source'],
  [/lifecycle|^stage$/, 'lifecycleStage'],
  [/owner/, 'owner'],
  [/^(tags?|labels?|categor(y|ies)|groups?)$/, 'tags'],
  [/^skills?$/, 'skills'],
  [/^(notes?|description|comments?|remarks?)$/, 'note'],
];

const COMPANY_RULES: Rule[] = [
  [/^(company |account |organi[sz]ation )?name$|^(company|account|organi[sz]ation)$/, 'name'],
  [/^(company |account )?domain( name)?$/, 'domain'],
  [/linkedin/, 'linkedinUrl'],
  [/website|web site|^url$|homepage/, 'website'],
  [/industry|sector/, 'industry'],
  [/size|employees|headcount/, 'size'],
  [/fax/, null],
  [/phone|^tel/, 'phone'],
  [/street|^address( line)?( \d)?$/, 'street'],
  [/city|town/, 'city'],
  [/state|region|province|county/, 'region'],
  [/postal|zip|post ?code/, 'postalCode'],
  [/country/, 'country'],
  [/owner/, 'owner'],
  [/^(tags?|labels?|categor(y|ies))$/, 'tags'],
  [/^(notes?|description|comments?)$/, 'note'],
];

const DEAL_RULES: Rule[] = [
  [/^(deal |opportunity )?name$|^(deal|opportunity)$/, 'name'],
  [/^(deal |opportunity )?(amount|value)$|^price$|^revenue$/, 'amount'],
  [/^(deal |opportunity )?currency( code)?$/, 'currency'],
  [/pipeline/, 'pipeline'],
  [/stage|^status$/, 'stage'],
  [/close ?date|^closing|expected close/, 'closeDate'],
  [/owner/, 'owner'],
  [/^(associated )?(company|account|organi[sz]ation)( name)?$/, 'company'],
  [/^(company|account) (domain|website)$|^domain$/, 'companyDomain'],
  [/e ?mail|^(associated )?contacts?$/, 'contactEmails'],
  [/^(tags?|labels?)$/, 'tags'],
  [/^(notes?|description|comments?)$/, 'note'],
];

const RULES = { CONTACT: CONTACT_RULES, COMPANY: COMPANY_RULES, DEAL: DEAL_RULES };

function byRules(rules: Rule[], header: string): string | null | undefined {
  for (const [pattern, field] of rules) if (pattern.test(header)) return field;
  return undefined;
}

/** Contacts unless the headers look like a list of companies (a name and a domain or industry, no person). */
function guessEntity(normalized: string[]): ImportEntity {
  const fields = new Set(normalized.map((h) => byRules(CONTACT_RULES, h)));
  const deal = new Set(normalized.map((h) => byRules(DEAL_RULES, h)));
  if (deal.has('name') && (deal.has('amount') || deal.has('stage') || deal.has('pipeline')) && normalized.some((h) => /deal|opportunit|amount|stage/.test(h)))
    return 'DEAL';
  if (fields.has('firstName') || fields.has('lastName') || fields.has('emails')) return 'CONTACT';
  const company = new Set(normalized.map((h) => byRules(COMPANY_RULES, h)));
  return company.has('name') && (company.has('domain') || company.has('industry') || company.has('website')) ? 'COMPANY' : 'CONTACT';
}

export function suggestMapping(headers: string[], entity?: ImportEntity): MappingSuggestion {
  const normalized = headers.map(normalizeHeader);
  const known = recogniseExport(normalized);
  const chosen = entity ?? known?.entity ?? guessEntity(normalized);
  const specific = known?.entity === chosen ? known.rules : [];
  const generic = RULES[chosen];
  const columns = normalized.map((header) => {
    const fromExport = byRules(specific, header);
    if (fromExport !== undefined) return fromExport;
    return byRules(generic, header) ?? null;
  });
  // A name column next to first/last name columns is the same name again.
  if (chosen === 'CONTACT' && columns.includes('fullName') && (columns.includes('firstName') || columns.includes('lastName'))) {
    for (let i = 0; i < columns.length; i++) if (columns[i] === 'fullName') columns[i] = null;
  }
  return { entity: chosen, columns, recognised: known?.entity === chosen ? known.name : null };
}

/** A saved mapping: fields by header name, so it fits the next file of the same layout. */
export interface SavedColumns {
  [header: string]: string | null;
}

export function savedColumnsOf(headers: string[], mapping: ImportMapping): SavedColumns {
  const saved: SavedColumns = {};
  headers.forEach((header, i) => {
    if (!(header in saved)) saved[header] = mapping.columns[i] ?? null;
  });
  return saved;
}

/** Applies a saved mapping to this file's headers; headers it does not name keep the suggestion. */
export function applySavedColumns(headers: string[], entity: ImportEntity, saved: SavedColumns): ImportMapping {
  const suggestion = suggestMapping(headers, entity);
  return { entity, columns: headers.map((header, i) => (Object.hasOwn(saved, header) ? saved[header]! : suggestion.columns[i]!)) };
}

/** The problem with a mapping the importer sent, or null. */
export function mappingProblem(headers: string[], mapping: ImportMapping): string | null {
  if (mapping.columns.length !== headers.length) return `The mapping has ${mapping.columns.length} columns; the file has ${headers.length}.`;
  const unknown = mapping.columns.find((field) => field !== null && !isKnownField(mapping.entity, field));
  if (unknown) return `"${unknown}" is not a field of ${({ CONTACT: 'contacts', COMPANY: 'companies', DEAL: 'deals' } as const)[mapping.entity]}.`;
  const fields = new Set(mapping.columns);
  if (mapping.entity === 'CONTACT' && !['firstName', 'lastName', 'fullName', 'emails'].some((f) => fields.has(f))) {
    return 'Map at least a name or an email column.';
  }
  if (mapping.entity === 'COMPANY' && !fields.has('name') && !fields.has('domain')) return 'Map at least a name or a domain column.';
  if (mapping.entity === 'DEAL' && !fields.has('name')) return 'Map the deal name column.';
  return null;
}

export { fieldsOf };
