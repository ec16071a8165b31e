import { describe, expect, it } from 'vitest';
import { applySavedColumns, mappingProblem, savedColumnsOf, suggestMapping } from './mapping.js';
import { readTable } from './read-table.js';
import { sniffFormat } from './sniff.js';
import { KITH_COMPANY_FIELDS, KITH_CONTACT_FIELDS } from './imports.test-helpers.js';

/** The header's fields, as {header: field}, leaving out ignored columns. */
function mapped(headers: string[], entity?: 'CONTACT' | 'COMPANY' | 'DEAL') {
  const suggestion = suggestMapping(headers, entity);
  const fields: Record<string, string> = {};
  headers.forEach((header, i) => {
    if (suggestion.columns[i]) fields[header] = suggestion.columns[i]!;
  });
  return { recognised: suggestion.recognised, entity: suggestion.entity, fields };
}

describe('mapping suggestions for known exports', () => {
  it("Kith's own CSV export (Contact.csv)", () => {
    const headers = [
      'id',
      'workspaceId',
      'firstName',
      'lastName',
      'sortName',
      'jobTitle',
      'companyId',
      'location',
      'headline',
      'skills',
      'source',
      'lifecycleStage',
      'ownerId',
      'customFields',
      'visibility',
      'createdById',
      'createdAt',
      'updatedAt',
      'deletedAt',
    ];
    expect(mapped(headers)).toEqual({
      recognised: 'Kith contacts',
      entity: 'CONTACT',
      fields: Object.fromEntries(KITH_CONTACT_FIELDS.map((field) => [field, field])),
    });
  });

  it("Kith's own CSV export (Company.csv)", () => {
    const headers = [
      'id',
      'workspaceId',
      'name',
      'sortName',
      'domain',
      'website',
      'industry',
      'size',
      'street',
      'city',
      'region',
      'postalCode',
      'country',
      'phone',
      'linkedinUrl',
      'ownerId',
      'customFields',
      'visibility',
      'createdById',
      'createdAt',
      'updatedAt',
      'deletedAt',
    ];
    const { recognised, entity, fields } = mapped(headers);
    expect({ recognised, entity }).toEqual({ recognised: 'Kith companies', entity: 'COMPANY' });
    expect(Object.keys(fields)).toEqual(KITH_COMPANY_FIELDS);
    expect(fields.postalCode).toBe('postalCode');
  });

  it('HubSpot contacts', () => {
    const headers = [
      'Record ID',
      'First Name',
      'Last Name',
      'Email',
      'Phone Number',
      'Mobile Phone Number',
      'Job Title',
      'Company Name',
      'Contact owner',
      'Lifecycle Stage',
      'Lead Status',
      'Create Date',
      'City',
      'Country/Region',
      'Additional email addresses',
    ];
    expect(mapped(headers)).toEqual({
      recognised: 'HubSpot contacts',
      entity: 'CONTACT',
      fields: {
        'First Name': 'firstName',
        'Last Name': 'lastName',
        Email: 'emails',
        'Phone Number': 'phones',
        'Mobile Phone Number': 'phones',
        'Job Title': 'jobTitle',
        'Company Name': 'company',
        'Contact owner': 'owner',
        'Lifecycle Stage': 'lifecycleStage',
        City: 'location',
        'Country/Region': 'location',
        'Additional email addresses': 'emails',
      },
    });
  });

  it('HubSpot companies', () => {
    const headers = [
      'Record ID',
      'Company name',
      'Company Domain Name',
      'Industry',
      'Phone Number',
      'City',
      'Country/Region',
      'Company owner',
      'Number of Employees',
      'Website URL',
      'LinkedIn Company Page',
      'Create Date',
    ];
    expect(mapped(headers)).toEqual({
      recognised: 'HubSpot companies',
      entity: 'COMPANY',
      fields: {
        'Company name': 'name',
        'Company Domain Name': 'domain',
        Industry: 'industry',
        'Phone Number': 'phone',
        City: 'city',
        'Country/Region': 'country',
        'Company owner': 'owner',
        'Number of Employees': 'size',
        'Website URL': 'website',
        'LinkedIn Company Page': 'linkedinUrl',
      },
    });
  });

  it('Salesforce contacts report, where Title is the job title', () => {
    const headers = [
      'Salutation',
      'First Name',
      'Last Name',
      'Title',
      'Account Name',
      'Email',
      'Phone',
      'Mobile',
      'Mailing City',
      'Mailing Country',
      'Contact Owner',
      'Lead Source',
      'Description',
    ];
    expect(mapped(headers)).toEqual({
      recognised: 'Salesforce contacts',
      entity: 'CONTACT',
      fields: {
        'First Name': 'firstName',
        'Last Name': 'lastName',
        Title: 'jobTitle',
        'Account Name': 'company',
        Email: 'emails',
        Phone: 'phones',
        Mobile: 'phones',
        'Mailing City': 'location',
        'Mailing Country': 'location',
        'Contact Owner': 'owner',
        'Lead Source': 'source',
        Description: 'note',
      },
    });
  });

  it('Salesforce data export (API names) and accounts', () => {
    expect(mapped(['Id', 'AccountId', 'FirstName', 'LastName', 'Title', 'Email', 'MobilePhone', 'LeadSource', 'OwnerId'])).toMatchObject({
      recognised: 'Salesforce contacts',
      fields: { FirstName: 'firstName', LastName: 'lastName', Title: 'jobTitle', Email: 'emails', MobilePhone: 'phones', LeadSource: 'source' },
    });
    expect(mapped(['Account Name', 'Website', 'Industry', 'Billing City', 'Billing Country', 'Employees', 'Account Owner'])).toEqual({
      recognised: 'Salesforce accounts',
      entity: 'COMPANY',
      fields: {
        'Account Name': 'name',
        Website: 'website',
        Industry: 'industry',
        'Billing City': 'city',
        'Billing Country': 'country',
        Employees: 'size',
        'Account Owner': 'owner',
      },
    });
  });

  it('Twenty people and companies', () => {
    const people = [
      'Id',
      'Name / First Name',
      'Name / Last Name',
      'Emails / Primary Email',
      'Emails / Additional Emails',
      'Phones / Primary Phone Number',
      'Phones / Primary Phone Country Code',
      'Linkedin / Primary Link URL',
      'Job Title',
      'City',
      'Created At',
    ];
    expect(mapped(people)).toEqual({
      recognised: 'Twenty people',
      entity: 'CONTACT',
      fields: {
        'Name / First Name': 'firstName',
        'Name / Last Name': 'lastName',
        'Emails / Primary Email': 'emails',
        'Emails / Additional Emails': 'emails',
        'Phones / Primary Phone Number': 'phones',
        'Linkedin / Primary Link URL': 'profileUrls',
        'Job Title': 'jobTitle',
        City: 'location',
      },
    });
    const companies = [
      'Id',
      'Name',
      'Domain Name / Primary Link URL',
      'Employees',
      'Linkedin / Primary Link URL',
      'Address / Address City',
      'Address / Address Country',
      'Created At',
    ];
    expect(mapped(companies)).toEqual({
      recognised: 'Twenty companies',
      entity: 'COMPANY',
      fields: {
        Name: 'name',
        'Domain Name / Primary Link URL': 'domain',
        Employees: 'size',
        'Linkedin / Primary Link URL': 'linkedinUrl',
        'Address / Address City': 'city',
        'Address / Address Country': 'country',
      },
    });
  });

  it('Google Contacts (current and older layout)', () => {
    const current = [
      'First Name',
      'Middle Name',
      'Last Name',
      'Nickname',
      'Organization Name',
      'Organization Title',
      'Birthday',
      'Notes',
      'Labels',
      'E-mail 1 - Label',
      'E-mail 1 - Value',
      'E-mail 2 - Label',
      'E-mail 2 - Value',
      'Phone 1 - Label',
      'Phone 1 - Value',
      'Phone 2 - Label',
      'Phone 2 - Value',
      'Address 1 - City',
      'Website 1 - Value',
    ];
    expect(mapped(current)).toEqual({
      recognised: 'Google Contacts',
      entity: 'CONTACT',
      fields: {
        'First Name': 'firstName',
        'Last Name': 'lastName',
        'Organization Name': 'company',
        'Organization Title': 'jobTitle',
        Notes: 'note',
        Labels: 'tags',
        'E-mail 1 - Value': 'emails',
        'E-mail 2 - Value': 'emails',
        'Phone 1 - Value': 'phones',
        'Phone 2 - Value': 'phones',
        'Address 1 - City': 'location',
        'Website 1 - Value': 'profileUrls',
      },
    });
    const older = [
      'Name',
      'Given Name',
      'Additional Name',
      'Family Name',
      'Group Membership',
      'E-mail 1 - Type',
      'E-mail 1 - Value',
      'Phone 1 - Type',
      'Phone 1 - Value',
      'Organization 1 - Name',
      'Organization 1 - Title',
    ];
    expect(mapped(older).fields).toEqual({
      'Given Name': 'firstName',
      'Family Name': 'lastName',
      'Group Membership': 'tags',
      'E-mail 1 - Value': 'emails',
      'Phone 1 - Value': 'phones',
      'Organization 1 - Name': 'company',
      'Organization 1 - Title': 'jobTitle',
    });
  });

  it('Outlook, where Title is Mr./Ms. and three email columns feed one list', () => {
    const headers = [
      'First Name',
      'Middle Name',
      'Last Name',
      'Title',
      'Suffix',
      'E-mail Address',
      'E-mail 2 Address',
      'E-mail 3 Address',
      'E-mail Display Name',
      'Home Phone',
      'Business Phone',
      'Mobile Phone',
      'Business Fax',
      'Job Title',
      'Department',
      'Company',
      'Business City',
      'Business Country/Region',
      'Home Street',
      'Web Page',
      'Categories',
      'Notes',
    ];
    expect(mapped(headers)).toEqual({
      recognised: 'Outlook',
      entity: 'CONTACT',
      fields: {
        'First Name': 'firstName',
        'Last Name': 'lastName',
        'E-mail Address': 'emails',
        'E-mail 2 Address': 'emails',
        'E-mail 3 Address': 'emails',
        'Home Phone': 'phones',
        'Business Phone': 'phones',
        'Mobile Phone': 'phones',
        'Job Title': 'jobTitle',
        Company: 'company',
        'Business City': 'location',
        'Business Country/Region': 'location',
        'Web Page': 'profileUrls',
        Categories: 'tags',
        Notes: 'note',
      },
    });
  });

  it("LinkedIn connections, header found under the export's notes", async () => {
    const file = [
      'Notes:',
      '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
      '',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.com,Analytical Engines,Programmer,10 Dec 1843',
      '',
    ].join('\n');
    const bytes = Buffer.from(file);
    const table = await readTable([bytes], sniffFormat(bytes, 'Connections.csv', true));
    expect(mapped(table.headers)).toEqual({
      recognised: 'LinkedIn connections',
      entity: 'CONTACT',
      fields: { 'First Name': 'firstName', 'Last Name': 'lastName', URL: 'profileUrls', 'Email Address': 'emails', Company: 'company', Position: 'jobTitle' },
    });
    const rows = [];
    for await (const row of table.rows) rows.push(row.cells);
    expect(rows).toEqual([['Ada', 'Lovelace', 'https://www.linkedin.com/in/ada', 'ada@example.com', 'Analytical Engines', 'Programmer', '10 Dec 1843']]);
  });
});

