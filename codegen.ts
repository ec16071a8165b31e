// GraphQL Code Generator config for the web client. It reads the committed schema.graphql, so generating
// client types never loads the server. `npm run codegen` writes client/src/gql/ (committed);
// `npm run codegen:check` fails when that folder is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';
import { cacheKeysPlugin } from './client/scripts/cache-keys-plugin.js';

type CodegenPlugin = Awaited<ReturnType<NonNullable<CodegenConfig['pluginLoader']>>>;

// Plugins of this repository, by the first name codegen asks its loader for.
const localPlugins: Record<string, CodegenPlugin> = { '@graphql-codegen/kith-cache-keys': { plugin: cacheKeysPlugin } };

const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'client/src/gql/': {
      documents: ['client/src/**/*.{ts,tsx}', '!client/src/gql/**', '!client/src/**/*.test.ts'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      // Only the types the client's operations use: other engineers' schema changes do not churn it.
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        onlyOperationTypes: true,
        scalars: { DateTime: 'string', Date: 'string', JSONObject: 'Record<string, unknown>', File: 'File' },
      },
    },
    // Graphcache's keys and updater list (client/src/lib/client.ts), from the same schema.
    'client/src/gql/cache-keys.ts': { plugins: ['kith-cache-keys'] },
    // The browser extension's operations, as plain strings (no graphql runtime in the extension bundle).
    'extension/src/gql/': {
      documents: ['extension/src/**/*.{ts,tsx}', '!extension/src/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        onlyOperationTypes: true,
        documentMode: 'string',
        scalars: { DateTime: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
  ignoreNoDocuments: true,
  pluginLoader: async (name: string): Promise<CodegenPlugin> => localPlugins[name] ?? ((await import(name)) as CodegenPlugin),
};

export default config;
