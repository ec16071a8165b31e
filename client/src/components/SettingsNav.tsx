import { A } from '@solidjs/router';
import { For, Show, type ParentComponent } from 'solid-js';
import { useSession, type Session } from '../lib/session';
import { ChannelsNavLink } from './channels/ChannelsNavLink';

interface Link {
  path: string;
  label: string | ((session: Session) => string);
  /** Shown only to roles holding it. */
  permission?: string;
}

const LINKS: Link[] = [
  { path: '', label: 'Profile' },
  { path: '/preferences', label: 'Preferences' },
  { path: '/workspace', label: 'Workspace', permission: 'workspace:settings' },
  { path: '/members', label: 'Members' },
  { path: '/api-keys', label: 'API keys', permission: 'apiKeys:manage' },
  { path: '/custom-fields', label: 'Custom fields', permission: 'customFields:manage' },
  { path: '/webhooks', label: 'Webhooks', permission: 'webhooks:manage' },
  { path: '/audit-log', label: 'Audit log', permission: 'audit:read' },
  { path: '/import', label: 'Import', permission: 'records:create' },
  { path: '/export', label: 'Export', permission: 'workspace:export' },
  { path: '/usage', label: (session) => (session.can('usage:read') ? 'Usage and sessions' : 'Sessions') },
  { path: '/privacy', label: 'Privacy' },
  { path: '/billing', label: 'Billing', permission: 'billing:manage' },
];

/** A settings screen: the settings navigation (the links the role may use), then the screen under its title. */
export const SettingsFrame: ParentComponent<{ title: string }> = (props) => {
  const session = useSession();
  return (
    <section class="page settings-page">
      <h1>Settings</h1>
      <nav aria-label="Settings" class="subnav">
        <For each={LINKS}>
          {(link) => (
            <Show when={!link.permission || session.can(link.permission)}>
              <A href={`/settings${link.path}`} end={link.path === ''} activeClass="active">
                {typeof link.label === 'string' ? link.label : link.label(session)}
              </A>
            </Show>
          )}
        </For>
        <ChannelsNavLink />
      </nav>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
};
