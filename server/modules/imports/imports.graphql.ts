import { encodeGlobalID } from '@pothos/plugin-relay';
import { inWorkspace } from '../../auth/field-scopes.js';
import { selectedRow } from '../../db/delegate.js';
import { z } from 'zod';
import { builder } from '../../builder.js';
import { notFound } from '../../errors.js';
import { ImportDedupeMode, ImportEntity, ImportSourceKind, ImportStatus } from '../../generated/prisma/enums.js';
import { idFromGlobalId, uuidNode } from '../node/uuid.js';
import { requiredText, RecordVisibilityEnum } from '../records/common.types.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { fieldsOf } from './fields.js';
import { canSeeImport, previewImport, startImport, visibleImport } from './imports.service.js';
import { saveImportMapping } from './saved-mappings.js';
import { nextBatch } from './progress.js';
import { undoImport } from './undo.js';
import { permissionOnWorkspaceRow } from '../../auth/record-scopes.js';

const ImportEntityEnum = builder.enumType(ImportEntity, { name: 'ImportEntity' });
const ImportStatusEnum = builder.enumType(ImportStatus, { name: 'ImportStatus' });
const ImportFormatEnum = builder.enumType(ImportSourceKind, { name: 'ImportFormat' });
const ImportDedupeModeEnum = builder.enumType(ImportDedupeMode, {
  name: 'ImportDedupeMode',
  description:
    'What a row that matches an existing contact or company (or an earlier row of the file) does. SKIP: nothing. UPDATE: the file wins. FILL_EMPTY: only fields the record has empty. CREATE_ANYWAY: a new record.',
});

const importById = (
  ctx: { prisma: { import: { findUnique: (args: { where: { id: string } }) => Promise<{ workspaceId: string } | null> } } },
  globalId: string,
) => ctx.prisma.import.findUnique({ where: { id: idFromGlobalId(globalId, 'Import') } });

export const ImportType = builder.prismaNode('Import', {
  ...uuidNode,
  description: 'An uploaded CSV or vCard file and what became of it. Upload with POST /imports/upload, preview with importPreview, run with startImport.',
  authScopes: async (row, ctx) => {
    if (!(await canSeeImport(ctx, row))) throw notFound('Import');
    return { can: { workspaceId: row.workspaceId, permission: 'records:create' } };
  },
  fields: (t) => ({
    fileName: t.exposeString('fileName'),
    byteSize: t.float({ resolve: (row) => Number(row.byteSize) }),
    format: t.expose('sourceKind', { type: ImportFormatEnum }),
    encoding: t.exposeString('encoding', { description: 'As detected: utf8, utf16le, win1252, ...' }),
    delimiter: t.exposeString('delimiter', { description: 'CSV only, as detected.' }),
    headers: t.exposeStringList('headers'),
    recognised: t.exposeString('recognised', { nullable: true, description: 'The export the headers were recognised as ("HubSpot contacts"), if any.' }),
    entity: t.expose('entity', { type: ImportEntityEnum }),
    columns: t.stringList({
      nullable: { list: false, items: true },
      description: 'The field each column goes into (null: left out); suggested at upload.',
      resolve: (row) => row.columns as Array<string | null>,
    }),
    dedupeMode: t.expose('dedupeMode', { type: ImportDedupeModeEnum }),
    visibility: t.expose('visibility', { type: RecordVisibilityEnum }),
    status: t.expose('status', { type: ImportStatusEnum }),
    rowsRead: t.exposeInt('rowsRead'),
    createdCount: t.exposeInt('createdCount'),
    updatedCount: t.exposeInt('updatedCount'),
    skippedCount: t.exposeInt('skippedCount'),
    failedCount: t.exposeInt('failedCount'),
    error: t.exposeString('error', { nullable: true }),
    errorFileUrl: t.string({
      nullable: true,
      description: 'The failed rows as CSV with a reason column (GET it with your session or API key); null when no row failed.',
      resolve: (row, _args, ctx) => (row.failedCount > 0 ? `${ctx.app.config.publicUrl}/imports/${row.id}/errors.csv` : null),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    undoneAt: t.expose('undoneAt', { type: 'DateTime', nullable: true }),
  }),
});

const ImportFieldType = builder.objectRef<{ key: string; label: string; list: boolean }>('ImportField').implement({
  authScopes: { authenticated: true },
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The value to put in ImportSettings.columns. Custom fields: "custom:<name>".' }),
    label: t.exposeString('label'),
    list: t.exposeBoolean('list', { description: 'Several columns (and several values in a cell) add to one list.' }),
  }),
});

