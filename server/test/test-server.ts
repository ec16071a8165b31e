import { afterEach } from 'vitest';
import { createKithServer, type KithServer } from '../http/server.js';
import type { TestApp } from './test-app.js';

/**
 * Returns a function that starts the app's HTTP server (on the given services, the app's by default) on a free
 * loopback port and answers its URL; the server is closed after each test.
 */
export function useTestServer(getApp: () => TestApp) {
  let running: KithServer | null = null;
  afterEach(async () => {
    await running?.close();
    running = null;
  });
  return async (services: TestApp['services'] = getApp().services) => {
    running = createKithServer(services);
    return `http://127.0.0.1:${await running.listen(0, '127.0.0.1')}`;
  };
}