describe('generic suggestions', () => {
  it('maps common names in several languages, and a company list as companies', () => {
    expect(mapped(['Vorname', 'Nachname', 'E-Mail', 'Telefon', 'Firma', 'Ort', 'Tags']).fields).toEqual({
      Vorname: 'firstName',
      Nachname: 'lastName',
      'E-Mail': 'emails',
      Telefon: 'phones',
      Firma: 'company',
      Ort: 'location',
      Tags: 'tags',
    });
    expect(mapped(['Name', 'Email', 'Work Email', 'Fax']).fields).toEqual({ Name: 'fullName', Email: 'emails', 'Work Email': 'emails' });
    expect(mapped(['Company', 'Domain', 'Industry', 'City'])).toMatchObject({
      entity: 'COMPANY',
      fields: { Company: 'name', Domain: 'domain', Industry: 'industry', City: 'city' },
    });
  });

  it('a one-column list of addresses keeps its header', async () => {
    const bytes = Buffer.from('Email\na@example.com\nb@example.com\n');
    const table = await readTable([bytes], sniffFormat(bytes, 'list.csv', true));
    expect(table.headers).toEqual(['Email']);
    expect(mapped(table.headers).fields).toEqual({ Email: 'emails' });
  });

  it('vCard columns map themselves', () => {
    const headers = ['Full Name', 'First Name', 'Last Name', 'Organization', 'Title', 'Emails', 'Phones', 'URLs', 'Location', 'Note', 'Categories'];
    expect(mapped(headers).fields).toEqual({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Organization: 'company',
      Title: 'jobTitle',
      Emails: 'emails',
      Phones: 'phones',
      URLs: 'profileUrls',
      Location: 'location',
      Note: 'note',
      Categories: 'tags',
    });
  });
});

