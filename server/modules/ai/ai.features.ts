// The four features as plans: what to send (built from the user's selection only) and how to read the
// answer. The same plan serves the request, its "what will be sent" preview and its stream.
import { z } from 'zod';
import type { Context } from '../../context.js';
import { badInput, notFound } from '../../errors.js';
import type { AiFeature } from '../../generated/prisma/enums.js';
import { normalizeEmail } from '../accounts/inputs.js';
import { requireAi } from './ai.access.js';
import type { AiConfig } from './ai.config.js';
import { CONTACT_SCHEMA, draftMessages, extractMessages, NEXT_STEPS_SCHEMA, nextStepsMessages, summaryMessages, type Length, type Tone } from './ai.prompts.js';
import { chatBody, type ChatBody } from './ai.provider.js';
import type { AiCall } from './ai.run.js';
import { loadItems, loadRecord, recordWorkspace, type SelectedItem } from './ai.selection.js';
import { recordAccess } from '../../auth/record-access.js';
import { visibleWhere } from '../../auth/record-where.js';

export interface Plan<T> {
  config: AiConfig;
  call: AiCall;
  body: ChatBody;
  parse: (content: string) => T | null;
}

export const MAX_PASTED_TEXT = 10_000;
export const MAX_INSTRUCTIONS = 500;

/** The record's workspace (membership and permission were checked by the field's auth scope), then AI's state there. */
async function aiForRecord(ctx: Context, recordId: string, allowed?: Array<'Contact' | 'Company' | 'Deal'>) {
  const located = await recordWorkspace(ctx, recordId, allowed);
  if (!located) throw notFound('Record');
  return requireAi(ctx, located.workspaceId);
}

const call = (feature: AiFeature, record: { typename: string; id: string; workspaceId: string }, items: SelectedItem[]): AiCall => ({
  workspaceId: record.workspaceId,
  feature,
  target: { type: record.typename, id: record.id },
  itemIds: items.map((item) => item.id),
});

/** Item refs the text cites ("[2]", "[1, 3]"), as items; every item when it cites none. */
export function citedItems(text: string, items: SelectedItem[]): SelectedItem[] {
  const refs = new Set<number>();
  for (const match of text.matchAll(/\[(\d+(?:\s*,\s*\d+)*)\]/g)) for (const n of match[1]!.split(',')) refs.add(Number(n.trim()));
  const cited = items.filter((_item, i) => refs.has(i + 1));
  return cited.length ? cited : items;
}

export interface SummaryInput {
  recordId: string;
  itemIds: string[];
}

export async function planSummary(ctx: Context, input: SummaryInput): Promise<Plan<{ text: string; items: SelectedItem[] }>> {
  const config = await aiForRecord(ctx, input.recordId);
  const record = await loadRecord(ctx, input.recordId);
  const items = await loadItems(ctx, record, input.itemIds);
  return {
    config,
    call: call('SUMMARY', record, items),
    body: chatBody(config, summaryMessages(record, items), { maxTokens: 400 }),
    parse: (content) => (content.trim() ? { text: content.trim(), items: citedItems(content, items) } : null),
  };
}

export interface DraftInput {
  recordId: string;
  sourceId: string;
  tone?: Tone | null;
  length?: Length | null;
  instructions?: string | null;
}

export interface Draft {
  body: string;
  subject: string | null;
  source: SelectedItem;
}

const replySubject = (subject: unknown) => (typeof subject === 'string' && subject ? (/^re:/i.test(subject) ? subject : `Re: ${subject}`) : null);

export async function planDraft(ctx: Context, input: DraftInput): Promise<Plan<Draft>> {
  const config = await aiForRecord(ctx, input.recordId);
  const record = await loadRecord(ctx, input.recordId);
  const [source] = await loadItems(ctx, record, [input.sourceId], ['Note', 'Communication']);
  if (source!.kind === 'Communication' && source!.fields.channel === 'CALL')
    throw badInput('Draft a reply to an email or a text message, or a follow-up to a meeting note.', 'sourceId');
  const instructions = input.instructions?.trim() || null;
  const messages = draftMessages(record, source!, { tone: input.tone ?? 'NEUTRAL', length: input.length ?? 'SHORT', instructions });
  const subject = source!.fields.channel === 'EMAIL' ? replySubject(source!.fields.subject) : null;
  return {
    config,
    call: call('DRAFT_REPLY', record, [source!]),
    body: chatBody(config, messages, { maxTokens: 800 }),
    parse: (content) => (content.trim() ? { body: content.trim(), subject, source: source! } : null),
  };
}

