import type { AppServices } from '../../app-services.js';
import { mailboxWatchers } from './imap/mailbox-watcher.js';
import { startInboundReceiver } from './inbound/receiver.js';

/** Starts the channels the environment turns on (the inbound SMTP receiver, IMAP sync); each is off otherwise. */
export async function startChannels(app: AppServices) {
  const stops: Array<() => Promise<void>> = [];
  if (app.config.channels.inbound) {
    const receiver = await startInboundReceiver(app);
    app.logger.info(`Inbound mail: receiving for bcc+<token>@${app.config.channels.inbound.domain} on port ${receiver.port}`);
    stops.push(() => receiver.close());
  }
  if (app.config.channels.secretKeys.length > 0) {
    const watchers = mailboxWatchers(app);
    await watchers.startAll();
    stops.push(() => watchers.stopAll());
  }
  return { stop: async () => void (await Promise.all(stops.map((stop) => stop()))) };
}
