// Root fields of the AI features. Each request sends only what the caller selected; nothing is written but
// its metering and audit entry. Saving a draft or a contact goes through the ordinary mutations.
import { builder } from '../../builder.js';
import { inWorkspace } from '../../auth/field-scopes.js';
import type { Context } from '../../context.js';
import { badInput } from '../../errors.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { emitEvent } from '../activity-events/record-event.js';
import { recordAudit } from '../audit/audit.service.js';
import { instanceAi, workspaceAiState } from './ai.access.js';
import { contactsWithEmails, planDraft, planExtract, planNextSteps, planSummary, type Plan } from './ai.features.js';
import { fromProviderError } from './ai.errors.js';
import { listModels } from './ai.provider.js';
import { runCompletion, runStream, type StreamEvent } from './ai.run.js';
import { aiTokensInMonth, aiUsageBreakdown } from './ai.usage.js';
import { recordWorkspace, type SelectedItem } from './ai.selection.js';
import {
  AiContactDraftType,
  AiDraftInput,
  AiDraftType,
  AiExtractContactInput,
  AiNextStepsInput,
  AiNextStepsType,
  AiPreviewType,
  AiStreamEventType,
  AiSummaryInput,
  AiSummaryType,
  WorkspaceAiType,
  WorkspaceAiUsageType,
  type StreamAnswer,
} from './ai.types.js';
import { permissionInWorkspace, permissionOnWorkspaceRow } from '../../auth/record-scopes.js';

/** Auth scopes for a request about one record: its workspace decides; a record elsewhere reads as NOT_FOUND. */
const onRecord = (ctx: Context, recordId: string, allowed?: Array<'Contact' | 'Company' | 'Deal'>) =>
  permissionOnWorkspaceRow(ctx, () => recordWorkspace(ctx, recordId, allowed), 'ai:use', 'Record');

type Inputs = {
  summary?: typeof AiSummaryInput.$inferInput | null;
  draft?: typeof AiDraftInput.$inferInput | null;
  extract?: typeof AiExtractContactInput.$inferInput | null;
  nextSteps?: typeof AiNextStepsInput.$inferInput | null;
};

/** Exactly one of the inputs. */
function oneInput(inputs: Inputs, allowed: Array<keyof Inputs>): keyof Inputs {
  const given = allowed.filter((name) => inputs[name] != null);
  if (given.length !== 1) throw badInput(`Give exactly one of ${allowed.join(', ')}.`, allowed[0]);
  return given[0]!;
}

function scopesForInputs(ctx: Context, inputs: Inputs, allowed: Array<keyof Inputs>, workspaceId?: string | null) {
  if (!ctx.viewer) return { authenticated: true } as const;
  const which = oneInput(inputs, allowed);
  if (which === 'summary') return onRecord(ctx, inputs.summary!.recordId);
  if (which === 'draft') return onRecord(ctx, inputs.draft!.recordId);
  if (which === 'nextSteps') return onRecord(ctx, inputs.nextSteps!.dealId, ['Deal']);
  return permissionInWorkspace(ctx, 'ai:use', workspaceId);
}

function planFor(ctx: Context, inputs: Inputs, which: keyof Inputs, workspaceId?: string | null): Promise<Plan<unknown>> {
  switch (which) {
    case 'summary':
      return planSummary(ctx, inputs.summary!);
    case 'draft':
      return planDraft(ctx, inputs.draft!);
    case 'nextSteps':
      return planNextSteps(ctx, inputs.nextSteps!);
    case 'extract':
      return planExtract(ctx, requireWorkspaceId(ctx, workspaceId), inputs.extract!.text);
  }
}

