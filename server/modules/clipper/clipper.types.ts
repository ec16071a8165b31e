import { builder } from '../../builder.js';
import { ClipSite } from '../../generated/prisma/enums.js';
import { CLIP_FIELDS, type FieldChange } from './clip-plan.js';

export const ClipSiteEnum = builder.enumType(ClipSite, { name: 'ClipSite' });
export const ClipFieldEnum = builder.enumType('ClipField', { values: CLIP_FIELDS });
export const ClipFieldStatusEnum = builder.enumType('ClipFieldStatus', {
  values: {
    CREATED: { description: 'The contact had no value (or is new); the page value is written.' },
    UPDATED: { description: 'The contact had another value, overwritten as asked.' },
    UNCHANGED: { description: 'The contact already has this value.' },
    KEPT: { description: 'The contact has another value, kept because `overwrite` does not name the field.' },
  },
});
export const ClipMatchEnum = builder.enumType('ClipMatch', {
  values: {
    ID: { description: 'The contact named by `contactId`.' },
    PROFILE_URL: { description: 'A contact with the same profile, however its URL is written.' },
    EMAIL: { description: 'A contact with one of the emails the page shows.' },
  },
});

// Reached only through a contact the viewer sees; the member rule is a backstop.
export const ClipSourceType = builder.prismaObject('ClipSource', {
  description: 'One clip of a profile page into this contact by the browser extension.',
  authScopes: (row) => ({ member: row.workspaceId }),
  fields: (t) => ({
    site: t.expose('site', { type: ClipSiteEnum }),
    url: t.exposeString('url', { description: 'The canonical profile URL.' }),
    clippedAt: t.expose('clippedAt', { type: 'DateTime' }),
    clippedBy: t.relation('clippedBy', { nullable: true }),
    fieldsWritten: t.field({ type: [ClipFieldEnum], resolve: (row) => row.fieldsWritten as Array<(typeof CLIP_FIELDS)[number]> }),
  }),
});

builder.prismaObjectField('Contact', 'clipSources', (t) =>
  t.relation('clipSources', {
    description: 'Where this contact was clipped from by the browser extension, newest first.',
    query: { orderBy: [{ clippedAt: 'desc' }, { id: 'desc' }], take: 20 },
  }),
);

export const ClipFieldChangeType = builder.objectRef<FieldChange>('ClipFieldChange').implement({
  description: 'What a clip does (or, in a dry run, would do) to one field. Lists are written comma-separated.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    field: t.field({ type: ClipFieldEnum, resolve: (c) => c.field }),
    status: t.field({ type: ClipFieldStatusEnum, resolve: (c) => c.status }),
    before: t.exposeString('before', { nullable: true }),
    after: t.exposeString('after', { nullable: true }),
  }),
});
