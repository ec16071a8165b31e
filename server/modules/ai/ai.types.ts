// GraphQL types of the AI features. Answers are reachable only through the root fields that authorise them.
import { builder } from '../../builder.js';
import { AiFeature } from '../../generated/prisma/enums.js';
import { ActivityTypeEnum } from '../activities/activity.types.js';
import { shortText } from '../records/common.types.js';
import { TimelineItemUnion } from '../timeline/timeline.graphql.js';
import type { WorkspaceAiState } from './ai.access.js';
import type { ExtractedContact, NextStep } from './ai.features.js';
import { MAX_INSTRUCTIONS, MAX_PASTED_TEXT } from './ai.features.js';
import type { AiMessage, TokenUsage } from './ai.provider.js';
import type { SelectedItem } from './ai.selection.js';

/** Parts of an answer, reachable only inside one: whoever got the answer reads them. */
const partOfAnswer = { authScopes: { authenticated: true } } as const;
/** An answer is read by those who may use AI in its workspace. */
const answerRule = { authScopes: (answer: { workspaceId: string }) => ({ can: { workspaceId: answer.workspaceId, permission: 'ai:use' as const } }) };

export const AiFeatureEnum = builder.enumType(AiFeature, { name: 'AiFeature' });
export const AiToneEnum = builder.enumType('AiTone', { values: ['NEUTRAL', 'FRIENDLY', 'FORMAL'] as const });
export const AiLengthEnum = builder.enumType('AiLength', { values: ['SHORT', 'MEDIUM', 'LONG'] as const });

export const WorkspaceAiType = builder.objectRef<WorkspaceAiState>('WorkspaceAi').implement({
  description: 'Whether AI can be used in a workspace, and how much of its monthly budget is spent.',
  authScopes: (state) => ({ member: state.workspaceId }),
  fields: (t) => ({
    available: t.exposeBoolean('available', { description: 'The instance has an AI provider configured. When false, hide every AI control.' }),
    enabled: t.exposeBoolean('enabled', { description: 'The workspace’s admins turned AI on (off until they do).' }),
    model: t.exposeString('model', { nullable: true }),
    monthlyTokenBudget: t.exposeInt('monthlyTokenBudget', { description: 'Tokens (in + out) per calendar month (UTC); 0 means no limit.' }),
    tokensUsedThisMonth: t.int({ resolve: (s) => s.used.total }),
    budgetExhausted: t.boolean({ resolve: (s) => s.monthlyTokenBudget > 0 && s.used.total >= s.monthlyTokenBudget }),
    resetsAt: t.expose('resetsAt', { type: 'DateTime', description: 'When the monthly budget renews.' }),
  }),
});

export const AiTokenUsageType = builder.objectRef<TokenUsage>('AiTokenUsage').implement({
  ...partOfAnswer,
  fields: (t) => ({ inputTokens: t.exposeInt('inputTokens'), outputTokens: t.exposeInt('outputTokens') }),
});

/** Rows become TimelineItem union members, as the timeline serves them. */
export const asTimelineItems = (items: SelectedItem[]) => items.map((item) => Object.assign(item.row, { __timelineKind: item.kind }));

export interface SummaryAnswer {
  workspaceId: string;
  text: string;
  items: SelectedItem[];
  usage: TokenUsage;
}

export const AiSummaryType = builder.objectRef<SummaryAnswer>('AiSummary').implement({
  ...answerRule,
  fields: (t) => ({
    text: t.exposeString('text'),
    items: t.field({
      type: [TimelineItemUnion],
      description: 'The selected items the summary drew on (those it cites, or all).',
      resolve: (a) => asTimelineItems(a.items) as never,
    }),
    usage: t.field({ type: AiTokenUsageType, resolve: (a) => a.usage }),
  }),
});

export interface DraftAnswer {
  workspaceId: string;
  body: string;
  subject: string | null;
  channel: 'EMAIL' | 'SMS' | null;
  usage: TokenUsage;
}

