import { A } from '@solidjs/router';
import { Show, type ParentComponent } from 'solid-js';
import { useSession } from '../lib/session';
import { ChannelsNavLink } from './channels/ChannelsNavLink';

export const SettingsFrame: ParentComponent<{ title: string }> = (props) => {
  const session = useSession();
  return (
    <section class="page settings-page">
      <h1>Settings</h1>
      <nav aria-label="Settings" class="subnav">
        <A href="/settings" end activeClass="active">
          Profile
        </A>
        <A href="/settings/preferences" activeClass="active">
          Preferences
        </A>
        <Show when={session.can('workspace:settings')}>
          <A href="/settings/workspace" activeClass="active">
            Workspace
          </A>
        </Show>
        <A href="/settings/members" activeClass="active">
          Members
        </A>
        <Show when={session.can('apiKeys:manage')}>
          <A href="/settings/api-keys" activeClass="active">
            API keys
          </A>
        </Show>
        <Show when={session.can('customFields:manage')}>
          <A href="/settings/custom-fields" activeClass="active">
            Custom fields
          </A>
        </Show>
        <Show when={session.can('webhooks:manage')}>
          <A href="/settings/webhooks" activeClass="active">
            Webhooks
          </A>
        </Show>
        <Show when={session.can('audit:read')}>
          <A href="/settings/audit-log" activeClass="active">
            Audit log
          </A>
        </Show>
        <Show when={session.can('records:create')}>
          <A href="/settings/import" activeClass="active">
            Import
          </A>
        </Show>
        <Show when={session.can('workspace:export')}>
          <A href="/settings/export" activeClass="active">
            Export
          </A>
        </Show>
        <A href="/settings/usage" activeClass="active">
          {session.can('usage:read') ? 'Usage and sessions' : 'Sessions'}
        </A>
        <A href="/settings/privacy" activeClass="active">
          Privacy
        </A>
        <Show when={session.can('billing:manage')}>
          <A href="/settings/billing" activeClass="active">
            Billing
          </A>
        </Show>
        <ChannelsNavLink />
      </nav>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
};
