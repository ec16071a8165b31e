// The relevance suite (issue 24): every case is a query, the record a person is obviously looking for and the
// rank it must reach, among a few thousand confusers seeded once. Prints the pass count per class.
import { expect, it } from 'vitest';
import { globalId, rolesFixture } from '../../../test/fixtures.js';
import { useTestApp } from '../../../test/test-app.js';
import { CASES } from './cases.js';
import { seedRelevance } from './seed.js';

const getApp = useTestApp();

const SEARCH = `query($q: String!, $first: Int) {
  search(query: $q, first: $first) {
    edges { node { title record { ... on Contact { id } ... on Company { id } ... on Note { id } ... on Communication { id } } } }
  }
}`;
const TYPENAMES = { CONTACT: 'Contact', COMPANY: 'Company', NOTE: 'Note', COMMUNICATION: 'Communication' } as const;
const PAGE = 10;

it('finds what a person is looking for: 150+ cases over a few thousand confusers, every class passing', { timeout: 120_000 }, async () => {
  const app = getApp();
  const f = await rolesFixture(app);
  const started = Date.now();
  const { ids, documents } = await seedRelevance(app.prisma, f.workspaceId, f.users.MEMBER.id);
  const seeded = Date.now();

  const lines: string[] = [];
  const failures: string[] = [];
  let passed = 0;
  let total = 0;
  for (const [name, cases] of Object.entries(CASES)) {
    let classPassed = 0;
    for (const [index, c] of cases.entries()) {
      // Owners' and members' statements differ (members' checks visibility row by row): every class asks both.
      const actor = index % 2 === 0 ? 'MEMBER' : 'OWNER';
      const data = await f.clients[actor].ok(SEARCH, { q: c.query, first: PAGE });
      const edges = data.search.edges as Array<{ node: { title: string; record: { id: string } | null } }>;
      const target = ids[c.expect];
      const wanted = globalId(TYPENAMES[target.type], target.id);
      const rank = edges.findIndex((e) => e.node.record?.id === wanted) + 1;
      if (rank >= 1 && rank <= c.rank) classPassed += 1;
      else
        failures.push(
          `[${name}] "${c.query}" (${actor}) → ${c.expect} at ${rank || `>${PAGE}`} (needs ≤${c.rank}); got ${edges
            .slice(0, 3)
            .map((e) => e.node.title)
            .join(' | ')}`,
        );
    }
    passed += classPassed;
    total += cases.length;
    lines.push(`  ${name.padEnd(36)} ${classPassed}/${cases.length}`);
  }
  console.log(
    [
      `relevance: ${passed}/${total} cases pass over ${documents} documents (seeded in ${seeded - started} ms, queried in ${Date.now() - seeded} ms)`,
      ...lines,
      ...failures.map((l) => `  FAIL ${l}`),
    ].join('\n'),
  );
  expect(total).toBeGreaterThanOrEqual(150);
  expect(failures).toEqual([]);
});
