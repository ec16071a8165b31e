// GraphQL Code Generator config for the web client. It reads the committed schema.graphql,
// so generating client types never loads the server. The client preset is added with the client.
const config = {
  schema: 'schema.graphql',
  documents: ['client/src/**/*.{ts,tsx}', '!client/src/gql/**'],
  generates: {
    'client/src/gql/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true },
    },
  },
  ignoreNoDocuments: true,
};

export default config;
