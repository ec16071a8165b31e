import twilio from 'twilio';
import type { ChannelsConfig } from '../config.js';
import { notConfigured } from '../secrets/sealed-secret.js';

type RequestOptions<T> = import('twilio/lib/base/RequestClient.js').RequestOptions<T>;
type TwilioConfig = NonNullable<ChannelsConfig['twilio']>;

/** Sends the SDK's REST calls to another base URL (a loopback server in tests), path and all kept. */
class RedirectingRequestClient extends twilio.RequestClient {
  constructor(private readonly base: string) {
    super();
  }

  override request<TData>(opts: RequestOptions<TData>) {
    const target = new URL(opts.uri);
    return super.request<TData>({ ...opts, uri: `${this.base.replace(/\/$/, '')}${target.pathname}${target.search}` });
  }
}

const clients = new WeakMap<TwilioConfig, twilio.Twilio>();

/** The official SDK's client; NOT_CONFIGURED unless TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are set. */
export function twilioClient(config: ChannelsConfig): twilio.Twilio {
  const settings = config.twilio;
  if (!settings) throw notConfigured('SMS and calls are off on this server: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are not set.');
  let client = clients.get(settings);
  if (!client) {
    client = twilio(settings.accountSid, settings.authToken, settings.apiUrl ? { httpClient: new RedirectingRequestClient(settings.apiUrl) } : undefined);
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
