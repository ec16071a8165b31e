// Test helper: GraphQL multipart requests (TestClient.gql only sends JSON).
import type { GqlResult, TestApp, TestClient } from '../../test/test-app.js';

export const UPLOAD = `mutation($file: File!, $attachTo: ID!) {
  uploadFile(file: $file, attachTo: $attachTo) { id name contentType size sha256 downloadUrl uploadedBy { name } }
}`;

export interface TestFile {
  name: string;
  type?: string;
  bytes: Uint8Array | string;
}

/** operations + map + one file part, per https://github.com/jaydenseric/graphql-multipart-request-spec. */
export function uploadForm(attachTo: string, file: TestFile, query = UPLOAD): FormData {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query, variables: { file: null, attachTo } }));
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  const bytes = typeof file.bytes === 'string' ? new TextEncoder().encode(file.bytes) : file.bytes;
  form.set('0', new Blob([new Uint8Array(bytes)], { type: file.type ?? '' }), file.name);
  return form;
}

/** Headers a browser would send: the session cookie, the workspace and the CSRF header multipart needs. */
export function clientHeaders(client: TestClient): Record<string, string> {
  return {
    'x-kith-csrf': '1',
    ...(client.cookie ? { cookie: client.cookie } : {}),
    ...(client.authorization ? { authorization: client.authorization } : {}),
    ...(client.workspaceId ? { 'x-workspace-id': client.workspaceId } : {}),
  };
}

/** Uploads in-process through Yoga, as TestClient.gql does for JSON. */
export async function uploadAs(app: TestApp, client: TestClient, attachTo: string, file: TestFile, query = UPLOAD): Promise<GqlResult> {
  const response = await app.yoga.fetch(
    'http://localhost/graphql',
    { method: 'POST', headers: clientHeaders(client), body: uploadForm(attachTo, file, query) },
    { ip: client.ip },
  );
  return (await response.json()) as GqlResult;
}
