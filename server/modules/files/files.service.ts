import { roleCan } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { badInput, forbidden, notFound } from '../../errors.js';
import { requireViewer } from '../accounts/session.service.js';
import { idFromGlobalId } from '../node/uuid.js';
import { canSeeFile, LINK_COLUMN, visibleTarget } from './access.js';
import { contentTypeFor } from './content-types.js';
import { sanitizeFileName } from './file-name.js';
import { chunksOf, fileStorage, formatBytes, newStorageKey, UploadMeter, UploadRefused } from './storage.js';
import { assertRoom } from '../billing/limits.js';
import { emitEvent } from '../activity-events/record-event.js';
import { recordAccess } from '../../auth/record-access.js';

/** What Yoga hands a resolver for a multipart file part (a WHATWG File, native or ponyfilled). */
export interface UploadedFile {
  name: string;
  type: string;
  size: number;
  stream(): ReadableStream<Uint8Array>;
}

/**
 * Streams the upload into storage while measuring, hashing and sniffing it, then records it. A refused or
 * failed upload leaves nothing behind: the storage drops its partial object, and the object goes again if
 * the database insert fails.
 */
export async function uploadFile(context: Context, attachTo: string, file: UploadedFile) {
  const viewer = requireViewer(context);
  const target = await visibleTarget(context, attachTo);
  const { config } = context.app;
  const name = sanitizeFileName(file.name);
  if (!name) throw badInput('The file needs a name.', 'file');
  const type = contentTypeFor(name, file.type, config.filesAllowedTypes);
  if (!type.ok) throw badInput(type.reason, 'file');
  if (file.size > config.filesMaxBytes) throw badInput(`The file is larger than the limit of ${formatBytes(config.filesMaxBytes)}.`, 'file');

  // Refused before a byte is stored when the declared size is already past the plan's storage.
  await assertRoom(context.app.billing, context.prisma, target.workspaceId, 'storageBytes', file.size);
  const storage = fileStorage(config);
  const key = newStorageKey(target.workspaceId);
  const extension = name.slice(name.lastIndexOf('.'));
  const meter = new UploadMeter(config.filesMaxBytes, (head) => (type.sniff(head) ? null : `The file's contents do not look like a ${extension} file.`));
  try {
    await storage.put(key, meter.wrap(chunksOf(file.stream())));
  } catch (error) {
    if (error instanceof UploadRefused) throw badInput(error.message, 'file');
    throw error;
  }
  try {
    return await context.prisma.$transaction(async (tx) => {
      await assertRoom(context.app.billing, tx, target.workspaceId, 'storageBytes', meter.size);
      return tx.file
        .create({
          data: {
            workspaceId: target.workspaceId,
            name,
            contentType: type.mime,
            size: meter.size,
            sha256: meter.sha256,
            storageKey: key,
            uploadedById: viewer.user.id,
            [LINK_COLUMN[target.model]]: target.id,
          },
        })
        .then((row) => emitEvent(tx, context, row, 'Attachment', 'uploaded', { on: target.model, contentType: type.mime, size: meter.size }));
    });
  } catch (error) {
    await storage.delete(key);
    throw error;
  }
}

/** A live file the viewer can see (through its record), or NOT_FOUND. */
export async function visibleFile(context: Context, globalId: string) {
  const file = await context.prisma.file.findUnique({ where: { id: idFromGlobalId(globalId, 'Attachment', 'File'), deletedAt: null } });
  if (!file || !(await canSeeFile(context, file))) throw notFound('File');
  return file;
}

/**
 * Soft delete by the uploader or an admin. The bytes stay in storage until the retention sweep purges the
 * row and then its object (records/trash-purge.ts).
 */
export async function deleteFile(context: Context, globalId: string) {
  const file = await visibleFile(context, globalId);
  const access = await recordAccess(context, file.workspaceId);
  const mine = file.uploadedById === access.userId && roleCan(access.role, 'files:upload');
  if (!mine && !roleCan(access.role, 'records:deleteAny')) throw forbidden('You can delete only files you uploaded.');
  return context.prisma.$transaction((tx) =>
    tx.file.update({ where: { id: file.id }, data: { deletedAt: new Date() } }).then((row) => emitEvent(tx, context, row, 'Attachment', 'deleted')),
  );
}
