import { workspaceId } from './workspace';

export interface UploadedAttachment {
  id: string;
  name: string;
}

const UPLOAD = `mutation UploadFile($file: File!, $attachTo: ID!) { uploadFile(file: $file, attachTo: $attachTo) { id name } }`;

/**
 * A GraphQL multipart request (jaydenseric's spec) through XMLHttpRequest, the one browser API that
 * reports upload progress; same headers as the urql client. Resolves to the attachment or an error message.
 */
export function uploadFile(attachTo: string, file: File, onProgress: (fraction: number) => void): Promise<{ attachment?: UploadedAttachment; error?: string }> {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: UPLOAD, variables: { file: null, attachTo } }));
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', file, file.name);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/graphql');
    xhr.withCredentials = true;
    xhr.setRequestHeader('x-kith-csrf', '1');
    const workspace = workspaceId();
    if (workspace) xhr.setRequestHeader('x-workspace-id', workspace);
    xhr.setRequestHeader('accept', 'application/graphql-response+json, application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => resolve({ error: 'Kith cannot be reached. Check your connection and try again.' });
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as { data?: { uploadFile?: UploadedAttachment }; errors?: { message: string }[] };
        if (body.errors?.length) resolve({ error: body.errors[0]!.message });
        else if (body.data?.uploadFile) resolve({ attachment: body.data.uploadFile });
        else resolve({ error: 'Something went wrong.' });
      } catch {
        resolve({ error: xhr.status === 413 ? 'The file is too large.' : 'Something went wrong.' });
      }
    };
    xhr.send(form);
  });
}
