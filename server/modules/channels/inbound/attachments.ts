import type { Attachment } from 'mailparser';
import type { AppServices } from '../../../app-services.js';
import type { Prisma } from '../../../generated/prisma/client.js';
import { contentTypeFor, HEAD_BYTES } from '../../files/content-types.js';
import { sanitizeFileName } from '../../files/file-name.js';
import { fileStorage, newStorageKey } from '../../files/storage.js';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

export interface KeptAttachment {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

/**
 * Puts the attachments Kith accepts for upload (same types, same size limit, contents that match their
 * type) into file storage; the rest are named in `skipped`. The caller records the kept ones, or deletes
 * them with `dropStored` when its transaction fails.
 */
export async function storeAttachments(app: AppServices, workspaceId: string, attachments: Attachment[]) {
  const kept: KeptAttachment[] = [];
  const skipped: string[] = [];
  const storage = fileStorage(app.config);
  for (const attachment of attachments) {
    if (attachment.related) continue; // inline images of the HTML body, which is shown without remote or inline images
    const name = sanitizeFileName(attachment.filename ?? '') || 'attachment';
    const type = contentTypeFor(name, attachment.contentType ?? '', app.config.filesAllowedTypes);
    const content = attachment.content;
    if (!type.ok || content.length > app.config.filesMaxBytes || !type.sniff(content.subarray(0, HEAD_BYTES))) {
      skipped.push(name);
      continue;
    }
    const storageKey = newStorageKey(workspaceId);
    await storage.put(storageKey, Readable.from([content]));
    kept.push({ name, contentType: type.mime, size: content.length, sha256: createHash('sha256').update(content).digest('hex'), storageKey });
  }
  return { kept, skipped };
}

export async function dropStored(app: AppServices, kept: KeptAttachment[]) {
  const storage = fileStorage(app.config);
  await Promise.all(kept.map((file) => storage.delete(file.storageKey)));
}

export async function recordAttachments(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  communicationId: string,
  ownerId: string | null,
  kept: KeptAttachment[],
) {
  if (kept.length === 0) return;
  await tx.file.createMany({ data: kept.map((file) => ({ ...file, workspaceId, communicationId, uploadedById: ownerId })) });
}
