// Turns a checked submission into CRM data: the contact matched by email (created or filled in),
// its company, a note, and the FormSubmission row, all in one transaction.
import { ensureFields, looseDocument, suggestedType } from '../custom-fields/loose-values.js';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { storedFields, type FieldTarget, type FormFieldDefinition } from './form-definition.js';
import type { CleanValue, CleanValues } from './submission-values.js';
import { recordEvent } from '../activity-events/record-event.js';
import { assertRoom } from '../billing/limits.js';
import type { Billing } from '../billing/billing.service.js';

type Tx = Prisma.TransactionClient;

const MAX_CUSTOM_FIELDS = 50;

/**
 * A case-insensitive equality filter. Prisma runs `equals` + `mode: 'insensitive'` as an unescaped
 * ILIKE on PostgreSQL, where `_` and `%` are wildcards: "jo_doe@x.io" would match "joxdoe@x.io".
 */
const sameTextAs = (value: string) => ({ equals: value.replace(/[\\%_]/g, '\\$&'), mode: 'insensitive' as const });

export interface LiveForm {
  id: string;
  workspaceId: string;
  name: string;
  createdById: string | null;
  fields: unknown;
}

type TextTarget = Extract<FieldTarget, 'FIRST_NAME' | 'LAST_NAME' | 'JOB_TITLE' | 'LOCATION' | 'HEADLINE' | 'COMPANY_NAME' | 'PHONE' | 'EMAIL'>;

interface Mapped {
  text: Partial<Record<TextTarget, string>>;
  custom: Record<string, CleanValue>;
  notes: Array<{ label: string; value: CleanValue }>;
}

function mapValues(fields: FormFieldDefinition[], values: CleanValues): Mapped {
  const mapped: Mapped = { text: {}, custom: {}, notes: [] };
  for (const field of fields) {
    if (!Object.hasOwn(values, field.key)) continue;
    const value = values[field.key]!;
    // An unticked box cannot be told from one left out, so only a tick is written to the contact.
    if (field.mapsTo === 'CUSTOM' && value !== false) mapped.custom[field.customKey!] = value;
    else if (field.mapsTo === 'NOTE') mapped.notes.push({ label: field.label, value });
    else if (field.mapsTo !== 'CUSTOM' && typeof value === 'string') mapped.text[field.mapsTo] = value;
  }
  return mapped;
}

function noteBody(formName: string, notes: Mapped['notes']): string {
  const answers = notes.map(({ label, value }) => `**${label}**\n${typeof value === 'boolean' ? (value ? 'Yes' : 'No') : value}`);
  return [`Submitted through the form "${formName}".`, ...answers].join('\n\n');
}

/** The form's creator owns new contacts and companies while they are still a member. */
async function ownerFor(tx: Tx, form: LiveForm): Promise<string | null> {
  if (!form.createdById) return null;
  const membership = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: form.workspaceId, userId: form.createdById } },
    select: { id: true },
  });
  return membership ? form.createdById : null;
}

/** An existing live company of that name (any case), else a new one. */
async function companyFor(tx: Tx, workspaceId: string, name: string, ownerId: string | null): Promise<string> {
  const existing = await tx.company.findFirst({
    where: { workspaceId, deletedAt: null, name: sameTextAs(name) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true },
  });
  if (existing) return existing.id;
  const created = await tx.company.create({ data: { workspaceId, name, ownerId, createdById: null }, select: { id: true } });
  return created.id;
}

async function createContact(tx: Tx, form: LiveForm, email: string, mapped: Mapped): Promise<string> {
  const { text } = mapped;
  const ownerId = await ownerFor(tx, form);
  const companyId = text.COMPANY_NAME ? await companyFor(tx, form.workspaceId, text.COMPANY_NAME, ownerId) : null;
  const contact = await tx.contact.create({
    data: {
      workspaceId: form.workspaceId,
      firstName: text.FIRST_NAME ?? '',
      lastName: text.LAST_NAME ?? '',
      jobTitle: text.JOB_TITLE ?? null,
      location: text.LOCATION ?? null,
      headline: text.HEADLINE ?? null,
      companyId,
      source: `form:${form.name}`,
      lifecycleStage: 'LEAD',
      visibility: 'WORKSPACE',
      ownerId,
      createdById: null,
      customFields: await formCustomFields(tx, form.workspaceId, {}, mapped.custom),
      emails: { create: [{ workspaceId: form.workspaceId, email, isPrimary: true }] },
      phones: text.PHONE ? { create: [{ workspaceId: form.workspaceId, e164: text.PHONE, isPrimary: true }] } : undefined,
    },
    select: { id: true },
  });
  return contact.id;
}

