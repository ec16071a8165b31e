import type { AppServices } from '../../app-services.js';
import { fileStorage } from '../files/storage.js';

/** An upload nobody started is dropped after this long: it holds people's data for no purpose. */
export const ABANDONED_UPLOAD_DAYS = 7;

/** Deletes the files of uploads never started within ABANDONED_UPLOAD_DAYS (the retention sweep calls this). Returns how many. */
export async function expireAbandonedUploads(app: AppServices, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - ABANDONED_UPLOAD_DAYS * 24 * 60 * 60 * 1000);
  const abandoned = await app.db.prisma.import.findMany({ where: { status: 'UPLOADED', createdAt: { lt: before } }, select: { id: true, storageKey: true } });
  for (const row of abandoned) {
    if (row.storageKey) await fileStorage(app.config).delete(row.storageKey);
    await app.db.prisma.import.update({
      where: { id: row.id },
      data: { status: 'FAILED', storageKey: null, error: `Not started within ${ABANDONED_UPLOAD_DAYS} days: the upload was deleted.`, finishedAt: now },
    });
  }
  return abandoned.length;
}
