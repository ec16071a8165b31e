// Live progress of running imports, in this process: the run announces each committed batch, and the
// importProgress subscription wakes on it (and polls, for a run in another process).
import { EventEmitter } from 'node:events';

const batches = new EventEmitter();
batches.setMaxListeners(0);

export function announceBatch(importId: string) {
  batches.emit(importId);
}

/** Resolves at the next announcement for the import, or after `ms`, whichever is first. */
export function nextBatch(importId: string, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      batches.off(importId, done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    batches.once(importId, done);
    signal?.addEventListener('abort', done, { once: true });
  });
}