interface PreviewRowShape {
  number: number;
  action: 'CREATE' | 'UPDATE' | 'SKIP' | 'FAIL';
  match: 'EXISTING' | 'IN_FILE' | null;
  values: Record<string, unknown> | null;
  errors: string[];
}

const ImportRowAction = builder.enumType('ImportRowAction', { values: ['CREATE', 'UPDATE', 'SKIP', 'FAIL'] as const });
const ImportMatch = builder.enumType('ImportMatch', { values: ['EXISTING', 'IN_FILE'] as const });

const ImportPreviewRowType = builder.objectRef<PreviewRowShape>('ImportPreviewRow').implement({
  authScopes: { authenticated: true },
  fields: (t) => ({
    number: t.exposeInt('number', { description: 'The data row of the file (the header is row 0; for vCard, the card).' }),
    action: t.field({ type: ImportRowAction, resolve: (row) => row.action }),
    match: t.field({ type: ImportMatch, nullable: true, resolve: (row) => row.match }),
    values: t.expose('values', { type: 'JSONObject', nullable: true, description: 'The row as it will be stored.' }),
    errors: t.exposeStringList('errors'),
  }),
});

type PreviewShape = Awaited<ReturnType<typeof previewImport>>;
const ImportPreviewType = builder.objectRef<PreviewShape>('ImportPreview').implement({
  authScopes: { authenticated: true },
  fields: (t) => ({
    rows: t.field({ type: [ImportPreviewRowType], resolve: (p) => p.rows }),
    failedRows: t.field({ type: [ImportPreviewRowType], description: 'The checked rows that would fail (at most 100).', resolve: (p) => p.failedRows }),
    rowsChecked: t.exposeInt('rowsChecked'),
    complete: t.exposeBoolean('complete', { description: 'Whether the whole file was checked (else the counts are of its first rows).' }),
    creates: t.exposeInt('creates'),
    updates: t.exposeInt('updates'),
    skips: t.exposeInt('skips'),
    failures: t.exposeInt('failures'),
    matchesInWorkspace: t.exposeInt('matchesInWorkspace'),
    duplicatesInFile: t.exposeInt('duplicatesInFile'),
  }),
});

const columnList = z.array(z.string().max(80).nullable()).max(500, 'At most 500 columns.');

const ImportSettingsInput = builder.inputType('ImportSettingsInput', {
  fields: (t) => ({
    entity: t.field({ type: ImportEntityEnum, required: true }),
    columns: t.stringList({
      required: { list: true, items: false },
      validate: columnList,
      description: 'One field key (see importFields) or null per column.',
    }),
    dedupeMode: t.field({ type: ImportDedupeModeEnum, required: true }),
    visibility: t.field({ type: RecordVisibilityEnum, required: false, description: 'PRIVATE: imported as private records owned by you.' }),
  }),
});

const settingsOf = (input: typeof ImportSettingsInput.$inferInput) => ({
  entity: input.entity,
  columns: input.columns.map((c) => c ?? null),
  dedupeMode: input.dedupeMode,
  visibility: input.visibility ?? 'WORKSPACE',
});