describe('saved mappings', () => {
  it('apply by header name to a file with the columns in another order', () => {
    const first = ['E-post', 'Namn', 'Extra'];
    const saved = savedColumnsOf(first, { entity: 'CONTACT', columns: ['emails', 'fullName', 'custom:extra'] });
    expect(saved).toEqual({ 'E-post': 'emails', Namn: 'fullName', Extra: 'custom:extra' });
    const next = applySavedColumns(['Namn', 'Phone', 'E-post'], 'CONTACT', saved);
    expect(next).toEqual({ entity: 'CONTACT', columns: ['fullName', 'phones', 'emails'] });
  });

  it('refuse a mapping that does not fit the file or names unknown fields', () => {
    expect(mappingProblem(['a', 'b'], { entity: 'CONTACT', columns: ['emails'] })).toMatch(/2/);
    expect(mappingProblem(['a'], { entity: 'CONTACT', columns: ['salary'] })).toMatch(/not a field/);
    expect(mappingProblem(['a'], { entity: 'COMPANY', columns: ['emails'] })).toMatch(/not a field/);
    expect(mappingProblem(['a'], { entity: 'CONTACT', columns: ['jobTitle'] })).toMatch(/name or an email/);
    expect(mappingProblem(['a', 'b'], { entity: 'CONTACT', columns: ['emails', 'custom:Favourite colour'] })).toBeNull();
  });

  it('deals: HubSpot deals and Salesforce opportunities, one amount column, the deal name not taken for a company', () => {
    const hubspot = [
      'Record ID',
      'Deal Name',
      'Deal Stage',
      'Pipeline',
      'Amount',
      'Amount in company currency',
      'Close Date',
      'Deal owner',
      'Associated Company',
      'Associated Contact',
      'Create Date',
    ];
    expect(mapped(hubspot)).toEqual({
      recognised: null,
      entity: 'DEAL',
      fields: {
        'Deal Name': 'name',
        'Deal Stage': 'stage',
        Pipeline: 'pipeline',
        Amount: 'amount',
        'Close Date': 'closeDate',
        'Deal owner': 'owner',
        'Associated Company': 'company',
        'Associated Contact': 'contactEmails',
      },
    });
    const salesforce = ['Opportunity ID', 'Opportunity Name', 'Account Name', 'Amount', 'Currency', 'Stage', 'Close Date', 'Opportunity Owner', 'Description'];
    expect(mapped(salesforce)).toEqual({
      recognised: null,
      entity: 'DEAL',
      fields: {
        'Opportunity Name': 'name',
        'Account Name': 'company',
        Amount: 'amount',
        Currency: 'currency',
        Stage: 'stage',
        'Close Date': 'closeDate',
        'Opportunity Owner': 'owner',
        Description: 'note',
      },
    });
    expect(mappingProblem(['Amount'], { entity: 'DEAL', columns: ['amount'] })).toBe('Map the deal name column.');
    expect(mappingProblem(['a'], { entity: 'DEAL', columns: ['emails'] })).toBe('"emails" is not a field of deals.');
  });
});
