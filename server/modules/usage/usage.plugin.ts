import { Kind, type DocumentNode, type ExecutionResult, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AppServices } from '../../app-services.js';
import type { Context } from '../../context.js';
import { parseWorkspaceId } from '../workspaces/workspace-id.js';
import { usageRecorderFor, type UsageRecorder } from './usage.recorder.js';
import { parseUserAgent } from './user-agent.js';

const MAX_NAME = 100;
/** Operations that are themselves usage plumbing, not usage worth counting. */
const NOT_COUNTED = new Set(['recordPageView']);

function operationOf(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
}

function rootFields(operation: OperationDefinitionNode | undefined): string[] {
  const names = (operation?.selectionSet.selections ?? []).flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  return [...new Set(names.filter((name) => !name.startsWith('__')))];
}

function statusOf(errors: readonly GraphQLError[] | undefined): string {
  if (!errors?.length) return 'ok';
  const code = errors[0]?.extensions?.code;
  return typeof code === 'string' ? code.slice(0, 40) : 'INTERNAL_SERVER_ERROR';
}

/** The workspace a call acted on: an API key's own, else the `workspaceId` variable or the header (checked at flush). */
function workspaceOf(context: Context, variables: Record<string, unknown> | null | undefined): string | null {
  if (context.viewer?.apiKey) return context.viewer.apiKey.workspaceId;
  const explicit = typeof variables?.workspaceId === 'string' ? variables.workspaceId : null;
  try {
    return parseWorkspaceId(explicit ?? context.request.workspaceHeader);
  } catch {
    return null;
  }
}

function startCall(args: {
  contextValue: unknown;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
}): Call {
  const { contextValue, document, operationName, variableValues } = args;
  return { context: contextValue as Context, document, operationName, variables: variableValues, startedAt: Date.now(), startedAtPerf: performance.now() };
}

interface Call {
  context: Context;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  startedAt: number;
  /** performance.now() at the start, for the duration. */
  startedAtPerf: number;
}

function recordCall(recorder: UsageRecorder, call: Call, errors: readonly GraphQLError[] | undefined) {
  const { context } = call;
  if (!context?.request) return;
  const operation = operationOf(call.document, call.operationName);
  const fields = rootFields(operation);
  if (fields.length > 0 && fields.every((field) => NOT_COUNTED.has(field))) return;
  const device = parseUserAgent(context.request.userAgent);
  const base = {
    workspaceId: workspaceOf(context, call.variables),
    userId: context.viewer?.user.id ?? null,
    apiKeyId: context.viewer?.apiKey?.id ?? null,
    status: statusOf(errors),
    ip: context.request.ip || null,
    ...device,
    createdAt: new Date(call.startedAt),
  };
  const name = (operation?.name?.value ?? call.operationName ?? `anonymous ${operation?.operation ?? 'query'}`).slice(0, MAX_NAME);
  recorder.record({ ...base, kind: 'API_CALL', name, durationMs: Math.round(performance.now() - call.startedAtPerf) });
  for (const field of fields) recorder.record({ ...base, kind: 'FEATURE', name: field.slice(0, MAX_NAME), durationMs: null });
}

/**
 * Records every GraphQL operation (HTTP and graphql-ws): one API_CALL row with its name, duration and
 * status, and one FEATURE row per root field used. Writes are buffered (see UsageRecorder) and flushed
 * when Yoga is disposed at shutdown.
 */
export function useUsageRecording(app: AppServices): Plugin {
  const recorder = usageRecorderFor(app);
  return {
    onExecute({ args }) {
      const call = startCall(args);
      return {
        onExecuteDone({ result }) {
          const errors = Symbol.asyncIterator in result ? undefined : (result as ExecutionResult).errors;
          recordCall(recorder, call, errors);
        },
      };
    },
    onSubscribe({ args }) {
      const call = startCall(args);
      return {
        onSubscribeResult({ result }) {
          const errors = Symbol.asyncIterator in result ? undefined : (result as ExecutionResult).errors;
          recordCall(recorder, call, errors);
        },
      };
    },
    onDispose: () => recorder.close(),
  };
}
