/**
 * Every protection limit in one place: defaults here, overridden by environment variables in
 * `server/config.ts`, and by tests through `testConfig({ protection: protectionLimits({...}) })`.
 */
export interface ProtectionConfig {
  rateLimit: {
    /** Requests (GraphQL operations, subscriptions included) per minute per API key or session; 0 turns limiting off. */
    perMinute: number;
    /** Operations per minute per IP for callers who are not signed in; 0 turns limiting off. */
    anonymousPerMinute: number;
    /** API-key authentications that may fail per minute per IP before keys from it are no longer looked up; 0 turns it off. */
    failedAuthPerMinute: number;
  };
  query: {
    /** Deepest field nesting (introspection fields do not count). */
    maxDepth: number;
    /** Largest estimated cost: one per field, lists times 10, connections times `first` (or `last`, default 20). */
    maxComplexity: number;
    /** Most aliased fields in one document. */
    maxAliases: number;
    /** Most lexical tokens in one document (graphql `parse` `maxTokens`). */
    maxTokens: number;
    /** Most operations in one batched request (a JSON array body). */
    maxBatch: number;
  };
  /** Origins allowed to call /graphql from a browser (CORS, with credentials); empty means same origin only. */
  corsOrigins: string[];
  /** Largest GraphQL request body (HTTP, uploads aside) and largest graphql-ws message, in bytes. */
  maxBodyBytes: number;
}

export const DEFAULT_PROTECTION: ProtectionConfig = {
  rateLimit: { perMinute: 600, anonymousPerMinute: 300, failedAuthPerMinute: 30 },
  query: { maxDepth: 12, maxComplexity: 50_000, maxAliases: 30, maxTokens: 5_000, maxBatch: 10 },
  corsOrigins: [],
  maxBodyBytes: 1024 * 1024,
};

type Loose<T> = { [K in keyof T]?: T[K] | undefined };
type Overrides = {
  rateLimit?: Loose<ProtectionConfig['rateLimit']>;
  query?: Loose<ProtectionConfig['query']>;
  corsOrigins?: string[] | undefined;
  maxBodyBytes?: number | undefined;
};

const defined = <T extends object>(values: T | undefined) =>
  Object.fromEntries(Object.entries(values ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;

/** The defaults with some limits changed (undefined values keep the default). */
export function protectionLimits(overrides: Overrides = {}, base: ProtectionConfig = DEFAULT_PROTECTION): ProtectionConfig {
  return {
    rateLimit: { ...base.rateLimit, ...defined(overrides.rateLimit) },
    query: { ...base.query, ...defined(overrides.query) },
    corsOrigins: overrides.corsOrigins ?? base.corsOrigins,
    maxBodyBytes: overrides.maxBodyBytes ?? base.maxBodyBytes,
  };
}
