// The channels' environment: each channel is off until its variables are set.
import { z } from 'zod';
import { mailOAuthProvidersFrom, type MailOAuthProvider, type MailOAuthProviderId } from './oauth/providers.js';

const keyEntry = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/=_-]+)$/;

const channelsEnv = z.object({
  CHANNELS_SECRET_KEYS: z.string().optional(),
  CHANNELS_ALLOW_PRIVATE_HOSTS: z.enum(['true', 'false', '1', '0']).default('false'),
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  INBOUND_SMTP_HOST: z.string().default('0.0.0.0'),
  INBOUND_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$|^localhost$/i, 'must be a domain name such as in.example.com')
    .optional(),
  INBOUND_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  INBOUND_PER_WORKSPACE_PER_HOUR: z.coerce.number().int().positive().default(500),
  INBOUND_PER_SENDER_PER_HOUR: z.coerce.number().int().positive().default(60),
  INBOUND_TLS_CERT: z.string().optional(),
  INBOUND_TLS_KEY: z.string().optional(),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  /** Where the Twilio SDK sends its REST calls instead of https://api.twilio.com (tests, proxies). */
  TWILIO_API_URL: z.string().url().optional(),
});

export interface SecretKey {
  id: string;
  key: Buffer;
}

export interface ChannelsConfig {
  /** Keys that seal mail and phone credentials; the first seals, every one opens (rotation). Empty: off. */
  secretKeys: SecretKey[];
  /** Let SMTP and IMAP accounts point at loopback and private networks (tests, intranets); off against SSRF. */
  allowPrivateHosts: boolean;
  /** The inbound SMTP receiver; null when INBOUND_SMTP_PORT is not set. */
  inbound: {
    port: number;
    host: string;
    domain: string;
    maxBytes: number;
    perWorkspacePerHour: number;
    perSenderPerHour: number;
    /** PEM files of the certificate (chain) and key STARTTLS presents; null: smtp-server's built-in one. */
    tls?: { certFile: string; keyFile: string } | null;
  } | null;
  /** Providers mailboxes sign in with by OAuth2 (XOAUTH2), each off until MAIL_OAUTH_<PROVIDER>_CLIENT_ID/_SECRET. */
  oauth: Partial<Record<MailOAuthProviderId, MailOAuthProvider>>;
  /** Twilio; null unless both the account SID and auth token are set. */
  twilio: { accountSid: string; authToken: string; apiUrl?: string } | null;
}

function parseKeys(list: string | undefined): SecretKey[] {
  if (!list) return [];
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = keyEntry.exec(entry);
      const key = match ? Buffer.from(match[2]!, 'base64') : null;
      if (!match || key!.length !== 32) {
        throw new Error('Invalid environment: CHANNELS_SECRET_KEYS lists id:key pairs, each key 32 random bytes in base64 (openssl rand -base64 32).');
      }
      return { id: match[1]!, key: key! };
    });
}

/** Reads the channel variables from an environment whose empty values were already dropped. */
export function channelsConfigFrom(present: Record<string, string | undefined>): ChannelsConfig {
  const parsed = channelsEnv.safeParse(present);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  if (e.INBOUND_SMTP_PORT !== undefined && !e.INBOUND_DOMAIN) {
    throw new Error('Invalid environment: INBOUND_SMTP_PORT needs INBOUND_DOMAIN, the domain whose MX points at this server.');
  }
  if (!e.INBOUND_TLS_CERT !== !e.INBOUND_TLS_KEY) {
    throw new Error('Invalid environment: INBOUND_TLS_CERT and INBOUND_TLS_KEY (paths to PEM files) go together.');
  }
  if (!e.TWILIO_ACCOUNT_SID !== !e.TWILIO_AUTH_TOKEN) {
    throw new Error('Invalid environment: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN go together.');
  }
  return {
    secretKeys: parseKeys(e.CHANNELS_SECRET_KEYS),
    allowPrivateHosts: e.CHANNELS_ALLOW_PRIVATE_HOSTS === 'true' || e.CHANNELS_ALLOW_PRIVATE_HOSTS === '1',
    inbound:
      e.INBOUND_SMTP_PORT === undefined
        ? null
        : {
            port: e.INBOUND_SMTP_PORT,
            host: e.INBOUND_SMTP_HOST,
            domain: e.INBOUND_DOMAIN!.toLowerCase(),
            maxBytes: e.INBOUND_MAX_BYTES,
            perWorkspacePerHour: e.INBOUND_PER_WORKSPACE_PER_HOUR,
            perSenderPerHour: e.INBOUND_PER_SENDER_PER_HOUR,
            tls: e.INBOUND_TLS_CERT ? { certFile: e.INBOUND_TLS_CERT, keyFile: e.INBOUND_TLS_KEY! } : null,
          },
    oauth: mailOAuthProvidersFrom(present),
    twilio: e.TWILIO_ACCOUNT_SID ? { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN!, apiUrl: e.TWILIO_API_URL } : null,
  };
}