export const AiDraftType = builder.objectRef<DraftAnswer>('AiDraft').implement({
  description: 'A draft to edit; nothing is saved until you save it (createCommunication).',
  ...answerRule,
  fields: (t) => ({
    body: t.exposeString('body'),
    subject: t.exposeString('subject', { nullable: true, description: 'For an email: "Re: " and the subject replied to.' }),
    channel: t.exposeString('channel', { nullable: true, description: 'EMAIL or SMS for a reply; null for a meeting follow-up.' }),
    usage: t.field({ type: AiTokenUsageType, resolve: (a) => a.usage }),
  }),
});

export interface ContactAnswer extends ExtractedContact {
  workspaceId: string;
  /** Visible contacts that already have one of the emails. */
  matchIds: string[];
  usage: TokenUsage;
}

export const AiContactDraftType = builder.objectRef<ContactAnswer>('AiContactDraft').implement({
  description:
    'A contact read from pasted text, to correct and then create (createContact) or merge into a match (updateContact). Emails, phones and links appear only if the text contains them.',
  ...answerRule,
  fields: (t) => ({
    firstName: t.exposeString('firstName', { nullable: true }),
    lastName: t.exposeString('lastName', { nullable: true }),
    jobTitle: t.exposeString('jobTitle', { nullable: true }),
    companyName: t.exposeString('companyName', { nullable: true }),
    location: t.exposeString('location', { nullable: true }),
    emails: t.exposeStringList('emails'),
    phones: t.exposeStringList('phones'),
    profileUrls: t.exposeStringList('profileUrls'),
    matches: t.prismaField({
      type: ['Contact'],
      description: 'Contacts you can see that already have one of these emails.',
      resolve: (query, a, _args, ctx) => ctx.prisma.contact.findMany({ ...query, where: { id: { in: a.matchIds } }, orderBy: { id: 'asc' } }),
    }),
    usage: t.field({ type: AiTokenUsageType, resolve: (a) => a.usage }),
  }),
});

export const AiNextStepType = builder.objectRef<NextStep>('AiNextStep').implement({
  description: 'A suggested step; create it as an activity on the deal with createActivity.',
  ...partOfAnswer,
  fields: (t) => ({
    type: t.field({ type: ActivityTypeEnum, resolve: (s) => s.type }),
    subject: t.exposeString('subject'),
    reason: t.exposeString('reason'),
    dueAt: t.expose('dueAt', { type: 'DateTime' }),
  }),
});

export interface NextStepsAnswer {
  workspaceId: string;
  steps: NextStep[];
  items: SelectedItem[];
  usage: TokenUsage;
}

export const AiNextStepsType = builder.objectRef<NextStepsAnswer>('AiNextSteps').implement({
  ...answerRule,
  fields: (t) => ({
    steps: t.field({ type: [AiNextStepType], resolve: (a) => a.steps }),
    items: t.field({ type: [TimelineItemUnion], resolve: (a) => asTimelineItems(a.items) as never }),
    usage: t.field({ type: AiTokenUsageType, resolve: (a) => a.usage }),
  }),
});

export interface PreviewAnswer {
  workspaceId: string;
  feature: AiFeature;
  model: string;
  messages: AiMessage[];
  body: string;
}

const AiMessageType = builder.objectRef<AiMessage>('AiMessage').implement({
  ...partOfAnswer,
  fields: (t) => ({ role: t.exposeString('role'), content: t.exposeString('content') }),
});

export const AiPreviewType = builder.objectRef<PreviewAnswer>('AiPreview').implement({
  description: 'Exactly what a request would send to the AI provider, without sending it.',
  ...answerRule,
  fields: (t) => ({
    feature: t.field({ type: AiFeatureEnum, resolve: (p) => p.feature }),
    model: t.exposeString('model'),
    messages: t.field({ type: [AiMessageType], resolve: (p) => p.messages }),
    body: t.exposeString('body', { description: 'The JSON request body, byte for byte (a streamed request adds "stream" and "stream_options").' }),
  }),
});

export interface StreamAnswer {
  workspaceId: string;
  delta: string | null;
  done: boolean;
  text: string | null;
  subject: string | null;
  items: SelectedItem[] | null;
  usage: TokenUsage | null;
}

