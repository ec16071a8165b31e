import { createRequire } from 'node:module';
import type { Redis, RedisOptions } from 'ioredis';

/**
 * An ioredis client, with ioredis loaded on the first call: it is only needed with REDIS_URL, and at start it
 * would cost every other server its load time and memory. ioredis is CommonJS only, so `require` gives the
 * same module an `import` would.
 */
export function redisClient(url: string, options: RedisOptions): Redis {
  const { Redis } = createRequire(import.meta.url)('ioredis') as typeof import('ioredis');
  return new Redis(url, options);
}