builder.queryFields((t) => ({
  workspaceAi: t.field({
    type: WorkspaceAiType,
    description:
      'Whether AI is available and on in the workspace, and its monthly token use. Never refused for being off: the app reads it to show or hide AI.',
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: inWorkspace('workspace:read'),
    resolve: (_root, args, ctx) => workspaceAiState(ctx, requireWorkspaceId(ctx, args.workspaceId)),
  }),
  workspaceAiUsage: t.field({
    type: WorkspaceAiUsageType,
    description: 'AI tokens in and out this month, per feature and per user (owners, like the rest of usage).',
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: inWorkspace('usage:read'),
    resolve: async (_root, args, ctx) => {
      const workspaceId = requireWorkspaceId(ctx, args.workspaceId);
      const [month, breakdown] = await Promise.all([aiTokensInMonth(ctx.prisma, workspaceId), aiUsageBreakdown(ctx.prisma, workspaceId)]);
      return { workspaceId, inputTokens: month.inputTokens, outputTokens: month.outputTokens, requests: month.requests, ...breakdown };
    },
  }),
  aiProviderModels: t.stringList({
    description: 'The models the instance’s AI provider serves (GET /models), to check AI_MODEL against (admins).',
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: inWorkspace('ai:manage'),
    resolve: async (_root, _args, ctx) => {
      const config = instanceAi(ctx);
      try {
        return await listModels(config);
      } catch (error) {
        throw await fromProviderError(error, config.model);
      }
    },
  }),
  aiPreview: t.field({
    type: AiPreviewType,
    description:
      'What a request would send to the AI provider, byte for byte, without sending it (show it before the first request of a kind). Give exactly one input.',
    args: {
      workspaceId: t.arg.id({ required: false }),
      summary: t.arg({ type: AiSummaryInput, required: false }),
      draft: t.arg({ type: AiDraftInput, required: false }),
      extract: t.arg({ type: AiExtractContactInput, required: false }),
      nextSteps: t.arg({ type: AiNextStepsInput, required: false }),
    },
    authScopes: (_root, args, ctx) => scopesForInputs(ctx, args, ['summary', 'draft', 'extract', 'nextSteps'], args.workspaceId),
    resolve: async (_root, args, ctx) => {
      const plan = await planFor(ctx, args, oneInput(args, ['summary', 'draft', 'extract', 'nextSteps']), args.workspaceId);
      return {
        workspaceId: plan.call.workspaceId,
        feature: plan.call.feature,
        model: plan.config.model,
        messages: plan.body.messages,
        body: JSON.stringify(plan.body),
      };
    },
  }),
}));

builder.mutationFields((t) => ({
  setWorkspaceAi: t.field({
    type: WorkspaceAiType,
    description: 'Turns AI on or off for the workspace (admins). Refused with AI_DISABLED when the instance has no AI provider.',
    args: { workspaceId: t.arg.id({ required: false }), enabled: t.arg.boolean() },
    authScopes: inWorkspace('ai:manage'),
    resolve: async (_root, args, ctx) => {
      instanceAi(ctx);
      const workspaceId = requireWorkspaceId(ctx, args.workspaceId);
      await ctx.prisma.$transaction(async (tx) => {
        const data = { enabled: args.enabled, updatedById: ctx.viewer?.user.id ?? null };
        await tx.aiWorkspaceSetting.upsert({ where: { workspaceId }, create: { workspaceId, ...data }, update: data });
        await emitEvent(tx, ctx, { id: workspaceId, workspaceId }, 'Workspace', 'settings_changed', { fields: ['ai'] });
        await recordAudit(tx, ctx, { workspaceId, action: args.enabled ? 'ai.enabled' : 'ai.disabled', targetType: 'Workspace', targetId: workspaceId });
      });
      return workspaceAiState(ctx, workspaceId);
    },
  }),
  aiSummarise: t.field({
    type: AiSummaryType,
    description: 'A short summary of a contact, company or deal from the timeline items you selected, with the items it drew on.',
    args: { input: t.arg({ type: AiSummaryInput }) },
    authScopes: (_root, args, ctx) => onRecord(ctx, args.input.recordId),
    resolve: async (_root, args, ctx) => {
      const plan = await planSummary(ctx, args.input);
      const { result, usage } = await runCompletion(ctx, plan.call, plan.config, plan.body, plan.parse);
      return { workspaceId: plan.call.workspaceId, ...result, usage };
    },
  }),
  aiDraftReply: t.field({
    type: AiDraftType,
    description: 'A draft reply to an email or text message, or a follow-up to a meeting note, in the tone and length you pick. Nothing is saved.',
    args: { input: t.arg({ type: AiDraftInput }) },
    authScopes: (_root, args, ctx) => onRecord(ctx, args.input.recordId),
    resolve: async (_root, args, ctx) => {
      const plan = await planDraft(ctx, args.input);
      const { result, usage } = await runCompletion(ctx, plan.call, plan.config, plan.body, plan.parse);
      return { workspaceId: plan.call.workspaceId, body: result.body, subject: result.subject, channel: channelOf(result.source.fields.channel), usage };
    },
  }),
  aiExtractContact: t.field({
    type: AiContactDraftType,
    description: 'Reads a contact from pasted text against a JSON schema, for you to correct, then create or update. Nothing is saved.',
    args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: AiExtractContactInput }) },
    authScopes: inWorkspace('ai:use'),
    resolve: async (_root, args, ctx) => {
      const workspaceId = requireWorkspaceId(ctx, args.workspaceId);
      const plan = await planExtract(ctx, workspaceId, args.input.text);
      const { result, usage } = await runCompletion(ctx, plan.call, plan.config, plan.body, plan.parse);
      return { ...result, workspaceId, matchIds: await contactsWithEmails(ctx, workspaceId, result.emails), usage };
    },
  }),
  aiSuggestNextSteps: t.field({
    type: AiNextStepsType,
    description: 'Suggested next steps for a deal from the history you selected; each can become an activity (createActivity).',
    args: { input: t.arg({ type: AiNextStepsInput }) },
    authScopes: (_root, args, ctx) => onRecord(ctx, args.input.dealId, ['Deal']),
    resolve: async (_root, args, ctx) => {
      const plan = await planNextSteps(ctx, args.input);
      const { result, usage } = await runCompletion(ctx, plan.call, plan.config, plan.body, plan.parse);
      return { workspaceId: plan.call.workspaceId, ...result, usage };
    },
  }),
}));