export const AiStreamEventType = builder.objectRef<StreamAnswer>('AiStreamEvent').implement({
  description: 'A piece of streamed output; the last event has done: true with the whole text, the items drawn on and the tokens used.',
  ...answerRule,
  fields: (t) => ({
    delta: t.exposeString('delta', { nullable: true }),
    done: t.exposeBoolean('done'),
    text: t.exposeString('text', { nullable: true }),
    subject: t.exposeString('subject', { nullable: true }),
    items: t.field({ type: [TimelineItemUnion], nullable: true, resolve: (a) => (a.items ? (asTimelineItems(a.items) as never) : null) }),
    usage: t.field({ type: AiTokenUsageType, nullable: true, resolve: (a) => a.usage }),
  }),
});

export const AiSummaryInput = builder.inputType('AiSummaryInput', {
  fields: (t) => ({
    recordId: t.id({ description: 'A contact, company or deal.' }),
    itemIds: t.idList({ description: 'The notes, activities and communications of its timeline to include (1 to 50).' }),
  }),
});

export const AiDraftInput = builder.inputType('AiDraftInput', {
  fields: (t) => ({
    recordId: t.id({ description: 'The contact, company or deal the message is on.' }),
    sourceId: t.id({ description: 'An email or text message to reply to, or a meeting note to follow up.' }),
    tone: t.field({ type: AiToneEnum, required: false }),
    length: t.field({ type: AiLengthEnum, required: false }),
    instructions: t.string({
      required: false,
      description: 'Your own wish for the draft ("decline politely").',
      validate: shortText('Instructions', MAX_INSTRUCTIONS),
    }),
  }),
});

export const AiExtractContactInput = builder.inputType('AiExtractContactInput', {
  fields: (t) => ({
    text: t.string({
      description: `Pasted text: a signature, a profile, a badge (at most ${MAX_PASTED_TEXT} characters).`,
      validate: shortText('Text', MAX_PASTED_TEXT),
    }),
  }),
});

export const AiNextStepsInput = builder.inputType('AiNextStepsInput', {
  fields: (t) => ({
    dealId: t.id(),
    itemIds: t.idList({ description: 'The deal’s timeline items to include (1 to 50).' }),
  }),
});

export interface UsageRowAnswer {
  feature: AiFeature | null;
  userId: string | null;
  inputTokens: number;
  outputTokens: number;
  requests: number;
}

export const AiUsageRowType = builder.objectRef<UsageRowAnswer>('AiUsageRow').implement({
  ...partOfAnswer,
  fields: (t) => ({
    feature: t.field({ type: AiFeatureEnum, nullable: true, resolve: (r) => r.feature }),
    userId: t.exposeID('userId', { nullable: true, description: 'The user’s raw id (usage outlives deleted users); null in the per-feature rows.' }),
    userName: t.string({
      nullable: true,
      description: 'The user’s current name; null in the per-feature rows and for API keys’ and deleted users’ rows.',
      resolve: async (row, _args, ctx) => {
        if (!row.userId) return null;
        const user = await ctx.prisma.user.findUnique({ where: { id: row.userId }, select: { name: true, deletedAt: true } });
        return user && !user.deletedAt ? user.name : null;
      },
    }),
    inputTokens: t.exposeInt('inputTokens'),
    outputTokens: t.exposeInt('outputTokens'),
    requests: t.exposeInt('requests'),
  }),
});

export interface AiUsageAnswer {
  workspaceId: string;
  from: Date;
  to: Date;
  inputTokens: number;
  outputTokens: number;
  requests: number;
  byFeature: UsageRowAnswer[];
  byUser: UsageRowAnswer[];
}

export const WorkspaceAiUsageType = builder.objectRef<AiUsageAnswer>('WorkspaceAiUsage').implement({
  description: 'AI tokens in and out this calendar month (UTC), per feature and per user.',
  authScopes: (usage) => ({ can: { workspaceId: usage.workspaceId, permission: 'usage:read' } }),
  fields: (t) => ({
    from: t.expose('from', { type: 'DateTime' }),
    to: t.expose('to', { type: 'DateTime' }),
    inputTokens: t.exposeInt('inputTokens'),
    outputTokens: t.exposeInt('outputTokens'),
    requests: t.exposeInt('requests'),
    byFeature: t.field({ type: [AiUsageRowType], resolve: (u) => u.byFeature }),
    byUser: t.field({ type: [AiUsageRowType], resolve: (u) => u.byUser }),
  }),
});