/** Answers into custom fields: a key without a field gets one (typed from the answer), then values convert to each field's type. */
async function formCustomFields(tx: Tx, workspaceId: string, current: unknown, answers: Record<string, CleanValue>) {
  const plain = Object.fromEntries(Object.entries(answers).map(([key, v]) => [key, Array.isArray(v) ? v.join(', ') : v] as const));
  await ensureFields(
    tx,
    workspaceId,
    'CONTACT',
    Object.entries(plain).map(([key, v]) => ({ key, type: suggestedType(v) })),
  );
  return looseDocument(tx, workspaceId, 'CONTACT', current, plain);
}

const isEmpty = (value: unknown) => value == null || value === '';

/** Fills only what the contact lacks: a form never overwrites what the team (or an earlier form) wrote. */
async function fillContact(tx: Tx, form: LiveForm, contactId: string, mapped: Mapped): Promise<void> {
  const contact = await tx.contact.findUniqueOrThrow({
    where: { id: contactId },
    select: {
      firstName: true,
      lastName: true,
      jobTitle: true,
      location: true,
      headline: true,
      companyId: true,
      source: true,
      ownerId: true,
      customFields: true,
      _count: { select: { phones: true } },
    },
  });
  const { text } = mapped;
  const data: Prisma.ContactUncheckedUpdateInput = {};
  if (isEmpty(contact.firstName) && text.FIRST_NAME) data.firstName = text.FIRST_NAME;
  if (isEmpty(contact.lastName) && text.LAST_NAME) data.lastName = text.LAST_NAME;
  if (isEmpty(contact.jobTitle) && text.JOB_TITLE) data.jobTitle = text.JOB_TITLE;
  if (isEmpty(contact.location) && text.LOCATION) data.location = text.LOCATION;
  if (isEmpty(contact.headline) && text.HEADLINE) data.headline = text.HEADLINE;
  if (isEmpty(contact.source)) data.source = `form:${form.name}`;
  if (!contact.companyId && text.COMPANY_NAME) data.companyId = await companyFor(tx, form.workspaceId, text.COMPANY_NAME, contact.ownerId);
  if (contact._count.phones === 0 && text.PHONE) {
    data.phones = { create: [{ workspaceId: form.workspaceId, e164: text.PHONE, isPrimary: true }] };
  }
  const custom = { ...((contact.customFields ?? {}) as Record<string, unknown>) };
  // Only empty custom fields are filled, and never past the 50 a contact may have.
  const additions: Record<string, CleanValue> = {};
  let room = MAX_CUSTOM_FIELDS - Object.keys(custom).length;
  for (const [key, value] of Object.entries(mapped.custom)) {
    const present = Object.hasOwn(custom, key);
    if (present && !isEmpty(custom[key])) continue;
    if (!present) {
      if (room <= 0) continue;
      room -= 1;
    }
    additions[key] = value;
  }
  if (Object.keys(additions).length > 0) data.customFields = await formCustomFields(tx, form.workspaceId, custom, additions);
  if (Object.keys(data).length > 0) await tx.contact.update({ where: { id: contactId }, data });
}

async function applySubmission(tx: Tx, form: LiveForm, values: CleanValues, billing: Billing | null): Promise<string> {
  const fields = storedFields(form.fields);
  const mapped = mapValues(fields, values);
  const email = mapped.text.EMAIL!;
  const match = await tx.contactEmail.findFirst({
    where: { workspaceId: form.workspaceId, email: sameTextAs(email) },
    orderBy: { isPrimary: 'desc' },
    select: { contactId: true },
  });
  let contactId: string;
  if (match) {
    contactId = match.contactId;
    await fillContact(tx, form, contactId, mapped);
  } else {
    // A read-only workspace still takes its leads (a lost lead cannot be asked for again); the plan's contact limit still applies.
    await assertRoom(billing, tx, form.workspaceId, 'contacts', 1, { evenIfReadOnly: true });
    contactId = await createContact(tx, form, email, mapped);
  }
  if (mapped.notes.length > 0) {
    await tx.note.create({ data: { workspaceId: form.workspaceId, contactId, body: noteBody(form.name, mapped.notes), createdById: null } });
  }
  const submission = await tx.formSubmission.create({
    data: { workspaceId: form.workspaceId, formId: form.id, contactId, data: values },
    select: { id: true },
  });
  // No actor: the public submitted it. The form object is the sink the HTTP handler publishes from.
  await recordEvent(tx, form, {
    workspaceId: form.workspaceId,
    verb: match ? 'form_submitted' : 'created',
    entityType: 'Contact',
    entityId: contactId,
    changes: { formId: form.id, viaForm: true },
  });
  return submission.id;
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/**
 * Stores a checked submission. Two first submissions with the same new email may race to create the
 * contact; the loser retries once and then finds the winner's contact.
 */
export async function recordSubmission(prisma: PrismaClient, form: LiveForm, values: CleanValues, billing: Billing | null = null): Promise<string> {
  try {
    return await prisma.$transaction((tx) => applySubmission(tx, form, values, billing));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return prisma.$transaction((tx) => applySubmission(tx, form, values, billing));
  }
}