const contactAnswer = z.object({
  firstName: z.string().max(100).nullable(),
  lastName: z.string().max(100).nullable(),
  jobTitle: z.string().max(200).nullable(),
  companyName: z.string().max(200).nullable(),
  location: z.string().max(200).nullable(),
  emails: z.array(z.string().max(320)).max(20),
  phones: z.array(z.string().max(50)).max(20),
  profileUrls: z.array(z.string().max(2000)).max(20),
});

export type ExtractedContact = z.infer<typeof contactAnswer>;

const digits = (value: string) => value.replace(/\D/g, '');
const bareUrl = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/$/, '');

/** Keeps only the addresses, numbers and links that the pasted text itself contains: the model may not invent them. */
export function groundedInText(contact: ExtractedContact, text: string): ExtractedContact {
  const lower = text.toLowerCase();
  const textDigits = digits(text);
  const clean = (value: string | null) => (value?.trim() ? value.trim() : null);
  return {
    firstName: clean(contact.firstName),
    lastName: clean(contact.lastName),
    jobTitle: clean(contact.jobTitle),
    companyName: clean(contact.companyName),
    location: clean(contact.location),
    emails: [...new Set(contact.emails.map(normalizeEmail).filter((email) => email.includes('@') && lower.includes(email)))],
    phones: [...new Set(contact.phones.map((p) => p.trim()).filter((phone) => digits(phone).length >= 6 && textDigits.includes(digits(phone))))],
    profileUrls: [
      ...new Set(
        contact.profileUrls.map((u) => u.trim()).filter((url) => bareUrl(url).length > 3 && lower.replace(/https?:\/\/(www\.)?/g, '').includes(bareUrl(url))),
      ),
    ],
  };
}

function parseJson<T>(content: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(content));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function planExtract(ctx: Context, workspaceId: string, text: string): Promise<Plan<ExtractedContact>> {
  const config = await requireAi(ctx, workspaceId);
  if (!text.trim()) throw badInput('Paste the text to read a contact from.', 'text');
  if (text.length > MAX_PASTED_TEXT) throw badInput(`Paste at most ${MAX_PASTED_TEXT} characters.`, 'text');
  return {
    config,
    call: { workspaceId, feature: 'EXTRACT_CONTACT', target: null, itemIds: [] },
    body: chatBody(config, extractMessages(text), { maxTokens: 600, format: CONTACT_SCHEMA }),
    parse: (content) => {
      const contact = parseJson(content, contactAnswer);
      return contact && groundedInText(contact, text);
    },
  };
}

/** Visible contacts of the workspace that already have one of these emails: candidates to update instead. */
export async function contactsWithEmails(ctx: Context, workspaceId: string, emails: string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const access = await recordAccess(ctx, workspaceId);
  const rows = await ctx.prisma.contact.findMany({
    where: { AND: [{ deletedAt: null }, visibleWhere(access), { emails: { some: { workspaceId, email: { in: emails } } } }] },
    select: { id: true },
    orderBy: { id: 'asc' },
    take: 5,
  });
  return rows.map((row) => row.id);
}

const nextStepsAnswer = z.object({
  steps: z
    .array(
      z.object({
        type: z.enum(['TASK', 'CALL', 'MEETING']),
        subject: z.string().trim().min(1).max(200),
        reason: z.string().max(1000),
        dueInDays: z.number().int(),
      }),
    )
    .max(5),
});

export interface NextStep {
  type: 'TASK' | 'CALL' | 'MEETING';
  subject: string;
  reason: string;
  dueAt: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function planNextSteps(ctx: Context, input: { dealId: string; itemIds: string[] }): Promise<Plan<{ steps: NextStep[]; items: SelectedItem[] }>> {
  const config = await aiForRecord(ctx, input.dealId, ['Deal']);
  const record = await loadRecord(ctx, input.dealId, ['Deal']);
  const items = await loadItems(ctx, record, input.itemIds);
  return {
    config,
    call: call('NEXT_STEPS', record, items),
    body: chatBody(config, nextStepsMessages(record, items), { maxTokens: 800, format: NEXT_STEPS_SCHEMA }),
    parse: (content) => {
      const answer = parseJson(content, nextStepsAnswer);
      if (!answer) return null;
      const now = Date.now();
      const steps = answer.steps.map((s) => ({
        type: s.type,
        subject: s.subject,
        reason: s.reason,
        dueAt: new Date(now + Math.min(Math.max(s.dueInDays, 0), 365) * DAY_MS),
      }));
      return { steps, items };
    },
  };
}
