// Whether AI shows at all (instance provider, workspace switch, permission), and which kinds of request the
// user has already seen a "what will be sent" preview for on this device.
import { createQuery } from '@urql/solid';
import { graphql } from '../../gql';
import { useSession } from '../../lib/session';

export const WorkspaceAiQuery = graphql(`
  query WorkspaceAi { workspaceAi { available enabled model monthlyTokenBudget tokensUsedThisMonth budgetExhausted resetsAt } }
`);

export function useWorkspaceAi() {
  const session = useSession();
  const [result, refetch] = createQuery({ query: WorkspaceAiQuery });
  const state = () => result.data?.workspaceAi;
  return {
    state,
    refetch: () => refetch(),
    /** Every AI control is absent unless this holds. */
    usable: () => Boolean(state()?.available && state()?.enabled && session.can('ai:use')),
    exhausted: () => Boolean(state()?.budgetExhausted),
  };
}

const KEY = 'kith.ai.previewed';

function previewed(): string[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}

export const hasSeenPreview = (feature: string) => previewed().includes(feature);

export function markPreviewSeen(feature: string) {
  try {
    localStorage.setItem(KEY, JSON.stringify([...new Set([...previewed(), feature])]));
  } catch {
    // Private mode: the preview shows again next time.
  }
}