const channelOf = (channel: unknown): 'EMAIL' | 'SMS' | null => (channel === 'EMAIL' || channel === 'SMS' ? channel : null);

interface StreamFailure {
  failure: Error;
}

const piece = (workspaceId: string, delta: string): StreamAnswer => ({ workspaceId, delta, done: false, text: null, subject: null, items: null, usage: null });

/**
 * The stream as the subscription's source. Hand-written rather than a generator: return() (the client
 * unsubscribed) must reach the upstream request at once, even while a chunk is awaited, and a generator
 * would hold it until its next yield. The first error ends the stream as that operation's error.
 */
function answersOrFailure(ctx: Context, inputs: Inputs): AsyncIterable<StreamAnswer | StreamFailure> {
  const which = oneInput(inputs, ['summary', 'draft']) as 'summary' | 'draft';
  let plan: Plan<{ items?: SelectedItem[]; subject?: string | null }> | null = null;
  let events: AsyncIterableIterator<StreamEvent> | null = null;
  let finished = false;
  const end = (): IteratorResult<never> => ({ done: true, value: undefined as never });
  const iterator: AsyncIterator<StreamAnswer | StreamFailure> = {
    async next() {
      if (finished) return end();
      try {
        if (!events) {
          plan = which === 'summary' ? await planSummary(ctx, inputs.summary!) : await planDraft(ctx, inputs.draft!);
          if (finished) return end();
          events = runStream(ctx, plan.call, plan.config, plan.body);
        }
        const step = await events.next();
        if (step.done || finished) {
          finished = true;
          return end();
        }
        const event = step.value;
        if ('error' in event) {
          finished = true;
          return { done: false, value: { failure: event.error } };
        }
        if ('delta' in event) return { done: false, value: piece(plan!.call.workspaceId, event.delta) };
        const parsed = plan!.parse(event.text);
        return {
          done: false,
          value: {
            workspaceId: plan!.call.workspaceId,
            delta: null,
            done: true,
            text: event.text.trim(),
            subject: parsed?.subject ?? null,
            items: parsed?.items ?? null,
            usage: event.usage,
          },
        };
      } catch (error) {
        finished = true;
        return { done: false, value: { failure: error as Error } };
      }
    },
    async return() {
      finished = true;
      await events?.return?.();
      return end();
    },
  };
  return { [Symbol.asyncIterator]: () => iterator };
}

builder.subscriptionField('aiStream', (t) =>
  t.field({
    type: AiStreamEventType,
    nullable: true,
    description: 'A summary or a draft streamed as it is generated. Unsubscribing cancels the request upstream. Give exactly one input.',
    args: { summary: t.arg({ type: AiSummaryInput, required: false }), draft: t.arg({ type: AiDraftInput, required: false }) },
    authScopes: (_root, args, ctx) => scopesForInputs(ctx, args, ['summary', 'draft']),
    subscribe: (_root, args, ctx) => answersOrFailure(ctx, args),
    resolve: (item) => {
      const answer = item;
      if ('failure' in answer) throw answer.failure;
      return answer;
    },
  }),
);
