import { Show, type Component } from 'solid-js';
import { AiUsageSummary } from '../../../components/ai/AiUsageSummary';
import { SettingsFrame } from '../../../components/SettingsNav';
import { useSession } from '../../../lib/session';
import { MySessions } from './MySessions';
import { WorkspaceUsage } from './WorkspaceUsage';

/** Usage of the workspace (for roles that may read it) and your own sessions. */
const Usage: Component = () => {
  const session = useSession();
  return (
    <SettingsFrame title={session.can('usage:read') ? 'Usage and sessions' : 'Sessions'}>
      <Show when={session.can('usage:read')}>
        <WorkspaceUsage />
        <AiUsageSummary />
      </Show>
      <MySessions />
    </SettingsFrame>
  );
};

export default Usage;
