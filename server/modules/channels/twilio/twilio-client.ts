import type twilio from 'twilio';
import type { ChannelsConfig } from '../config.js';
import { notConfigured } from '../secrets/sealed-secret.js';

type RequestOptions<T> = import('twilio/lib/base/RequestClient.js').RequestOptions<T>;
type TwilioConfig = NonNullable<ChannelsConfig['twilio']>;

/** A request client that sends the SDK's REST calls to another base URL (a loopback server in tests), path and all kept. */
function redirectingRequestClient(sdk: typeof twilio, base: string) {
  return new (class extends sdk.RequestClient {
    override request<TData>(opts: RequestOptions<TData>) {
      const target = new URL(opts.uri);
      return super.request<TData>({ ...opts, uri: `${base.replace(/\/$/, '')}${target.pathname}${target.search}` });
    }
  })();
}

/** The SDK, loaded when a workspace first texts or calls, or Twilio first calls back: most servers never do. */
export async function twilioSdk(): Promise<typeof twilio> {
  return (await import('twilio')).default;
}

const clients = new WeakMap<TwilioConfig, twilio.Twilio>();

/** The official SDK's client; NOT_CONFIGURED unless TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are set. */
export async function twilioClient(config: ChannelsConfig): Promise<twilio.Twilio> {
  const settings = config.twilio;
  if (!settings) throw notConfigured('SMS and calls are off on this server: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are not set.');
  let client = clients.get(settings);
  if (!client) {
    const sdk = await twilioSdk();
    client = sdk(settings.accountSid, settings.authToken, settings.apiUrl ? { httpClient: redirectingRequestClient(sdk, settings.apiUrl) } : undefined);
    clients.set(settings, client);
  }
  return client;
}

/** Twilio's errors as the member reads them: its code and message, never the credentials. */
export function twilioFailure(error: unknown): string {
  const e = error as { status?: number; code?: number; message?: string };
  if (e.code && e.message) return `Twilio refused (${e.code}): ${e.message.slice(0, 200)}`;
  if (e.status) return `Twilio answered ${e.status}`;
  return 'Twilio could not be reached';
}
