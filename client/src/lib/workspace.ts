import { createSignal } from 'solid-js';

const KEY = 'kith.workspace';

/** The workspace the user works in; sent as `x-workspace-id` and remembered on this device. */
const [workspaceId, setWorkspaceIdSignal] = createSignal<string | null>(readStored());

function readStored(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export { workspaceId };

export function selectWorkspace(id: string | null) {
  try {
    if (id) localStorage.setItem(KEY, id);
    else localStorage.removeItem(KEY);
  } catch {
    // Private mode: the choice lasts for this tab only.
  }
  setWorkspaceIdSignal(id);
}

/** Bumped on sign-in and sign-out: the app starts over with a fresh client and cache. */
const [sessionEpoch, setSessionEpoch] = createSignal(0);
export { sessionEpoch };
export const restartSession = () => setSessionEpoch((n) => n + 1);
