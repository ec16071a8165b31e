import { encodeGlobalID } from '@pothos/plugin-relay';
import { selectedRow } from '../../db/delegate.js';
import { builder } from '../../builder.js';
import { permissionOnAttachTarget } from './access.js';
import { UploadScalar } from './attachment.types.js';
import { deleteFile, uploadFile, visibleFile } from './files.service.js';

builder.mutationFields((t) => ({
  uploadFile: t.prismaField({
    type: 'File',
    description:
      'Attaches a file to a record you can see. Send a GraphQL multipart request (with an x-kith-csrf header); ' +
      'size and type limits apply, and the contents must match the extension.',
    args: { file: t.arg({ type: UploadScalar }), attachTo: t.arg.id({ description: 'A contact, company, deal, note, activity or communication.' }) },
    authScopes: (_root, args, ctx) => permissionOnAttachTarget(ctx, args.attachTo, 'files:upload'),
    resolve: async (query, _root, args, ctx) => selectedRow(ctx, 'file', query, await uploadFile(ctx, args.attachTo, args.file)),
  }),
  deleteFile: t.id({
    description:
      'Removes a file (its uploader, or an admin) and returns its ID; the row and its bytes are purged 30 days later (unless the server is set otherwise).',
    args: { id: t.arg.id() },
    authScopes: async (_root, args, ctx) => {
      if (!ctx.viewer) return { authenticated: true };
      const file = await visibleFile(ctx, args.id);
      return { can: { workspaceId: file.workspaceId, permission: 'files:upload' } };
    },
    resolve: async (_root, args, ctx) => {
      const file = await deleteFile(ctx, args.id);
      return encodeGlobalID('Attachment', file.id);
    },
  }),
}));
