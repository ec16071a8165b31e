// The browser extension's two root fields: "already in Kith?" and "save this profile".
import { z } from 'zod';
import { inWorkspace } from '../../auth/field-scopes.js';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { emailInput } from '../accounts/inputs.js';
import '../contacts/contact.types.js';
import { visibleDeals } from '../deals/deal.queries.js';
import { idFromGlobalId } from '../node/uuid.js';
import { shortText } from '../records/common.types.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import type { FieldChange } from './clip-plan.js';
import { clipProfile } from './clip-profile.service.js';
import { matchContact, nameSuggestions, type ClipMatch } from './clip-target.js';
import { clipUrl } from './clip-url.js';
import { ClipFieldChangeType, ClipFieldEnum, ClipMatchEnum, ClipSiteEnum } from './clipper.types.js';
import { recordAccess } from '../../auth/record-access.js';
import { permissionInWorkspace } from '../../auth/record-scopes.js';

const text = (label: string, max?: number) => ({ required: false, validate: shortText(label, max) }) as const;
const list = (label: string, max: number, each: number) =>
  ({
    required: false,
    validate: z.array(shortText(label, each)).max(max, `At most ${max} ${label.toLowerCase()} entries.`),
  }) as const;

const ClipProfileInput = builder.inputType('ClipProfileInput', {
  description: 'A profile as the extension read it from the page (and the user corrected it). Left out: the page did not show it.',
  fields: (t) => ({
    url: t.string({ description: 'The LinkedIn (/in/…), Upwork (~id) or Djinni profile URL, however written.', validate: shortText('URL', 2000) }),
    firstName: t.string(text('First name', 100)),
    lastName: t.string(text('Last name', 100)),
    headline: t.string(text('Headline', 300)),
    jobTitle: t.string(text('Job title')),
    location: t.string(text('Location')),
    companyName: t.string({ ...text('Company name'), description: 'Linked to a company you see by domain or name, or a new one.' }),
    companyDomain: t.string(text('Company domain', 253)),
    skills: t.stringList(list('Skill', 50, 50)),
    emails: t.stringList({ required: false, validate: z.array(emailInput).max(20, 'At most 20 email addresses.') }),
    phones: t.stringList(list('Phone', 20, 50)),
    photoUrl: t.string({ ...text('Photo URL', 2000), description: 'Sent only when the user opted in to storing photos.' }),
    hourlyRate: t.string({ ...text('Hourly rate', 50), description: 'Upwork, e.g. "$85.00/hr". Kept in customFields.hourlyRate.' }),
    salaryExpectation: t.string({ ...text('Salary expectation', 50), description: 'Djinni, e.g. "$4500". Kept in customFields.salaryExpectation.' }),
    experienceYears: t.float({ required: false, validate: z.number().min(0).max(80), description: 'Djinni. Kept in customFields.experienceYears.' }),
    experience: t.stringList({ ...list('Experience', 30, 300), description: 'LinkedIn, one line per position. Kept in customFields.experience.' }),
  }),
});

interface LookupShape {
  site: 'LINKEDIN' | 'UPWORK' | 'DJINNI';
  url: string;
  workspaceId: string;
  contactId: string | null;
  matchedBy: ClipMatch | null;
  suggestionIds: string[];
}

/** The newest moment anything happened with the contact: an activity, a note or a communication. */
async function lastActivityAt(ctx: Context, contactId: string) {
  const [activity, note, communication] = await Promise.all([
    ctx.prisma.activity.aggregate({ where: { contactId, deletedAt: null }, _max: { updatedAt: true } }),
    ctx.prisma.note.aggregate({ where: { contactId, deletedAt: null }, _max: { createdAt: true } }),
    ctx.prisma.communication.aggregate({ where: { contacts: { some: { contactId } }, deletedAt: null }, _max: { occurredAt: true } }),
  ]);
  const times = [activity._max.updatedAt, note._max.createdAt, communication._max.occurredAt].filter((d): d is Date => d != null);
  return times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null;
}

