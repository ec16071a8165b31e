import { createComplexityRule } from '@pothos/plugin-complexity';
import { NoSchemaIntrospectionCustomRule, parse, validate, type ExecutionArgs, type ExecutionResult, type ParseOptions } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../../context.js';
import { unauthenticated } from '../../errors.js';
import { perOperation } from '../per-operation.js';
import type { ProtectionConfig } from './limits.js';
import { aliasLimitRule, depthLimitRule, isTooManyTokens, queryLimitError } from './query-limits.js';
import { rateLimitedError, rateLimitHeaders, rateLimitKey, type RateLimitState, type RequestRateLimiter } from './rate-limit.js';

type Stop = (result: ExecutionResult) => void;
/** A check run before each operation (HTTP or WebSocket, query, mutation or subscription). */
type OperationCheck = (args: ExecutionArgs, stop: Stop) => void | Promise<void>;

const beforeEachOperation = (check: OperationCheck): Plugin => ({
  onExecute: ({ args, setResultAndStopExecution }) => check(args, setResultAndStopExecution),
  onSubscribe: ({ args, setResultAndStopExecution }) => check(args, setResultAndStopExecution),
});

/**
 * Counts every operation against its principal's budget (a batch counts each of its operations);
 * over budget, the operation is refused with RATE_LIMITED and HTTP 429. Every counted HTTP
 * response carries the RateLimit-* headers.
 */
export function useRateLimit(limiter: RequestRateLimiter): Plugin {
  const states = new WeakMap<object, RateLimitState>();
  return {
    ...beforeEachOperation(async (args, stop) => {
      const context = args.contextValue as Context;
      const state = await limiter.consume(rateLimitKey(context));
      if (!state) return;
      states.set(context, state);
      if (!state.allowed) stop({ errors: [rateLimitedError(state)] });
    }),
    // Yoga builds the GraphQL context on top of the server context, so both are the same object.
    onResponse({ serverContext, response }) {
      const state = serverContext && states.get(serverContext);
      if (!state) return;
      for (const [name, value] of Object.entries(rateLimitHeaders(state))) response.headers.set(name, value);
    },
  };
}

/** Depth, aliases and tokens are checked while parsing and validating; cost and batch size per request. */
export function useQueryLimits(limits: ProtectionConfig['query']): Plugin {
  return {
    onParse({ setParseFn }) {
      setParseFn((source: string, options?: ParseOptions) => {
        try {
          return parse(source, { ...options, maxTokens: limits.maxTokens });
        } catch (error) {
          throw isTooManyTokens(error) ? queryLimitError('tokens', null, limits.maxTokens) : error;
        }
      });
    },
    onValidate({ addValidationRule }) {
      addValidationRule(depthLimitRule(limits.maxDepth));
      addValidationRule(aliasLimitRule(limits.maxAliases));
    },
    onRequestParse: () => ({
      onRequestParseDone({ requestParserResult }) {
        if (Array.isArray(requestParserResult) && requestParserResult.length > limits.maxBatch) {
          throw queryLimitError('batch', requestParserResult.length, limits.maxBatch);
        }
      },
    }),
    // Cost depends on the variables (`first: $n`), so it is measured per operation and variables, not cached with the document.
    ...beforeEachOperation((args, stop) => {
      const cost = costOf(args);
      if (cost > limits.maxComplexity) stop({ errors: [queryLimitError('complexity', cost, limits.maxComplexity)] });
    }),
  };
}

/** The estimated cost of the operation (field costs never read the context); 0 when graphql refuses it, as execution will. */
const costOf = perOperation((args: ExecutionArgs) => {
  let cost = 0;
  const rule = createComplexityRule({
    context: {},
    variableValues: args.variableValues ?? {},
    operationName: args.operationName ?? undefined,
    validate: () => undefined,
    onResult: (state) => (cost = Math.max(cost, state.complexity)),
  });
  // Its own errors (unknown operation, bad variables, arguments failing validation) are left for execution to report.
  try {
    validate(args.schema, args.document, [rule]);
  } catch {
    return 0;
  }
  return cost;
});

/** In production, the schema is introspectable only by signed-in callers (people or API keys). */
export function useIntrospectionGate(env: string): Plugin {
  if (env !== 'production') return {};
  return beforeEachOperation((args, stop) => {
    if ((args.contextValue as Context).viewer) return;
    if (validate(args.schema, args.document, [NoSchemaIntrospectionCustomRule]).length === 0) return;
    stop({ errors: [unauthenticated('Sign in (or use an API key) to introspect the schema.')] });
  });
}
