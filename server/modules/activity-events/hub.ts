import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { Redis } from 'ioredis';
import type { FeedEvent } from './feed-event.js';
import { redisClient } from '../../redis-client.js';
import { SharedAnswers } from './shared-answers.js';

type Listener = (event: FeedEvent) => void;

interface Target {
  addEventListener(type: string, callback: (event: Event) => void): void;
  removeEventListener(type: string, callback: (event: Event) => void): void;
  dispatchEvent(event: Event): boolean;
}

/**
 * Carries committed activity events to this instance's subscribers: an in-process EventTarget, or Yoga's
 * Redis event target (ioredis) when REDIS_URL is set, so an event committed on one instance reaches
 * subscribers on all of them. One target listener per workspace topic; local fan-out is a plain loop.
 */
export class ActivityHub {
  /** Per-subscriber limits (tests lower them). */
  limits = { maxBuffered: 1000, sessionRecheckMs: 30_000 };
  /** Whether an audience may see a live event, shared by this instance's subscribers (see FeedAccess). */
  readonly decisions = new SharedAnswers<boolean>(10_000);
  /** Re-validations of sessions and API keys, shared by their subscriptions for up to a second (then forgotten). */
  readonly credentialChecks = new SharedAnswers<boolean>(10_000, 1000);
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly onTopic = new Map<string, (event: Event) => void>();
  private readonly target: Target;
  private readonly redis: Redis[] = [];
  private subscribeClient: Redis | null = null;

  constructor(redisUrl?: string, onCommandError: (error: unknown) => void = () => {}) {
    if (redisUrl) {
      const publishClient = redisClient(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
      const subscribeClient = redisClient(redisUrl, { lazyConnect: false });
      this.redis.push(publishClient, subscribeClient);
      this.subscribeClient = subscribeClient;
      this.target = createRedisEventTarget({
        publishClient: withSettledCommands(publishClient, onCommandError),
        subscribeClient: withSettledCommands(subscribeClient, onCommandError),
      });
    } else {
      this.target = new EventTarget();
    }
  }

  /** Resolves once Redis (when used) accepts commands, so a subscriber registered after this hears everything. */
  async ready(): Promise<void> {
    await Promise.all(this.redis.map((client) => client.ping()));
  }

  publish(events: FeedEvent[]): void {
    for (const event of events) this.target.dispatchEvent(new CustomEvent(topic(event.workspaceId), { detail: event }));
  }

  /**
   * Calls `listener` for each event of the workspace until the returned function is called. Resolves once
   * the topic is subscribed (Redis SUBSCRIBE acknowledged), so every later publish is heard.
   */
  async listen(workspaceId: string, listener: Listener): Promise<() => void> {
    const stop = this.listenNow(workspaceId, listener);
    // A repeated SUBSCRIBE is harmless; awaiting it means the event target's own one was acknowledged too.
    if (this.subscribeClient)
      await this.subscribeClient.subscribe(topic(workspaceId)).catch((error: unknown) => {
        stop();
        throw error;
      });
    return stop;
  }

  private listenNow(workspaceId: string, listener: Listener): () => void {
    let set = this.listeners.get(workspaceId);
    if (!set) {
      const local = new Set<Listener>();
      set = local;
      this.listeners.set(workspaceId, local);
      const dispatch = (event: Event) => {
        const detail = (event as CustomEvent<FeedEvent>).detail;
        for (const fn of [...local]) fn(detail);
      };
      this.onTopic.set(workspaceId, dispatch);
      this.target.addEventListener(topic(workspaceId), dispatch);
    }
    set.add(listener);
    return () => {
      const current = this.listeners.get(workspaceId);
      if (!current?.delete(listener) || current.size > 0) return;
      this.listeners.delete(workspaceId);
      const dispatch = this.onTopic.get(workspaceId)!;
      this.onTopic.delete(workspaceId);
      this.target.removeEventListener(topic(workspaceId), dispatch);
    };
  }

  /** Subscribers on this instance, for tests and the bench. */
  get listenerCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  async close(): Promise<void> {
    await Promise.all(this.redis.map((client) => client.quit().catch(() => client.disconnect())));
  }
}

const topic = (workspaceId: string) => `kith:activity:${workspaceId}`;

/**
 * Yoga's Redis event target fires PUBLISH, SUBSCRIBE and UNSUBSCRIBE without awaiting them, so a command
 * sent while the connection closes (shutdown, a Redis restart) would be an unhandled rejection that
 * crashes the process. This view of the client settles them: the error goes to `onError`, and a subscriber
 * that missed events resumes from its cursor.
 */
function withSettledCommands(client: Redis, onError: (error: unknown) => void): Redis {
  const settled = <T>(command: Promise<T>) =>
    command.catch((error: unknown) => {
      onError(error);
      return undefined;
    });
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'publish') return (channel: string, message: string) => settled(target.publish(channel, message));
      if (property === 'subscribe') return (channel: string) => settled(target.subscribe(channel));
      if (property === 'unsubscribe') return (channel: string) => settled(target.unsubscribe(channel));
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? ((value as (...args: unknown[]) => unknown).bind(target) as unknown) : value;
    },
  });
}