const ClipperLookup = builder.objectRef<LookupShape>('ClipperLookup').implement({
  description: 'Whether a profile is already in Kith: the matching contact, or name suggestions that are never auto-matched.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    site: t.field({ type: ClipSiteEnum, resolve: (l) => l.site }),
    url: t.exposeString('url', { description: 'The canonical profile URL (no tracking parameters or locale prefix).' }),
    matchedBy: t.field({ type: ClipMatchEnum, nullable: true, resolve: (l) => l.matchedBy }),
    contact: t.prismaField({
      type: 'Contact',
      nullable: true,
      description: 'The contact with this profile URL, or else one of these emails.',
      // Pothos wants the query used even when there is nothing to find: an empty IN matches no row.
      resolve: (query, l, _args, ctx) => ctx.prisma.contact.findFirst({ ...query, where: { id: { in: l.contactId ? [l.contactId] : [] } } }),
    }),
    lastActivityAt: t.field({ type: 'DateTime', nullable: true, resolve: (l, _args, ctx) => (l.contactId ? lastActivityAt(ctx, l.contactId) : null) }),
    openDeals: t.prismaField({
      type: ['Deal'],
      description: 'Open deals of the matched contact that you can see.',
      resolve: async (query, l, _args, ctx) =>
        ctx.prisma.deal.findMany({
          ...query,
          where: await visibleDeals(ctx, l.workspaceId, {
            deletedAt: null,
            status: 'OPEN',
            contacts: { some: { contactId: { in: l.contactId ? [l.contactId] : [] } } },
          }),
          orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
          take: 20,
        }),
    }),
    suggestions: t.prismaField({
      type: ['Contact'],
      description: 'Contacts with the same name (and company, when given) that may be this person: shown, never auto-matched.',
      resolve: (query, l, _args, ctx) =>
        ctx.prisma.contact.findMany({ ...query, where: { id: { in: l.suggestionIds } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    }),
  }),
});

interface ClipResultShape {
  contactId: string | null;
  created: boolean;
  matchedBy: ClipMatch | 'ID' | null;
  changes: FieldChange[];
  clipSourceId: string | null;
  dryRun: boolean;
}

const ClipProfileResult = builder.objectRef<ClipResultShape>('ClipProfileResult').implement({
  authScopes: { authenticated: true },
  fields: (t) => ({
    contact: t.prismaField({
      type: 'Contact',
      nullable: true,
      description: 'The contact written (or, in a dry run, the one that would be updated; null when one would be created).',
      resolve: (query, r, _args, ctx) => ctx.prisma.contact.findFirst({ ...query, where: { id: { in: r.contactId ? [r.contactId] : [] } } }),
    }),
    created: t.exposeBoolean('created'),
    dryRun: t.exposeBoolean('dryRun'),
    matchedBy: t.field({ type: ClipMatchEnum, nullable: true, resolve: (r) => r.matchedBy }),
    changes: t.field({ type: [ClipFieldChangeType], resolve: (r) => r.changes }),
    clip: t.prismaField({
      type: 'ClipSource',
      nullable: true,
      resolve: (query, r, _args, ctx) => ctx.prisma.clipSource.findFirst({ ...query, where: { id: { in: r.clipSourceId ? [r.clipSourceId] : [] } } }),
    }),
  }),
});

builder.queryField('clipperLookup', (t) =>
  t.field({
    type: ClipperLookup,
    description: 'Is this profile already in Kith? Matches by profile URL, then email; a same-name contact is only a suggestion.',
    args: {
      workspaceId: t.arg.id({ required: false }),
      url: t.arg.string({ validate: shortText('URL', 2000) }),
      emails: t.arg.stringList({ required: false, validate: z.array(emailInput).max(20, 'At most 20 email addresses.') }),
      name: t.arg.string({ required: false, validate: shortText('Name') }),
      companyName: t.arg.string({ required: false, validate: shortText('Company name') }),
    },
    authScopes: inWorkspace('records:read'),
    resolve: async (_root, args, ctx) => {
      const workspaceId = requireWorkspaceId(ctx, args.workspaceId);
      const url = clipUrl(args.url);
      const access = await recordAccess(ctx, workspaceId);
      const match = await matchContact(ctx, access, url.key, args.emails ?? []);
      const suggestions = !match && args.name ? await nameSuggestions(ctx, access, args.name, args.companyName ?? null, null) : [];
      return {
        site: url.site,
        url: url.canonical,
        workspaceId,
        contactId: match?.id ?? null,
        matchedBy: match?.matchedBy ?? null,
        suggestionIds: suggestions.map((s) => s.id),
      };
    },
  }),
);

builder.mutationField('clipProfile', (t) =>
  t.field({
    type: ClipProfileResult,
    description:
      'Saves a profile into a contact: the one named by contactId, else the one with this profile URL or email, else a new one. ' +
      'Empty fields are filled; differing ones change only when `overwrite` names them. Each save records its source on the contact. ' +
      '`dryRun` reports the changes without writing.',
    args: {
      workspaceId: t.arg.id({ required: false }),
      profile: t.arg({ type: ClipProfileInput }),
      contactId: t.arg.id({ required: false }),
      overwrite: t.arg({ type: [ClipFieldEnum], required: false }),
      note: t.arg.string({ required: false, validate: shortText('Note', 10_000) }),
      tagIds: t.arg.idList({ required: false, validate: z.array(z.string()).max(50, 'At most 50 tags.') }),
      ownerId: t.arg.id({ required: false, description: 'Assign the contact to this member (User ID).' }),
      dealId: t.arg.id({ required: false, description: 'Add the contact to this deal.' }),
      dryRun: t.arg.boolean({ required: false }),
    },
    authScopes: (_root, args, ctx) =>
      args.contactId
        ? ({ record: { model: 'contact', id: args.contactId, permission: 'records:update' } } as const)
        : permissionInWorkspace(ctx, 'records:create', args.workspaceId),
    resolve: async (_root, args, ctx) => {
      // A named contact decides the workspace (its scope already checked it is visible).
      const named =
        args.contactId &&
        (await ctx.prisma.contact.findUniqueOrThrow({ where: { id: idFromGlobalId(args.contactId, 'Contact') }, select: { workspaceId: true } }));
      const workspaceId = named ? named.workspaceId : requireWorkspaceId(ctx, args.workspaceId);
      const result = await clipProfile(ctx, workspaceId, args);
      return { ...result, dryRun: !!args.dryRun };
    },
  }),
);
