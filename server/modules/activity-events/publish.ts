import type { Plugin } from 'graphql-yoga';
import type { AppServices } from '../../app-services.js';
import { takePending, type EventSink } from './record-event.js';

/**
 * Publishes the events a request recorded once its execution is over, i.e. after every transaction in it
 * committed or rolled back. When the request failed, only events that really committed are published.
 */
export async function publishPending(app: AppServices, sink: EventSink, verify = false): Promise<void> {
  let events = takePending(sink);
  if (events.length === 0) return;
  if (verify) {
    const stored = await app.db.prisma.activityEvent.findMany({ where: { id: { in: events.map((e) => e.id) } }, select: { id: true } });
    const committed = new Set(stored.map((row) => row.id));
    events = events.filter((event) => committed.has(event.id));
  }
  app.activityHub.publish(events);
}

export function useActivityPublishing(app: AppServices): Plugin {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result }) {
          const failed = 'errors' in result && (result.errors?.length ?? 0) > 0;
          return publishPending(app, args.contextValue as object, failed).catch((error: unknown) => app.logger.error(error));
        },
      };
    },
  };
}
