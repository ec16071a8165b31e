// AI with billing on: the plan's monthly AI tokens are checked before a request, and what a request costs is
// recorded once as usage to bill.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorCodes } from '../../test/test-app.js';
import { useBillingApp } from '../billing/billing.test-helpers.js';
import { AI_TOKENS } from '../billing/limits.js';
import { aiWorkspace, loopbackProvider } from './ai.test-helpers.js';

const { getApp } = useBillingApp();
const provider = await loopbackProvider();
beforeEach(() => provider.reset());
// Shared with the worker's later test files (the role matrix among them): leave it with its default replies.
afterEach(() => provider.reset());

const SUMMARISE = `mutation($i: AiSummaryInput!) { aiSummarise(input: $i) { text usage { inputTokens outputTokens } } }`;

describe('AI under a billing plan', () => {
  it('bills each request’s tokens once, and refuses with PLAN_LIMIT once the plan’s monthly tokens are used', async () => {
    const { app, f, h } = await aiWorkspace(getApp());
    provider.enqueue({ content: 'Ada is evaluating the quote.', usage: { prompt: 120, completion: 30 } });

    const answer = (await f.clients.MEMBER.ok(SUMMARISE, { i: { recordId: h.ada, itemIds: [h.note] } })).aiSummarise;
    expect(answer.usage).toEqual({ inputTokens: 120, outputTokens: 30 });
    const billed = await app.prisma.billableUsage.findMany({ where: { workspaceId: f.workspaceId, kind: AI_TOKENS } });
    expect(billed.map((b) => b.quantity)).toEqual([150]);

    // The free test plan allows 1,000 tokens a month: used up, the next request is refused before it is sent.
    await app.prisma.billableUsage.create({ data: { workspaceId: f.workspaceId, kind: AI_TOKENS, quantity: 850, idempotencyKey: 'earlier-use' } });
    const sent = provider.completions.length;
    const refused = await f.clients.MEMBER.gql(SUMMARISE, { i: { recordId: h.ada, itemIds: [h.note] } });
    expect(errorCodes(refused)).toEqual(['PLAN_LIMIT']);
    expect(provider.completions.length).toBe(sent);
    expect(await app.prisma.aiUsage.count({ where: { workspaceId: f.workspaceId } })).toBe(1);
  });
});