builder.prismaObject('ImportMappingPreset', {
  name: 'ImportMapping',
  description: 'A mapping saved for reuse: the field of each header name.',
  authScopes: (row) => ({ can: { workspaceId: row.workspaceId, permission: 'records:create' } }),
  fields: (t) => ({
    id: t.id({ resolve: (row) => encodeGlobalID('ImportMapping', row.id) }),
    name: t.exposeString('name'),
    entity: t.expose('entity', { type: ImportEntityEnum }),
    columns: t.expose('columns', { type: 'JSONObject', description: '{ "<header>": "<field key>" | null }' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  imports: t.prismaConnection({
    type: 'Import',
    cursor: 'id',
    description: 'Your imports in the workspace, newest first (admins: everyone’s).',
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: inWorkspace('records:create'),
    resolve: async (query, _root, args, ctx) => {
      const workspaceId = requireWorkspaceId(ctx, args.workspaceId);
      const everyone = await canSeeImport(ctx, { workspaceId, createdById: null });
      return ctx.prisma.import.findMany({
        ...query,
        where: { workspaceId, ...(everyone ? {} : { createdById: ctx.viewer!.user.id }) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
    },
  }),
  importFields: t.field({
    type: [ImportFieldType],
    description: 'The fields a column can be imported as.',
    args: { workspaceId: t.arg.id({ required: false }), entity: t.arg({ type: ImportEntityEnum }) },
    authScopes: inWorkspace('records:create'),
    resolve: (_root, args) => Object.entries(fieldsOf(args.entity)).map(([key, spec]) => ({ key, label: spec.label, list: Boolean(spec.list) })),
  }),
  importPreview: t.field({
    type: ImportPreviewType,
    description: 'Nothing is written: the first rows as they would be stored with these settings, every checked row’s errors, and match counts.',
    args: { id: t.arg.id(), settings: t.arg({ type: ImportSettingsInput }), first: t.arg.int({ required: false, validate: z.number().int().min(1).max(100) }) },
    authScopes: (_root, args, ctx) => permissionOnWorkspaceRow(ctx, () => importById(ctx, args.id), 'records:create', 'Import'),
    resolve: (_root, args, ctx) => previewImport(ctx, idFromGlobalId(args.id, 'Import'), settingsOf(args.settings), args.first ?? 20),
  }),
  importMappings: t.prismaField({
    type: ['ImportMappingPreset'],
    description: 'Saved mappings of the workspace, by name.',
    args: { workspaceId: t.arg.id({ required: false }), entity: t.arg({ type: ImportEntityEnum, required: false }) },
    authScopes: inWorkspace('records:create'),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.importMappingPreset.findMany({
        ...query,
        where: { workspaceId: requireWorkspaceId(ctx, args.workspaceId), ...(args.entity ? { entity: args.entity } : {}) },
        orderBy: { name: 'asc' },
        take: 200,
      }),
  }),
}));

builder.mutationFields((t) => ({
  startImport: t.prismaField({
    type: 'Import',
    description: 'Saves the settings and queues the import; follow it with importProgress.',
    args: { id: t.arg.id(), settings: t.arg({ type: ImportSettingsInput }) },
    authScopes: (_root, args, ctx) => permissionOnWorkspaceRow(ctx, () => importById(ctx, args.id), 'records:create', 'Import'),
    resolve: async (query, _root, args, ctx) =>
      selectedRow(ctx, 'import', query, await startImport(ctx, idFromGlobalId(args.id, 'Import'), settingsOf(args.settings))),
  }),
  undoImport: t.prismaField({
    type: 'Import',
    description: 'Created records go to the trash, updated ones get their previous values back. Refused when any was edited since.',
    args: { id: t.arg.id() },
    authScopes: (_root, args, ctx) => permissionOnWorkspaceRow(ctx, () => importById(ctx, args.id), 'records:create', 'Import'),
    resolve: async (query, _root, args, ctx) => selectedRow(ctx, 'import', query, await undoImport(ctx, idFromGlobalId(args.id, 'Import'))),
  }),
  saveImportMapping: t.prismaField({
    type: 'ImportMappingPreset',
    description: 'Saves (or replaces, by name) a mapping of header names to fields.',
    args: {
      workspaceId: t.arg.id({ required: false }),
      name: t.arg.string({ validate: requiredText('Name', 100) }),
      entity: t.arg({ type: ImportEntityEnum }),
      headers: t.arg.stringList({ validate: z.array(z.string().max(200)).max(500) }),
      columns: t.arg.stringList({ required: { list: true, items: false }, validate: columnList }),
    },
    authScopes: inWorkspace('records:create'),
    resolve: (query, _root, args, ctx) =>
      saveImportMapping(
        ctx,
        requireWorkspaceId(ctx, args.workspaceId),
        { name: args.name, entity: args.entity, headers: args.headers, columns: args.columns.map((c) => c ?? null) },
        query,
      ),
  }),
}));

const TERMINAL = new Set(['DONE', 'FAILED', 'UNDONE']);

builder.subscriptionField('importProgress', (t) =>
  t.field({
    type: ImportType,
    description: 'The import after each committed batch, until it is done or failed.',
    args: { id: t.arg.id() },
    authScopes: (_root, args, ctx) => permissionOnWorkspaceRow(ctx, () => importById(ctx, args.id), 'records:create', 'Import'),
    subscribe: async function* (_root, args, ctx) {
      const id = idFromGlobalId(args.id, 'Import');
      await visibleImport(ctx, id);
      let last = '';
      for (;;) {
        const row = await ctx.prisma.import.findUnique({ where: { id } });
        if (!row) return;
        const state = `${row.status}:${row.checkpoint}:${row.updatedAt.getTime()}`;
        if (state !== last) {
          last = state;
          yield row;
        }
        if (TERMINAL.has(row.status)) return;
        await nextBatch(id, 1000);
      }
    },
    resolve: (row) => row as never,
  }),
);
