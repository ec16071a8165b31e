import { builder } from '../../builder.js';
import { rowConnection } from '../workspaces/row-lists.js';
import { inWorkspace } from '../../auth/field-scopes.js';
import { selectedRow } from '../../db/delegate.js';
import { ExportFormat, ExportStatus } from '../../generated/prisma/enums.js';
import { uuidNode } from '../node/uuid.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { exportDownloadUrl, requestWorkspaceExport } from './exports.service.js';

const ExportFormatEnum = builder.enumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'JSON: one JSON Lines file per table. CSV: one CSV file with a header per table.',
});
const ExportStatusEnum = builder.enumType(ExportStatus, { name: 'ExportStatus' });

builder.prismaNode('WorkspaceExport', {
  ...uuidNode,
  description: 'A zip archive of the workspace: one file per record type, the uploaded files, and manifest.json with counts and SHA-256 checksums.',
  authScopes: (row) => ({ can: { workspaceId: row.workspaceId, permission: 'workspace:export' } }),
  fields: (t) => ({
    format: t.expose('format', { type: ExportFormatEnum }),
    status: t.expose('status', { type: ExportStatusEnum }),
    recordsDone: t.exposeInt('recordsDone'),
    recordsTotal: t.exposeInt('recordsTotal'),
    byteSize: t.float({
      nullable: true,
      description: 'Size of the archive in bytes, once done.',
      resolve: (row) => (row.byteSize == null ? null : Number(row.byteSize)),
    }),
    sha256: t.exposeString('sha256', { nullable: true, description: 'SHA-256 of the archive, once done.' }),
    error: t.exposeString('error', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'After this the archive is deleted and cannot be downloaded.' }),
    downloadUrl: t.string({
      nullable: true,
      description: 'GET it signed in as an owner or admin of the workspace (session cookie or API key); null until done and after expiry.',
      resolve: (row, _args, ctx) => exportDownloadUrl(ctx.app, row),
    }),
  }),
});

builder.queryField('workspaceExports', (t) =>
  rowConnection(t, {
    type: 'WorkspaceExport',
    model: 'workspaceExport',
    permission: 'workspace:export',
    description: 'Exports of the workspace, newest first.',
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  }),
);

builder.mutationField('requestWorkspaceExport', (t) =>
  t.prismaField({
    type: 'WorkspaceExport',
    description:
      'Starts an export of the whole workspace; follow it with workspaceExports or node(id), or on the activity feed. The requester gets an email when it is ready.',
    args: { workspaceId: t.arg.id({ required: false }), format: t.arg({ type: ExportFormatEnum }) },
    authScopes: inWorkspace('workspace:export'),
    resolve: async (query, _root, args, ctx) =>
      selectedRow(ctx, 'workspaceExport', query, await requestWorkspaceExport(ctx, requireWorkspaceId(ctx, args.workspaceId), args.format)),
  }),
);
