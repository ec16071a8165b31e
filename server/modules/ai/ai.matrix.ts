import { globalId, type Actor, type RolesFixture } from '../../test/fixtures.js';
import { admins, as, byRole, readers, writers, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';
import { contactRow, dealRow } from '../../test/record-fixtures.js';
import { turnAiOn } from './ai.test-helpers.js';

/** AI on, and a contact and a deal with a note each. */
async function selection(app: TestApp, f: RolesFixture) {
  // The provider is shared by the test files of a worker: start from its default replies, whatever ran before.
  (await turnAiOn(app, f.workspaceId)).reset();
  const contact = await contactRow(app, f);
  const deal = await dealRow(app, f);
  const note = await app.prisma.note.create({ data: { workspaceId: f.workspaceId, body: 'Met at the fair.', contactId: contact.id, dealId: deal.id } });
  return { contact: contact.gid, deal: deal.gid, note: globalId('Note', note.id) };
}

const withSelection =
  (query: string, variables: (s: Awaited<ReturnType<typeof selection>>) => Record<string, unknown>) => async (app: TestApp, f: RolesFixture, actor: Actor) =>
    as(f, actor).gql(query, variables(await selection(app, f)));

export const cases: MatrixCase[] = [
  { kind: 'query', field: 'workspaceAi', run: withSelection(`{ workspaceAi { available enabled tokensUsedThisMonth } }`, () => ({})), expect: readers() },
  { kind: 'query', field: 'aiProviderModels', run: withSelection(`{ aiProviderModels }`, () => ({})), expect: admins() },
  {
    kind: 'query',
    field: 'workspaceAiUsage',
    run: withSelection(`{ workspaceAiUsage { inputTokens requests } }`, () => ({})),
    expect: byRole('ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    kind: 'query',
    field: 'aiPreview',
    run: withSelection(`query($s: AiSummaryInput) { aiPreview(summary: $s) { body } }`, (s) => ({ s: { recordId: s.contact, itemIds: [s.note] } })),
    expect: writers(),
  },
  { kind: 'mutation', field: 'setWorkspaceAi', run: withSelection(`mutation { setWorkspaceAi(enabled: false) { enabled } }`, () => ({})), expect: admins() },
  {
    kind: 'mutation',
    field: 'aiSummarise',
    run: withSelection(`mutation($s: AiSummaryInput!) { aiSummarise(input: $s) { text } }`, (s) => ({ s: { recordId: s.contact, itemIds: [s.note] } })),
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'aiDraftReply',
    run: withSelection(`mutation($d: AiDraftInput!) { aiDraftReply(input: $d) { body } }`, (s) => ({ d: { recordId: s.contact, sourceId: s.note } })),
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'aiExtractContact',
    run: withSelection(`mutation { aiExtractContact(input: { text: "Grace Hopper, Navy" }) { firstName } }`, () => ({})),
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'aiSuggestNextSteps',
    run: withSelection(`mutation($n: AiNextStepsInput!) { aiSuggestNextSteps(input: $n) { steps { subject } } }`, (s) => ({
      n: { dealId: s.deal, itemIds: [s.note] },
    })),
    expect: writers(),
  },
];
