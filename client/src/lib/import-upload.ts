import { workspaceId } from './workspace';

export interface UploadedImport {
  id: string;
}

/**
 * Sends the file as the raw body of POST /imports/upload (streamed by the server into storage, never
 * buffered whole) through XMLHttpRequest, the one browser API that reports upload progress.
 */
export function uploadImportFile(file: File, onProgress: (fraction: number) => void): Promise<{ upload?: UploadedImport; error?: string }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/imports/upload?name=${encodeURIComponent(file.name)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('x-kith-csrf', '1');
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    const workspace = workspaceId();
    if (workspace) xhr.setRequestHeader('x-workspace-id', workspace);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => resolve({ error: 'Kith cannot be reached. Check your connection and try again.' });
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as { import?: UploadedImport; error?: { message: string } };
        if (body.import) resolve({ upload: body.import });
        else resolve({ error: body.error?.message ?? 'Something went wrong.' });
      } catch {
        resolve({ error: 'Something went wrong.' });
      }
    };
    xhr.send(file);
  });
}
