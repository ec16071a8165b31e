// Random workspaces for property tests of the record rules: members of every role, teams, records of every
// model with random visibility, owners, shares, links and trash, in two workspaces so that tenant isolation
// is checked too. Deterministic for a seed.
import type { RecordModel } from '../auth/record-rules.js';
import { seededRandom } from '../modules/search/relevance/confusers.js';
import type { RecordPolicy, Role } from '../generated/prisma/enums.js';
import type { TestApp } from './test-app.js';

/** The search bench's seeded PRNG with the few draws the generator needs. */
function draws(seed: number) {
  const random = seededRandom(seed);
  const chance = (p: number) => random.next() < p;
  return { pick: random.pick, chance, some: <T>(list: readonly T[], p: number) => list.filter(() => chance(p)) };
}

export interface World {
  /** Every (member, workspace) pair: the callers. */
  memberships: Array<{ userId: string; workspaceId: string }>;
  ids: Record<RecordModel, Array<{ id: string; workspaceId: string }>>;
}

const ROLES: Role[] = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'];
const POLICIES: RecordPolicy[] = ['OPEN', 'OWN_AND_SHARED'];
const OWNED = ['contact', 'company', 'deal', 'communication'] as const;

export async function randomWorkspaces(app: TestApp, seed: number, perModel = 4): Promise<World> {
  const random = draws(seed);
  const prisma = app.prisma;
  const users = await Promise.all(
    Array.from({ length: 5 }, (_, i) =>
      prisma.user.create({ data: { name: `User ${i}`, email: `u${i}-${seed}@example.com`, passwordHash: 'unused', ageConfirmedAt: new Date() } }),
    ),
  );
  const world: World = { memberships: [], ids: { contact: [], company: [], deal: [], communication: [], note: [], activity: [], comment: [] } };
  for (const name of ['Acme', 'Elsewhere']) {
    const workspace = await prisma.workspace.create({ data: { name, recordPolicy: random.pick(POLICIES) } });
    const w = workspace.id;
    // Most users are members, some of two workspaces; a non-member may still own or be shared a record.
    const members = users.filter(() => random.chance(0.8));
    for (const user of members) {
      await prisma.membership.create({ data: { workspaceId: w, userId: user.id, role: random.pick(ROLES) } });
      world.memberships.push({ userId: user.id, workspaceId: w });
    }
    const teams = [];
    for (const team of ['Sales', 'Support']) {
      const row = await prisma.team.create({ data: { workspaceId: w, name: team } });
      for (const user of random.some(members, 0.4)) await prisma.teamMember.create({ data: { teamId: row.id, userId: user.id } });
      teams.push(row);
    }
    const pipeline = await prisma.pipeline.create({ data: { workspaceId: w, name: 'Sales' } });
    const stage = await prisma.pipelineStage.create({ data: { workspaceId: w, pipelineId: pipeline.id, name: 'Lead', position: 0 } });
    const person = () => (random.chance(0.8) ? random.pick(users).id : null);
    const trashed = () => (random.chance(0.2) ? new Date() : null);
    const owned = () => ({
      workspaceId: w,
      ownerId: person(),
      createdById: person(),
      visibility: random.pick(['WORKSPACE', 'PRIVATE'] as const),
      deletedAt: trashed(),
    });
    for (let i = 0; i < perModel; i++) {
      const rows = {
        contact: await prisma.contact.create({ data: { ...owned(), firstName: `C${i}` } }),
        company: await prisma.company.create({ data: { ...owned(), name: `Co${i}` } }),
        deal: await prisma.deal.create({ data: { ...owned(), name: `D${i}`, pipelineId: pipeline.id, stageId: stage.id } }),
        communication: await prisma.communication.create({ data: { ...owned(), kind: 'CALL', direction: 'OUTBOUND', occurredAt: new Date() } }),
      };
      for (const model of OWNED) {
        const id = rows[model].id;
        world.ids[model].push({ id, workspaceId: w });
        for (const user of random.some(users, 0.15)) await prisma.recordShare.create({ data: { workspaceId: w, [`${model}Id`]: id, userId: user.id } });
        for (const team of random.some(teams, 0.2)) await prisma.recordShare.create({ data: { workspaceId: w, [`${model}Id`]: id, teamId: team.id } });
      }
    }
    const link = (model: 'contact' | 'company' | 'deal') => {
      const local = world.ids[model].filter((row) => row.workspaceId === w);
      return random.chance(0.6) ? random.pick(local).id : null;
    };
    const links = () => ({ contactId: link('contact'), companyId: link('company'), dealId: link('deal') });
    for (let i = 0; i < perModel; i++) {
      const note = await prisma.note.create({ data: { workspaceId: w, body: `N${i}`, createdById: person(), deletedAt: trashed(), ...links() } });
      world.ids.note.push({ id: note.id, workspaceId: w });
      const activity = await prisma.activity.create({
        data: { workspaceId: w, type: 'TASK', subject: `A${i}`, assigneeId: person(), deletedAt: trashed(), ...links() },
      });
      world.ids.activity.push({ id: activity.id, workspaceId: w });
    }
    for (let i = 0; i < perModel; i++) {
      const kind = random.pick(['note', 'activity', 'deal'] as const);
      const target = random.pick(world.ids[kind].filter((row) => row.workspaceId === w)).id;
      const comment = await prisma.comment.create({ data: { workspaceId: w, body: `Re ${i}`, authorId: person(), [`${kind}Id`]: target } });
      world.ids.comment.push({ id: comment.id, workspaceId: w });
    }
  }
  return world;
}
