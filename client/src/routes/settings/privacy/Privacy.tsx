import { Show, type Component } from 'solid-js';
import { SettingsFrame } from '../../../components/SettingsNav';
import { useSession } from '../../../lib/session';
import { AccountDeletion } from './AccountDeletion';
import { ExportMyData } from './ExportMyData';
import { PendingDeletions } from './PendingDeletions';
import { WorkspaceDeletion } from './WorkspaceDeletion';

/** Your data: export it, cancel or request a workspace's deletion, delete your account. */
const Privacy: Component = () => {
  const session = useSession();
  return (
    <SettingsFrame title="Privacy">
      <div class="stack">
        <ExportMyData />
        <PendingDeletions />
        <Show when={session.can('workspace:delete')}>
          <WorkspaceDeletion />
        </Show>
        <AccountDeletion />
      </div>
    </SettingsFrame>
  );
};

export default Privacy;
