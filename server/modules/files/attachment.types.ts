import type { InputRef } from '@pothos/core';
import { builder } from '../../builder.js';
import { badInput, notFound } from '../../errors.js';
import { byUuid } from '../node/uuid.js';
import { canSeeFile } from './access.js';
import type { UploadedFile } from './files.service.js';

const isUploadedFile = (value: unknown): value is UploadedFile =>
  typeof value === 'object' && value !== null && typeof (value as UploadedFile).stream === 'function' && typeof (value as UploadedFile).name === 'string';

// builder.ts declares its scalars in the builder's type; this one is input-only and lives with its module,
// so it goes through an untyped call and comes back as a typed input ref.
const defineInputScalar = builder.scalarType.bind(builder) as unknown as (
  name: string,
  options: { description: string; parseValue: (value: unknown) => UploadedFile; parseLiteral: () => never; serialize: () => never },
) => InputRef<UploadedFile>;

/** Yoga puts each file part of a GraphQL multipart request into the variables as a WHATWG File. */
export const UploadScalar = defineInputScalar('File', {
  description: 'A file sent as a part of a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec).',
  parseValue: (value) => {
    if (!isUploadedFile(value)) throw badInput('Send the file as a part of a multipart request.', 'file');
    return value;
  },
  parseLiteral: () => {
    throw badInput('Files cannot be written inline; send a multipart request.', 'file');
  },
  serialize: () => {
    throw new Error('File is an input-only scalar.');
  },
});

// GraphQL already has the File upload scalar, so the File model is the Attachment type. It is the model's
// default type (a `name`, not a `variant`), so other modules' `t.relation('files')` resolve to it.
export const AttachmentType = builder.prismaNode('File', {
  name: 'Attachment',
  id: { field: 'id' },
  description: 'A file attached to a contact, company, deal, note, activity or communication.',
  findUnique: (id) => ({ ...byUuid(id), deletedAt: null }),
  // Visible to whoever sees the live record it is attached to; anyone else gets NOT_FOUND.
  authScopes: async (file, context) => {
    if (!context.viewer) return { authenticated: true };
    if (!(await canSeeFile(context, file))) throw notFound('File');
    return true;
  },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The uploaded name, without any path, at most 200 characters.' }),
    contentType: t.exposeString('contentType'),
    size: t.exposeInt('size', { description: 'In bytes.' }),
    sha256: t.exposeString('sha256', { description: 'Hex SHA-256 of the bytes.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    uploadedBy: t.relation('uploadedBy', { nullable: true }),
    downloadUrl: t.string({
      description: 'GET with your session cookie; anyone who cannot see the record gets 404.',
      resolve: (file, _args, context) => `${context.app.config.publicUrl}/files/${file.id}`,
    }),
  }),
});
